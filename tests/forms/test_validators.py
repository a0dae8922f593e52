"""Each field kind accepts what a citizen really types and explains, in plain words, what is not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kiosk.forms.communes import Commune
from kiosk.forms.validators import Context, Invalid, Valid, display_answer, validate


def ok(step, raw, ctx):
    result = validate(step, raw, ctx)
    assert isinstance(result, Valid), result
    return result.value


def refused(step, raw, ctx):
    result = validate(step, raw, ctx)
    assert isinstance(result, Invalid), result
    return result.key


def test_an_empty_required_answer_asks_for_an_answer(steps, ctx):
    assert refused(steps["nom"], "   ", ctx) == "error.required"
    assert refused(steps["aides"], [], ctx) == "error.required"


def test_an_empty_optional_answer_is_accepted_as_no_answer(steps, ctx):
    assert ok(steps["courriel"], "", ctx) is None
    assert display_answer(steps["courriel"], None, "fr") == "Pas de réponse"


def test_names_keep_accents_hyphens_and_apostrophes(steps, ctx):
    assert ok(steps["nom"], "  Hélène  d’Arc-Müller ", ctx) == "Hélène d'Arc-Müller"
    assert ok(steps["nom"], "Nguyễn Thị", ctx) == "Nguyễn Thị"
    assert ok(steps["nom"], "محمد", ctx) == "محمد"


def test_a_name_with_digits_or_symbols_is_explained(steps, ctx):
    assert refused(steps["nom"], "Jean3", ctx) == "error.name.characters"
    assert refused(steps["nom"], "<b>Jean</b>", ctx) == "error.name.characters"
    assert refused(steps["nom"], "--", ctx) == "error.name.characters"


def test_text_drops_control_and_bidi_override_characters(steps, ctx):
    assert ok(steps["adresse"], "3 rue\x00 de la\u202e Paix\x1b", ctx) == "3 rue de la Paix"


def test_a_description_keeps_its_line_breaks(steps, ctx):
    assert ok(steps["precisions"], "Ligne un\r\n\n\n\nLigne deux", ctx) == "Ligne un\n\nLigne deux"


def test_text_that_is_too_long_says_the_limit(steps, ctx):
    result = validate(steps["adresse"], "a" * 201, ctx)
    assert result == Invalid("error.too_long", {"max": 200})
    assert result.text("fr") == "C'est trop long. Écrivez 200 caractères au plus."


@pytest.mark.parametrize("raw", [(14, 7, 1948), "14/07/1948", "14.07.1948", "14071948",
                                 "1948-07-14", date(1948, 7, 14), {"day": 14, "month": 7,
                                                                   "year": 1948}])
def test_a_date_of_birth_is_read_in_every_usual_shape(steps, ctx, raw):
    assert ok(steps["naissance"], raw, ctx) == "1948-07-14"


def test_a_date_of_birth_is_shown_in_words(steps):
    assert display_answer(steps["naissance"], "1948-07-01", "fr") == "1er juillet 1948"
    assert display_answer(steps["naissance"], "1948-07-14", "en") == "14 July 1948"


def test_impossible_future_and_too_old_dates_are_each_explained(steps, ctx):
    assert refused(steps["naissance"], (31, 2, 1950), ctx) == "error.date.invalid"
    assert refused(steps["naissance"], (15, 3, 2026), ctx) == "error.date.future"
    assert refused(steps["naissance"], (14, 3, 1905), ctx) == "error.date.too_old"
    assert ok(steps["naissance"], (15, 3, 1905), ctx) == "1905-03-15"  # 121 tomorrow
    assert refused(steps["naissance"], "14/07/48", ctx) == "error.date.format"


def test_yes_no_accepts_booleans_and_words(steps, ctx):
    assert ok(steps["enfants"], True, ctx) == "yes"
    assert ok(steps["enfants"], "Non", ctx) == "no"
    assert refused(steps["enfants"], "peut-être", ctx) == "error.yes_no"


def test_choices_must_be_among_those_offered(steps, ctx):
    assert ok(steps["situation"], "couple", ctx) == "couple"
    assert refused(steps["situation"], "marié", ctx) == "error.choice.single"
    assert ok(steps["aides"], ["prime", "apl", "apl"], ctx) == ["apl", "prime"]
    assert refused(steps["aides"], ["apl", "chomage"], ctx) == "error.choice.multiple"
    assert display_answer(steps["aides"], ["apl", "prime"], "en") == "APL, Activity bonus"


def test_numbers_accept_spaces_and_respect_the_bounds(steps, ctx):
    assert ok(steps["nombre_enfants"], " 1 2 ", ctx) == 12
    assert validate(steps["nombre_enfants"], "0", ctx) == Invalid("error.number.too_small",
                                                                  {"min": 1})
    assert refused(steps["nombre_enfants"], "21", ctx) == "error.number.too_large"
    assert refused(steps["nombre_enfants"], "2,5", ctx) == "error.number.format"
    assert ok(steps["nombre_enfants"], "١٢", ctx) == 12  # Arabic-Indic digits (issue 13)
    big = replace(steps["nombre_enfants"], maximum=None)
    assert display_answer(big, 1200, "fr") == "1\u202f200"


@pytest.mark.parametrize(("typed", "e164", "shown"), [
    ("06 12 34 56 78", "+33612345678", "06 12 34 56 78"),
    ("0590 12 34 56", "+590590123456", "0590 12 34 56"),  # Guadeloupe
    ("0696 20 12 34", "+596696201234", "0696 20 12 34"),  # Martinique
    ("0694 20 12 34", "+594694201234", "0694 20 12 34"),  # Guyane
    ("0692 12 34 56", "+262692123456", "0692 12 34 56"),  # La Réunion
    ("0639 01 23 45", "+262639012345", "0639 01 23 45"),  # Mayotte
    ("0262 20 12 34", "+262262201234", "0262 20 12 34"),  # La Réunion, landline
    ("0269 61 12 34", "+262269611234", "0269 61 12 34"),  # Mayotte, landline
    ("055 12 34", "+508551234", "055 12 34"),  # Saint-Pierre-et-Miquelon
    ("0596 30 12 34", "+596596301234", "0596 30 12 34"),  # Martinique, landline
    ("0800 10 20 30", "+33800102030", "0 800 10 20 30"),  # toll-free stays French
    ("09 47 12 34 56", "+33947123456", "09 47 12 34 56"),  # VoIP stays French
    ("+32 470 12 34 56", "+32470123456", "+32 470 12 34 56"),  # Belgium, international
    ("0033 1 42 76 40 40", "+33142764040", "01 42 76 40 40"),
])
def test_phone_numbers_from_france_and_overseas_are_recognised(steps, ctx, typed, e164, shown):
    assert ok(steps["telephone"], typed, ctx) == e164
    assert display_answer(steps["telephone"], e164, "fr") == shown


def test_an_incomplete_phone_number_gives_an_example(steps, ctx):
    result = validate(steps["telephone"], "06 12 34", ctx)
    assert result.key == "error.phone.invalid"
    assert "06 12 34 56 78" in result.text("fr")


def test_email_addresses_are_checked_in_plain_words(steps, ctx):
    assert ok(steps["courriel"], " Jeanne.Martin@Orange.FR ", ctx) == "Jeanne.Martin@orange.fr"
    assert ok(steps["courriel"], "elodie@mairie-évry.fr", ctx) == "elodie@mairie-évry.fr"
    assert refused(steps["courriel"], "jeanne.martin.orange.fr", ctx) == "error.email.at"
    assert refused(steps["courriel"], "jeanne@orange", ctx) == "error.email.invalid"
    assert refused(steps["courriel"], "jeanne..martin@orange.fr", ctx) == "error.email.invalid"


def test_a_wrong_postal_code_is_explained(steps, ctx):
    result = validate(steps["code_postal"], "7500", ctx)
    assert result.text("fr") == "Le code postal a 5 chiffres."
    assert validate(steps["code_postal"], "00000", ctx) == Invalid(
        "error.postal_code.unknown", {"postal_code": "00000"})


def test_a_postal_code_with_one_commune_picks_it(steps, ctx):
    assert ok(steps["code_postal"], "97110", ctx) == {
        "postal_code": "97110", "commune": "Pointe-à-Pitre", "insee": "97120"}
    assert display_answer(steps["code_postal"], ok(steps["code_postal"], "20000", ctx),
                          "fr") == "20000 Ajaccio"


def test_a_shared_postal_code_asks_which_commune_then_accepts_it(steps, ctx):
    assert refused(steps["code_postal"], "97600", ctx) == "error.postal_code.choose_commune"
    chosen = ok(steps["code_postal"], {"postal_code": "97600", "insee": "97611"}, ctx)
    assert chosen["commune"] == "Mamoudzou"
    assert ok(steps["code_postal"], ("97600", "97610"), ctx)["commune"] == "Koungou"


def test_the_commune_lookup_can_be_injected(steps):
    ctx = Context(today=date(2026, 1, 1),
                  communes=lambda code: [Commune("99999", "Démoville", code)])
    assert ok(steps["code_postal"], "12345", ctx)["commune"] == "Démoville"


@pytest.mark.parametrize("typed", ["2 69 05 49 588 157 80", "269054958815780",
                                   "2 69 05 2a 012 345 37", "1 78 12 2B 045 123 84"])
def test_social_security_numbers_including_corsica_are_accepted(steps, ctx, typed):
    assert len(ok(steps["nir"], typed, ctx)) == 15


def test_a_social_security_number_with_a_wrong_length_or_key_is_explained(steps, ctx):
    assert refused(steps["nir"], "2 69 05 49 588 157", ctx) == "error.nir.length"
    assert refused(steps["nir"], "2 69 05 49 588 157 81", ctx) == "error.nir.invalid"
    assert display_answer(steps["nir"], "269054958815780", "fr") == "2 69 05 49 588 157 80"


def test_ibans_are_checked_and_grouped_by_four(steps, ctx):
    value = ok(steps["iban"], "fr76 3000-6000 0112 3456 7890 189", ctx)
    assert value == "FR7630006000011234567890189"
    assert display_answer(steps["iban"], value, "fr") == "FR76 3000 6000 0112 3456 7890 189"
    assert refused(steps["iban"], "3000 6000", ctx) == "error.iban.format"
    assert refused(steps["iban"], "FR76 3000 6000 0112 3456 7890 18", ctx) == "error.iban.length"
    assert refused(steps["iban"], "FR77 3000 6000 0112 3456 7890 189", ctx) == "error.iban.invalid"


def test_a_crashing_check_becomes_a_message_not_a_crash(steps, monkeypatch):
    def broken(code):
        raise RuntimeError("table missing")

    ctx = Context(today=date(2026, 1, 1), communes=broken)
    assert validate(steps["code_postal"], "75001", ctx).key == "error.unreadable"


def test_a_date_with_an_absurd_day_is_explained_not_a_crash(steps, ctx):
    assert refused(steps["naissance"], (2**70, 1, 1950), ctx) == "error.date.invalid"
