"""Scenes of "Suivre ma demande" for ui/screenshots.py (and the layout tests that walk them):
the empty screen, a number not found, a state with the service's message.

A fixed clock and a scratch states file in the render's data folder, so renders compare and
nothing reaches a real kiosk's records.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kiosk.tracking.lookup import look_up
from kiosk.tracking.store import StateBook
from offline_cache.protocol import reference_for

FIXED_NOW = datetime(2026, 11, 2, 10, 30).timestamp()
DEMO_UUID = "3b9d6f1e-2c4a-4e8b-9f7a-5d6c7b8a9e01"
DEMO_ANSWER = {"protocol": 1, "ok": True, "states": [{
    "uuid": DEMO_UUID, "reference": reference_for(DEMO_UUID), "state": "waiting",
    "message": "Il manque un justificatif de domicile de moins de 3 mois. Apportez-le à "
               "l'accueil de la mairie, du lundi au vendredi, de 9 h à 12 h.",
    "updated_at": "2026-11-02T09:12:00"}]}


def track_scenes(window) -> list[tuple[str, Callable[[], None]]]:
    journey = window.journey
    folder = window.services.config.data_dir / "screenshots-tracking"

    def open_screen() -> None:
        journey.reset()
        journey.start()
        journey.choose_language(journey.default_language)
        journey.comfort_done()
        journey.open_tracking()

    def answer(typed: str) -> None:
        states = StateBook(folder, clock=lambda: FIXED_NOW)
        try:
            states.record_answer(DEMO_ANSWER)
            view = look_up(typed, states, [], journey.state.language, now=FIXED_NOW)
        finally:
            states.close()
        window.track.field.setText(typed)
        window.track.show_result(view)

    return [
        ("track", open_screen),
        ("track-not-found", lambda: answer("K7M4QF")),
        ("track-state", lambda: answer(reference_for(DEMO_UUID))),
    ]
