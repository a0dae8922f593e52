"""Take-over: help asked, a mediator takes the controls, consent, hand-back, payload fields."""

from __future__ import annotations

import pytest

from kiosk.mediator.takeover import (
    Assistance,
    AssistState,
    ConsentRequired,
    TakeOverError,
    consent_text,
)


@pytest.fixture
def assistance(journal, clock, waiting_list):
    return Assistance(journal, clock, waiting_list)


def consent_for(assistance, service="carte-identite"):
    return assistance.record_consent(service, "Carte d'identité", ["Nom", "Adresse"],
                                     "Mairie de Démoville")


def test_a_citizen_alone_asks_for_help_and_a_mediator_takes_over_with_a_banner(
        assistance, claire_session, waiting_list):
    assert assistance.banner() is None
    call = assistance.request_help("question")
    assert assistance.state is AssistState.HELP_REQUESTED and waiting_list.open_help_calls()
    banner = assistance.take_over(claire_session, "question")
    assert banner == "Mode accompagné — Claire" and assistance.state is AssistState.ASSISTED
    assert assistance.banner("en") == "Assisted mode — Claire"
    assert waiting_list.help_call(call.id).answered_by == claire_session.mediator.id
    assert waiting_list.open_help_calls() == []


def test_submitting_while_assisted_needs_the_citizens_consent_for_that_procedure(
        assistance, claire_session):
    assistance.take_over(claire_session, "question")
    assert assistance.consent_needed("carte-identite")
    with pytest.raises(ConsentRequired):
        assistance.payload_fields("carte-identite")
    consent = consent_for(assistance)
    fields = assistance.payload_fields("carte-identite")
    assert fields["assisted_by"] == claire_session.mediator.id
    assert fields["consent"]["scope"] == "this_session"
    assert fields["consent"]["id"] == consent.id and fields["consent"]["sees"] == ["Nom",
                                                                                   "Adresse"]
    assert "Claire" not in str(fields)  # the hub gets the account id, not the first name
    with pytest.raises(ConsentRequired):
        assistance.payload_fields("passeport")  # consent is per procedure


def test_handing_back_keeps_the_session_and_marks_the_request_as_helped(
        assistance, claire_session):
    assistance.take_over(claire_session, "question")
    assistance.hand_back()
    assert assistance.state is AssistState.HANDED_BACK and assistance.banner() is None
    assert assistance.was_assisted
    assert assistance.payload_fields("passeport") == {
        "assisted_by": claire_session.mediator.id, "consent": None}


def test_a_citizen_who_stays_alone_sends_no_assistance_fields(assistance):
    assert assistance.payload_fields("carte-identite") == {}
    assert not assistance.was_assisted


def test_a_locked_staff_session_cannot_take_over(assistance, claire_session):
    claire_session.quit()
    with pytest.raises(TakeOverError, match="locked"):
        assistance.take_over(claire_session, "home")


def test_staff_mode_locking_while_assisting_hands_the_session_back(
        assistance, claire_session, clock):
    assistance.take_over(claire_session, "question")
    clock.advance(180)
    assert assistance.check_staff() and assistance.state is AssistState.HANDED_BACK


def test_a_second_mediator_cannot_grab_a_session_already_assisted(
        assistance, claire_session, accounts, auth):
    accounts.add("Karim", "5173")
    karim = auth.unlock("Karim", "5173").session
    assistance.take_over(claire_session, "question")
    with pytest.raises(TakeOverError, match="hand back"):
        assistance.take_over(karim, "question")


def test_consent_is_recorded_only_while_a_mediator_assists(assistance):
    with pytest.raises(TakeOverError):
        consent_for(assistance)


