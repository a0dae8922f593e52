"""At the largest text size no line starts with the "?" French sets apart from its word: it
stays with "passent" (seen alone on the next line of a question, and of the consent's list)."""

from PySide6.QtGui import QFontMetrics, QTextLayout
from PySide6.QtWidgets import QLabel

from ui.app import apply_theme
from ui.theme import TextSize, Theme
from ui.widgets.buttons import wrap_words
from ui.widgets.labels import text_label

QUESTION = "Est-ce dangereux pour les personnes qui passent ?"
QUOTED = "Claire verra : « Voulez-vous décrire le problème ? », « À quel numéro ? »."


def drawn_lines(label, width: int) -> list[str]:
    """The lines Qt draws the label's text in at `width` (its own text layout)."""
    layout = QTextLayout(QLabel.text(label), label.font())  # what is drawn
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(layout.text()[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return [line.strip() for line in lines]


def test_a_question_title_keeps_its_question_mark_on_the_last_word(qtbot, qapp):
    apply_theme(qapp, Theme(text_size=TextSize.LARGER))
    try:
        for text in (QUESTION, QUOTED):
            label = text_label(text)
            qtbot.addWidget(label)
            label.ensurePolished()
            assert label.text() == text  # the text as given, plain spaces
            widest = QFontMetrics(label.font()).horizontalAdvance(text)
            for width in range(150, widest + 40, 7):  # from many lines to one
                lines = drawn_lines(label, width)
                assert not any(line.startswith(("?", "»", ":")) for line in lines), lines
    finally:
        apply_theme(qapp, Theme())


def test_a_button_keeps_its_question_mark_on_the_last_word(qtbot, qapp):
    label = text_label(QUESTION)
    qtbot.addWidget(label)
    metrics = QFontMetrics(label.font())
    for width in range(60, metrics.horizontalAdvance(QUESTION) + 40, 5):
        lines = wrap_words(QUESTION, metrics, width)
        assert not any(line.startswith("?") for line in lines), (width, lines)
