"""From the configuration file to a printer: `printer_from_config(cfg)`."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import ConfigError, KioskConfig
from kiosk.printing.result import GuardedPrinter, ReceiptPrinter

DEVICE_EXAMPLES = {
    "escpos-usb": "/dev/usb/lp0",
    "escpos-serial": "/dev/ttyUSB0",
    "escpos-network": "192.168.1.50:9100",
}


def pdf_folder(cfg: KioskConfig) -> Path:
    """printer.pdf_dir, relative to the config file; empty means receipts/ in the data folder."""
    configured = cfg["printer.pdf_dir"]
    if not configured:
        return cfg.data_dir / "receipts"
    path = Path(configured).expanduser()
    return path if path.is_absolute() else cfg.base_dir / path


def printer_from_config(cfg: KioskConfig) -> ReceiptPrinter | None:
    """The configured printer, or None when printer.kind is "none".

    Raises ConfigError (at start, like every setting) only when printer.device is missing or
    malformed for the kind; once built, a printer never raises: see ReceiptPrinter.
    """
    from kiosk.printing.backends import EscposBackend, PdfBackend, SystemBackend

    kind, device = cfg["printer.kind"], cfg["printer.device"].strip()
    if kind == "none":
        return None
    if kind == "pdf":
        return GuardedPrinter(PdfBackend(pdf_folder(cfg), cfg["printer.pdf_paper"]))
    timeout = float(cfg["printer.timeout_seconds"])
    if kind == "system":  # empty device: the system's default queue
        return GuardedPrinter(SystemBackend(device, cfg["printer.pdf_paper"], timeout))
    if not device:
        raise ConfigError(f"{cfg.source}: key 'printer.device' is empty; printer.kind "
                          f"{kind!r} needs one, e.g. {DEVICE_EXAMPLES[kind]!r}.")
    if kind == "escpos-network":
        from kiosk.printing.result import PrinterUnavailable
        from kiosk.printing.transports import parse_host_port

        try:
            parse_host_port(device)
        except PrinterUnavailable as error:
            raise ConfigError(f"{cfg.source}: key {error}.") from None
    return GuardedPrinter(EscposBackend(
        kind, device, cfg["printer.codepage"], cfg["printer.width_chars"],
        cfg["printer.baudrate"], timeout))
