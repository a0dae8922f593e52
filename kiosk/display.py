"""Whether a real window can open here; used by `kiosk demo` and `kiosk doctor`."""

from __future__ import annotations

import os
import sys


def display_available() -> bool:
    """True with an X or Wayland display (or any non-Linux desktop) and no offscreen override."""
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True