def test_the_journal_links_take_over_consent_and_hand_back_without_names(
        assistance, claire_session, journal):
    assistance.take_over(claire_session, "review")
    consent_for(assistance)
    assistance.hand_back()
    entries = [e for e in journal.entries() if e["data"].get("session")]
    assert [e["event"] for e in entries] == ["take_over", "consent", "hand_back"]
    assert {e["data"]["session"] for e in entries} == {assistance.session_ref}
    assert "Claire" not in journal.path.read_text()
    assert journal.verify().ok


def test_ending_the_session_withdraws_the_help_call_and_forgets_consents(
        assistance, claire_session, waiting_list):
    assistance.request_help("home")
    assistance.end()
    assert waiting_list.open_help_calls() == []
    assistance.take_over(claire_session, "home")
    consent_for(assistance)
    assistance.end()
    assert assistance.consents == {} and assistance.state is AssistState.HANDED_BACK


def test_the_consent_text_names_the_mediator_procedure_what_is_seen_and_the_recipient():
    text = consent_text("Claire", "Carte d'identité", ["Nom", "Adresse"], "Mairie de Démoville")
    assert "Claire" in text["body"] and "« Carte d'identité »" in text["body"]
    assert "«\u00a0Nom\u00a0», «\u00a0Adresse\u00a0»" in text["body"]
    assert "Mairie de Démoville" in text["body"]
    assert "pour cette visite seulement" in text["body"]
    assert text["accept"] == "J'accepte"


def test_the_questions_seen_are_quoted_so_their_question_marks_read_right():
    """"Quel est le problème ?, Où ?." read as a mistake (seen on the screen in nine
    languages): each question is quoted, then the language's own comma."""
    questions = ["Quel est le problème ?", "Où est le problème ?"]
    french = consent_text("Claire", "Signalement", questions, "Mairie")["body"]
    assert "verra : «\u00a0Quel est le problème ?\u00a0», «\u00a0Où est le problème ?\u00a0»." \
        in french
    assert "?," not in french
    arabic = consent_text("Claire", "بلاغ", ["ما المشكلة؟", "أين المشكلة؟"], "البلدية",
                          "ar")["body"]
    assert "؟," not in arabic and "،" in arabic
    assert "ما المشكلة؟" in arabic and "أين المشكلة؟" in arabic


def test_a_request_queued_after_take_over_carries_the_mediator_id_and_the_consent(
        assistance, claire_session):
    from kiosk.forms.local_outbox import MemoryOutbox
    from kiosk.mediator.assisted_outbox import AssistedOutbox

    inner = MemoryOutbox()
    outbox = AssistedOutbox(inner, assistance)
    payload = {"client_id": "c1", "service_id": "carte-identite", "answers": {"nom": "X"}}
    assistance.request_help("question")
    assistance.take_over(claire_session, "question")
    with pytest.raises(ConsentRequired):
        outbox.enqueue("carte-identite", "mairie", payload)
    assert inner.items == []  # nothing queued without consent
    consent = consent_for(assistance)
    assistance.hand_back()
    outbox.enqueue("carte-identite", "mairie", payload)
    queued = inner.items[0].payload
    assert queued["assisted_by"] == claire_session.mediator.id
    assert queued["consent"]["id"] == consent.id and queued["answers"] == {"nom": "X"}


def _on_paper(text: str) -> str:
    """The line as it appears, left to right (the receipt's UAX #9 implementation)."""
    from kiosk.printing.bidi import visual_runs

    runs = visual_runs(text, rtl=True)
    return "".join(run.text[::-1] if run.rtl else run.text for run in runs)


def test_in_persian_the_first_question_seen_is_read_first_from_the_right():
    """The list is an isolate inside the sentence: without its direction mark it ran left to
    right, «مشکل چیست؟» at the far left (seen at the largest size)."""
    body = consent_text("Claire", "گزارش", ["مشکل چیست؟", "مشکل کجاست؟"], "شهرداری",
                        "fa")["body"]
    seen = _on_paper(body)
    first, second = seen.find("چیست"[::-1]), seen.find("کجاست"[::-1])
    assert first > second > 0  # the first question is to the right of the second
