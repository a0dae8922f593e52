"""pybabel extractors for our message tables and the service catalogue.

`pybabel extract` only knows function calls; our sources are `MESSAGES = Messages(domain,
folder, {key: French})` tables (offline_cache/translations.py) and the catalogue's JSON. These
two functions yield what pybabel expects: the key as context, the French as msgid.
Named in babel-*.cfg as `offline_cache.message_extract.extract_messages` / `:extract_catalog`.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

Extracted = tuple[int, str, tuple[str, ...], list[str]]


def extract_messages(fileobj: BinaryIO, keywords: Any, comment_tags: Any,
                     options: Any) -> Iterator[Extracted]:
    """Every entry of each `Messages(...)` table's dict in a Python module."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Messages"):
            continue
        table = node.args[2] if len(node.args) > 2 else None
        if not isinstance(table, ast.Dict):
            continue
        for key, value in zip(table.keys, table.values, strict=True):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                yield value.lineno, "pgettext", (key.value, value.value), []
            elif isinstance(value, ast.Call) and getattr(value.func, "id", "") == "Plural":
                one, other = (ast.literal_eval(arg) for arg in value.args)
                yield value.lineno, "npgettext", (key.value, one, other), []


@dataclass(frozen=True, slots=True)
class CatalogText:
    """One translatable text of a catalogue document, and where it sits."""

    context: str  # "service/passeport/title", "service/x/documents/2": the gettext context
    holder: dict[str, Any]  # the {"fr": ..., "en": ...} object in the document
    index: int | None  # for a list of texts (documents), which line
    french: str


def catalog_texts(data: dict[str, Any]) -> Iterator[CatalogText]:
    """Every translatable text of a catalogue document.

    The context names where the text sits ("service/passeport/title",
    "service/acte-naissance/step/type_acte/choice/copie-integrale/label"), so two identical
    French texts in different places can be translated apart, and the merge knows where each
    goes.
    """
    for theme in data.get("themes", []):
        yield from _localized(f"theme/{theme['id']}", theme)
    for service in data.get("services", []):
        where = f"service/{service['id']}"
        yield from _localized(where, service)
        for step in service.get("steps", []):
            at = f"{where}/step/{step['id']}"
            yield from _localized(at, step)
            for choice in step.get("choices", []):
                yield from _localized(f"{at}/choice/{choice['value']}", choice)


def _localized(where: str, item: dict[str, Any]) -> Iterator[CatalogText]:
    for field, value in item.items():
        if not (isinstance(value, dict) and "fr" in value):
            continue
        french = value["fr"]
        if isinstance(french, list):
            for index, line in enumerate(french):
                yield CatalogText(f"{where}/{field}/{index}", value, index, line)
        elif isinstance(french, str):
            yield CatalogText(f"{where}/{field}", value, None, french)


def extract_catalog(fileobj: BinaryIO, keywords: Any, comment_tags: Any,
                    options: Any) -> Iterator[Extracted]:
    for text in catalog_texts(json.load(fileobj)):
        yield 0, "pgettext", (text.context, text.french), []
