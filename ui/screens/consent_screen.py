""""Your data": what is sent, why, who receives it, how long it is kept, the citizen's rights,
then an explicit yes. Nothing is queued before that yes; while the queue writes to disk the
screen says "Un instant…" and the buttons wait.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.views.form_records import ConsentView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import error_label, text_label
from ui.widgets.scroll_area import TouchScrollArea


class ConsentScreen(Screen):
    accepted = Signal()
    refused = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = text_label(role="title")
        self.error = error_label()  # the warning sign drawn: the font has no "⚠"
        self.wait = text_label(role="strong")
        self.wait.hide()
        self.body = text_label()
        scroll = TouchScrollArea()
        scroll.content_layout.addWidget(self.body)
        scroll.content_layout.addStretch(1)
        self.accept_button = BigButton("", role="primary")
        self.refuse_button = BigButton("")
        self.accept_button.clicked.connect(self.accepted)
        self.refuse_button.clicked.connect(self.refused)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(scroll, stretch=1)
        self.layout_.addWidget(self.wait)
        # "J'accepte" at the top of the pair: the review's "C'est correct" sat at the bottom,
        # so a second tap on the same spot cannot send the request by mistake.
        self.layout_.addWidget(self.accept_button)
        self.layout_.addWidget(self.refuse_button)

    def present(self, view: ConsentView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.body.setText("\n\n".join(view.sections))
        self.error.setText(view.error or "")
        self.error.setVisible(bool(view.error))
        self.accept_button.set_text(view.accept_label)
        self.refuse_button.set_text(view.refuse_label)
        self.show_waiting("")

    def show_waiting(self, text: str) -> None:
        """"Un instant…" while the request is written; empty: the buttons are back."""
        self.wait.setText(text)
        self.wait.setVisible(bool(text))
        for button in (self.accept_button, self.refuse_button):
            button.setEnabled(not text)
