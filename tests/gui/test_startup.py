"""`kiosk run` paints the attract screen before it builds what nobody can use yet: mediator
mode (kiosk.mediator, the staff screens), the queue, the network. They come right after the
first paint, and work as when built at once. (The time itself is `make bench`'s.)"""

import os
import subprocess
import sys

from PySide6.QtCore import QPoint, Qt

from kiosk.services import KioskServices
from ui.app import build_window
from ui.voice_bridge import RecordingSpeaker

NOT_BEFORE_THE_FIRST_PAINT = ("ui.staff.controller", "ui.staff.dashboard", "kiosk.mediator",
                              "sqlite_utils", "requests", "qrcode", "kiosk.outbox_service",
                              "kiosk.printing")


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
                          staff_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.staff is None
    window.kiosk.add_mediator_mode()  # what `kiosk run` does once the attract screen is painted
    corner = QPoint(window.attract.width() - 20, 20)
    qtbot.mousePress(window.attract, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.waitUntil(lambda: window.staff.pin_screen is not None
                    and window.current_screen is window.staff.pin_screen, timeout=4000)
    qtbot.mouseRelease(window.attract, Qt.MouseButton.LeftButton, pos=corner)
    services.close()
