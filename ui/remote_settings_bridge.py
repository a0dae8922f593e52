"""Settings the back office changed while the kiosk runs, applied on the GUI thread.

KioskServices hears of them on its background thread (kiosk/remote_settings.py) and holds
them in `services.config` at once; this bridge re-emits the change as a queued signal and
puts each live value where the running window keeps its own copy (the idle timers, the
voice's volume, the next session's speech rate). A live setting the screens read from
`services.config` at each use needs no line here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from kiosk.journey_state import SpeechRate


class SettingsBridge(QObject):
    changed = Signal(dict)  # key -> new value, emitted from the background thread

    def __init__(self, kiosk_app) -> None:
        super().__init__(kiosk_app)
        self.kiosk_app = kiosk_app
        self.changed.connect(self._apply, Qt.ConnectionType.QueuedConnection)
        kiosk_app.services.add_settings_listener(self.changed.emit)

    @Slot(dict)
    def _apply(self, changes: dict[str, Any]) -> None:
        apply_live_settings(self.kiosk_app, changes)


def apply_live_settings(app, changes: dict[str, Any]) -> None:
    """The running kiosk's own copies of live settings, updated (GUI thread)."""
    if "interface.idle_warning_seconds" in changes:
        app.idle_warning_seconds = changes["interface.idle_warning_seconds"]
        app.idle_watcher.set_warning_after_ms(app.idle_warning_seconds * 1000)
    if "interface.idle_reset_seconds" in changes:
        app.idle_watcher.set_reset_after_s(changes["interface.idle_reset_seconds"])
    if "voice.rate" in changes:  # from the next session; the citizen's own choice stays
        app.journey.default_comfort = replace(app.journey.default_comfort,
                                              speech_rate=SpeechRate(changes["voice.rate"]))
    if "voice.volume" in changes:
        app.set_voice_volume(changes["voice.volume"])
    if any(key.startswith("opening.") or key == "site.message_of_the_day" for key in changes):
        app.desk_changed()  # read from services.config: the attract screen shows them now
