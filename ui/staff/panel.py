"""A dashboard panel: a scrolling list of lines, optionally with one button per line, and a row
of action buttons under it. Each panel module only says what its lines are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea


class Panel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scroll = TouchScrollArea()
        self.actions = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, stretch=1)
        layout.addLayout(self.actions)

    def action(self, text: str, slot: Callable[[], None], role: str = "") -> BigButton:
        button = BigButton(text, role=role)
        button.clicked.connect(slot)
        self.actions.addWidget(button)
        return button

    def clear_lines(self) -> None:
        layout = self.scroll.content_layout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                while item.layout().count():
                    inner = item.layout().takeAt(0)
                    if inner.widget() is not None:
                        inner.widget().deleteLater()

    def add_line(self, text: str, button: str = "", slot: Callable[[], None] | None = None
                 ) -> BigButton | None:
        """One line of text, with a button on its right when `button` is given."""
        label = text_label(text)
        if not button:
            self.scroll.content_layout.addWidget(label)
            return None
        row = QHBoxLayout()
        row.addWidget(label, stretch=3)
        widget = BigButton(button, description=f"{button} : {text}")
        widget.clicked.connect(slot)
        row.addWidget(widget, stretch=1)
        self.scroll.content_layout.addLayout(row)
        return widget

    def set_lines(self, lines: list[str]) -> None:
        self.clear_lines()
        for line in lines:
            self.add_line(line)
        self.scroll.content_layout.addStretch(1)
