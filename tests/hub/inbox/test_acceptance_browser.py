"""Issue 9's acceptance line, in one go, in real browsers: an agent signs in, sees only their
service's requests (another service's is neither listed nor opened by its address), opens one,
moves it to "Traitée" with a message; then the link of the receipt's QR code, opened on a small
phone that never signed in, shows that state and that message. Screenshots of the inbox, the
request and the phone's tracking page go to the `screenshots` folder."""

from __future__ import annotations

import zxingcpp
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.ui import Select, WebDriverWait

from hub.intake.models import Submission
from kiosk.receipt import qr_image, qr_payload
from tests.hub.browsers import LAPTOP, PHONE, chromium, page_fits_the_width, set_viewport

MESSAGE = "Votre acte de naissance est prêt. Venez le chercher à l'accueil de la mairie."


def receipt_link(base_url: str, submission: Submission) -> str:
    """The address the citizen's phone reads from the QR code the kiosk prints."""
    [code] = zxingcpp.read_barcodes(qr_image(qr_payload(base_url, str(submission.uuid))))
    return code.text


def test_an_agent_closes_a_request_with_a_message_and_the_citizens_phone_shows_it(
        live_server, transactional_db, browser, screenshots, tmp_path, civil_agent,
        roads_agent, make_submission, password):
    ours = make_submission("acte-naissance", {"nom": "Martin", "prenoms": "Jeanne Louise"})
    also_ours = make_submission("acte-naissance", {"nom": "Bernard"})
    theirs = make_submission("signalement-rue", {"lieu": "devant l'école"})
    wait = WebDriverWait(browser, 10)
    set_viewport(browser, *LAPTOP)

    browser.get(f"{live_server.url}/connexion/")
    browser.find_element(By.NAME, "username").send_keys(civil_agent.get_username())
    browser.find_element(By.NAME, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait.until(seen.title_contains("Demandes reçues"))
    listed = browser.find_element(By.TAG_NAME, "table").text
    assert ours.reference in listed and also_ours.reference in listed
    assert theirs.reference not in listed and "devant l'école" not in browser.page_source
    browser.save_screenshot(str(screenshots / "acceptance-demandes.png"))

    browser.get(f"{live_server.url}/demandes/{theirs.uuid}/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Demande introuvable"
    assert "devant l'école" not in browser.page_source

    browser.get(f"{live_server.url}/demandes/")
    browser.find_element(By.LINK_TEXT, ours.reference).click()
    wait.until(seen.title_contains(ours.reference))
    assert "Jeanne Louise" in browser.find_element(By.ID, "contenu").text
    Select(browser.find_element(By.NAME, "state")).select_by_visible_text("Traitée")
    browser.find_element(By.NAME, "citizen_message").send_keys(MESSAGE)
    browser.find_element(By.XPATH, "//button[text()=\"Changer l'état\"]").click()
    wait.until(seen.text_to_be_present_in_element((By.CSS_SELECTOR, ".messages"),
                                                  "maintenant « Traitée »"))
    browser.save_screenshot(str(screenshots / "acceptance-demande.png"))
    assert Submission.objects.get(pk=theirs.pk).state == "new"

    link = receipt_link(live_server.url, ours)
    assert link == f"{live_server.url}/suivi/{ours.uuid}?ref={ours.reference}"
    phone = chromium(tmp_path / "phone", phone=PHONE)
    try:
        phone.get(link)
        assert phone.execute_script("return window.innerWidth") == PHONE["width"]
        assert phone.find_element(By.ID, "etat").text == "Traitée"
        assert phone.find_element(By.ID, "message").text == MESSAGE
        assert page_fits_the_width(phone)
        assert "Martin" not in phone.page_source and "Jeanne" not in phone.page_source
        phone.save_screenshot(str(screenshots / "acceptance-suivi-telephone.png"))
    finally:
        phone.quit()
