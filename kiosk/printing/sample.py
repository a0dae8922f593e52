"""A sample receipt for installers: a real receipt's lines plus every French accent."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from kiosk.printing.messages import message

# A fixed, made-up request: the QR of every test print leads to the same harmless page.
SAMPLE_CLIENT_ID = uuid.UUID("00000000-0000-4000-8000-000000000000")


def sample_receipt(hub_url: str, lang: str = "fr") -> tuple[list[str], str]:
    """(lines, qr_payload) of a receipt like a citizen's, framed as a test, with accents."""
    from kiosk.catalog import load_catalog
    from kiosk.receipt import qr_payload, receipt_lines, reference_for

    service = load_catalog().services[0]
    lines = receipt_lines(reference=reference_for(SAMPLE_CLIENT_ID),
                          created_at=datetime.now(UTC), service=service, lang=lang,
                          online=False)
    # The test title replaces the receipt's; "keep this ticket" gives way to the accents.
    sample = [message("print.test_title", lang), *lines[1:-1], message("print.test_accents", lang)]
    return sample, qr_payload(hub_url, str(SAMPLE_CLIENT_ID))
