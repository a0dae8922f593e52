"""The three kinds of output behind ReceiptPrinter: PDF files, ESC/POS thermal, CUPS."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from kiosk.printing.result import PrintResult


def _pdf_name(reference: str) -> str:
    # The reference is the request's; printing it again replaces the same file.
    return f"recu-{reference or 'sans-reference'}.pdf"


@dataclass(frozen=True, slots=True)
class PdfBackend:
    """Receipts as PDF files in a folder: the demo, tests, and sites without a printer."""

    folder: Path
    paper: str = "a6"

    @property
    def description(self) -> str:
        return f"PDF receipts ({self.paper}) in {self.folder}"

    def deliver(self, lines: list[str], qr_payload: str, reference: str) -> PrintResult:
        from kiosk.printing.pdf import write_pdf
        from kiosk.printing.result import PrinterUnavailable

        path = self.folder / _pdf_name(reference)
        try:
            write_pdf(lines, qr_payload, path, paper=self.paper, reference=reference)
        except OSError as error:
            raise PrinterUnavailable(
                f"cannot write {path}: {error.strerror or error}; check printer.pdf_dir "
                "and the free space") from None
        return PrintResult(True, "print.saved", f"written {path}", reference)


@dataclass(frozen=True, slots=True)
class EscposBackend:
    """A thermal receipt printer speaking ESC/POS over USB (usblp), serial or TCP 9100."""

    kind: str  # "escpos-usb", "escpos-serial" or "escpos-network"
    device: str
    codepage: str = "cp858"
    width_chars: int = 48
    baudrate: int = 9600
    timeout_seconds: float = 10.0

    @property
    def description(self) -> str:
        how = {"escpos-usb": "USB", "escpos-serial": "serial", "escpos-network": "network"}
        return f"ESC/POS thermal printer ({how[self.kind]}) on {self.device}"

    def deliver(self, lines: list[str], qr_payload: str, reference: str) -> PrintResult:
        from kiosk.printing import transports
        from kiosk.printing.escpos import encode_receipt

        data = encode_receipt(lines, qr_payload, codepage=self.codepage,
                              width_chars=self.width_chars, reference=reference)
        if self.kind == "escpos-network":
            transports.send_network(self.device, data, self.timeout_seconds)
        elif self.kind == "escpos-serial":
            transports.write_serial(self.device, data, self.baudrate)
        else:
            transports.write_device(self.device, data)
        return PrintResult(True, "print.printed",
                           f"sent {len(data)} bytes to {self.device}", reference)


@dataclass(frozen=True, slots=True)
class SystemBackend:
    """The operating system's printer (CUPS): the receipt as a PDF handed to `lp`.

    The PDF is a temporary file, deleted once CUPS has taken it (`lp` copies the job).
    """

    queue: str
    paper: str = "a6"
    timeout_seconds: float = 10.0

    @property
    def description(self) -> str:
        return f"system printer (CUPS queue {self.queue or 'default'})"

    def deliver(self, lines: list[str], qr_payload: str, reference: str) -> PrintResult:
        from kiosk.printing.pdf import write_pdf
        from kiosk.printing.transports import send_to_cups

        with tempfile.TemporaryDirectory(prefix="kiosk-receipt-") as scratch:
            pdf = write_pdf(lines, qr_payload, Path(scratch) / _pdf_name(reference),
                            paper=self.paper, reference=reference)
            send_to_cups(self.queue, pdf, self.timeout_seconds)
        return PrintResult(True, "print.printed",
                           f"queued on {self.queue or 'the default queue'}", reference)
