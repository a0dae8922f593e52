"""The top bar on every screen but the attract one: back, home, comfort, repeat, and a
person's help; the site's name between them (a long press there opens staff mode).

Its text is the body text's size at every text size; the bar adapts to the room (see
`_fit`) instead of shrinking it, and is one dark strip, not a row of boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.i18n import tr
from ui.theme import MIN_TOUCH_PX
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class NavBar(QWidget):
    back_requested = Signal()
    home_requested = Signal()
    repeat_requested = Signal()
    help_requested = Signal()
    comfort_requested = Signal()

    def __init__(self, site_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the strip behind all
        self.back_button = BigButton("", role="nav")
        self.home_button = BigButton("", role="nav")
        self.repeat_button = BigButton("", role="nav")
        self.help_button = BigButton("", role="nav")
        self.comfort_button = BigButton("", role="nav")
        self.site_name = site_name
        self.site_label = text_label(site_name, centered=True)
        self.voice_status = text_label(centered=True)
        self.voice_status.setProperty("role", "status")
        self.voice_status.hide()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 6, 8, 6)
        self.grid.setSpacing(8)
        self._one_row: bool | None = None
        self._arrange(one_row=True, named=True)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.repeat_button.clicked.connect(self.repeat_requested)
        self.help_button.clicked.connect(self.help_requested)
        self.comfort_button.clicked.connect(self.comfort_requested)
        self.set_language("fr")

    def set_language(self, lang: str) -> None:
        self.back_button.set_text(tr("nav.back", lang))
        self.home_button.set_text(tr("nav.home", lang))
        self.repeat_button.set_text(tr("nav.repeat", lang))
        self.help_button.set_text(tr("nav.help", lang))
        self.comfort_button.set_text(tr("nav.comfort", lang))
        self.voice_status.setText(tr("voice.unavailable", lang))
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

    # Layout ---------------------------------------------------------------------------------
    def _row(self) -> list[QWidget]:
        return [self.back_button, self.home_button, self.site_label, self.voice_status,
                self.comfort_button, self.repeat_button, self.help_button]

    def _arrange(self, one_row: bool, named: bool) -> None:
        self.site_label.setText(self.site_name if named else "")
        self.site_label.setMinimumWidth(0 if named else MIN_TOUCH_PX)
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for widget in self._row():
            self.grid.removeWidget(widget)
        buttons = [w for w in self._row() if w is not self.site_label]
        for column in range(len(self._row())):
            self.grid.setColumnStretch(column, 0)
        if one_row:
            for column, widget in enumerate(self._row()):
                self.grid.addWidget(widget, 0, column)
            self.grid.setColumnStretch(2, 2)  # the name takes what the buttons leave
        else:
            self.grid.addWidget(self.site_label, 0, 0, 1, len(buttons))
            for column, widget in enumerate(buttons):
                self.grid.addWidget(widget, 1, column)

    def _needed(self, widths) -> int:
        margins = self.grid.contentsMargins()
        return sum(widths) + self.grid.spacing() * (len(widths) - 1) + margins.left() + (
            margins.right())

    def _fit(self) -> None:
        """One row with the name when the buttons' words fit on one line beside it; one row
        without it when only the buttons fit, their words wrapped if need be (the name is on
        the attract screen; its place stays, for the staff's long press); else the name on a
        row above the buttons."""
        shown = [w for w in self._row() if not w.isHidden() and w is not self.site_label]
        self.site_label.ensurePolished()
        name = self.site_label.fontMetrics().horizontalAdvance(self.site_name)
        natural = [w.sizeHint().width() for w in shown]
        wrapped = [w.minimumSizeHint().width() for w in shown]
        width = self.width()
        if self._needed([*natural, name]) <= width:
            self._arrange(one_row=True, named=True)
        elif self._needed([*natural, MIN_TOUCH_PX]) <= width or (
                self._needed([*wrapped, MIN_TOUCH_PX]) <= width):
            self._arrange(one_row=True, named=False)
        else:
            self._arrange(one_row=False, named=True)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
