"""The back office's tracking page reads a reference typed on a phone set to Arabic or
Persian (its digits ٠-٩ or ۰-۹) as the reference it is: the same normaliser as the kiosk."""

from __future__ import annotations

import re

import pytest

from offline_cache.protocol import RequestState
from tests.hub.tracking_helpers import link_path, stored_request

pytestmark = pytest.mark.django_db
NATIVE = {"arabic": str.maketrans("23456789", "٢٣٤٥٦٧٨٩"),
          "persian": str.maketrans("23456789", "۲۳۴۵۶۷۸۹")}


@pytest.mark.parametrize("digits", NATIVE.values(), ids=NATIVE.keys())
def test_a_reference_with_native_digits_finds_the_request(client, digits):
    submission = stored_request(state=RequestState.DONE)
    while not re.search(r"\d", submission.reference):  # a reference of letters only: rare
        submission = stored_request(state=RequestState.DONE)
    typed = submission.reference.translate(digits).lower()
    assert typed != submission.reference.lower()
    html = client.get(link_path(submission, typed)).content.decode()
    assert re.search(r'id="etat"[^>]*>\s*Traitée\s*<', html)
