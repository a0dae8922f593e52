"""Debian's headless chromium for the back-office and tracking browser tests: one way to
start it, at laptop size or as a small phone, and one way to resize what it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service as DriverService

CHROMEDRIVER = "/usr/bin/chromedriver"
LAPTOP = (1366, 768)
PHONE = {"width": 360, "height": 740, "pixelRatio": 2}  # a small phone


def chromium(profile_dir: Path, *, phone: dict | None = None) -> webdriver.Chrome:
    """A fresh headless chromium with its own profile; `phone`: mobile emulation of that
    size (PHONE), else a desktop browser. The caller quits it."""
    if not Path(CHROMEDRIVER).exists():
        pytest.fail("chromium-driver is missing: run ./dev.sh (apt: chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-dev-shm-usage",
                 "--lang=fr-FR", f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    if phone:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": phone})
    return webdriver.Chrome(service=DriverService(CHROMEDRIVER), options=options)


def set_viewport(driver: webdriver.Chrome, width: int, height: int) -> None:
    """What the page is laid out for, whatever the headless window's size."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def page_fits_the_width(driver: webdriver.Chrome) -> bool:
    """Nothing needs a sideways scroll."""
    return driver.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth")
