"""Read and validate a catalogue JSON file into typed records.

Municipalities edit this file by hand, so every error names the service (or theme), the step
and the field, and says what is expected. Unknown fields are errors too: a misspelt
"optionnal" silently ignored would make a question compulsory without anyone noticing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kiosk.catalog.model import (
    FALLBACK_LANGUAGE,
    Action,
    Catalog,
    Choice,
    Service,
    Step,
    Theme,
)
from kiosk.catalog.schema import (
    CHOICE_FIELDS,
    FIELD_KINDS,
    OPERATORS,
    SCHEMA_VERSION,
    SERVICE_FIELDS,
    SERVICE_OPTIONAL_FIELDS,
    STEP_FIELDS,
    STEP_OPTIONAL_FIELDS,
    THEME_FIELDS,
    UNKNOWN_ALLOWED_KINDS,
)
from kiosk.paths import catalog_dir

CATALOG_FILE = "catalog.json"
CHOICE_KINDS = frozenset({"single_choice", "multiple_choice"})


class CatalogError(Exception):
    """The catalogue cannot be used; the message names the file, the entry and the field."""


def _type_name(kind: type) -> str:
    return {dict: "object", list: "list", str: "text", int: "whole number",
            bool: "true or false"}.get(kind, kind.__name__)


def _check_fields(entry: Any, required: dict[str, type], optional: dict[str, type],
                  where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise CatalogError(f"{where}: must be an object {{...}}, not {type(entry).__name__}.")
    known = {**required, **optional}
    for name in entry:
        if name not in known:
            raise CatalogError(
                f"{where}: unknown field {name!r}; expected fields: {sorted(known)}."
            )
    for name, kind in known.items():
        if name not in entry:
            if name in required:
                raise CatalogError(f"{where}: field '{name}' is missing.")
            continue
        value = entry[name]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise CatalogError(
                f"{where}: field '{name}' must be a {_type_name(kind)}, "
                f"not {type(value).__name__}."
            )
    return entry


def _text(value: dict[str, Any], where: str) -> dict[str, str]:
    """A text per language; French is required because it is every citizen's fallback."""
    if not isinstance(value.get(FALLBACK_LANGUAGE), str) or not value[FALLBACK_LANGUAGE].strip():
        raise CatalogError(f"{where}: the French text ('{FALLBACK_LANGUAGE}') is missing.")
    for lang, text in value.items():
        if not isinstance(text, str):
            raise CatalogError(f"{where}: the '{lang}' text must be text, not a "
                               f"{type(text).__name__}.")
    return dict(value)


def _choices(raw: list[Any], where: str) -> tuple[Choice, ...]:
    choices = []
    for index, entry in enumerate(raw):
        choice_where = f"{where} choice #{index + 1}"
        _check_fields(entry, CHOICE_FIELDS, {}, choice_where)
        choices.append(Choice(entry["value"], _text(entry["label"], f"{choice_where} 'label'")))
    values = [choice.value for choice in choices]
    if len(set(values)) != len(values):
        raise CatalogError(f"{where}: two choices have the same 'value'.")
    return tuple(choices)


def _show_if(raw: dict[str, Any], earlier: dict[str, Step], where: str) -> dict[str, Any]:
    """A condition looks back at an earlier yes/no or choice question, at answers it can give."""
    condition: dict[str, str | tuple[str, ...]] = {}
    for step_id, expected in raw.items():
        target = earlier.get(step_id)
        if target is None:
            raise CatalogError(
                f"{where}: field 'show_if' names {step_id!r}, which is not an earlier step; "
                f"expected one of {sorted(earlier)}."
            )
        if target.kind == "yes_no":
            allowed = {"yes", "no"}
        elif target.kind in CHOICE_KINDS:
            allowed = {choice.value for choice in target.choices}
        else:
            raise CatalogError(
                f"{where}: field 'show_if' names {step_id!r}, a {target.kind!r} question; "
                "expected a yes_no, single_choice or multiple_choice question."
            )
        values = expected if isinstance(expected, list) else [expected]
        for value in values:
            if not isinstance(value, str) or value not in allowed:
                raise CatalogError(
                    f"{where}: field 'show_if' expects {value!r} from {step_id!r}; "
                    f"expected one of {sorted(allowed)}."
                )
        condition[step_id] = tuple(values) if isinstance(expected, list) else expected
    return condition


def _step(raw: Any, where: str, earlier: dict[str, Step]) -> Step:
    _check_fields(raw, STEP_FIELDS, STEP_OPTIONAL_FIELDS, where)
    kind = raw["kind"]
    if kind not in FIELD_KINDS:
        raise CatalogError(
            f"{where}: field 'kind' is {kind!r}; expected one of {sorted(FIELD_KINDS)}."
        )
    choices = _choices(raw.get("choices", []), where)
    if kind in CHOICE_KINDS and len(choices) < 2:
        raise CatalogError(f"{where}: a {kind} question needs at least 2 'choices'.")
    if kind not in CHOICE_KINDS and choices:
        raise CatalogError(f"{where}: field 'choices' only applies to a choice question.")
    for name in ("min", "max"):
        if name in raw and kind != "number":
            raise CatalogError(f"{where}: field '{name}' only applies to a 'number' question.")
    if raw.get("unknown_allowed") and kind not in UNKNOWN_ALLOWED_KINDS:
        raise CatalogError(
            f"{where}: field 'unknown_allowed' only applies to a question of kind "
            f"{sorted(UNKNOWN_ALLOWED_KINDS)}, not {kind!r}."
        )
    if raw.get("min", 0) > raw.get("max", raw.get("min", 0)):
        raise CatalogError(f"{where}: field 'min' ({raw['min']}) is above 'max' ({raw['max']}).")
    return Step(
        id=raw["id"], kind=kind, label=_text(raw["label"], f"{where} field 'label'"),
        help=_text(raw["help"], f"{where} field 'help'") if "help" in raw else {},
        choices=choices, optional=raw.get("optional", False),
        show_if=_show_if(raw.get("show_if", {}), earlier, where),
        speak=_text(raw["speak"], f"{where} field 'speak'") if "speak" in raw else {},
        minimum=raw.get("min"), maximum=raw.get("max"),
        unknown_allowed=raw.get("unknown_allowed", False),
    )


