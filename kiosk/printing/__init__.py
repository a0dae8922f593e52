"""Printing the citizen's receipt: PDF, ESC/POS thermal printers, or the system's printer.

    printer = printer_from_config(cfg)          # None when printer.kind = "none"
    result = printer.print_receipt(lines, qr)   # BLOCKING: call it from a worker thread
    result.ok, result.message(lang), result.detail

`print_receipt` never raises. See docs/printing.md.
"""

from kiosk.printing.factory import printer_from_config
from kiosk.printing.result import PrinterUnavailable, PrintResult, ReceiptPrinter

__all__ = ["PrintResult", "PrinterUnavailable", "ReceiptPrinter", "printer_from_config"]
