"""How an accepted answer is shown on the review screen and read aloud, in the citizen's language.

Kept apart from the checks: the review screen and the receipt need this, the keyboard does not.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.fr import nir as stdnum_nir

from kiosk.catalog.model import Step, localized
from kiosk.formats import long_date, whole_number
from kiosk.forms.messages import message
from kiosk.forms.validators import PHONE_REGIONS


def display_answer(step: Step, value: Any, lang: str) -> str:
    """The answer as the review screen shows it and the voice reads it, in `lang`."""
    if value is None:
        return message("form.no_answer", lang)
    if isinstance(value, dict) and value.get("unknown") is True:
        return message("form.unknown_answer", lang)
    labels = {choice.value: localized(choice.label, lang) for choice in step.choices}
    if step.kind == "yes_no":
        return message("form.yes" if value == "yes" else "form.no", lang)
    if step.kind == "single_choice":
        return labels.get(value, str(value))
    if step.kind == "multiple_choice":
        return ", ".join(labels.get(item, str(item)) for item in value)
    if step.kind == "date_of_birth":
        return long_date(date.fromisoformat(value), lang)
    if step.kind == "number":
        return whole_number(value, lang)
    if step.kind == "phone":
        number = phonenumbers.parse(value, None)
        region = phonenumbers.region_code_for_number(number)
        style = (phonenumbers.PhoneNumberFormat.NATIONAL if region in PHONE_REGIONS
                 else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return phonenumbers.format_number(number, style)
    if step.kind == "postal_code":
        return f"{value['postal_code']} {value['commune']}"
    if step.kind == "nir":
        return stdnum_nir.format(value)
    if step.kind == "iban":
        return stdnum_iban.format(value)
    return str(value)
