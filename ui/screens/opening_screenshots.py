"""Scenes of the desk's hours for ui/screenshots.py (and the layout tests that walk them):
the attract screen when the desk is closed, with a message of the day, with and without
requests meanwhile, and the help and service pages then.

The window's settings get demo hours and its clock a fixed Friday evening, so renders compare;
these scenes come last, as they leave the window closed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QThreadPool

from kiosk.remote_settings import RemoteSettings

DEMO_HOURS = {day: "09:00-12:00, 14:00-17:30" for day in ("mon", "tue", "wed", "thu", "fri")}
FRIDAY_EVENING = datetime(2026, 12, 11, 18, 0, tzinfo=ZoneInfo("Europe/Paris")).timestamp()
DEMO_MESSAGE = ("Fermé le jeudi 24 décembre après-midi. Permanence des impôts le mardi matin, "
                "de 9 h à 12 h.")  # 91 characters: nearly the longest allowed


def closed_scenes(window) -> list[tuple[str, Callable[[], None]]]:
    kiosk, journey = window.kiosk, window.journey

    def close(requests_when_closed: bool = True) -> None:
        # As the back office sends them: applied live (kiosk.services, the settings bridge).
        kiosk.services.take_settings(RemoteSettings("screenshots", {
            "opening.hours": DEMO_HOURS, "site.message_of_the_day": DEMO_MESSAGE,
            "opening.requests_when_closed": requests_when_closed}))
        kiosk.desk_hours.clock = lambda: FRIDAY_EVENING
        QThreadPool.globalInstance().waitForDone()  # the last scene's call, then gone
        QCoreApplication.processEvents()
        window.attract.clear_call()
        journey.reset()

    def at_home() -> None:
        close()
        journey.start()
        journey.choose_language(journey.default_language)
        journey.comfort_done()

    return [
        ("attract-closed", close),
        ("attract-closed-resting", lambda: close(requests_when_closed=False)),
        ("help-closed", lambda: (at_home(), journey.ask_for_help())),
        ("service-closed", lambda: (journey.resume(), journey.choose_service("carte-identite"))),
    ]
