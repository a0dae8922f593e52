"""A real printer, for an installer or a developer with one on the desk.

Skipped unless KIOSK_HARDWARE=1; KIOSK_CONFIG names a configuration whose [printer] table
points at the printer. Look at the paper afterwards: accents, big reference, QR a phone opens.
"""

import os

import pytest

from kiosk.cli import main

pytestmark = [
    pytest.mark.hardware,
    pytest.mark.skipif(os.environ.get("KIOSK_HARDWARE") != "1",
                       reason="needs a real printer: KIOSK_HARDWARE=1 KIOSK_CONFIG=site.toml"),
]


def test_the_configured_printer_takes_the_sample_receipt():
    assert main(["print-test"]) == 0
