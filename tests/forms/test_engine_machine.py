"""Random sequences of taps (answer, back, modify, confirm, consent, clear) keep the engine sane."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from kiosk.catalog import load_catalog
from kiosk.forms.engine import FormEngine, Phase
from kiosk.forms.local_outbox import MemoryOutbox

GOOD = {"text": "3 rue de la Paix", "name": "Martin", "date_of_birth": (1, 2, 1950),
        "yes_no": True, "number": "1", "phone": "0612345678", "email": "a@b.fr",
        "postal_code": "75001", "nir": "269054958815780",
        "iban": "FR7630006000011234567890189", "description": "Texte"}
BAD = ["", "??", "<b>x</b>", "9" * 300, None, ["x"]]
SERVICES = [s for s in load_catalog().services if s.steps]


def good_answer(step, pick):
    if step.kind == "single_choice":
        return step.choices[pick % len(step.choices)].value
    if step.kind == "multiple_choice":
        return [step.choices[pick % len(step.choices)].value]
    if step.kind == "yes_no":
        return pick % 2 == 0
    return GOOD[step.kind]


class EngineMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.outbox = MemoryOutbox()
        self.engine = None

    @rule(index=st.integers(0, len(SERVICES) - 1))
    @precondition(lambda self: self.engine is None)
    def open_service(self, index):
        self.engine = FormEngine(SERVICES[index], self.outbox,
                                 clock=lambda: datetime(2026, 3, 14, tzinfo=UTC))

    @rule(pick=st.integers(0, 10))
    @precondition(lambda self: self.engine and self.engine.phase is Phase.QUESTION)
    def answer_well(self, pick):
        assert self.engine.answer(good_answer(self.engine.current_step, pick)) is None

    @rule(pick=st.integers(0, 10))
    @precondition(lambda self: self.engine and self.engine.phase is Phase.QUESTION)
    def answer_the_rest_well(self, pick):
        for _ in range(len(self.engine.service.steps) + 1):
            if self.engine.phase is not Phase.QUESTION:
                break
            self.answer_well(pick)
        assert self.engine.phase is Phase.REVIEW

    @rule(raw=st.sampled_from(BAD))
    @precondition(lambda self: self.engine and self.engine.phase is Phase.QUESTION)
    def answer_badly(self, raw):
        step = self.engine.current_step
        before = dict(self.engine._answers)
        if self.engine.answer(raw) is not None:
            assert self.engine.current_step is step and self.engine.draft() is raw
            assert self.engine._answers == before

    @rule()
    @precondition(lambda self: self.engine is not None)
    def back(self):
        self.engine.back()

    @rule(pick=st.integers(0, 50))
    @precondition(lambda self: self.engine and self.engine.phase is Phase.REVIEW)
    def modify(self, pick):
        lines = self.engine.review()
        self.engine.edit(lines[pick % len(lines)].step_id)

    @rule()
    @precondition(lambda self: self.engine and self.engine.phase is Phase.REVIEW)
    def confirm(self):
        self.engine.confirm_review()

    @rule()
    @precondition(lambda self: self.engine and self.engine.phase is Phase.CONSENT)
    def consent_and_submit(self):
        event("a request was submitted")
        self.engine.give_consent()
        queued = len(self.outbox.items)
        submission = self.engine.submit()
        assert len(self.outbox.items) == queued + 1
        payload = self.outbox.items[-1].payload
        assert payload["reference"] == submission.reference
        visible = {step.id for step in self.engine.service.steps}
        assert set(payload["answers"]) <= visible
        self.engine = None

    @rule()
    @precondition(lambda self: self.engine is not None)
    def clear(self):
        self.engine.clear()
        assert not self.engine._answers and not self.engine._drafts

    @invariant()
    def numbering_and_review_make_sense(self):
        engine = self.engine
        if engine is None:
            return
        progress = engine.progress()
        assert 1 <= progress.number <= progress.total
        visible = engine.visible_steps()
        if engine.phase is Phase.QUESTION:
            assert engine.current_step in visible
        if engine.phase is Phase.CONSENT:
            assert all(step.id in engine._answers for step in visible)


EngineMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=40,
                                           deadline=None)
test_random_taps_keep_the_engine_sane = EngineMachine.TestCase
