"""The receipt: a reference easy to read aloud, spelled by the voice, and a QR code that decodes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from kiosk.catalog import load_catalog
from kiosk.receipt import (
    ALPHABET,
    normalize_reference,
    qr_image,
    qr_matrix,
    qr_payload,
    receipt_lines,
    reference_for,
    spell_reference,
    spoken_receipt,
)

CLIENT_ID = "2c732e1f-b4df-45ce-acdf-8387d9e48ad9"
HUB = "https://hub.example.fr"


def decode(image: Image.Image) -> str:
    [result] = zxingcpp.read_barcodes(image)
    assert result.format == zxingcpp.BarcodeFormat.QRCode
    return result.text


def test_the_alphabet_never_holds_both_characters_people_confuse():
    for pair in ("0O", "1I", "1L", "IL", "5S", "8B", "2Z"):
        assert not set(pair) <= set(ALPHABET), pair
    assert not set("0O1IL") & set(ALPHABET)


@given(st.uuids())
def test_a_reference_is_six_unambiguous_characters_in_two_groups(client_id):
    reference = reference_for(client_id)
    assert len(reference) == 7 and reference[3] == "-"
    assert all(char in ALPHABET for char in reference.replace("-", ""))
    assert reference_for(str(client_id)) == reference  # the hub computes the same one


def test_a_dictated_reference_is_read_back_whatever_its_case_and_spacing():
    reference = reference_for(CLIENT_ID)
    assert normalize_reference(reference.lower().replace("-", " ")) == reference
    assert normalize_reference("K7M-4QO") is None  # O is never in a reference
    assert normalize_reference("x" * 1000) is None


def test_the_reference_is_spelled_character_by_character_in_french():
    # The French voice reads "7" as "sept" (tests/voice/test_voice_languages_spelling.py).
    assert spell_reference("K7M-4QF") == "K, 7, M, tiret, 4, Q, F"


def test_the_qr_code_holds_the_tracking_link_and_the_reference_only():
    payload = qr_payload(HUB, CLIENT_ID)
    reference = reference_for(CLIENT_ID)
    assert payload == f"{HUB}/suivi/{CLIENT_ID}?ref={reference}"
    assert decode(qr_image(payload)) == payload


def test_the_qr_matrix_draws_the_same_code(tmp_path):
    payload = qr_payload(HUB + "/", CLIENT_ID)
    matrix = qr_matrix(payload)
    size = len(matrix)
    scale = 8
    image = Image.new("L", (size * scale, size * scale), 255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.paste(0, (x * scale, y * scale, (x + 1) * scale, (y + 1) * scale))
    assert decode(image) == payload


@given(st.uuids())
def test_every_receipt_qr_code_decodes_back(client_id):
    payload = qr_payload("http://127.0.0.1:8750", str(client_id))
    assert decode(qr_image(payload, box_size=4)) == payload


@pytest.mark.parametrize(("online", "line"), [
    (True, "votre demande part tout de suite."),
    (False, "Votre demande sera envoyée dès que la connexion revient."),
])
def test_the_receipt_says_honestly_whether_the_request_left(online, line):
    service = load_catalog().service("acte-naissance")
    lines = receipt_lines(reference="K7M-4QF", created_at=datetime(2026, 3, 14, 9, 5, tzinfo=UTC),
                          service=service, lang="fr", online=online)
    assert "Votre numéro : K7M-4QF" in lines
    assert any(line in text for text in lines)
    spoken = spoken_receipt("K7M-4QF", "fr", online=online)
    assert "K, 7, M, tiret, 4, Q, F" in spoken


def test_the_receipt_holds_no_personal_data():
    client_id = str(uuid.uuid4())
    payload = qr_payload(HUB, client_id)
    assert set(payload) <= set("abcdefghijklmnopqrstuvwxyz0123456789:/.-?=" + ALPHABET)
