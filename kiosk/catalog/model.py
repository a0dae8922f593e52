"""Typed records of the service catalogue: life themes, services, and what the kiosk can do.

Texts are dicts language -> text; French is always present and is the fallback.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

FALLBACK_LANGUAGE = "fr"
Text = Mapping[str, str]


def localized(text: Text, lang: str) -> str:
    """The text in `lang`, else in French: a citizen always gets words, never a blank."""
    return text.get(lang) or text[FALLBACK_LANGUAGE]


class Action(enum.Enum):
    """What a citizen can do for a service at the kiosk."""

    GUIDED_REQUEST = "guided_request"  # fill a request here, queued to the competent authority
    MEDIATOR_TICKET = "mediator_ticket"  # take a ticket to see a mediator in person
    CHECKLIST = "checklist"  # take home the list of documents and the official page (QR)


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    title: Text
    icon: str  # file name in assets/icons/


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True, slots=True)
class Step:
    """One question of a guided form: one screen."""

    id: str
    kind: str  # field type, see kiosk.catalog.schema.FIELD_KINDS
    label: Text
    help: Text = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    optional: bool = False
    # step id -> the answer that shows this step, or a tuple of answers any of which does
    show_if: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)
    speak: Text = field(default_factory=dict)  # what the voice says; empty: label then help
    minimum: int | None = None  # number: smallest allowed value (JSON "min")
    maximum: int | None = None  # number: largest allowed value (JSON "max")
    unknown_allowed: bool = False  # "Je ne l'ai pas" offered: the request goes without it

    def spoken(self, lang: str) -> str:
        """The sentence the voice reads for this question: `speak`, else the label and the help."""
        if self.speak:
            return localized(self.speak, lang)
        parts = [localized(self.label, lang)]
        if self.help:
            parts.append(localized(self.help, lang))
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    theme: str
    title: Text
    summary: Text
    operator: str  # e.g. "CAF", "France Titres", "Commune"
    authority: Text  # who handles it, in plain words
    routing: str  # destination key at the hub
    documents: Mapping[str, tuple[str, ...]]
    official_url: str
    actions: tuple[Action, ...]
    steps: tuple[Step, ...] = ()
    next_steps: Text = field(default_factory=dict)  # what happens after a request, for the receipt


def written_in(service: Service, lang: str) -> bool:
    """Whether the service's page has its own text in `lang` (else parts show in French)."""
    texts = (service.title, service.summary, service.authority)
    return all(text.get(lang) for text in texts) and lang in service.documents


@dataclass(frozen=True, slots=True)
class Catalog:
    version: str
    languages: tuple[str, ...]
    themes: tuple[Theme, ...]
    services: tuple[Service, ...]

    def theme(self, theme_id: str) -> Theme:
        return next(theme for theme in self.themes if theme.id == theme_id)

    def service(self, service_id: str) -> Service:
        return next(service for service in self.services if service.id == service_id)

    def services_for(self, theme_id: str) -> tuple[Service, ...]:
        return tuple(service for service in self.services if service.theme == theme_id)
