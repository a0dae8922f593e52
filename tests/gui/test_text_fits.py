"""Nothing a citizen reads is cut: every screen of the real window, at the three text sizes,
in both palettes, at the resolutions kiosks have (1280x800, 1920x1080, 1080x1920 portrait).

The audit (ui/layout_audit.py) measures text against the rectangle the style draws it in,
so a label or a button that is too narrow, squeezed, off the window or under its neighbour
fails here; a list longer than the screen must scroll with a visible bar.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from kiosk.services import KioskServices
from offline_cache.languages import CODES, SOURCE_LANGUAGE
from tests.gui.conftest import laid_out
from ui.app import build_window
from ui.layout_audit import audit
from ui.screenshots import _scenes
from ui.theme import BODY_PX, PALETTES, TextSize, Theme

RESOLUTIONS = {"1280x800": QSize(1280, 800), "1920x1080": QSize(1920, 1080),
               "1080x1920": QSize(1080, 1920)}
# The default run: every size at the smallest landscape screen, the largest text on the
# other two; the whole grid is marked slow (it still runs in ./dev.sh test).
REPRESENTATIVE = {
    ("standard", TextSize.NORMAL, "1280x800"), ("standard", TextSize.LARGE, "1280x800"),
    ("high_contrast", TextSize.LARGER, "1280x800"), ("standard", TextSize.LARGER, "1920x1080"),
    ("standard", TextSize.LARGER, "1080x1920"),
}


def grid() -> list:
    return list(_grid())


def _grid():
    for palette in PALETTES:
        for size in TextSize:
            for resolution in RESOLUTIONS:
                marks = [] if (palette.name, size, resolution) in REPRESENTATIVE else [
                    pytest.mark.slow]
                yield pytest.param(palette, size, resolution, marks=marks,
                                   id=f"{palette.name}-{BODY_PX[size]}px-{resolution}")


# Answers that pass, by kind, to walk a form up to the question to look at.
ANSWERS = {"name": "Dupont", "date_of_birth": ("01", "03", "1958"), "nir": "158037512345606"}
THIRTEEN_COMMUNES = "03120"  # one postal code, thirteen communes


def _open_question(window, service_id: str, question_id: str) -> None:
    journey = window.journey
    journey.reset()
    journey.start()
    journey.choose_language(journey.default_language)
    journey.comfort_done()
    journey.choose_service(service_id)
    journey.start_request()
    while journey.form.current_step.id != question_id:
        step = journey.form.current_step
        raw = step.choices[0].value if step.choices else ANSWERS[step.kind]
        if journey.answer(raw) is not None:
            raise AssertionError(f"{service_id}: the answer {raw!r} to {step.id} is refused")


def _tick_two(window) -> None:
    for button in list(window.question.input.buttons.values())[:2]:
        button.setChecked(True)


def question_scenes(window):
    """The kinds of question the screenshot tour does not reach: a date, a number pad with
    its error, several ticks, a postal code shared by thirteen communes."""
    return [
        ("question-date", lambda: _open_question(window, "demande-retraite", "date_naissance")),
        ("question-nir", lambda: _open_question(window, "demande-retraite", "nir")),
        ("question-nir-error", lambda: window.journey.answer("123")),
        ("question-multiple", lambda: _open_question(window, "demande-retraite", "regimes")),
        ("question-multiple-ticked", lambda: _tick_two(window)),
        ("question-commune", lambda: _open_question(window, "acte-naissance",
                                                    "commune_naissance")),
        ("question-commune-13", lambda: window.question.input.field.setText(THIRTEEN_COMMUNES)),
    ]


def problems_on_every_screen(qtbot, config, palette, size, resolution) -> dict[str, list[str]]:
    window = build_window(config, theme=Theme(palette, size),
                          services=KioskServices(config, sync=False))
    qtbot.addWidget(window)
    window.setFixedSize(RESOLUTIONS[resolution])
    window.show()
    qtbot.waitExposed(window)
    found = {}
    for name, reach in [*_scenes(window.journey), *question_scenes(window)]:
        reach()
        laid_out(qtbot)
        problems = audit(window)
        if problems:
            found[f"{name} ({type(window.current_screen).__name__})"] = problems
    window.services.close()
    return found


@pytest.mark.parametrize(("palette", "size", "resolution"), grid())
def test_no_text_is_cut_on_any_screen(qtbot, kiosk_config, palette, size, resolution):
    found = problems_on_every_screen(qtbot, kiosk_config, palette, size, resolution)
    report = "\n".join(f"{screen}:\n  " + "\n  ".join(problems)
                       for screen, problems in found.items())
    assert not found, f"{len(found)} screens with cut text or widgets:\n{report}"


def _language_grid():
    """Every other language at the largest text size: on the smallest landscape screen and
    on portrait in the default run, on 1920x1080 in the slow one."""
    for lang in CODES:
        if lang == SOURCE_LANGUAGE:
            continue  # the grid above
        for resolution in RESOLUTIONS:
            marks = [pytest.mark.slow] if resolution == "1920x1080" else []
            yield pytest.param(lang, resolution, marks=marks, id=f"{lang}-42px-{resolution}")


@pytest.mark.parametrize(("lang", "resolution"), list(_language_grid()))
def test_no_text_is_cut_in_any_language(qtbot, make_config, lang, resolution):
    config = make_config(hub__url="http://127.0.0.1:9", printer__kind="pdf",
                         interface__languages=list(CODES), interface__default_language=lang)
    found = problems_on_every_screen(qtbot, config, PALETTES[0], TextSize.LARGER, resolution)
    report = "\n".join(f"{screen}:\n  " + "\n  ".join(problems)
                       for screen, problems in found.items())
    assert not found, f"{len(found)} screens with cut text or widgets in {lang}:\n{report}"


def test_the_audit_sees_what_a_person_sees(qtbot):
    """A button narrower than its words, a squeezed label: the audit names both."""
    from PySide6.QtWidgets import QLabel, QPushButton, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    button = QPushButton("Imprimer mon ticket de passage", window)
    button.setGeometry(0, 0, 120, 60)
    label = QLabel("Un texte bien plus long que la place qui lui reste", window)
    label.setWordWrap(True)
    label.setGeometry(0, 100, 120, 20)
    window.show()
    qtbot.waitExposed(window)
    problems = audit(window)
    assert any("Imprimer mon ticket" in p and "needs" in p for p in problems)
    assert any("Un texte bien plus long" in p and "height" in p for p in problems)
    window.resize(1800, 700)  # room enough, whatever text size an earlier test left styled
    button.setGeometry(0, 0, 1800, 200)
    label.setGeometry(0, 300, 1800, 300)
    assert audit(window) == []




@pytest.fixture
def styled(qtbot):
    """A widget under the kiosk's stylesheet at a text size, shown at a width."""
    from ui.app import apply_theme, ensure_application

    def show(widget, size: TextSize = TextSize.LARGER, width: int = 600):
        apply_theme(ensure_application(), Theme(text_size=size))
        qtbot.addWidget(widget)
        widget.resize(width, 400)
        widget.show()
        qtbot.waitExposed(widget)
        return widget
    return show


