"""Check and normalise one answer per field kind, or explain in plain words what to fix.

`validate(step, raw)` never raises: a kiosk that crashes in front of an 80-year-old is a dead
end, so whatever reaches it (a very long paste, emoji, control characters, right-to-left text,
SQL or HTML) comes back as `Valid` (a normalised, JSON-ready value) or `Invalid` (a message key
from `kiosk.forms.messages`, shared by the screen and the voice). `check` is the same without the
safety net, for the tests that hunt crashes.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.exceptions import InvalidLength, ValidationError
from stdnum.fr import nir as stdnum_nir

from kiosk.catalog.model import Step
from kiosk.forms.commune_search import communes_named
from kiosk.forms.communes import Commune, communes_for_postal_code
from kiosk.forms.messages import message
from offline_cache.digits import western_digits

log = logging.getLogger(__name__)

MAX_LENGTH = {"name": 80, "text": 200, "description": 2000}
MAX_AGE_YEARS = 120
DEFAULT_NUMBER_RANGE = (0, 999_999_999)
# Overseas numbers only parse right with their own region (0690... is Guadeloupe), and
# phonenumbers also takes some of them (0269..., 0596...) as metropolitan landlines: when a
# line is a landline or mobile both in France and overseas, the overseas region wins. Special
# numbers (08...) and VoIP (09...) stay French, as dialled from anywhere in France.
PHONE_REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF")
_OVERSEAS_TYPES = frozenset({
    phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
})
# Embedding, override and isolate marks can make a text display differently from what it holds.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
_NAME_PUNCTUATION = frozenset(" -'.")
# Persian writes many names with a zero-width non-joiner between their parts (U+200C, and its
# sibling the joiner U+200D): invisible, but part of the spelling.
_NAME_JOINERS = frozenset("\u200c\u200d")
# The kinds made of digits: their answers are read in Western digits (offline_cache.digits),
# whatever digits the citizen's keyboard or paste used. Longer texts than this are refused by
# every one of them anyway, so they are not worth converting.
_DIGIT_KINDS = frozenset({"date_of_birth", "number", "phone", "postal_code", "nir", "iban"})
_DIGITS_CONVERTED_UP_TO = 200
# stdnum checks the checksum before the length; a length we know gives a clearer message.
IBAN_LENGTHS = {"FR": 27, "MC": 27, "BE": 16, "DE": 22, "ES": 24, "IT": 27, "LU": 20, "NL": 18,
                "PT": 25, "CH": 21, "GB": 22, "AT": 20, "IE": 22}
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_EMAIL_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")

CommuneLookup = Callable[[str], Sequence[Commune]]
# "Je ne l'ai pas": the citizen does not have this number, and the procedure allows it.
UNKNOWN: Mapping[str, bool] = {"unknown": True}


@dataclass(frozen=True, slots=True)
class Valid:
    """An accepted answer: `value` is normalised and JSON-ready (None for a skipped question)."""

    value: Any


@dataclass(frozen=True, slots=True)
class Invalid:
    """A refused answer: what to say, as a message key and its fields."""

    key: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return message(self.key, lang, **self.fields)


Result = Valid | Invalid


@dataclass(frozen=True, slots=True)
class Context:
    """What some checks need from outside: today's date, and the offline commune table
    (by postal code, and by whole name)."""

    today: date
    communes: CommuneLookup = communes_for_postal_code
    communes_named: CommuneLookup = communes_named


# --- Cleaning ---------------------------------------------------------------------------------

def clean_text(raw: object, *, multiline: bool = False) -> str:
    """NFC text without control, private-use or bidi-override characters, spaces collapsed."""
    if raw is None:
        return ""
    text = unicodedata.normalize("NFC", raw if isinstance(raw, str) else str(raw))
    kept = []
    for char in text:
        if char in "\t\r\n":
            kept.append("\n" if multiline and char == "\n" else " ")
        elif char in _BIDI_CONTROLS or unicodedata.category(char) in _DROPPED_CATEGORIES:
            continue
        else:
            kept.append(char)
    lines = ("".join(kept)).split("\n")
    lines = [re.sub(r"\s+", " ", line).strip() for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _is_empty(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not clean_text(raw[:10_000])
    if isinstance(raw, Mapping | list | tuple | set | frozenset):
        return len(raw) == 0
    return False


def _bounded(raw: object, limit: int) -> str | Invalid:
    """Clean text, refusing before any work when it is absurdly long (a paste, an attack)."""
    text = raw if isinstance(raw, str) else str(raw)
    if len(text) > limit * 4:
        return Invalid("error.too_long", {"max": limit})
    return text


# --- One check per kind -----------------------------------------------------------------------

def _free_text(kind: str) -> Callable[[Step, object, Context], Result]:
    def check_text(step: Step, raw: object, ctx: Context) -> Result:
        limit = MAX_LENGTH[kind]
        text = _bounded(raw, limit)
        if isinstance(text, Invalid):
            return text
        text = clean_text(text, multiline=kind == "description")
        if len(text) > limit:
            return Invalid("error.too_long", {"max": limit})
        return Valid(text)
    return check_text


def check_name(step: Step, raw: object, ctx: Context) -> Result:
    limit = MAX_LENGTH["name"]
    text = _bounded(raw, limit)
    if isinstance(text, Invalid):
        return text
    text = clean_text(text).replace("’", "'").replace("‘", "'")
    if len(text) > limit:
        return Invalid("error.too_long", {"max": limit})
    letters = 0
    for char in text:
        category = unicodedata.category(char)
        if category.startswith("L"):
            letters += 1
        elif not (category.startswith("M") or char in _NAME_PUNCTUATION
                  or char in _NAME_JOINERS):
            return Invalid("error.name.characters")
    return Valid(text) if letters else Invalid("error.name.characters")


def _date_parts(raw: object) -> tuple[int, int, int] | None:
    """(day, month, year) from a date, a (day, month, year) triple, a mapping or a typed text."""
    if isinstance(raw, date):
        return raw.day, raw.month, raw.year
    if isinstance(raw, Mapping):
        raw = (raw.get("day"), raw.get("month"), raw.get("year"))
    if isinstance(raw, list | tuple):
        if len(raw) == 3 and all(type(part) is int for part in raw):
            return raw[0], raw[1], raw[2]
        if len(raw) == 3 and all(isinstance(part, str) for part in raw):
            raw = "/".join(raw)
        else:
            return None
    if not isinstance(raw, str) or len(raw) > 40:
        return None
    text = raw.strip()
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        return int(match[3]), int(match[2]), int(match[1])
    if match := re.fullmatch(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})", text):
        return int(match[1]), int(match[2]), int(match[3])
    if match := re.fullmatch(r"(\d{2})(\d{2})(\d{4})", text):
        return int(match[1]), int(match[2]), int(match[3])
    return None


def check_date_of_birth(step: Step, raw: object, ctx: Context) -> Result:
    parts = _date_parts(raw)
    if parts is None:
        return Invalid("error.date.format")
    day, month, year = parts
    if not 1000 <= year <= 9999:
        return Invalid("error.date.format")
    try:
        born = date(year, month, day)
    except (ValueError, OverflowError):  # 31/02, or a day beyond a C int from a hostile caller
        return Invalid("error.date.invalid")
    if born > ctx.today:
        return Invalid("error.date.future")
    if (ctx.today.year - born.year) - ((ctx.today.month, ctx.today.day) < (month, day)) > (
        MAX_AGE_YEARS
    ):
        return Invalid("error.date.too_old")
    return Valid(born.isoformat())


_YES = frozenset({"yes", "oui", "o", "y", "true", "1"})
_NO = frozenset({"no", "non", "n", "false", "0"})


def check_yes_no(step: Step, raw: object, ctx: Context) -> Result:
    if isinstance(raw, bool):
        return Valid("yes" if raw else "no")
    word = raw.strip().lower() if isinstance(raw, str) and len(raw) < 20 else None
    if word in _YES:
        return Valid("yes")
    if word in _NO:
        return Valid("no")
    return Invalid("error.yes_no")


def check_single_choice(step: Step, raw: object, ctx: Context) -> Result:
    values = {choice.value for choice in step.choices}
    if isinstance(raw, str) and raw.strip() in values:
        return Valid(raw.strip())
    return Invalid("error.choice.single")


def check_multiple_choice(step: Step, raw: object, ctx: Context) -> Result:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, Iterable) or isinstance(raw, Mapping | bytes):
        return Invalid("error.choice.multiple")
    picked = set()
    for item in islice(raw, len(step.choices) * 4 + 4):
        if not isinstance(item, str):
            return Invalid("error.choice.multiple")
        picked.add(item.strip())
    values = [choice.value for choice in step.choices]
    if not picked or not picked <= set(values):
        return Invalid("error.choice.multiple")
    return Valid([value for value in values if value in picked])


def check_number(step: Step, raw: object, ctx: Context) -> Result:
    low = step.minimum if step.minimum is not None else DEFAULT_NUMBER_RANGE[0]
    high = step.maximum if step.maximum is not None else DEFAULT_NUMBER_RANGE[1]
    if isinstance(raw, bool):
        return Invalid("error.number.format")
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")) or not raw.is_integer():
            return Invalid("error.number.format")
        raw = int(raw)
    if isinstance(raw, str):
        text = re.sub(r"[\s\u00a0\u202f]", "", raw[:40])
        if len(raw) > 40 or not re.fullmatch(r"[+-]?[0-9]{1,15}", text, flags=re.ASCII):
            return Invalid("error.number.format")
        raw = int(text)
    if not isinstance(raw, int):
        return Invalid("error.number.format")
    if raw < low:
        return Invalid("error.number.too_small", {"min": low})
    if raw > high:
        return Invalid("error.number.too_large", {"max": high})
    return Valid(raw)


def check_phone(step: Step, raw: object, ctx: Context) -> Result:
    text = raw.strip() if isinstance(raw, str) else ""
    if not text or len(text) > 30 or not re.fullmatch(r"\+?[0-9 .\-()]+", text, flags=re.ASCII):
        return Invalid("error.phone.invalid")
    if text.startswith("00"):
        text = "+" + text[2:]
    valid = []
    for region in (None,) if text.startswith("+") else PHONE_REGIONS:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            valid.append(number)
    if not valid:
        return Invalid("error.phone.invalid")
    best = valid[0]
    if phonenumbers.region_code_for_number(best) == "FR" and (
            phonenumbers.number_type(best) in _OVERSEAS_TYPES):
        # A landline both French and overseas (0269..., 0596...) is the overseas one.
        best = next((n for n in valid[1:] if phonenumbers.number_type(n) in _OVERSEAS_TYPES),
                    best)
    return Valid(phonenumbers.format_number(best, phonenumbers.PhoneNumberFormat.E164))


def check_email(step: Step, raw: object, ctx: Context) -> Result:
    text = raw.strip() if isinstance(raw, str) else ""
    if not text or len(text) > 254:
        return Invalid("error.email.invalid")
    if text.count("@") != 1:
        return Invalid("error.email.at")
    local, domain = text.split("@")
    domain = domain.lower().rstrip(".")
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except (UnicodeError, ValueError):
        return Invalid("error.email.invalid")
    labels = ascii_domain.split(".")
    if (
        len(local) > 64
        or not _EMAIL_LOCAL.fullmatch(local)
        or len(labels) < 2
        or not all(_EMAIL_LABEL.fullmatch(label) for label in labels)
        or not re.fullmatch(r"[a-z]{2,63}|xn--[a-z0-9-]+", labels[-1])
    ):
        return Invalid("error.email.invalid")
    return Valid(f"{local}@{domain}")


def check_postal_code(step: Step, raw: object, ctx: Context) -> Result:
    """A postal code and, when several communes share it, the commune the citizen touched;
    or a commune's whole name, when only one commune bears it."""
    insee = None
    if isinstance(raw, Mapping):
        raw, insee = raw.get("postal_code"), raw.get("insee")
    elif isinstance(raw, list | tuple) and len(raw) == 2:
        raw, insee = raw
    code = re.sub(r"\s", "", raw[:20]) if isinstance(raw, str) else ""
    if insee is None and re.search(r"[^\W\d_]", code):  # letters: a name was typed
        return _commune_by_name(raw, ctx)
    if not re.fullmatch(r"[0-9]{5}", code, flags=re.ASCII):
        return Invalid("error.postal_code.format")
    communes = ctx.communes(code)
    if not communes:
        return Invalid("error.postal_code.unknown", {"postal_code": code})
    chosen = [c for c in communes if c.insee == insee] if insee is not None else list(communes)
    if len(chosen) != 1:
        return Invalid("error.postal_code.choose_commune", {"postal_code": code})
    return Valid({"postal_code": code, "commune": chosen[0].name, "insee": chosen[0].insee})


