"""Sentences to pre-synthesise at deployment (`kiosk voice prepare`).

The cache only helps when the text matches what a screen says character for character, so
`view_prompts` walks the journey as a citizen would, in each language, and takes each
screen's speech from the same view records the screens use (kiosk.views): every screen of
every service, every question as first shown, the confirmations and overlays. Private
speech (answers) is never among them. Interface messages are added for sentences said
outside a view (a print result, a ticket that failed); catalogue texts are only ever said
inside a view's sentence, so they are not prepared alone. `--from FILE` accepts any exact list.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kiosk.i18n import MESSAGES


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def message_prompts(languages: Iterable[str], fields: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Interface messages in each language; templates filled from `fields` when possible."""
    for lang in languages:
        for _key, template in MESSAGES.templates(lang):
            if _fields(template) <= fields.keys():
                yield lang, template.format(**fields)


def view_prompts(catalog: Any, config: Any) -> Iterator[tuple[str, str]]:
    """What each screen says (kiosk.views), walking every service in every language."""
    from kiosk.views import ViewFacts

    facts = ViewFacts(idle_reset_seconds=config["interface.idle_reset_seconds"],
                      can_print=config["printer.kind"] != "none",
                      message_of_the_day=config["site.message_of_the_day"])
    languages = tuple(config["interface.languages"])
    for lang in languages:
        yield from _walk(catalog, languages, lang, facts)


def _walk(catalog: Any, languages: tuple[str, ...], lang: str,
          facts: Any) -> Iterator[tuple[str, str]]:
    from kiosk.forms.local_outbox import MemoryOutbox
    from kiosk.journey import Journey
    from kiosk.journey_state import Step
    from kiosk.views import build_view

    journey = Journey(catalog, languages, lang, outbox=MemoryOutbox)

    def said() -> Iterator[tuple[str, str]]:
        speech = build_view(journey, facts).speech
        if not speech.private and speech.cacheable:
            yield lang, speech.text

    yield from said()
    for move in (journey.start, lambda: journey.choose_language(lang), journey.ask_for_help,
                 journey.idle_warning, journey.resume, journey.resume,
                 journey.comfort_done, journey.open_tracking, journey.back):
        move()
        yield from said()
    for theme in catalog.themes:
        journey.choose_theme(theme.id)
        yield from said()
        for service in catalog.services_for(theme.id):
            journey.choose_service(service.id)
            yield from said()
            if service.steps and journey.state.step is Step.SERVICE:
                yield from _question_prompts(journey, lang)
                journey.choose_service(service.id)


def _question_prompts(journey: Any, lang: str) -> Iterator[tuple[str, str]]:
    """Each question as first shown: its progress counts every question still possible."""
    from kiosk.forms.engine import Progress
    from kiosk.views.form_views import question_speech

    journey.start_request()
    steps = journey.form.possible_steps()
    for number, step in enumerate(steps, start=1):
        progress = Progress(number, len(steps)).text(lang)
        yield lang, question_speech(step, lang, progress)
    journey.home()
    journey.confirm_yes()


def config_prompts(config: Any) -> list[tuple[str, str]]:
    """Everything known for a validated config, without duplicates, in a stable order."""
    languages = config["interface.languages"]
    found = list(message_prompts(languages, {"seconds": config["interface.idle_reset_seconds"]}))
    from kiosk.catalog import CatalogError, load_catalog

    try:
        catalog = load_catalog()
    except CatalogError:  # no usable catalogue: the messages alone are still worth preparing
        catalog = None
    if catalog is not None:
        found += view_prompts(catalog, config)
    return list(dict.fromkeys((lang, text.strip()) for lang, text in found if text.strip()))


def file_prompts(path: Path, default_lang: str) -> list[tuple[str, str]]:
    """One sentence a line, optionally `lang<TAB>sentence`; blank lines and `#` skipped."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        lang, tab, text = line.partition("\t")
        found.append((lang.strip(), text.strip()) if tab else (default_lang, line.strip()))
    return list(dict.fromkeys(found))
