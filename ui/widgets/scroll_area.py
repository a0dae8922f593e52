"""A page that scrolls by dragging a finger, for screens longer than the kiosk display."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)


class TouchScrollArea(QScrollArea):
    """Finger-drag scrolling with a visible bar: a long list must look scrollable too."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        # Pass a touch to the button under the finger at once; a drag still scrolls. With
        # Qt's default delay, a quick tap on a button in a list can be lost.
        scroller = QScroller.scroller(self.viewport())
        properties = scroller.scrollerProperties()
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
        scroller.setScrollerProperties(properties)
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 16, 0)
        self.content_layout.setSpacing(20)
        self.setWidget(self.content)
