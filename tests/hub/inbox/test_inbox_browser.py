"""An agent in a real browser (headless chromium): signs in, sees only their service's
requests, opens one and closes it with a message. Screenshots for docs/backoffice.md: into
docs/img/ with HUB_DOCS_SCREENSHOTS=1, else into the test's scratch folder (the committed
ones stay put on an ordinary run)."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.ui import Select, WebDriverWait

from hub.intake.models import Submission
from tests.hub.browsers import LAPTOP
from tests.hub.browsers import set_viewport as _viewport

SIZES = {"": LAPTOP, "-tablette": (800, 1280)}


def _shoot(driver, folder: Path, name: str) -> None:
    """The page at each documented size (laptop, tablet)."""
    for suffix, (width, height) in SIZES.items():
        _viewport(driver, width, height)
        driver.save_screenshot(str(folder / f"backoffice-{name}{suffix}.png"))
    _viewport(driver, *SIZES[""])


def _shoot_whole(driver, folder: Path, name: str) -> None:
    """The whole page, top to bottom, at laptop width."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    _viewport(driver, SIZES[""][0], height)
    driver.save_screenshot(str(folder / f"backoffice-{name}.png"))
    _viewport(driver, *SIZES[""])


def test_an_agent_signs_in_sees_only_their_service_and_closes_a_request_with_a_message(
        live_server, transactional_db, browser, screenshots, civil_agent, roads_agent,
        make_submission, assisted_fields):
    ours = make_submission("acte-naissance", assisted=assisted_fields, answers={
        "type_acte": "copie-integrale", "nom": "Martin", "prenoms": "Jeanne Louise",
        "date_naissance": "1948-05-17",
        "commune_naissance": {"postal_code": "07000", "name": "Privas"},
        "adresse": "12 rue des Lilas", "code_postal": "07210"})
    others = [make_submission("acte-naissance") for _ in range(3)]
    Submission.objects.filter(pk=others[0].pk).update(state="in_progress",
                                                      assigned_to=civil_agent)
    Submission.objects.filter(pk=others[1].pk).update(state="waiting", assigned_to=civil_agent)
    theirs = make_submission("signalement-rue", {"lieu": "devant l'école"})
    wait = WebDriverWait(browser, 10)
    _viewport(browser, *SIZES[""])

    browser.get(f"{live_server.url}/connexion/")
    _shoot(browser, screenshots, "connexion")
    browser.find_element(By.NAME, "username").send_keys("claire")
    browser.find_element(By.NAME, "password").send_keys("correct horse battery staple")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait.until(seen.title_contains("Demandes reçues"))
    table = browser.find_element(By.TAG_NAME, "table").text
    assert ours.reference in table and theirs.reference not in table
    _shoot(browser, screenshots, "demandes")

    browser.get(f"{live_server.url}/demandes/{theirs.uuid}/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Demande introuvable"

    browser.get(f"{live_server.url}/demandes/")
    browser.find_element(By.LINK_TEXT, ours.reference).click()
    wait.until(seen.title_contains(ours.reference))
    assert "Jeanne Louise" in browser.find_element(By.ID, "contenu").text
    Select(browser.find_element(By.NAME, "state")).select_by_visible_text("Traitée")
    browser.find_element(By.NAME, "citizen_message").send_keys(
        "Votre acte de naissance est parti par la poste.")
    _shoot(browser, screenshots, "demande")
    browser.find_element(By.XPATH, "//button[text()=\"Changer l'état\"]").click()
    wait.until(seen.text_to_be_present_in_element((By.CSS_SELECTOR, ".messages"),
                                                  "maintenant « Traitée »"))
    ours.refresh_from_db()
    assert ours.state == "done" and ours.closed_at is not None
    assert ours.citizen_message == "Votre acte de naissance est parti par la poste."
    assert Submission.objects.get(pk=theirs.pk).state == "new"
    browser.find_element(By.NAME, "text").send_keys("Acte envoyé au 12 rue des Lilas.")
    browser.find_element(By.XPATH, "//button[text()='Ajouter la note']").click()
    wait.until(seen.text_to_be_present_in_element((By.CSS_SELECTOR, ".messages"),
                                                  "La note interne est ajoutée"))
    _shoot_whole(browser, screenshots, "demande-complete")

    browser.find_element(By.LINK_TEXT, "Second facteur").click()
    wait.until(seen.title_contains("Second facteur"))
    _shoot(browser, screenshots, "securite")
    [code] = zxingcpp.read_barcodes(Image.open(screenshots / "backoffice-securite.png"))
    assert code.text.startswith("otpauth://totp/") and "secret=" in code.text  # it scans
