"""The settings pages and the kiosks page's versions, in headless chromium as an IT officer
sees them: on a laptop, changing a setting for every kiosk through the real form, and on a
phone, where nothing needs a sideways scroll. Screenshots go to the test's folder."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.ui import Select, WebDriverWait

from hub.fleet.models import Kiosk
from hub.fleet.remote_settings import document_for
from tests.hub.browsers import LAPTOP, PHONE, chromium, page_fits_the_width, set_viewport

PASSWORD = "correct horse battery staple"


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_user("admin-it", password=PASSWORD, is_staff=True)


def sign_in(driver, url: str, officer) -> None:
    driver.get(f"{url}/connexion/")
    driver.find_element(By.NAME, "username").send_keys(officer.get_username())
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 10).until(seen.title_contains("Demandes"))


def test_an_it_officer_sets_the_idle_delay_for_every_kiosk_and_sees_who_applied_it(
        live_server, transactional_db, officer, tmp_path):
    applied = Kiosk.objects.create(kiosk_id="borne-valbonne-01", site="Mairie de Valbonne")
    late = Kiosk.objects.create(kiosk_id="borne-mazan-01", site="France Services Mazan")
    browser = chromium(tmp_path / "laptop")
    try:
        set_viewport(browser, *LAPTOP)
        sign_in(browser, live_server.url, officer)
        browser.get(f"{live_server.url}/bornes/")
        browser.find_element(By.LINK_TEXT, "toutes les bornes à la fois").click()
        WebDriverWait(browser, 10).until(seen.title_contains("toutes les bornes"))
        field = browser.find_element(By.ID, "id_interface__idle_warning_seconds")
        field.send_keys("120")
        Select(browser.find_element(By.ID, "id_voice__enabled")).select_by_visible_text("oui")
        browser.find_element(By.XPATH, "//button[text()='Enregistrer les réglages']").click()
        WebDriverWait(browser, 10).until(seen.text_to_be_present_in_element(
            (By.CSS_SELECTOR, ".messages"), "Réglages enregistrés"))
        browser.save_screenshot(str(tmp_path / "reglages-toutes.png"))

        sent = json.loads(document_for(applied)[0])
        assert sent["settings"] == {"interface.idle_warning_seconds": 120, "voice.enabled": True}
        for kiosk, version in ((applied, sent["version"]), (late, "0ld0ld0ld0ld")):
            kiosk.config_sent_version = version
            kiosk.status = {"config_version": version, "app_version": "1.4.0"}
            kiosk.save()
        browser.get(f"{live_server.url}/bornes/")
        rows = {row.find_element(By.TAG_NAME, "th").text: row.text
                for row in browser.find_elements(By.CSS_SELECTOR, "tbody tr")}
        assert "(à jour)" in rows["borne-valbonne-01"].split("catalogue")[0]
        assert "pas encore appliquée" in rows["borne-mazan-01"]
        browser.save_screenshot(str(tmp_path / "bornes-versions.png"))
    finally:
        browser.quit()

    phone = chromium(tmp_path / "phone", phone=PHONE)
    try:
        sign_in(phone, live_server.url, officer)
        for address, name in (("/bornes/", "bornes"), ("/bornes/reglages/toutes/", "reglages"),
                              (f"/bornes/{applied.kiosk_id}/reglages/", "reglages-borne")):
            phone.get(live_server.url + address)
            assert page_fits_the_width(phone), address
            phone.save_screenshot(str(tmp_path / f"telephone-{name}.png"))
        phone.execute_script("arguments[0].scrollIntoView()",
                             phone.find_element(By.ID, "id_voice__enabled"))
        phone.save_screenshot(str(tmp_path / "telephone-reglages-borne-voix.png"))
    finally:
        phone.quit()
