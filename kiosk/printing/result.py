"""The printer contract: what the kiosk calls, what comes back, and the guard that never raises.

`print_receipt` is a plain BLOCKING call (a USB printer that is off can hold a write for
seconds, a network printer up to printer.timeout_seconds): call it from a worker thread, never
from the GUI thread. It never raises: every failure becomes a PrintResult with ok=False, a
message key for the citizen and a detail for the operator naming the device and what to do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from kiosk.printing.messages import message

log = logging.getLogger(__name__)


class PrinterUnavailable(Exception):
    """A failure the operator can fix; the text names the device and what to do."""


@dataclass(frozen=True, slots=True)
class PrintResult:
    ok: bool
    message_key: str  # a key of kiosk.printing.messages, for the citizen
    detail: str  # for the operator and the log: device, cause, what to do
    reference: str = ""  # the receipt's reference, filled into the citizen's message

    def message(self, lang: str) -> str:
        """The sentence to show and speak to the citizen, in `lang`."""
        return message(self.message_key, lang, reference=self.reference)


class ReceiptPrinter(Protocol):
    """Anything that can print a receipt; `printer_from_config` builds the right one."""

    @property
    def description(self) -> str:
        """One line for operators, e.g. "ESC/POS thermal printer on /dev/usb/lp0"."""
        ...

    def print_receipt(self, lines: list[str], qr_payload: str) -> PrintResult:
        """Print the receipt lines (reading order) and the QR code. Blocking; never raises."""
        ...


class Backend(Protocol):
    """One kind of output; may raise PrinterUnavailable (or anything: the guard catches it)."""

    description: str

    def deliver(self, lines: list[str], qr_payload: str, reference: str) -> PrintResult: ...


@dataclass(frozen=True, slots=True)
class GuardedPrinter:
    """Turns every exception of a backend into a failed PrintResult, logged for operators."""

    backend: Backend

    @property
    def description(self) -> str:
        return self.backend.description

    def print_receipt(self, lines: list[str], qr_payload: str) -> PrintResult:
        from kiosk.printing.layout import reference_in

        reference = ""
        try:
            reference = reference_in(str(qr_payload), list(lines))
            return self.backend.deliver(list(lines), str(qr_payload), reference)
        except PrinterUnavailable as error:
            detail = f"{self.description}: {error}"
        except Exception as error:  # a bug must not cost the citizen the receipt screen
            log.exception("unexpected printing failure on %s", self.description)
            detail = (f"{self.description}: unexpected error {type(error).__name__}: {error}. "
                      "Run `kiosk print-test` and report the output.")
        log.warning("receipt not printed: %s", detail)
        key = "print.failed" if reference else "print.failed_no_reference"
        return PrintResult(False, key, detail, reference)
