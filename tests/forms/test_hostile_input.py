"""Hypothesis feeds random and hostile input to every field kind: no crash, a clear message,
a stable normalised value, and nothing the citizen typed is lost."""

from __future__ import annotations

import json
import string
import unicodedata
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.catalog.schema import FIELD_KINDS
from kiosk.forms.engine import FormEngine, Phase
from kiosk.forms.local_outbox import MemoryOutbox
from kiosk.forms.messages import MESSAGES
from kiosk.forms.validators import Context, Invalid, Valid, check, display_answer

CTX = Context(today=date(2026, 3, 14))
HOSTILE = [
    "", " ", "\x00", "\x1b[2J", "\r\n\t", "'; DROP TABLE requests; --", "\" OR 1=1 --",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x}",
    "%s%s%n", "\u202egnp.exe", "\u200f\u200e\u2066x\u2069", "👩‍👩‍👧‍👦🇫🇷", "مرحبا بالعالم",
    "שלום", "Z̴̡͉̓a̸̞͝l̵̩̇g̷̝̈o̴̞͑", "０６１２３４５６７８", "٠٦١٢٣٤٥٦٧٨", "ℌ𝔢𝔩𝔩𝔬", "\ufeff75001",
    "75001\x00", "a" * 100_000, "é" * 5_000, "0" * 5_000, "FR76" + "9" * 500, "@" * 300,
    "+" * 40, "-1", "1e309", "NaN", "Infinity", "9" * 400,
]
ANYTHING = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(),
    st.text(alphabet=string.digits + " .-/+()", max_size=40),
    st.text(alphabet=string.ascii_letters + string.digits + "@.-_+", max_size=60),
    st.none(), st.booleans(), st.integers(), st.floats(), st.binary(max_size=50),
    st.dates(), st.tuples(st.integers(), st.integers(), st.integers()),
    st.lists(st.text(max_size=20), max_size=8),
    st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=4),
    st.builds(lambda n: "x" * n, st.integers(0, 200_000)),
)
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
TEXT_KINDS = {"text", "name", "description"}
UNSAFE_IN_TEXT = {"Cc", "Cs", "Co", "Cn"}


def test_every_field_kind_is_covered_by_the_sample_service(steps):
    assert {step.kind for step in steps.values()} == FIELD_KINDS


def _round_trip(step, value):
    """The stored value survives JSON and, fed back, validates to itself."""
    assert json.loads(json.dumps(value)) == value
    again = check(step, value, CTX)
    assert again == Valid(value), (step.kind, value, again)


@pytest.mark.parametrize("kind", sorted(FIELD_KINDS))
@FAST
@given(raw=ANYTHING)
def test_any_input_gives_a_value_or_a_plain_message_never_a_crash(steps, kind, raw):
    step = next(s for s in steps.values() if s.kind == kind)
    result = check(step, raw, CTX)
    if isinstance(result, Invalid):
        assert result.key in MESSAGES
        for lang in ("fr", "en"):
            text = result.text(lang)
            assert text.strip() and "{" not in text
        return
    assert isinstance(result, Valid)
    if result.value is None:
        assert step.optional
        return
    for lang in ("fr", "en"):
        assert isinstance(display_answer(step, result.value, lang), str)
    _round_trip(step, result.value)
    if kind in TEXT_KINDS:
        assert not any(unicodedata.category(c) in UNSAFE_IN_TEXT and c != "\n"
                       for c in result.value)
        assert "\u202e" not in result.value


@FAST
@given(name=st.text(alphabet=st.characters(categories=("Lu", "Ll", "Mn")), min_size=1,
                    max_size=60))
def test_names_in_any_script_are_accepted_as_typed(steps, name):
    result = check(steps["nom"], name, CTX)
    cleaned = unicodedata.normalize("NFC", name).strip()
    if any(unicodedata.category(c).startswith("L") for c in cleaned) and len(cleaned) <= 80:
        assert result == Valid(cleaned)


@FAST
@given(born=st.dates(min_value=date(1906, 3, 15), max_value=date(2026, 3, 14)))
def test_every_plausible_birth_date_is_accepted_in_every_shape(steps, born):
    for raw in (born, (born.day, born.month, born.year), born.strftime("%d/%m/%Y"),
                born.isoformat()):
        assert check(steps["naissance"], raw, CTX) == Valid(born.isoformat())


