"""The waiting list: short numbers per day, the next person called aloud, waits measured."""

from __future__ import annotations

import pytest

from kiosk.mediator.tickets import HelpState, TicketError, TicketState
from offline_cache.languages import CODES

MED = "med-0a1b2c3d"


def test_tickets_get_short_numbers_that_follow_each_other(waiting_list):
    codes = [waiting_list.take_ticket("carte-identite").code for _ in range(3)]
    assert codes == ["A-001", "A-002", "A-003"]


def test_numbers_restart_the_next_day(waiting_list, clock):
    waiting_list.take_ticket()
    clock.advance(24 * 3600)
    assert waiting_list.take_ticket().code == "A-001"
    assert [t.code for t in waiting_list.today()] == ["A-001"]


def test_calling_the_next_one_returns_the_oldest_ticket_and_what_to_show_and_say(
        waiting_list, clock):
    first = waiting_list.take_ticket("passeport")
    clock.advance(60)
    waiting_list.take_ticket()
    clock.advance(240)
    call = waiting_list.call_next(MED)
    assert call.ticket.id == first.id and call.ticket.state is TicketState.CALLED
    assert call.display["fr"] == call.display["en"] == "Ticket A-001, Guichet 2"
    assert set(call.display) == set(CODES)  # the attract screen may be in any language
    assert call.speech["fr"] == "Ticket A 1, Guichet 2."
    assert call.speech["en"] == "Ticket A 1, please go to Guichet 2."
    assert call.ticket.waiting_seconds(clock.now + 999) == 300


def test_calling_with_nobody_waiting_returns_nothing(waiting_list):
    assert waiting_list.call_next(MED) is None


def test_a_ticket_still_waiting_counts_its_wait_up_to_now(waiting_list, clock):
    ticket = waiting_list.take_ticket()
    clock.advance(125)
    assert waiting_list.today()[0].waiting_seconds(clock.now) == 125 == ticket.waiting_seconds(
        clock.now)


def test_served_and_cancelled_tickets_leave_the_queue_and_cannot_close_twice(waiting_list):
    first, second, third = (waiting_list.take_ticket() for _ in range(3))
    waiting_list.call_next(MED)
    waiting_list.serve(first.id)
    waiting_list.cancel(second.id)
    assert [t.code for t in waiting_list.waiting()] == [third.code]
    with pytest.raises(TicketError, match="already served"):
        waiting_list.serve(first.id)


def test_calling_a_ticket_is_journaled_with_its_code_and_wait(waiting_list, journal, clock):
    waiting_list.take_ticket("aide")
    clock.advance(90)
    waiting_list.call_next(MED)
    entry = journal.entries()[-1]
    assert entry["event"] == "ticket_called" and entry["mediator"] == MED
    assert entry["data"] == {"reason": "aide", "ticket": "A-001", "waited_seconds": 90}


def test_a_reason_must_be_a_service_id_not_free_text(waiting_list):
    with pytest.raises(ValueError, match="identifier"):
        waiting_list.take_ticket("Mme Martin, pour sa retraite")


def test_a_help_call_from_a_screen_waits_until_a_mediator_answers(waiting_list, clock):
    call = waiting_list.raise_help("question")
    clock.advance(45)
    assert [c.id for c in waiting_list.open_help_calls()] == [call.id]
    answered = waiting_list.answer_help(call.id, MED)
    assert answered.state is HelpState.ANSWERED and answered.waiting_seconds(clock.now + 60) == 45
    assert waiting_list.open_help_calls() == []