def _commune_by_name(raw: str, ctx: Context) -> Result:
    named = ctx.communes_named(clean_text(raw[:100]))
    if not named:
        return Invalid("error.commune.unknown")
    if len(named) > 1:
        return Invalid("error.commune.choose")
    commune = named[0]
    return Valid({"postal_code": commune.postal_code, "commune": commune.name,
                  "insee": commune.insee})


def check_nir(step: Step, raw: object, ctx: Context) -> Result:
    text = raw.upper() if isinstance(raw, str) and len(raw) < 60 else ""
    compact = re.sub(r"[\s.\-]", "", text)
    if not re.fullmatch(r"[0-9AB]+", compact, flags=re.ASCII) or len(compact) != 15:
        return Invalid("error.nir.length")
    try:
        return Valid(stdnum_nir.validate(compact))
    except ValidationError:
        return Invalid("error.nir.invalid")


def check_iban(step: Step, raw: object, ctx: Context) -> Result:
    text = raw.upper() if isinstance(raw, str) and len(raw) < 80 else ""
    compact = re.sub(r"[\s.\-]", "", text)
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", compact, flags=re.ASCII):
        return Invalid("error.iban.format")
    if len(compact) != IBAN_LENGTHS.get(compact[:2], len(compact)):
        return Invalid("error.iban.length")
    try:
        return Valid(stdnum_iban.validate(compact))
    except InvalidLength:
        return Invalid("error.iban.length")
    except ValidationError:
        return Invalid("error.iban.invalid")


