"""Read and validate a catalogue JSON file into typed records.

Municipalities edit this file by hand, so every error names the service (or theme) and the
field, and says what is expected.
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
    FIELD_KINDS,
    SCHEMA_VERSION,
    SERVICE_FIELDS,
    STEP_FIELDS,
    THEME_FIELDS,
)
from kiosk.paths import catalog_dir

CATALOG_FILE = "catalog.json"


class CatalogError(Exception):
    """The catalogue cannot be used; the message names the file, the entry and the field."""


def _require(entry: dict[str, Any], fields: dict[str, type], where: str) -> None:
    for name, kind in fields.items():
        if name not in entry:
            raise CatalogError(f"{where}: field '{name}' is missing.")
        if not isinstance(entry[name], kind):
            raise CatalogError(
                f"{where}: field '{name}' must be a {kind.__name__}, "
                f"not {type(entry[name]).__name__}."
            )


def _text(value: dict[str, Any], where: str) -> dict[str, str]:
    if not isinstance(value.get(FALLBACK_LANGUAGE), str) or not value[FALLBACK_LANGUAGE].strip():
        raise CatalogError(f"{where}: the French text ('{FALLBACK_LANGUAGE}') is missing.")
    return {lang: str(text) for lang, text in value.items()}


def _step(raw: dict[str, Any], where: str, earlier: dict[str, Step]) -> Step:
    _require(raw, STEP_FIELDS, where)
    if raw["kind"] not in FIELD_KINDS:
        raise CatalogError(
            f"{where}: field 'kind' is {raw['kind']!r}; expected one of {sorted(FIELD_KINDS)}."
        )
    choices = tuple(
        Choice(value=str(c["value"]), label=_text(c["label"], f"{where} choice {index}"))
        for index, c in enumerate(raw.get("choices", []))
    )
    if raw["kind"] in {"single_choice", "multiple_choice"} and len(choices) < 2:
        raise CatalogError(f"{where}: a {raw['kind']} question needs at least 2 'choices'.")
    bounds = {}
    for name in ("min", "max"):
        if name in raw:
            if raw["kind"] != "number":
                raise CatalogError(f"{where}: field '{name}' only applies to a 'number' question.")
            if not isinstance(raw[name], int) or isinstance(raw[name], bool):
                raise CatalogError(f"{where}: field '{name}' must be a whole number.")
            bounds[name] = raw[name]
    if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
        raise CatalogError(f"{where}: field 'min' ({bounds['min']}) is above 'max'.")
    return Step(
        id=raw["id"], kind=raw["kind"], label=_text(raw["label"], f"{where} field 'label'"),
        help=_text(raw["help"], f"{where} field 'help'") if "help" in raw else {},
        choices=choices, optional=bool(raw.get("optional", False)),
        show_if=_show_if(raw.get("show_if", {}), earlier, where),
        speak=_text(raw["speak"], f"{where} field 'speak'") if "speak" in raw else {},
        minimum=bounds.get("min"), maximum=bounds.get("max"),
    )


def _show_if(raw: Any, earlier: dict[str, Step], where: str) -> dict[str, str]:
    """A condition may only look back at an earlier yes/no or choice question, at a real answer."""
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: field 'show_if' must be an object {{step id: answer}}.")
    for step_id, expected in raw.items():
        target = earlier.get(step_id)
        if target is None:
            raise CatalogError(
                f"{where}: field 'show_if' names {step_id!r}, which is not an earlier step; "
                f"expected one of {sorted(earlier)}."
            )
        allowed = {"yes", "no"} if target.kind == "yes_no" else {c.value for c in target.choices}
        if not allowed:
            raise CatalogError(
                f"{where}: field 'show_if' names {step_id!r}, a {target.kind!r} question; "
                "expected a yes_no, single_choice or multiple_choice question."
            )
        if expected not in allowed:
            raise CatalogError(
                f"{where}: field 'show_if' expects {expected!r} from {step_id!r}; "
                f"expected one of {sorted(allowed)}."
            )
    return {str(key): str(value) for key, value in raw.items()}


def _service(raw: dict[str, Any], theme_ids: set[str], index: int) -> Service:
    where = f"service {raw.get('id', f'#{index}')!r}"
    _require(raw, SERVICE_FIELDS, where)
    if raw["theme"] not in theme_ids:
        raise CatalogError(
            f"{where}: field 'theme' is {raw['theme']!r}; expected one of {sorted(theme_ids)}."
        )
    try:
        actions = tuple(Action(name) for name in raw["actions"])
    except ValueError:
        raise CatalogError(
            f"{where}: field 'actions' has {raw['actions']!r}; "
            f"expected names among {[a.value for a in Action]}."
        ) from None
    documents = raw["documents"]
    if FALLBACK_LANGUAGE not in documents:
        raise CatalogError(f"{where}: field 'documents' has no French list ('fr').")
    earlier: dict[str, Step] = {}
    for n, raw_step in enumerate(raw.get("steps", [])):
        step_where = f"{where} step {raw_step.get('id', f'#{n}')!r}"
        step = _step(raw_step, step_where, earlier)
        if step.id in earlier:
            raise CatalogError(f"{step_where}: step id used twice in this service.")
        earlier[step.id] = step
    steps = tuple(earlier.values())
    if Action.GUIDED_REQUEST in actions and not steps:
        raise CatalogError(f"{where}: action 'guided_request' needs at least one entry in 'steps'.")
    return Service(
        id=raw["id"], theme=raw["theme"], title=_text(raw["title"], f"{where} field 'title'"),
        summary=_text(raw["summary"], f"{where} field 'summary'"), operator=raw["operator"],
        authority=_text(raw["authority"], f"{where} field 'authority'"), routing=raw["routing"],
        documents={lang: tuple(items) for lang, items in documents.items()},
        official_url=raw["official_url"], actions=actions, steps=steps,
        next_steps=_text(raw["next_steps"], f"{where} field 'next_steps'")
        if "next_steps" in raw else {},
    )


def parse_catalog(data: dict[str, Any], source: str = CATALOG_FILE) -> Catalog:
    if data.get("schema_version") != SCHEMA_VERSION:
        raise CatalogError(
            f"{source}: 'schema_version' is {data.get('schema_version')!r}; "
            f"this kiosk reads version {SCHEMA_VERSION}."
        )
    themes = []
    for index, raw in enumerate(data.get("themes", [])):
        where = f"{source}: theme {raw.get('id', f'#{index}')!r}"
        _require(raw, THEME_FIELDS, where)
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
    except json.JSONDecodeError as error:
        raise CatalogError(f"{path}: not valid JSON (line {error.lineno}: {error.msg}).") from None
    return parse_catalog(data, str(path))
