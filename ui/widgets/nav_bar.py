"""The top bar on every screen but the attract one: back, home, the language, comfort,
repeat, and a person's help; the site's name between them (a long press there opens staff
mode). The language button shows the language of the moment in itself ("Français"): a
person who reads none of the screen still recognises a language switch.

Its text is the body text's size at every text size; the bar adapts to the room (see
`_fit`) instead of shrinking it, and is one dark strip, not a row of boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.i18n import LANGUAGE_NAMES, tr
from ui.theme import MIN_TOUCH_PX
from ui.widgets.buttons import BigButton
from ui.widgets.icons import Sign
from ui.widgets.labels import text_label


class NavBar(QWidget):
    back_requested = Signal()
    home_requested = Signal()
    repeat_requested = Signal()
    help_requested = Signal()
    comfort_requested = Signal()
    language_requested = Signal()

    def __init__(self, site_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the strip behind all
        self.back_button = BigButton("", role="nav")
        self.home_button = BigButton("", role="nav")
        self.repeat_button = BigButton("", role="nav")
        self.help_button = BigButton("", role="nav")
        self.comfort_button = BigButton("", role="nav")
        self.language_button = BigButton("", role="nav")
        self.site_name = site_name
        self.site_label = text_label(site_name, centered=True)
        self.voice_status = text_label(centered=True)
        self.voice_status.setProperty("role", "status")
        self.voice_status.hide()
        self._no_voice = False  # the engine has no voice for this language (not "broken")
        self._lang = "fr"
        self._compact_language = False
        self.grid = QGridLayout(self)
        self._button_rows: int | None = None
        self._arrange(button_rows=0, named=True)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.repeat_button.clicked.connect(self.repeat_requested)
        self.help_button.clicked.connect(self.help_requested)
        self.comfort_button.clicked.connect(self.comfort_requested)
        self.language_button.clicked.connect(self.language_requested)
        self.set_language("fr")

    def set_language(self, lang: str) -> None:
        self.back_button.set_text(tr("nav.back", lang))
        self.home_button.set_text(tr("nav.home", lang))
        self.repeat_button.set_text(tr("nav.repeat", lang))
        self.help_button.set_text(tr("nav.help", lang))
        self.comfort_button.set_text(tr("nav.comfort", lang))
        self._lang = lang
        self._show_language(compact=False)
        self._show_voice_words()

    def set_language_choice_available(self, available: bool) -> None:
        """One language offered: nothing to switch to, no button."""
        self.language_button.setVisible(available)
        self._fit()

    def _show_language(self, compact: bool) -> None:
        """A globe and the language of the moment in itself ("Français"); the globe alone
        where the bar has no room for the name (it keeps it as its accessible name)."""
        name = LANGUAGE_NAMES.get(self._lang, self._lang)
        self.language_button.set_sign(Sign.GLOBE)
        self.language_button.set_text("" if compact else name, tr("nav.language", self._lang))
        self.language_button.setAccessibleName(name)
        self._compact_language = compact
        # Compact, the bar also narrows its gaps and puts its end buttons at the screen's
        # edges: six buttons and the name's place then fit 1280 px at the largest text on
        # one row, as five did, with room left for the thicker ring a keyboard's focus
        # draws (French had 2 px: "Parler à quelqu'un" was cut when Tab reached a button).
        gap = 4 if compact else 8
        edge = 0 if compact else gap
        self.grid.setSpacing(gap)
        self.grid.setContentsMargins(edge, 6, edge, 6)

    def _show_voice_words(self) -> None:
        key = "voice.no_voice" if self._no_voice else "voice.unavailable"
        self.voice_status.setText(tr(key, self._lang))
        self.voice_status.setAccessibleName(self.voice_status.text())
        self._fit()

    def set_repeat_available(self, available: bool) -> None:
        """No voice, no "Répéter": a button that does nothing teaches that buttons fail."""
        self.repeat_button.setVisible(available)
        self._fit()

    def show_voice_unavailable(self, unavailable: bool) -> None:
        """A discreet line, not an alarm: everything else keeps working without the voice."""
        self.voice_status.setVisible(unavailable)
        self._fit()

    def show_no_voice(self, no_voice: bool) -> None:
        """The language has no voice here: the line says so, in that language, rather than
        "voix indisponible" (nothing is broken; another language would be spoken)."""
        self._no_voice = no_voice
        self._show_voice_words()

    # Layout ---------------------------------------------------------------------------------
    def _row(self) -> list[QWidget]:
        return [self.back_button, self.home_button, self.site_label, self.voice_status,
                self.language_button, self.comfort_button, self.repeat_button,
                self.help_button]

    def _arrange(self, button_rows: int, named: bool) -> None:
        """`button_rows` 0: the name among the buttons, in one row; 1 or 2: the name on a row
        above the buttons, which take one or two rows."""
        self.site_label.setText(self.site_name if named else "")
        self.site_label.setMinimumWidth(0 if named else MIN_TOUCH_PX)
        if button_rows == self._button_rows:
            return
        self._button_rows = button_rows
        for widget in self._row():
            self.grid.removeWidget(widget)
        buttons = [w for w in self._row() if w is not self.site_label]
        for column in range(len(self._row())):
            self.grid.setColumnStretch(column, 0)
        if button_rows == 0:
            for column, widget in enumerate(self._row()):
                self.grid.addWidget(widget, 0, column)
            self.grid.setColumnStretch(2, 2)  # the name takes what the buttons leave
            return
        per_row = -(-len(buttons) // button_rows)
        self.grid.addWidget(self.site_label, 0, 0, 1, per_row)
        for index, widget in enumerate(buttons):
            self.grid.addWidget(widget, 1 + index // per_row, index % per_row)

    def _needed(self, widths) -> int:
        margins = self.grid.contentsMargins()
        return sum(widths) + self.grid.spacing() * (len(widths) - 1) + margins.left() + (
            margins.right())

    def _fit(self) -> None:
        """One row with the name when the buttons' words fit on one line beside it; one row
        without it when only the buttons fit (the name is on the attract screen; its place
        stays, for the staff's long press); then the language button's globe without the
        language's name, the buttons' words wrapped if need be; else the name on a row above
        the buttons, in two rows when one is too narrow (a portrait screen at the largest
        text)."""
        if self._compact_language:
            self._show_language(compact=False)
        if not self._arrange_for_width(wrapping=False):
            self._show_language(compact=True)
            self._arrange_for_width(wrapping=True)

    def _arrange_for_width(self, wrapping: bool) -> bool:
        """Arrange the bar for its width; False when it needs wrapping and may not wrap."""
        shown = [w for w in self._row() if not w.isHidden() and w is not self.site_label]
        self.site_label.ensurePolished()
        name = self.site_label.fontMetrics().horizontalAdvance(self.site_name)
        natural = [w.sizeHint().width() for w in shown]
        wrapped = [w.minimumSizeHint().width() for w in shown]
        width = self.width()
        if self._needed([*natural, name]) <= width:
            self._arrange(button_rows=0, named=True)
        elif self._needed([*natural, MIN_TOUCH_PX]) <= width:
            self._arrange(button_rows=0, named=False)
        elif not wrapping:
            return False
        elif self._needed([*wrapped, MIN_TOUCH_PX]) <= width:
            self._arrange(button_rows=0, named=False)
        elif self._needed(wrapped) <= width:
            self._arrange(button_rows=1, named=True)
        else:
            self._arrange(button_rows=2, named=True)
        return True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
