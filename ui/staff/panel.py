"""A dashboard panel: a scrolling list of lines, optionally with one button per line, and a row
of action buttons under it. Each panel module only says what its lines are.

What a panel reads from the disk (SQLite, free space) is read by `read()` on a worker
(ui.tasks.run_task): a queue or a database held by another writer must not freeze the screen.
Meanwhile the panel says "Un instant…" and its actions wait; `fill(data)` then paints the
lines on the GUI thread. A panel with nothing to read (the settings) overrides `refresh`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import tr
from kiosk.mediator import messages
from ui.tasks import run_task
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea

log = logging.getLogger(__name__)


class Panel(QWidget):
    loaded = Signal()  # the lines of the latest refresh are on screen

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.loading = False
        self.acting = False  # an action's write runs on a worker
        self._asked = 0  # refreshes asked; only the latest one's answer is painted
        self.wait_line = text_label(tr("wait", lang), role="strong")
        self.wait_line.hide()
        self.scroll = TouchScrollArea()
        self.actions_box = QWidget()
        self.actions = QHBoxLayout(self.actions_box)
        self.actions.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.wait_line)
        layout.addWidget(self.scroll, stretch=1)
        layout.addWidget(self.actions_box)

    # Reading off the GUI thread -------------------------------------------------------------
    def read(self) -> object:
        """On a worker: what the lines need from the disk. No widget is touched here."""
        raise NotImplementedError

    def fill(self, data: object) -> None:
        """On the GUI thread: the lines for what `read` returned."""
        raise NotImplementedError

    def read_failed(self, error: Exception) -> None:
        """On the GUI thread, when `read` raised: this panel's own words for it."""
        log.error("staff screen: %s could not be read: %s", type(self).__name__, error)
        self.set_lines([messages.text("staff.unreadable", self.lang)])

    def refresh(self) -> None:
        self._asked += 1
        asked = self._asked
        self.loading = True
        self._show_waiting()

        def done(data: object, error: Exception | None) -> None:
            if asked != self._asked:  # a newer refresh is on its way: its answer counts
                return
            self.loading = False
            self._show_waiting()
            if error is not None:
                self.read_failed(error)
            else:
                self.fill(data)
            self.loaded.emit()

        run_task(self.read, done, parent=self)

    def run_action(self, work: Callable[[], object],
                   done: Callable[[object, Exception | None], None]) -> None:
        """An action's write (call the next person, retry...) on a worker, as the reads are:
        meanwhile the panel says "Un instant…" and its buttons wait, so a second tap of an
        impatient finger cannot call two people."""
        self.acting = True
        self._show_waiting()

        def finish(result: object, error: Exception | None) -> None:
            self.acting = False
            self._show_waiting()
            done(result, error)

        run_task(work, finish, parent=self)

    def _show_waiting(self) -> None:
        busy = self.loading or self.acting
        self.wait_line.setVisible(busy)
        self.actions_box.setEnabled(not busy)  # no action on lines about to change
        for button in self.findChildren(BigButton):  # the buttons beside the lines too
            if not self.actions_box.isAncestorOf(button):
                button.setEnabled(not busy)

    # Lines and actions ----------------------------------------------------------------------
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
            label.show()  # at once: a layout shows a new child of a shown panel only later
            return None
        row = QHBoxLayout()
        row.addWidget(label, stretch=3)
        widget = BigButton(button, description=f"{button} : {text}")
        widget.clicked.connect(slot)
        row.addWidget(widget, stretch=1)
        self.scroll.content_layout.addLayout(row)
        label.show()
        widget.show()
        return widget

    def set_lines(self, lines: list[str]) -> None:
        self.clear_lines()
        for line in lines:
            self.add_line(line)
        self.scroll.content_layout.addStretch(1)
