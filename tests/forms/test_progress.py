"""The count of questions never runs past its total, and the total never grows under the
citizen's feet: a question that may still open is counted from the start.
"""

from __future__ import annotations

from kiosk.catalog import load_catalog
from kiosk.forms.engine import FormEngine, Phase
from kiosk.forms.local_outbox import MemoryOutbox


def walk(service, answers) -> list[tuple[int, int]]:
    engine = FormEngine(service, MemoryOutbox())
    seen = []
    while engine.phase is Phase.QUESTION:
        progress = engine.progress()
        seen.append((progress.number, progress.total))
        assert engine.answer(answers[engine.current_step.id]) is None, engine.current_step.id
    return seen


def assert_steady(seen: list[tuple[int, int]], *, ends_early: bool = False) -> None:
    """Numbers 1, 2, 3...; totals that only shrink; with every question asked, the last one
    is "N sur N". A "no" that closes the last questions ends the form early: never late."""
    numbers = [number for number, _total in seen]
    totals = [total for _number, total in seen]
    assert numbers == list(range(1, len(seen) + 1))
    assert all(number <= total for number, total in seen)
    assert totals == sorted(totals, reverse=True), f"the total grew: {totals}"
    assert (totals[-1] > len(seen)) if ends_early else (totals[-1] == len(seen))


STREET = {"probleme": "eclairage", "lieu": "Rue de la Mairie", "details": "", "danger": "yes",
          "telephone": "0612345678", "courriel": ""}


def test_a_street_report_never_says_5_of_5_then_6_of_7():
    service = load_catalog().service("signalement-rue")
    with_answer = walk(service, {**STREET, "reponse": "yes"})
    assert with_answer[4] == (5, 7) and with_answer[5] == (6, 7)
    assert_steady(with_answer)
    without_answer = walk(service, {**STREET, "reponse": "no"})
    assert without_answer[-1] == (5, 7)  # then the review: two questions fewer than announced
    assert_steady(without_answer, ends_early=True)


def test_the_count_is_steady_through_every_condition_of_the_test_form(service, good):
    assert_steady(walk(service, {**good, "enfants": True}))
    assert_steady(walk(service, {**good, "enfants": False}))  # the total shrinks mid-way
