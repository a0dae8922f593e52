"""Unlock staff mode: a big button per first name, then a numeric pad that shows dots only.

The PIN is checked by kiosk.mediator (scrypt, lock-out); this screen only collects it and
shows the sentence of the outcome (attempts left, or how long the account stays locked).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit

from kiosk.mediator import messages
from ui.staff.base import StaffScreen
from ui.widgets.answer_inputs import answer_field
from ui.widgets.buttons import BigButton
from ui.widgets.keyboard import KeyboardMode, OnScreenKeyboard

PIN_MAX = 8


class StaffPinScreen(StaffScreen):
    pin_entered = Signal(str, str)  # account id, PIN
    cancelled = Signal()

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.account_id: str | None = None
        self.account_buttons: dict[str, BigButton] = {}
        self.accounts_grid = QGridLayout()
        field_words = messages.text("staff.pin.field", lang)
        self.field = answer_field(field_words, field_words)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)  # dots, never the digits
        self.field.setMaxLength(PIN_MAX)
        self.pad = OnScreenKeyboard(KeyboardMode.NUMERIC)
        self.pad.set_language(lang)
        self.pad.attach(self.field)
        self.pad.done.connect(self._submit)
        self.field.returnPressed.connect(self._submit)
        self.other_button = BigButton(messages.text("staff.other_account", lang))
        self.other_button.clicked.connect(self.choose_account)
        self.cancel_button = BigButton(messages.text("staff.cancel", lang))
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addWidget(self.cancel_button)
        self.layout_.addLayout(self.accounts_grid)
        self.layout_.addWidget(self.field)
        self.layout_.addWidget(self.pad, stretch=1)
        self.layout_.addStretch(0)
        self.layout_.addLayout(buttons)

    def set_accounts(self, accounts: list[tuple[str, str]]) -> None:
        """(id, first name) of every active account; back to choosing one."""
        for button in self.account_buttons.values():
            button.deleteLater()
        self.account_buttons = {}
        for index, (account_id, name) in enumerate(accounts):
            button = BigButton(name, role="primary")
            button.clicked.connect(lambda _c=False, a=account_id, n=name: self.enter_pin(a, n))
            self.account_buttons[account_id] = button
            self.accounts_grid.addWidget(button, index // 3, index % 3)
        self.choose_account()
        if not accounts:
            self.say(messages.text("staff.pin.no_accounts", self.lang))

    def choose_account(self) -> None:
        self.account_id = None
        self.field.clear()
        self.title.setText(messages.text("staff.pin.choose", self.lang))
        self.say("")
        for button in self.account_buttons.values():
            button.show()
        for widget in (self.field, self.pad, self.other_button):
            widget.hide()

    def enter_pin(self, account_id: str, name: str) -> None:
        self.account_id = account_id
        self.field.clear()
        self.title.setText(messages.text("staff.pin.enter", self.lang, name=name))
        self.say("")
        for button in self.account_buttons.values():
            button.hide()
        for widget in (self.field, self.pad, self.other_button):
            widget.show()
        self.field.setFocus()

    def _submit(self) -> None:
        pin = self.field.text()
        self.field.clear()  # the PIN leaves the widget at once
        if self.account_id is not None and pin:
            self.pin_entered.emit(self.account_id, pin)

    def wipe(self) -> None:
        self.field.clear()
