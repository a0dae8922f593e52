"""From the configuration file to a printer: `printer_from_config(cfg)`."""

from __future__ import annotations

from pathlib import Path

from kiosk.config import KioskConfig
from kiosk.printing.result import GuardedPrinter, ReceiptPrinter


def pdf_folder(cfg: KioskConfig) -> Path:
    """printer.pdf_dir, relative to the config file; empty means receipts/ in the data folder."""
    return cfg.path_of("printer.pdf_dir") if cfg["printer.pdf_dir"] else cfg.data_dir / "receipts"


def printer_from_config(cfg: KioskConfig) -> ReceiptPrinter | None:
    """The configured printer, or None when printer.kind is "none".

    The device was checked when the configuration was loaded (kiosk.config); once built, a
    printer never raises: see ReceiptPrinter.
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
    return GuardedPrinter(EscposBackend(
        kind, device, cfg["printer.codepage"], cfg["printer.width_chars"],
        cfg["printer.baudrate"], timeout))
