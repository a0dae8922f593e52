"""A real kiosk window, built as `kiosk run` builds it, for tests that tap through screens."""

import pytest

from ui.app import build_window
from ui.main_window import KioskWindow


@pytest.fixture
def window(qtbot, demo_config) -> KioskWindow:
    window = build_window(demo_config, idle_warning_ms=300)
    qtbot.addWidget(window)
    window.spoken = []
    window.speak = lambda text, _lang: window.spoken.append(text)
    window.show()
    qtbot.waitExposed(window)
    return window