def _documents(raw: dict[str, Any], where: str) -> dict[str, tuple[str, ...]]:
    if FALLBACK_LANGUAGE not in raw:
        raise CatalogError(f"{where}: field 'documents' has no French list ('fr').")
    for lang, items in raw.items():
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise CatalogError(f"{where}: field 'documents' '{lang}' must be a list of texts.")
    return {lang: tuple(items) for lang, items in raw.items()}


def _service(raw: Any, theme_ids: set[str], index: int) -> Service:
    where = f"service {raw.get('id', f'#{index + 1}')!r}" if isinstance(raw, dict) else (
        f"service #{index + 1}")
    _check_fields(raw, SERVICE_FIELDS, SERVICE_OPTIONAL_FIELDS, where)
    if raw["theme"] not in theme_ids:
        raise CatalogError(
            f"{where}: field 'theme' is {raw['theme']!r}; expected one of {sorted(theme_ids)}."
        )
    if raw["operator"] not in OPERATORS:
        raise CatalogError(
            f"{where}: field 'operator' is {raw['operator']!r}; expected one of "
            f"{sorted(OPERATORS)}."
        )
    url = raw["official_url"]
    if url and not url.startswith("https://"):
        raise CatalogError(f"{where}: field 'official_url' must start with https:// or be empty.")
    try:
        actions = tuple(Action(name) for name in raw["actions"])
    except ValueError:
        raise CatalogError(
            f"{where}: field 'actions' has {raw['actions']!r}; "
            f"expected names among {[a.value for a in Action]}."
        ) from None
    earlier: dict[str, Step] = {}
    for n, raw_step in enumerate(raw.get("steps", [])):
        step_id = raw_step.get("id", f"#{n + 1}") if isinstance(raw_step, dict) else f"#{n + 1}"
        step_where = f"{where} step {step_id!r}"
        step = _step(raw_step, step_where, earlier)
        if step.id in earlier:
            raise CatalogError(f"{step_where}: step id used twice in this service.")
        earlier[step.id] = step
    if Action.GUIDED_REQUEST in actions and not earlier:
        raise CatalogError(f"{where}: action 'guided_request' needs at least one entry in 'steps'.")
    return Service(
        id=raw["id"], theme=raw["theme"], title=_text(raw["title"], f"{where} field 'title'"),
        summary=_text(raw["summary"], f"{where} field 'summary'"), operator=raw["operator"],
        authority=_text(raw["authority"], f"{where} field 'authority'"), routing=raw["routing"],
        documents=_documents(raw["documents"], where), official_url=url, actions=actions,
        steps=tuple(earlier.values()),
        next_steps=_text(raw["next_steps"], f"{where} field 'next_steps'")
        if "next_steps" in raw else {},
    )


def parse_catalog(data: Any, source: str = CATALOG_FILE) -> Catalog:
    if not isinstance(data, dict):
        raise CatalogError(f"{source}: the file must hold one object {{...}}.")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise CatalogError(
            f"{source}: 'schema_version' is {data.get('schema_version')!r}; "
            f"this kiosk reads version {SCHEMA_VERSION}."
        )
    for name in ("languages", "themes", "services"):
        if not isinstance(data.get(name, []), list):
            raise CatalogError(f"{source}: '{name}' must be a list [...].")
    if not all(isinstance(lang, str) for lang in data.get("languages", [])):
        raise CatalogError(f"{source}: 'languages' must list language codes such as \"fr\".")
    themes = []
    for index, raw in enumerate(data.get("themes", [])):
        theme_id = raw.get("id", f"#{index + 1}") if isinstance(raw, dict) else f"#{index + 1}"
        where = f"{source}: theme {theme_id!r}"
        _check_fields(raw, THEME_FIELDS, {}, where)
        themes.append(Theme(raw["id"], _text(raw["title"], f"{where} field 'title'"), raw["icon"]))
    theme_ids = {theme.id for theme in themes}
    services = []
    for index, raw in enumerate(data.get("services", [])):
        try:
            services.append(_service(raw, theme_ids, index))
        except CatalogError as error:
            raise CatalogError(f"{source}: {error}") from None
    ids = [service.id for service in services]
    duplicates = sorted({service_id for service_id in ids if ids.count(service_id) > 1})
    if duplicates:
        raise CatalogError(f"{source}: service ids used twice: {duplicates}.")
    return Catalog(
        version=str(data.get("version", "")), languages=tuple(data.get("languages", ["fr"])),
        themes=tuple(themes), services=tuple(services),
    )


def load_catalog(path: Path | None = None) -> Catalog:
    """Load `path` (a catalogue file, or a folder holding catalog.json); default: embedded."""
    path = path or catalog_dir()
    if path.is_dir():
        path = path / CATALOG_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogError(f"{path}: file not found.") from None
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: not UTF-8 text; save the file as UTF-8.") from None
    except json.JSONDecodeError as error:
        raise CatalogError(
            f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    return parse_catalog(data, str(path))
