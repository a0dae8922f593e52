"""The guided request as a state machine: numbering, conditions, drafts, review, consent, submit."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from kiosk.forms.engine import FormEngine, FormError, Phase
from kiosk.forms.local_outbox import JsonLinesOutbox, MemoryOutbox
from kiosk.receipt import reference_for


class FailingOutbox:
    def enqueue(self, service_id, routing, payload):
        raise OSError("disk full")


NOW = datetime(2026, 3, 14, 10, 30, tzinfo=UTC)
def make(service, outbox=None):
    ids = iter(uuid.UUID(int=n) for n in range(1, 100))
    return FormEngine(service, outbox or MemoryOutbox(), clock=lambda: NOW,
                      new_id=lambda: next(ids))


def fill(engine, good, **overrides):
    answers = {**good, **overrides}
    while engine.phase is Phase.QUESTION:
        assert engine.answer(answers[engine.current_step.id]) is None, engine.current_step.id


def test_the_first_question_is_numbered_out_of_the_questions_that_may_apply(service):
    engine = make(service)
    assert engine.current_step.id == "nom"
    # nombre_enfants is counted until "enfants" is answered no.
    assert engine.progress().text("fr") == "Question 1 sur 13"
    assert engine.progress().text("en") == "Question 1 of 13"


def test_a_yes_opens_the_conditional_question_already_counted(service, good):
    engine = make(service)
    for step_id in ("nom", "naissance"):
        engine.answer(good[step_id])
    engine.answer(True)
    assert engine.current_step.id == "nombre_enfants"
    assert engine.progress().text("fr") == "Question 4 sur 13"


def test_a_no_skips_the_conditional_question(service, good):
    engine = make(service)
    for step_id in ("nom", "naissance"):
        engine.answer(good[step_id])
    engine.answer(False)
    assert engine.current_step.id == "situation"
    assert engine.progress().text("fr") == "Question 4 sur 12"


def test_a_wrong_postal_code_is_explained_and_kept(service, good):
    engine = make(service)
    while engine.current_step.id != "code_postal":
        engine.answer(good[engine.current_step.id])
    error = engine.answer("9711")
    assert error.text("fr") == "Le code postal a 5 chiffres."
    assert engine.error == error
    assert engine.current_step.id == "code_postal"
    assert engine.draft() == "9711"
    assert engine.answer("97110") is None
    assert engine.error is None
    assert engine.current_step.id == "nir"


def test_an_error_keeps_every_earlier_answer(service):
    engine = make(service)
    engine.answer("Martin")
    engine.answer("31/02/1950")
    assert engine.answer_value("nom") == "Martin"
    assert engine.draft("nom") == "Martin"
    assert engine.draft() == "31/02/1950"


def test_back_returns_to_the_previous_question_with_its_answer(service):
    engine = make(service)
    engine.answer("Martin")
    engine.keep_draft("14/07")
    assert engine.back() is True
    assert engine.current_step.id == "nom"
    assert engine.draft() == "Martin"
    assert engine.back() is False  # the caller shows the service page
    engine.answer("Martin")
    assert engine.draft() == "14/07"


def test_back_skips_a_question_that_no_longer_applies(service, good):
    engine = make(service)
    fill(engine, good, enfants=False)
    assert engine.phase is Phase.REVIEW
    while engine.current_step is None or engine.current_step.id != "situation":
        engine.back()
    engine.back()
    assert engine.current_step.id == "enfants"


def test_the_review_lists_every_answer_that_applies_as_shown(service, good):
    engine = make(service)
    fill(engine, good)
    lines = {line.step_id: line for line in engine.review("fr")}
    assert lines["naissance"].answer == "14 juillet 1948"
    assert lines["enfants"].answer == "Oui"
    assert lines["nombre_enfants"].answer == "3"
    assert lines["aides"].answer == "APL, Prime d'activité"
    assert lines["code_postal"].answer == "97110 Pointe-à-Pitre"
    assert lines["precisions"].answer == "Pas de réponse"
    assert lines["nom"].label == "Question nom"
    assert len(lines) == 13


def test_modifier_opens_a_question_and_comes_back_to_the_review(service, good):
    engine = make(service)
    fill(engine, good)
    engine.edit("telephone")
    assert engine.phase is Phase.QUESTION and engine.editing
    assert engine.draft() == "06 12 34 56 78"
    assert engine.answer("0590 12 34 56") is None
    assert engine.phase is Phase.REVIEW
    assert dict((ln.step_id, ln.answer) for ln in engine.review())["telephone"] == "0590 12 34 56"


def test_an_edit_that_opens_a_question_asks_it_before_the_review(service, good):
    engine = make(service)
    fill(engine, good, enfants=False)
    assert "nombre_enfants" not in {line.step_id for line in engine.review()}
    engine.edit("enfants")
    engine.answer(True)
    assert engine.current_step.id == "nombre_enfants"
    assert engine.back() is True  # back to "enfants": the new question still needs an answer
    assert engine.current_step.id == "enfants"
    engine.answer(True)
    engine.answer("2")
    assert engine.phase is Phase.REVIEW


def test_an_edit_that_closes_a_question_drops_its_answer_from_the_request(service, good):
    outbox = MemoryOutbox()
    engine = make(service, outbox)
    fill(engine, good)
    engine.edit("enfants")
    engine.answer(False)
    assert engine.phase is Phase.REVIEW
    engine.confirm_review()
    engine.give_consent()
    engine.submit()
    assert "nombre_enfants" not in outbox.items[0].payload["answers"]


def test_back_from_an_edit_keeps_the_previous_answer(service, good):
    engine = make(service)
    fill(engine, good)
    engine.edit("nom")
    engine.keep_draft("Dur")
    assert engine.back() is True
    assert engine.phase is Phase.REVIEW
    assert engine.answer_value("nom") == good["nom"]


def test_submit_needs_an_explicit_consent(service, good):
    engine = make(service)
    fill(engine, good)
    assert engine.confirm_review() is True
    assert engine.phase is Phase.CONSENT
    with pytest.raises(FormError):
        engine.submit()
    assert engine.back() is True
    assert engine.phase is Phase.REVIEW


def test_submit_queues_a_typed_request_and_forgets_the_answers(service, good):
    outbox = MemoryOutbox()
    engine = make(service, outbox)
    fill(engine, good)
    engine.confirm_review()
    engine.give_consent()
    submission = engine.submit()
    client_id = str(uuid.UUID(int=1))
    assert submission.client_id == client_id == submission.outbox_id
    assert submission.reference == reference_for(client_id)
    assert submission.routing == "commune-test"
    assert submission.created_at == NOW
    [item] = outbox.items
    assert item.service_id == "tout" and item.routing == "commune-test"
    payload = item.payload
    assert payload["client_id"] == client_id
    assert payload["created_at"] == "2026-03-14T10:30:00+00:00"
    assert payload["answers"]["nir"] == "269054958815780"
    assert payload["answers"]["code_postal"]["insee"] == "97120"
    assert payload["answers"]["aides"] == ["apl", "prime"]
    assert engine.phase is Phase.SUBMITTED
    assert engine.answer_value("nom") is None and engine.draft("nom") is None


def test_a_failing_outbox_keeps_the_answers_and_the_same_client_id(service, good):
    engine = make(service, FailingOutbox())
    fill(engine, good)
    engine.confirm_review()
    engine.give_consent()
    with pytest.raises(OSError):
        engine.submit()
    assert engine.phase is Phase.CONSENT
    assert engine.answer_value("nom") == good["nom"]
    assert engine.client_id == str(uuid.UUID(int=1))


def test_clear_drops_every_answer_and_starts_again_under_a_new_id(service, good):
    engine = make(service)
    fill(engine, good)
    engine.clear()
    assert engine.phase is Phase.QUESTION and engine.current_step.id == "nom"
    assert all(engine.answer_value(step.id) is None for step in service.steps)
    assert all(engine.draft(step.id) is None for step in service.steps)
    assert engine.client_id == str(uuid.UUID(int=2))


def test_out_of_order_calls_are_refused_plainly(service):
    engine = make(service)
    with pytest.raises(FormError):
        engine.confirm_review()
    with pytest.raises(FormError):
        engine.edit("nom")


def test_the_json_lines_store_survives_a_restart_and_ignores_a_retry(service, tmp_path, good):
    path = tmp_path / "queue.jsonl"
    engine = make(service, JsonLinesOutbox(path))
    fill(engine, good)
    engine.confirm_review()
    engine.give_consent()
    record = engine.record()
    submission = engine.submit()
    again = JsonLinesOutbox(path)
    again.enqueue(record.service_id, record.routing, record.payload())
    [item] = again.items()
    assert item.outbox_id == submission.client_id
    assert item.payload["answers"]["nom"] == good["nom"]


def test_every_step_has_a_spoken_text(service):
    step = service.steps[0]
    assert step.spoken("fr") == "Question nom"