VALIDATORS: Mapping[str, Callable[[Step, object, Context], Result]] = {
    "text": _free_text("text"),
    "description": _free_text("description"),
    "name": check_name,
    "date_of_birth": check_date_of_birth,
    "yes_no": check_yes_no,
    "single_choice": check_single_choice,
    "multiple_choice": check_multiple_choice,
    "number": check_number,
    "phone": check_phone,
    "email": check_email,
    "postal_code": check_postal_code,
    "nir": check_nir,
    "iban": check_iban,
}


def check(step: Step, raw: object, ctx: Context | None = None) -> Result:
    """Validate without the safety net: an unexpected exception propagates (for tests)."""
    ctx = ctx or Context(today=date.today())
    if isinstance(raw, Mapping) and raw.get("unknown") is True:
        return Valid(dict(UNKNOWN)) if step.unknown_allowed else Invalid("error.required")
    if _is_empty(raw):
        return Valid(None) if step.optional else Invalid("error.required")
    if step.kind in _DIGIT_KINDS:
        raw = _in_western_digits(raw)
    return VALIDATORS[step.kind](step, raw, ctx)


def _in_western_digits(raw: object) -> object:
    """The answer with its texts in Western digits: a typed text, or the parts of a date
    (day, month, year) and of a postal code (code, INSEE number)."""
    if isinstance(raw, str):
        return western_digits(raw) if len(raw) <= _DIGITS_CONVERTED_UP_TO else raw
    if isinstance(raw, list | tuple) and len(raw) <= 3:
        return tuple(_in_western_digits(part) if isinstance(part, str) else part
                     for part in raw)
    if isinstance(raw, Mapping) and len(raw) <= 3:
        return {key: _in_western_digits(value) if isinstance(value, str) else value
                for key, value in raw.items()}
    return raw


def validate(step: Step, raw: object, ctx: Context | None = None) -> Result:
    """Valid(normalised value) or Invalid(message key); never raises on what a citizen types."""
    try:
        return check(step, raw, ctx)
    except Exception:  # a bug must not strand a citizen: log it, ask for help
        log.exception("validator for %r crashed", step.kind)
        return Invalid("error.unreadable")


def display_answer(step: Step, value: Any, lang: str) -> str:
    """The answer as shown on the review screen and read by the voice (see kiosk.forms.display)."""
    from kiosk.forms.display import display_answer as display  # display imports this module

    return display(step, value, lang)
