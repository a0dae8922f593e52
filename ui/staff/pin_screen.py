"""Unlock staff mode: a big button per first name, then a numeric pad that shows dots only.

The PIN is checked by kiosk.mediator (scrypt, lock-out); this screen only collects it and
shows the sentence of the outcome (attempts left, or how long the account stays locked).
Choosing a name switches the screen to that staff member's language (French until one is
chosen), so the PIN prompt and its outcome are in words they read.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit

from kiosk.mediator import messages
from offline_cache.languages import SOURCE_LANGUAGE
from ui.staff.base import StaffScreen
from ui.widgets.answer_inputs import answer_field
from ui.widgets.buttons import BigButton
from ui.widgets.keyboard import KeyboardMode, OnScreenKeyboard

PIN_MAX = 8


class StaffPinScreen(StaffScreen):
    pin_entered = Signal(str, str)  # account id, PIN
    cancelled = Signal()

    def __init__(self, lang: str = SOURCE_LANGUAGE, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.account_id: str | None = None
        self.account_buttons: dict[str, BigButton] = {}
        self.account_languages: dict[str, str] = {}
        self.accounts_grid = QGridLayout()
        field_words = messages.text("staff.pin.field", lang)
        self.field = answer_field(field_words, field_words)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)  # dots, never the digits
        self.field.setMaxLength(PIN_MAX)
        self.pad = OnScreenKeyboard(KeyboardMode.NUMERIC)
        self.pad.attach(self.field)
        self.pad.done.connect(self._submit)
        self.field.returnPressed.connect(self._submit)
        self.other_button = BigButton("")
        self.other_button.clicked.connect(self.choose_account)
        self.cancel_button = BigButton("")
        self.cancel_button.clicked.connect(self.cancelled)
        self.set_language(lang)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addWidget(self.cancel_button)
        self.layout_.addLayout(self.accounts_grid)
        self.layout_.addWidget(self.field)
        self.layout_.addWidget(self.pad, stretch=1)
        self.layout_.addStretch(0)
        self.layout_.addLayout(buttons)

    def set_language(self, lang: str) -> None:
        """The words of the screen (not the names, not the digits) in `lang`."""
        self.lang = lang
        self.set_direction(lang)
        field_words = messages.text("staff.pin.field", lang)
        self.field.setAccessibleName(field_words)
        self.field.setAccessibleDescription(field_words)
        self.pad.set_language(lang)
        self.other_button.set_text(messages.text("staff.other_account", lang))
        self.cancel_button.set_text(messages.text("staff.cancel", lang))

    def set_accounts(self, accounts: list[tuple[str, str, str]]) -> None:
        """(id, first name, language) of every active account; back to choosing one."""
        for button in self.account_buttons.values():
            button.deleteLater()
        self.account_buttons = {}
        self.account_languages = {account_id: lang for account_id, _, lang in accounts}
        for index, (account_id, name, _lang) in enumerate(accounts):
            button = BigButton(name, role="primary")
            button.clicked.connect(lambda _c=False, a=account_id, n=name: self.enter_pin(a, n))
            self.account_buttons[account_id] = button
            self.accounts_grid.addWidget(button, index // 3, index % 3)
        self.choose_account()
        if not accounts:
            self.say(messages.text("staff.pin.no_accounts", self.lang))

    def choose_account(self) -> None:
        self.account_id = None
        self.set_language(SOURCE_LANGUAGE)
        self.field.clear()
        self.title.setText(messages.text("staff.pin.choose", self.lang))
        self.say("")
        for button in self.account_buttons.values():
            button.show()
        for widget in (self.field, self.pad, self.other_button):
            widget.hide()

    def enter_pin(self, account_id: str, name: str) -> None:
        self.account_id = account_id
        self.set_language(self.account_languages.get(account_id, SOURCE_LANGUAGE))
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
