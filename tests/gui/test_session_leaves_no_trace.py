"""A citizen's words leave no trace on the kiosk once the session ends.

A marker typed on the on-screen keyboard goes through the whole journey (review read aloud
by the real voice, consent, receipt, printed PDF), then the session ends; the marker must be
nowhere: not in widgets, the journey, the clipboard, Python objects, logs, or any file of
the kiosk's data folder (the queue holds it sealed for the hub, unreadable here).
"""

import gc
import logging
import wave

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit

from kiosk.services import KioskServices
from tests.gui.conftest import Citizen
from ui.app import attach_voice, build_window

MARKER = "Zqxwvmarqueur"


def python_objects_holding(marker: str) -> list[str]:
    found = []
    for obj in gc.get_objects():
        values = obj.values() if isinstance(obj, dict) else obj if isinstance(
            obj, list | tuple) else ()
        try:
            found += [f"{type(obj).__name__}: {v[:60]!r}" for v in values
                      if isinstance(v, str) and marker in v and v != marker]  # not MARKER
        except RuntimeError:  # a dict changed size while we looked: not ours
            continue
    return found


def test_a_typed_marker_is_nowhere_after_the_session_ends(qtbot, make_config, tmp_path,
                                                           caplog):
    caplog.set_level(logging.DEBUG)
    heard = tmp_path / "heard"  # stands in for the speakers: a copy of each WAV played
    heard.mkdir()
    # A headset: the review reads the answers (private speech, never cached).
    config = make_config(hub__url="http://127.0.0.1:9", printer__kind="pdf",
                         voice__player=f"cp {{file}} {heard}/", voice__read_answers_aloud=True)
    services = KioskServices(config)
    window = build_window(config, services=services)
    qtbot.addWidget(window)
    window.show()
    attach_voice(window, config)
    citizen = Citizen(qtbot, window)
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    citizen.choose("autre")
    citizen.answer(f"Rue {MARKER}")
    citizen.skip()
    citizen.choose(False)
    qtbot.wait(500)  # what the earlier screens said has reached the speakers or been dropped
    for earlier in heard.glob("*.wav"):
        earlier.unlink()
    citizen.choose(False)
    assert window.current_screen is window.review
    assert any(MARKER in line.answer for line in window.journey.form.review("fr"))
    # The review reads every answer, the marker too: the longest sentence heard from now on.
    qtbot.waitUntil(lambda: any(_seconds(w) > 6 for w in heard.glob("*.wav")), timeout=20000)
    review_audio = max(heard.glob("*.wav"), key=_seconds).read_bytes()
    citizen.tap(window.review.confirm_button)
    citizen.tap(window.consent.accept_button)
    qtbot.waitUntil(lambda: window.current_screen is window.receipt)
    citizen.tap(window.receipt.print_button)
    qtbot.waitUntil(lambda: window.receipt.print_button.isEnabled(), timeout=10000)
    citizen.tap(window.receipt.finish_button)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    texts = [w.text() for kind in (QLabel, QLineEdit, QAbstractButton)
             for w in window.findChildren(kind)]
    assert not [t for t in texts if MARKER in t]
    assert window.journey.form is None and MARKER not in repr(window.journey.state)
    assert MARKER not in QApplication.clipboard().text()
    assert not python_objects_holding(MARKER)
    assert MARKER not in caplog.text
    files = [p for p in config.data_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".pdf" for p in files) and any("outbox" in p.name for p in files)
    for path in files:
        content = path.read_bytes()
        assert MARKER.encode() not in content, path
        assert content != review_audio, f"{path} keeps the review's audio"
    services.close()


def _seconds(path) -> float:
    try:
        with wave.open(str(path)) as wav:
            return wav.getnframes() / wav.getframerate()
    except (wave.Error, EOFError):
        return 0.0
