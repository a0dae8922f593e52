"""Text blocks that wrap, so long French sentences never get cut at large sizes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def text_label(text: str = "", role: str = "", parent: QWidget | None = None,
               centered: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # catalogue text is never markup
    if role:
        label.setProperty("role", role)
    if centered:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label
