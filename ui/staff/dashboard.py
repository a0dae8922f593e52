"""The staff dashboard: a row of tabs over one panel at a time, and "Quitter".

Denser than citizen screens (24 px text) but every target is still at least 72 px. The panels
read their figures off the GUI thread (ui.staff.panel); the controller does what they ask
(call, accompany, retry, export).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget

from kiosk.mediator import messages
from ui.staff.base import StaffScreen
from ui.staff.panel import Panel
from ui.widgets.buttons import BigButton
from ui.widgets.icons import Sign

TABS = ("waiting", "queue", "kiosk", "today", "settings")


class Dashboard(StaffScreen):
    quit_requested = Signal()

    def __init__(self, panels: dict[str, Panel], lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang  # the signed-in staff member's (ui.staff.controller)
        self.set_direction(lang)
        self.panels = panels
        self.quit_button = BigButton(messages.text("staff.quit", lang), role="primary")
        self.quit_button.clicked.connect(self.quit_requested)
        header = QHBoxLayout()
        self.layout_.removeWidget(self.title)
        header.addWidget(self.title, stretch=1)
        header.addWidget(self.quit_button)
        self.layout_.insertLayout(0, header)
        self.tabs: dict[str, BigButton] = {}
        row = QHBoxLayout()
        self.stack = QStackedWidget()
        for name in TABS:
            button = BigButton(messages.text(f"staff.tab.{name}", lang))
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, n=name: self.show_tab(n))
            self.tabs[name] = button
            row.addWidget(button)
            self.stack.addWidget(panels[name])
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.stack, stretch=1)
        self.current = TABS[0]

    def open_for(self, mediator_name: str) -> None:
        self.title.setText(messages.text("staff.title", self.lang, name=mediator_name))
        self.say("")
        self.show_tab(TABS[0])

    def show_tab(self, name: str) -> None:
        """The tab shown is marked by a drawn arrow (the font has no "▶"), not by colour
        alone, and says so to a screen reader: checked, and "onglet affiché" in its description."""
        self.current = name
        for tab, button in self.tabs.items():
            label = messages.text(f"staff.tab.{tab}", self.lang)
            shown = tab == name
            button.setChecked(shown)
            button.set_sign(Sign.CURRENT if shown else None)
            shown_words = messages.text("staff.tab.shown", self.lang, tab=label) if shown else ""
            button.set_text(label, shown_words)
        self.refresh()
        self.stack.setCurrentWidget(self.panels[name])

    def refresh(self) -> None:
        """The panel shown reads its figures again, off the GUI thread ("Un instant…")."""
        self.panels[self.current].refresh()

    @property
    def loading(self) -> bool:
        """The panel shown is still reading its figures."""
        return self.panels[self.current].loading
