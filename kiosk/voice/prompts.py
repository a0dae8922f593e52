"""Sentences to pre-synthesise at deployment (`kiosk voice prepare`).

Stopgap until the lead's list of the exact sentences each screen speaks exists: the cache
only helps when the text matches what a screen says character for character, and screens
compose their sentences in `ui/` (which `kiosk` may not import). Meanwhile this yields the
interface messages and the catalogue's own texts (titles, summaries, questions, choices),
and `--from FILE` accepts any exact list, e.g. one dumped from the screens.
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
    for texts in MESSAGES.values():
        for lang in languages:
            template = texts.get(lang)
            if template and _fields(template) <= fields.keys():
                yield lang, template.format(**fields)


def catalog_prompts(catalog: Any, languages: Iterable[str]) -> Iterator[tuple[str, str]]:
    """The catalogue's titles, summaries, questions and choices in each language."""
    from kiosk.catalog import localized

    languages = list(languages)
    for lang in languages:
        for theme in catalog.themes:
            yield lang, localized(theme.title, lang)
        for service in catalog.services:
            yield lang, localized(service.title, lang)
            yield lang, localized(service.summary, lang)
            for step in service.steps:
                yield lang, step.spoken(lang)
                for choice in step.choices:
                    yield lang, localized(choice.label, lang)


def config_prompts(config: Any) -> list[tuple[str, str]]:
    """Everything known for a validated config, without duplicates, in a stable order."""
    languages = config["interface.languages"]
    found = list(message_prompts(languages, {"seconds": config["interface.idle_reset_seconds"]}))
    try:
        from kiosk.catalog import load_catalog

        found += catalog_prompts(load_catalog(), languages)
    except Exception:  # no catalogue yet: the messages alone are still worth preparing
        pass
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
