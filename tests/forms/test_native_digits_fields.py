"""Every field made of digits takes them in Arabic-Indic (٠-٩) and Persian (۰-۹) digits too,
as a phone set to Arabic or Persian types them, and stores the Western digits the back office
reads; names in Arabic, Cyrillic, Turkish or Persian letters are names."""

from __future__ import annotations

import pytest

from kiosk.forms.commune_search import search_communes
from kiosk.forms.grouping import group_nir, group_phone
from kiosk.forms.validators import Invalid, Valid, validate
from kiosk.mediator import pins
from offline_cache.protocol import normalize_reference

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
NATIVE = pytest.mark.parametrize("digits", [ARABIC_INDIC, PERSIAN], ids=["arabic", "persian"])


def ok(step, raw, ctx):
    result = validate(step, raw, ctx)
    assert isinstance(result, Valid), result
    return result.value


@NATIVE
def test_a_postal_code_in_native_digits_is_that_postal_code(steps, ctx, digits):
    assert ok(steps["code_postal"], "75001".translate(digits), ctx) == {
        "postal_code": "75001", "commune": "Paris", "insee": "75056"}
    chosen = {"postal_code": "97600".translate(digits), "insee": "97611"}
    assert ok(steps["code_postal"], chosen, ctx)["commune"] == "Mamoudzou"


@NATIVE
def test_the_commune_list_follows_a_postal_code_typed_in_native_digits(digits):
    found = search_communes("24210".translate(digits))
    assert [commune.postal_code for commune in found.communes] == (
        [commune.postal_code for commune in search_communes("24210").communes])
    assert "Thenon" in {commune.name for commune in found.communes}


@NATIVE
def test_a_phone_number_in_native_digits_is_that_number(steps, ctx, digits):
    assert ok(steps["telephone"], "06 12 34 56 78".translate(digits), ctx) == "+33612345678"
    assert ok(steps["telephone"], "0690 12 34 56".translate(digits), ctx) == "+590690123456"
    assert group_phone("0612345678".translate(digits)) == "06 12 34 56 78"


@NATIVE
def test_a_number_in_native_digits_is_that_number_and_its_limits_hold(steps, ctx, digits):
    assert ok(steps["nombre_enfants"], "3".translate(digits), ctx) == 3
    assert validate(steps["nombre_enfants"], "21".translate(digits), ctx) == Invalid(
        "error.number.too_large", {"max": 20})


@NATIVE
def test_a_date_of_birth_in_native_digits_is_that_date(steps, ctx, digits):
    typed = tuple(part.translate(digits) for part in ("14", "07", "1948"))  # the three fields
    assert ok(steps["naissance"], typed, ctx) == "1948-07-14"
    assert ok(steps["naissance"], "14/07/1948".translate(digits), ctx) == "1948-07-14"
    assert validate(steps["naissance"], "31/02/1948".translate(digits), ctx) == Invalid(
        "error.date.invalid")


@NATIVE
def test_a_social_security_number_in_native_digits_is_checked_as_written(steps, ctx, digits):
    typed = "2 69 05 49 588 157 80".translate(digits)
    assert ok(steps["nir"], typed, ctx) == "269054958815780"
    assert validate(steps["nir"], "2 69 05 49 588 157 81".translate(digits), ctx) == Invalid(
        "error.nir.invalid")
    assert group_nir("269054958815780".translate(digits)) == "2 69 05 49 588 157 80"


@NATIVE
def test_an_iban_with_native_digits_is_that_iban(steps, ctx, digits):
    typed = "FR76 3000 6000 0112 3456 7890 189".translate(digits)
    assert ok(steps["iban"], typed, ctx) == "FR7630006000011234567890189"


@NATIVE
def test_a_reference_with_native_digits_is_that_reference(digits):
    assert normalize_reference("k7m 4qf".translate(digits)) == "K7M-4QF"
    assert normalize_reference("K7M-4Q0".translate(digits)) is None  # 0 is never in one


@NATIVE
def test_a_pin_typed_in_native_digits_unlocks_like_the_western_one(digits):
    cheap = pins.KdfParams(n=2**4, r=1, p=1)
    stored = pins.hash_pin("2468", cheap)
    assert pins.check_pin("2468".translate(digits), stored)
    assert not pins.check_pin("2469".translate(digits), stored)
    assert pins.check_pin("2468", pins.hash_pin("2468".translate(digits), cheap))


def test_free_text_and_emails_keep_the_digits_the_citizen_wrote(steps, ctx):
    """Only fields made of digits are read in Western digits: an address is the citizen's
    words, and an e-mail address with other digits is another address."""
    assert ok(steps["adresse"], "٣ شارع الحرية", ctx) == "٣ شارع الحرية"
    assert validate(steps["courriel"], "ali٧@exemple.fr", ctx) == Invalid("error.email.invalid")


@pytest.mark.parametrize("name", [
    "محمد بن علي",  # Arabic
    "مُحَمَّد",  # Arabic with its vowel marks
    "Олена Шевченко-Бойко",  # Ukrainian
    "Мар'яна",  # Ukrainian apostrophe, as our keyboard types it
    "Марʼяна",  # and as Ukrainian phones type it (U+02BC)
    "İlker Işıl Çağlar Öztürk",  # Turkish
    "Ștefan Țurcanu",  # Romanian, comma below
    "امیر\u200cحسین رضایی",  # Persian, with the zero-width non-joiner of its spelling
])
def test_names_in_other_alphabets_are_names(steps, ctx, name):
    assert ok(steps["nom"], name, ctx) == name


def test_a_name_is_still_refused_with_digits_of_any_kind(steps, ctx):
    assert validate(steps["nom"], "محمد٣", ctx) == Invalid("error.name.characters")
    assert validate(steps["nom"], "\u200c", ctx) == Invalid("error.name.characters")
