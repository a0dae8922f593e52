"""Today's anonymous statistics: counts per service, outcome, help and last step. Nothing else.

Why counts and not events: a row per session with a time would let someone match a line to a
person seen at the kiosk at 10:42. A counter per (day, service, completed, assisted, step) cannot.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.mediator.common import SYSTEM_CLOCK, Clock, check_identifier, local_day

NO_SERVICE = "-"  # the session ended before any service was chosen
NO_STEP = "-"  # completed sessions have no abandonment step


@dataclass(frozen=True, slots=True)
class DayStats:
    day: str
    sessions: int
    completed: int
    assisted: int  # sessions where a mediator took over at some point
    alone: int
    completed_by_service: dict[str, int]
    abandoned_at_step: dict[str, int]  # last step reached before leaving, e.g. "question"
    abandoned_by_service: dict[str, int]


class Statistics:
    def __init__(self, store, clock: Clock = SYSTEM_CLOCK) -> None:
        self.store, self.clock = store, clock

    def record_session_end(self, service_id: str | None, completed: bool, assisted: bool,
                           last_step: str | None) -> None:
        """Count one finished citizen session. Ids only: a name or an answer is refused."""
        service = NO_SERVICE if service_id is None else check_identifier(service_id, "service_id")
        step = NO_STEP if completed or last_step is None else check_identifier(last_step,
                                                                                "last_step")
        key = [local_day(self.clock()), service, int(bool(completed)), int(bool(assisted)), step]
        with self.store.write() as db:
            db.execute(
                "INSERT INTO day_stats (day, service, completed, assisted, last_step, sessions) "
                "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (day, service, completed, assisted, "
                "last_step) DO UPDATE SET sessions = sessions + 1", key)

    def today(self) -> DayStats:
        return self.for_day(local_day(self.clock()))

    def for_day(self, day: str) -> DayStats:
        rows = self.store.read("SELECT * FROM day_stats WHERE day = ?", [day])
        completed_by: dict[str, int] = {}
        abandoned_step: dict[str, int] = {}
        abandoned_by: dict[str, int] = {}
        total = done = assisted = 0
        for row in rows:
            count = row["sessions"]
            total += count
            assisted += count if row["assisted"] else 0
            if row["completed"]:
                done += count
                completed_by[row["service"]] = completed_by.get(row["service"], 0) + count
            else:
                abandoned_step[row["last_step"]] = abandoned_step.get(row["last_step"], 0) + count
                abandoned_by[row["service"]] = abandoned_by.get(row["service"], 0) + count
        return DayStats(day, total, done, assisted, total - assisted, completed_by,
                        abandoned_step, abandoned_by)
