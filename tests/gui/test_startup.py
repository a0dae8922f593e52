"""`kiosk run` paints the attract screen before it builds what nobody can use yet: mediator
mode (kiosk.mediator, the staff screens), the queue, the network. They come right after the
first paint, and work as when built at once. (The time itself is `make bench`'s.)"""

import os
import subprocess
import sys

from PySide6.QtCore import QPoint, Qt

from kiosk.services import KioskServices
from tests.gui.conftest import shown_window, tap
from ui.app import build_window
from ui.voice_bridge import RecordingSpeaker

NOT_BEFORE_THE_FIRST_PAINT = ("ui.staff.controller", "ui.staff.dashboard", "kiosk.mediator",
                              "sqlite_utils", "requests", "qrcode", "kiosk.outbox_service",
                              "kiosk.printing", "kiosk.opening", "offline_cache.opening_hours")


def test_the_first_paint_needs_neither_mediator_mode_nor_the_queue(tmp_path):
    script = (
        "import sys\n"
        "from kiosk.config import load_config\n"
        "from ui.app import run_kiosk\n"
        "run_kiosk(load_config(None), fullscreen=False)\n"
        f"print(sorted(m for m in {NOT_BEFORE_THE_FIRST_PAINT!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "KIOSK_EXIT_AFTER_FIRST_PAINT": "1"}  # quits at the first paint (ui.first_paint)
    env.pop("KIOSK_CONFIG", None)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=60, check=True)
    assert result.stdout.split() == ["FIRST_PAINT", "[]"]


def test_mediator_mode_added_after_the_first_paint_opens_with_the_gesture(qtbot, kiosk_config):
    services = KioskServices(kiosk_config, sync=False)
    window = build_window(kiosk_config, services=services, speaker=RecordingSpeaker(),
                          finish_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.staff is None
    window.kiosk.finish_start()  # what `kiosk run` does once the attract screen is painted
    corner = QPoint(window.attract.width() - 20, 20)
    qtbot.mousePress(window.attract, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.waitUntil(lambda: window.staff.pin_screen is not None
                    and window.current_screen is window.staff.pin_screen, timeout=4000)
    qtbot.mouseRelease(window.attract, Qt.MouseButton.LeftButton, pos=corner)
    services.close()


def test_taps_and_idle_time_are_watched_once_the_start_is_finished(qtbot, kiosk_config):
    """`kiosk run` adds the double-tap guard and the idle watcher after the first paint: from
    then on they work as when built at once."""
    with shown_window(qtbot, kiosk_config, finish_later=True) as window:
        window.kiosk.finish_start()
        tap(qtbot, window.attract.start_button)
        qtbot.mouseClick(window.language.buttons["fr"], Qt.MouseButton.LeftButton)  # at once
        assert window.current_screen is window.language
        qtbot.waitUntil(lambda: not window.kiosk.tap_guard.holding)
        window.kiosk.idle_watcher.set_warning_after_ms(300)
        for _ in range(4):
            qtbot.wait(150)
            qtbot.mouseClick(window.language.title, Qt.MouseButton.LeftButton)
        assert window.current_screen is window.language  # touches postponed the warning
        qtbot.waitUntil(lambda: window.current_screen is window.idle, timeout=3000)


def test_the_top_bar_built_after_the_first_paint_stays_off_the_attract_screen(qtbot,
                                                                              kiosk_config):
    """The attract screen is painted without the top bar; mediator mode builds it just after.
    It must not appear over the attract screen then, and the assisted-mode banner still
    comes between it and the screens."""
    with shown_window(qtbot, kiosk_config, finish_later=True) as window:
        window.kiosk.finish_start()
        qtbot.wait(50)  # a widget added to a shown window is shown by a queued call
        assert not window.nav_bar.isVisible()
        tap(qtbot, window.attract.start_button)
        qtbot.waitUntil(lambda: window.nav_bar.isVisible())
        banner = window.staff.banner
        banner.show()  # as when a mediator accompanies the citizen
        qtbot.waitUntil(lambda: banner.isVisible() and banner.height() > 0)
        assert window.nav_bar.y() == 0
        assert window.nav_bar.geometry().bottom() < banner.y()
        assert banner.geometry().bottom() < window.stack.y()