@FAST
@given(number=st.integers(1, 20), spaces=st.text(alphabet=" ", max_size=3))
def test_numbers_in_range_are_accepted_with_stray_spaces(steps, number, spaces):
    assert check(steps["nombre_enfants"], f"{spaces}{number}{spaces}", CTX) == Valid(number)


@FAST
@given(raws=st.lists(ANYTHING, min_size=1, max_size=6))
def test_refused_answers_never_lose_what_was_typed_or_earlier_answers(service, raws):
    engine = FormEngine(service, MemoryOutbox(),
                        clock=lambda: datetime(2026, 3, 14, tzinfo=UTC))
    assert engine.answer("Martin") is None
    for raw in raws:
        if engine.phase is not Phase.QUESTION:
            break
        step_id = engine.current_step.id
        error = engine.answer(raw)
        assert engine.draft(step_id) is raw
        if error is not None:
            assert engine.current_step.id == step_id
            assert engine.error == error
        assert engine.answer_value("nom") == "Martin"


SEPARATORS = st.text(alphabet=" .-", max_size=2)


@st.composite
def nirs(draw):
    from stdnum.fr import nir

    department = draw(st.sampled_from([f"{n:02d}" for n in range(1, 96) if n != 20]
                                      + ["2A", "2B"]))
    body = (f"{draw(st.sampled_from('12'))}{draw(st.integers(0, 99)):02d}"
            f"{draw(st.integers(1, 12)):02d}{department}{draw(st.integers(1, 990)):03d}"
            f"{draw(st.integers(1, 999)):03d}")
    return body + nir.calc_check_digits(body)


@FAST
@given(number=nirs(), separator=SEPARATORS, lower=st.booleans())
def test_every_well_formed_social_security_number_is_accepted(steps, number, separator, lower):
    typed = separator.join([number[0], number[1:3], number[3:5], number[5:7], number[7:10],
                            number[10:13], number[13:]])
    result = check(steps["nir"], typed.lower() if lower else typed, CTX)
    assert result == Valid(number)
    _round_trip(steps["nir"], number)
    assert check(steps["nir"], number[:-1] + str((int(number[-1]) + 1) % 10), CTX).key == (
        "error.nir.invalid")


@FAST
@given(iban=st.sampled_from(["FR1420041010050500013M02606", "FR7630006000011234567890189",
                             "DE89370400440532013000", "GB82WEST12345698765432",
                             "NL91ABNA0417164300", "CH9300762011623852957",
                             "IT60X0542811101000000123456", "MC5811222000010123456789030"]),
       group=st.integers(1, 6), separator=SEPARATORS, lower=st.booleans())
def test_ibans_are_accepted_however_they_are_grouped(steps, iban, group, separator, lower):
    typed = separator.join(iban[i:i + group] for i in range(0, len(iban), group))
    assert check(steps["iban"], typed.lower() if lower else typed, CTX) == Valid(iban)
    _round_trip(steps["iban"], iban)


@FAST
@given(digits=st.text(alphabet=string.digits, min_size=7, max_size=7),
       prefix=st.sampled_from(["061", "0590", "0596", "0594", "0262", "0269"]),
       separator=SEPARATORS)
def test_french_and_overseas_numbers_are_accepted_however_they_are_spaced(
        steps, digits, prefix, separator):
    national = (prefix + digits)[:10]
    typed = separator.join(national[i:i + 2] for i in range(0, 10, 2))
    result = check(steps["telephone"], typed, CTX)
    if isinstance(result, Valid):
        _round_trip(steps["telephone"], result.value)
    else:  # a landline block not yet assigned: refused with the plain message, never a crash
        assert result.key == "error.phone.invalid"
    assert check(steps["telephone"], "061" + digits, CTX) == Valid("+3361" + digits)


def _some_postal_codes():
    from kiosk.forms.communes import read_table, table_path

    table = read_table(table_path())
    return [*sorted(table)[::40], "75001", "97110", "20000", "97600", "51300"]


@FAST
@given(code=st.sampled_from(_some_postal_codes()), pick=st.integers(0, 100))
def test_every_postal_code_in_the_table_leads_to_a_commune(steps, code, pick):
    from kiosk.forms.communes import communes_for_postal_code

    communes = communes_for_postal_code(code)
    first = check(steps["code_postal"], code, CTX)
    if len(communes) > 1:
        assert first.key == "error.postal_code.choose_commune"
    chosen = communes[pick % len(communes)]
    result = check(steps["code_postal"], {"postal_code": code, "insee": chosen.insee}, CTX)
    assert result.value["commune"] == chosen.name
    _round_trip(steps["code_postal"], result.value)
