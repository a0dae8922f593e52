"""A summary of a valid catalogue, for the person who edited it: what is there, what is missing.

`kiosk catalog check` prints it. Missing translations are warnings, not errors: the kiosk falls
back to French, but a municipality that declared English should know which texts lack it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.catalog.model import FALLBACK_LANGUAGE, Catalog, Service, Text


@dataclass(frozen=True, slots=True)
class FormSummary:
    service_id: str
    questions: int
    conditional: int  # questions shown only for some earlier answers (show_if)
    optional: int
    kinds: dict[str, int]  # field kind -> how many questions use it


@dataclass(frozen=True, slots=True)
class CatalogReport:
    by_theme: dict[str, list[str]]  # theme id -> service ids
    by_operator: dict[str, list[str]]  # operator -> service ids
    missing: dict[str, list[str]]  # language -> places lacking it ("service 'x' summary")
    forms: list[FormSummary]
    unused_kinds: list[str]  # field kinds no guided form uses (worth a test by hand)


def _texts(service: Service) -> Iterator[tuple[str, Text]]:
    where = f"service {service.id!r}"
    yield f"{where} title", service.title
    yield f"{where} summary", service.summary
    yield f"{where} authority", service.authority
    if service.next_steps:
        yield f"{where} next_steps", service.next_steps
    for step in service.steps:
        at = f"{where} step {step.id!r}"
        yield f"{at} label", step.label
        if step.help:
            yield f"{at} help", step.help
        if step.speak:
            yield f"{at} speak", step.speak
        for choice in step.choices:
            yield f"{at} choice {choice.value!r}", choice.label


def _missing(catalog: Catalog) -> dict[str, list[str]]:
    missing: dict[str, list[str]] = {}
    for lang in catalog.languages:
        if lang == FALLBACK_LANGUAGE:
            continue
        places = [f"theme {theme.id!r} title" for theme in catalog.themes
                  if not theme.title.get(lang, "").strip()]
        for service in catalog.services:
            places += [where for where, text in _texts(service) if not text.get(lang, "").strip()]
            documents = service.documents.get(lang)
            if documents is None or len(documents) != len(service.documents[FALLBACK_LANGUAGE]):
                places.append(f"service {service.id!r} documents")
        missing[lang] = places
    return missing


def summarize(catalog: Catalog, field_kinds: frozenset[str]) -> CatalogReport:
    by_theme = {theme.id: [s.id for s in catalog.services_for(theme.id)]
                for theme in catalog.themes}
    by_operator: dict[str, list[str]] = {}
    for service in catalog.services:
        by_operator.setdefault(service.operator, []).append(service.id)
    forms = [
        FormSummary(
            service_id=service.id, questions=len(service.steps),
            conditional=sum(bool(step.show_if) for step in service.steps),
            optional=sum(step.optional for step in service.steps),
            kinds=dict(Counter(step.kind for step in service.steps)),
        )
        for service in catalog.services if service.steps
    ]
    used = {kind for form in forms for kind in form.kinds}
    return CatalogReport(by_theme=by_theme, by_operator=dict(sorted(by_operator.items())),
                         missing=_missing(catalog), forms=forms,
                         unused_kinds=sorted(field_kinds - used))
