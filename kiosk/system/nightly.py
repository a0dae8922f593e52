"""The nightly restart: once a day, at `field.nightly_restart`, the kiosk quits with
RESTART_REQUESTED and its service manager starts it again, fresh: a catalogue the hub sent
during the day is used from then on (KioskServices.current_catalog reads it at start), and
whatever a long-running process accumulates is gone.

Never in the middle of someone's session: when the hour comes and a citizen is on a form, or
a mediator has staff mode open, the restart waits until the kiosk is back at rest.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from kiosk.journey_state import Step


def parse_restart_hour(text: str) -> time | None:
    """`field.nightly_restart` ("HH:MM", checked by kiosk.config), or None for never ("")."""
    return time.fromisoformat(text) if text else None


def local_now() -> datetime:
    """The site's wall clock: the hour in kiosk.toml is the town hall's."""
    return datetime.now()


def next_occurrence(now: datetime, at: time) -> datetime:
    """The first `at` strictly after `now`: a kiosk restarted at 03:30 waits for tomorrow."""
    today = datetime.combine(now.date(), at)
    return today if today > now else today + timedelta(days=1)


class NightlyRestart:
    """When the next restart is due; `clock` is injectable (tests), else local_now."""

    def __init__(self, at: time, clock: Callable[[], datetime] | None = None) -> None:
        self.at = at
        self._clock = clock
        self.due_at = next_occurrence(self.now(), at)

    def now(self) -> datetime:
        return (self._clock or local_now)()

    def due(self) -> bool:
        return self.now() >= self.due_at

    def seconds_until_due(self) -> float:
        return max(0.0, (self.due_at - self.now()).total_seconds())

    @property
    def hour_text(self) -> str:
        return self.at.strftime("%H:%M")


def no_session_in_progress(journey, desk) -> bool:
    """The attract screen with nothing over it, no form or request being written, nobody in
    staff mode (the PIN screen included: it is the STAFF overlay) and no assisted session."""
    state = journey.state
    return (state.place is Step.ATTRACT and not state.overlays
            and journey.form is None and journey.submission is None
            and not desk.staff_open and not desk.assisting)
