"""The guided request's views: a question, the review, "your data" and the receipt.

The only module that reads the form engine for a screen. The review says where a personal
answer is instead of reading it through the speakers (kiosk.views.privacy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.catalog import localized
from kiosk.forms.messages import message as form_message
from kiosk.i18n import tr
from kiosk.journey_state import JourneyState
from kiosk.receipt import qr_payload, receipt_lines, spell_reference, spoken_receipt
from kiosk.views.form_records import ConsentView, QuestionView, ReceiptView, ReviewRow, ReviewView
from kiosk.views.privacy import is_private, shown_instead_key
from kiosk.views.records import Speech
from offline_cache.bidi import aligned_with, isolated_in

if TYPE_CHECKING:
    from kiosk.journey import Journey
    from kiosk.views.build import ViewFacts

CONSENT_SECTIONS = ("consent.what", "consent.why", "consent.who", "consent.how_long",
                    "consent.rights")


def question(journey: Journey, state: JourneyState, facts: ViewFacts) -> QuestionView:
    form, lang = journey.form, state.language
    step = form.current_step
    label = localized(step.label, lang)
    help_text = localized(step.help, lang) if step.help else ""
    if step.optional:
        help_text = f"{help_text} {form_message('form.optional', lang)}".strip()
    error = form.error.text(lang) if form.error else ""
    progress = form.progress().text(lang)
    return QuestionView(lang, step.id, step, progress, label, help_text, error,
                        tr("form.skip", lang) if step.optional else "", form.draft(),
                        Speech(question_speech(step, lang, progress, error)))


def question_speech(step, lang: str, progress: str, error: str = "") -> str:
    """The error first (what to fix), the progress, the question, then the choices."""
    parts = [error] if error else []
    parts += [f"{progress}.", step.spoken(lang) if not error else localized(step.label, lang)]
    parts += [f"{localized(choice.label, lang)}." for choice in step.choices]
    if step.kind == "yes_no":
        parts += [f"{form_message('form.yes', lang)}.", f"{form_message('form.no', lang)}."]
    return " ".join(parts)


def review(journey: Journey, state: JourneyState, facts: ViewFacts) -> ReviewView:
    form, lang = journey.form, state.language
    steps = {step.id: step for step in form.visible_steps()}
    modify = form_message("form.modify", lang)
    rows, spoken, private = [], [], False
    for line in form.review(lang):
        # A citizen's answer ("Saint-Étienne", "06 12 34 56 78") keeps its own direction
        # under an Arabic question, and in the Arabic line that says it (offline_cache.bidi).
        answer = line.answer or form_message("form.no_answer", lang)
        shown = aligned_with(lang, line.label, answer)
        rows.append(ReviewRow(line.step_id, line.label, shown, modify, f"{modify} : {line.label}"))
        step = steps[line.step_id]
        if not is_private(step) or not line.answer:
            said = isolated_in(lang, answer) + "."
        elif facts.read_answers_aloud:  # a headset: read it, and never cache it
            said, private = isolated_in(lang, answer) + ".", True
        else:
            said = tr(shown_instead_key(step), lang)
        spoken.append(f"{line.label} {said}")
    title, hint = form_message("form.review_title", lang), form_message("form.review_hint", lang)
    confirm = tr("review.confirm", lang)
    text = f"{title}. {hint} {' '.join(spoken)} {confirm}."
    return ReviewView(lang, title, hint, tuple(rows), confirm, Speech(text, private))


def consent(journey: Journey, state: JourneyState, facts: ViewFacts) -> ConsentView:
    lang = state.language
    service = journey.form.service
    fields = {"service": localized(service.title, lang),
              "authority": localized(service.authority, lang)}
    title = tr("consent.title", lang)
    sections = tuple(tr(key, lang, **fields) for key in CONSENT_SECTIONS)
    error = tr("consent.failed", lang) if journey.submit_failed else ""
    accept = tr("consent.accept", lang)
    spoken = " ".join([*([error] if error else []), f"{title}.", *sections, f"{accept} ?"])
    return ConsentView(lang, title, sections, error, accept, tr("consent.refuse", lang),
                       Speech(spoken))


def receipt(journey: Journey, state: JourneyState, facts: ViewFacts) -> ReceiptView:
    lang = state.language
    submission = journey.submission
    service = journey.catalog.service(submission.service_id)
    lines = receipt_lines(reference=submission.reference, created_at=submission.created_at,
                          service=service, lang=lang, online=facts.link_up)
    spelled = form_message("receipt.reference_spoken", lang,
                           spelled=spell_reference(submission.reference, lang))
    return ReceiptView(
        lang, lines[0], aligned_with(lang, lines[0], submission.reference), lines[1],
        "\n".join(lines[2:]),
        qr_payload(facts.hub_url, submission.client_id), tuple(lines), facts.can_print,
        tr("receipt.print", lang), tr("receipt.printing", lang),
        tr("receipt.listen_again", lang), tr("receipt.finish", lang), Speech(spelled),
        Speech(spoken_receipt(submission.reference, lang, online=facts.link_up)))
