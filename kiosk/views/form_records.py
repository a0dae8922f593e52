"""The guided request's records: a question, the review, "your data", the receipt.

Kept apart from kiosk.views.records so start-up does not build them (each frozen record
costs Python half a millisecond); kiosk.views.form_views, which fills them, loads with the
first form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.journey_state import Step
from kiosk.views.records import Speech

if TYPE_CHECKING:
    from kiosk.catalog.model import Step as FormStep


@dataclass(frozen=True, slots=True)
class QuestionView:
    step = Step.QUESTION
    language: str
    question_id: str
    form_step: FormStep  # the catalogue's question: the answer widget is built from it
    progress: str
    question: str
    help: str
    error: str  # empty when the last answer was not refused
    skip_label: str  # empty when the question cannot be skipped
    draft: Any  # what was typed last, put back in the field
    speech: Speech


@dataclass(frozen=True, slots=True)
class ReviewRow:
    step_id: str
    label: str
    answer: str
    modify_label: str
    modify_description: str


@dataclass(frozen=True, slots=True)
class ReviewView:
    step = Step.REVIEW
    language: str
    title: str
    hint: str
    rows: tuple[ReviewRow, ...]
    confirm_label: str
    speech: Speech


@dataclass(frozen=True, slots=True)
class ConsentView:
    step = Step.CONSENT
    language: str
    title: str
    sections: tuple[str, ...]
    error: str  # the queue refused the request; empty otherwise
    accept_label: str
    refuse_label: str
    speech: Speech


@dataclass(frozen=True, slots=True)
class ReceiptView:
    step = Step.RECEIPT
    language: str
    title: str
    reference: str
    reference_name: str  # the reference line, for screen readers
    details: str
    qr_payload: str  # the tracking link: no personal data
    lines: tuple[str, ...]  # what the printer prints
    can_print: bool
    print_label: str
    printing_label: str
    listen_label: str
    finish_label: str
    spelled: Speech  # "Réécouter le numéro": the reference spelled out
    speech: Speech
