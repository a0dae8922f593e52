"""The service catalogue as the back office reads it: names and labels, never behaviour.

The hub serves the same file to kiosks (signed, GET /v1/catalog) and reads it here to show
a request's answers under their question labels, name services, themes and operators. It
reads the JSON itself (it does not import the kiosk's loader): `<data dir>/catalog.json` if
the site keeps its own, else the catalogue shipped in `assets/catalog/`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings

FALLBACK = "fr"


def shipped_catalog_path() -> Path:
    return Path(__file__).resolve().parent.parent / "assets" / "catalog" / "catalog.json"


def catalog_path() -> Path:
    local = Path(settings.DATA_DIR) / "catalog.json"
    return local if local.exists() else shipped_catalog_path()


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return value.get(lang) or value.get(FALLBACK) or ""
    return str(value or "")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: str
    label: str  # in French: the back office works in French
    choices: dict[str, str]  # value -> label


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    id: str
    title: str
    theme: str  # theme title
    operator: str
    routing: str
    questions: tuple[Question, ...]

    def question(self, step_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == step_id), None)


class Catalogue:
    def __init__(self, document: dict[str, Any], lang: str = FALLBACK) -> None:
        self.version = str(document.get("version", ""))  # what GET /v1/catalog serves
        themes = {t["id"]: _text(t.get("title"), lang) for t in document.get("themes", [])}
        self.services: dict[str, ServiceInfo] = {}
        for raw in document.get("services", []):
            questions = tuple(
                Question(step["id"], step.get("kind", ""), _text(step.get("label"), lang),
                         {c["value"]: _text(c.get("label"), lang)
                          for c in step.get("choices", [])})
                for step in raw.get("steps", []))
            self.services[raw["id"]] = ServiceInfo(
                raw["id"], _text(raw.get("title"), lang),
                themes.get(raw.get("theme", ""), raw.get("theme", "")),
                raw.get("operator", ""), raw.get("routing", ""), questions)

    def service(self, service_id: str) -> ServiceInfo | None:
        return self.services.get(service_id)

    def title(self, service_id: str) -> str:
        info = self.services.get(service_id)
        return info.title if info else service_id

    def routings(self) -> dict[str, list[str]]:
        """routing value -> the titles of the services sent there (to name a new Service)."""
        found: dict[str, list[str]] = {}
        for info in self.services.values():
            found.setdefault(info.routing, []).append(info.title)
        return found

    def answers(self, service_id: str, answers: Any) -> list[tuple[str, str]]:
        """(question label, answer as text) in the form's order; unknown keys last, as is.
        `answers` is the opened record's field as it came: anything but a dict is none."""
        if not isinstance(answers, dict):
            answers = {}
        info = self.services.get(service_id)
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for question in info.questions if info else ():
            if question.id in answers:
                rows.append((question.label, _answer_text(question, answers[question.id])))
                seen.add(question.id)
        rows += [(key, _answer_text(None, value)) for key, value in answers.items()
                 if key not in seen]
        return rows


def _answer_text(question: Question | None, value: Any) -> str:
    choices = question.choices if question else {}
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, list):
        return ", ".join(choices.get(str(v), str(v)) for v in value)
    if isinstance(value, dict) and value.get("unknown") is True:  # "Je ne l'ai pas"
        return "Non connu de la personne"
    if isinstance(value, dict):  # e.g. a commune: {"postal_code": ..., "insee": ..., "name"}
        return " ".join(str(v) for v in value.values() if v not in (None, ""))
    if value is None or value == "":
        return "—"
    return choices.get(str(value), str(value))


@lru_cache(maxsize=4)
def _load(path: str, mtime: float, lang: str) -> Catalogue:
    return Catalogue(json.loads(Path(path).read_text(encoding="utf-8")), lang)


def catalogue(lang: str = FALLBACK) -> Catalogue:
    """The catalogue in use, re-read when its file changes."""
    path = catalog_path()
    return _load(str(path), path.stat().st_mtime, lang)