def test_a_long_label_wraps_inside_its_button_which_grows_taller(styled):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from ui.widgets.buttons import BigButton

    page = QWidget()
    short, long = BigButton("Oui"), BigButton("Un trou dans la route ou le trottoir")
    layout = QVBoxLayout(page)
    layout.addWidget(short)
    layout.addWidget(long)
    layout.addStretch(1)
    styled(page, width=420)
    assert audit(page) == []
    assert long.height() > short.height()  # two lines or more, all of them shown
    assert long.text() == "Un trou dans la route ou le trottoir"
    assert long.accessibleName() == long.text()


def test_the_top_bar_speaks_at_the_body_text_size_and_fits_a_portrait_screen(qtbot, kiosk_config):
    window = build_window(kiosk_config, theme=Theme(text_size=TextSize.LARGER),
                          services=KioskServices(kiosk_config, sync=False))
    qtbot.addWidget(window)
    window.setFixedSize(RESOLUTIONS["1080x1920"])
    window.show()
    window.journey.start()
    laid_out(qtbot)
    bar = window.nav_bar
    for button in (bar.back_button, bar.home_button, bar.help_button, bar.repeat_button):
        assert button.font().pixelSize() == BODY_PX[TextSize.LARGER], button.text()
    assert audit(bar) == []
    window.services.close()


def test_the_focused_option_looks_like_the_others_until_a_keyboard_moves_the_focus(
        qtbot, styled):
    """The first option gets the focus when a screen shows: it must not look chosen."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from ui.widgets.buttons import BigButton

    page = QWidget()
    first, second = BigButton("Oui"), BigButton("Oui")
    layout = QHBoxLayout(page)
    layout.addWidget(first)
    layout.addWidget(second)
    styled(page, size=TextSize.NORMAL)
    first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    qtbot.wait(1)
    assert first.hasFocus()
    assert first.grab().toImage() == second.grab().toImage()
    qtbot.keyClick(page, Qt.Key.Key_Tab)  # a keyboard user sees where they are
    assert second.hasFocus()
    assert first.grab().toImage() != second.grab().toImage()
