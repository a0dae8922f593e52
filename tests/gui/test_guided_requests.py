"""Citizens complete real procedures with real taps, down to a request in the encrypted queue."""

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QLineEdit

from tests.gui.conftest import queued


def finish(citizen, window) -> str:
    """Review, consent, receipt: returns the reference shown to the citizen."""
    assert window.current_screen is window.review
    citizen.tap(window.review.confirm_button)
    assert window.current_screen is window.consent
    assert "Personne ne peut les lire" in window.consent.body.text()
    citizen.tap(window.consent.accept_button)  # written off the GUI thread: "Un instant…"
    citizen.qtbot.waitUntil(lambda: window.current_screen is window.receipt)
    return window.receipt.reference.text()


def test_a_street_problem_is_reported_with_a_wrong_step_corrected(citizen, window):
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    assert window.question.progress.text().startswith("Question 1 sur")
    citizen.choose("eclairage")
    assert citizen.question() == "Où est le problème ?"
    citizen.answer("Rue de la Mairie")
    citizen.skip()  # the optional description
    citizen.choose(True)  # dangerous
    citizen.choose(True)  # wants an answer
    assert citizen.question() == "À quel numéro ?"
    citizen.answer("061234")
    assert window.question.error.isVisible()
    assert window.question.input.field.text() == "06 12 34"  # nothing typed is lost, grouped
    citizen.erase(6)
    citizen.answer("0612345678")
    citizen.confirm()  # an optional question confirmed empty is skipped too
    reference = finish(citizen, window)
    assert len(reference) == 7 and reference[3] == "-"
    [item] = queued(window)
    assert item.service == "signalement-rue"
    stored = b"".join(p.read_bytes() for p in window.services.config.data_dir.rglob("*")
                      if p.is_file())
    assert b"Rue de la Mairie" not in stored  # sealed for the hub, unreadable here


def test_a_birth_certificate_request_with_a_wrong_postal_code_corrected(citizen, window):
    citizen.open_service("famille", "acte-naissance")
    citizen.tap(window.service.request_button)
    citizen.choose("copie-integrale")
    citizen.answer("Martin")
    citizen.answer("Élise Marie")
    citizen.answer("14071950")  # the date pad moves from day to month to year by itself
    assert citizen.question() == "Quelle est votre commune de naissance ?"
    citizen.answer("7500")
    assert "5 chiffres" in window.question.error.text()
    assert window.kiosk.speaker.spoken[-1].startswith(window.question.error.text().lstrip("⚠ "))
    assert window.question.input.field.text() == "7500"
    citizen.answer("1")
    assert not window.question.error.isVisible()
    citizen.answer("Martin Paul")  # a parent, asked because of the full copy
    citizen.skip()  # the other parent is optional
    citizen.answer("3 rue des Lilas")
    citizen.answer("71250")  # Cluny: a code shared by several communes
    assert window.question.input.result_buttons, "the communes of 71250 are offered"
    citizen.tap(window.question.input.button_for("Cluny (71250)"))
    citizen.skip()  # no phone
    lines = {line.step_id: line.answer for line in window.journey.form.review("fr")}
    assert lines["date_naissance"].endswith("1950") and "Cluny" in lines["code_postal"]
    finish(citizen, window)
    assert [item.service for item in queued(window)] == ["acte-naissance"]


def test_a_pension_request_with_choices_and_a_social_security_number(citizen, window):
    citizen.open_service("retraite", "demande-retraite")
    citizen.tap(window.service.request_button)
    citizen.answer("Durand")
    citizen.answer("Jean")
    citizen.answer("02031958")
    citizen.answer("158037512345606")  # a well-formed NIR: 97 - (1580375123456 mod 97) = 6
    assert citizen.question() == "Comment avez-vous travaillé ?"
    citizen.tap(window.question.input.buttons["salarie"])
    citizen.tap(window.question.input.buttons["agricole"])
    assert window.question.input.buttons["agricole"].isChecked()  # its box drawn ticked
    citizen.tap(window.question.input.confirm_button)
    citizen.choose(False)  # never worked abroad: the country question is skipped
    assert citizen.question() == "Combien d'enfants avez-vous eus ou élevés ?"
    citizen.answer("3")
    citizen.answer("0612345678")
    citizen.confirm()
    finish(citizen, window)
    assert [item.service for item in queued(window)] == ["demande-retraite"]


def test_modifier_on_the_review_returns_to_the_review_after_the_answer(citizen, window):
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    citizen.choose("dechets")
    citizen.answer("Place du marché")
    citizen.confirm()
    citizen.choose(False)
    citizen.choose(False)
    citizen.tap(window.review.edit_buttons["lieu"])
    assert window.question.input.field.text() == "Place du marché"
    citizen.erase(6)
    citizen.answer("Église")
    assert window.current_screen is window.review
    assert any(line.answer == "Place du Église" or "Église" in line.answer
               for line in window.journey.form.review("fr"))


def test_the_receipt_qr_code_carries_the_reference_but_no_personal_data(citizen, window):
    from tests.gui.test_qr_view import decode

    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    citizen.choose("chaussee")
    citizen.answer("Chemin Zorglub")
    citizen.confirm()
    citizen.choose(False)
    citizen.choose(False)
    reference = finish(citizen, window)
    [text] = decode(window.receipt.qr)
    assert reference in text and "Zorglub" not in text
    assert "dès que la connexion revient" in window.receipt.details.text()  # offline, honestly


def test_leaving_a_request_wipes_the_answers_from_the_screens_and_the_journey(
        citizen, window):
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    citizen.choose("autre")
    citizen.type("Zqxmarker")
    citizen.tap(window.nav_bar.home_button)
    assert window.current_screen is window.confirm  # asked first (see test_confirmations)
    citizen.tap(window.confirm.yes_button)
    assert window.journey.form is None and window.current_screen is window.home
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater, now
    texts = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QLineEdit)]
    assert texts and not any("Zqxmarker" in text for text in texts)


def test_the_receipt_prints_off_the_gui_thread_and_says_so(citizen, window, qtbot):
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    citizen.choose("eclairage")
    citizen.answer("Rue Haute")
    citizen.skip()
    citizen.choose(False)
    citizen.choose(False)
    reference = finish(citizen, window)
    citizen.tap(window.receipt.print_button)
    assert not window.receipt.print_button.isEnabled()  # no double ticket while it prints
    qtbot.waitUntil(lambda: "enregistré" in window.receipt.print_status.text(), timeout=10000)
    assert window.kiosk.speaker.spoken[-1] == window.receipt.print_status.text()
    [pdf] = (window.services.config.data_dir / "receipts").glob("*.pdf")
    assert reference in pdf.name or pdf.stat().st_size > 1000
