"""What every screen shares: how it is shown a journey state and what it says aloud."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.catalog import Catalog
from kiosk.journey import Journey, JourneyState


@dataclass(frozen=True, slots=True)
class ScreenContext:
    """Read-only facts a screen needs; screens never reach for the main window."""

    catalog: Catalog
    site_name: str
    languages: tuple[str, ...]
    idle_reset_seconds: int = 30
    journey: Journey | None = None  # read by the guided-request screens (form state)
    hub_url: str = ""  # base of the tracking link in the receipt's QR code
    link_up: Callable[[], bool] = field(default=lambda: False)  # is the hub reachable now?
    can_print: Callable[[], bool] = field(default=lambda: False)  # is a printer configured?


class Screen(QWidget):
    """One journey step. Subclasses fill `present` and emit intent signals; no business logic."""

    speech_is_private = False  # True when what it reads aloud holds a citizen's answers

    def __init__(self, context: ScreenContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(48, 32, 48, 32)
        self.layout_.setSpacing(24)

    def present(self, state: JourneyState) -> None:
        raise NotImplementedError

    def wipe(self) -> None:
        """Forget anything personal this screen shows (the session ended). Most hold none."""

    def spoken_text(self) -> str:
        """What the voice reads when this screen appears or "Répéter" is touched."""
        raise NotImplementedError

    def clear_layout(self, layout) -> None:
        """Remove and delete every widget of a layout (screens rebuilt per service or theme)."""
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                self.clear_layout(item.layout())
