""""Suivre ma demande": the reference typed on our keyboard (only the signs a reference can
hold), then its state in big words with the service's message, shown and spoken.

A reference that is not found, or not well formed, is explained above the keyboard and the
typed text stays, to correct. The lookup itself runs off the GUI thread (the window wires
`lookup_requested` to the kiosk's services and calls `show_result`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.tracking.lookup import TrackingView
from kiosk.views.screen_records import TrackView
from ui.screens.base import Screen
from ui.widgets.answer_inputs import answer_field
from ui.widgets.buttons import BigButton
from ui.widgets.keyboard import KeyboardMode, OnScreenKeyboard
from ui.widgets.labels import error_label, text_label
from ui.widgets.scroll_area import TouchScrollArea

MAX_TYPED = 12  # "K7M-4QF" and a few spaces or dashes; longer cannot be a reference


class TrackScreen(Screen):
    lookup_requested = Signal(str)  # what was typed, on "Valider"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_.setSpacing(12)
        self.layout_.setContentsMargins(32, 16, 32, 16)  # room for the keyboard on 800 px
        self.result_view: TrackingView | None = None
        self.title = text_label(role="title")
        self.field = answer_field("", "")
        self.field.setMaxLength(MAX_TYPED)
        heading = QHBoxLayout()  # the field beside the title: room for the keyboard
        heading.addWidget(self.title, stretch=1)
        heading.addWidget(self.field, stretch=1)
        self.layout_.addLayout(heading)
        self.entry = QWidget()
        entry = QVBoxLayout(self.entry)
        entry.setContentsMargins(0, 0, 0, 0)
        self.prompt = text_label(role="muted")
        self.error = error_label()  # the warning sign drawn: the font has no "⚠"
        self.error.setAccessibleName("erreur")
        self.error.hide()
        self.keyboard = OnScreenKeyboard(KeyboardMode.REFERENCE)
        self.keyboard.attach(self.field)
        self.keyboard.done.connect(self._confirm)
        self.field.returnPressed.connect(self._confirm)
        for widget in (self.prompt, self.error):
            entry.addWidget(widget)
        entry.addStretch(1)  # the keyboard stays put at the bottom when a message appears
        entry.addWidget(self.keyboard)
        self.result = QWidget()
        result = QVBoxLayout(self.result)
        result.setContentsMargins(0, 0, 0, 0)
        self.state = text_label(role="hero")
        self.state.setAccessibleName("état de la demande")
        self.details = text_label()
        scroll = TouchScrollArea()
        scroll.content_layout.addWidget(self.details)
        scroll.content_layout.addStretch(1)
        self.again_button = BigButton("", role="primary")
        self.again_button.clicked.connect(self._show_entry)
        result.addWidget(self.state)
        result.addWidget(scroll, stretch=1)
        result.addWidget(self.again_button)
        self.result.hide()
        self.layout_.addWidget(self.entry, stretch=1)
        self.layout_.addWidget(self.result, stretch=1)

    def present(self, view: TrackView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.prompt.setText(view.prompt)
        self.field.setAccessibleName(view.field_name)
        self.field.setAccessibleDescription(view.field_description)
        self.again_button.set_text(view.again_label)
        self.keyboard.set_language(view.language)

    def show_waiting(self, text: str) -> None:
        """"Un instant…" above the keyboard while the lookup runs; the keys wait with it."""
        self.error.hide()
        self.prompt.setText(text or (self.view.prompt if self.view else ""))
        self.prompt.show()
        self.keyboard.setEnabled(not text)

    def show_result(self, view: TrackingView) -> None:
        """A found request fills the screen; anything else is explained above the keyboard,
        the typed text kept."""
        self.result_view = view
        self.keyboard.setEnabled(True)
        if self.view is not None:
            self.prompt.setText(self.view.prompt)
        if view.found:
            self.state.setText(view.label)
            self.details.setText("\n\n".join(view.lines))
            self.entry.hide()
            self.field.hide()
            self.result.show()
            return
        self.error.setText("\n".join(view.lines))
        self.prompt.hide()  # the error says what to do: room for the keyboard at any size
        self.error.show()
        self.result.hide()
        self.field.show()
        self.entry.show()

    def _confirm(self) -> None:
        self.lookup_requested.emit(self.field.text())

    def _show_entry(self) -> None:
        self.result_view = None
        self.error.hide()
        self.prompt.show()
        self.result.hide()
        self.field.show()
        self.entry.show()
        self.field.setFocus()

    def wipe(self) -> None:
        self.field.clear()
        self._show_entry()
