"""docs/catalog.md documents every field and field kind the loader accepts."""

from __future__ import annotations

from pathlib import Path

from kiosk.catalog import schema

DOC = (Path(__file__).resolve().parents[2] / "docs" / "catalog.md").read_text(encoding="utf-8")


def test_every_schema_field_is_documented():
    fields = {*schema.THEME_FIELDS, *schema.SERVICE_FIELDS, *schema.SERVICE_OPTIONAL_FIELDS,
              *schema.STEP_FIELDS, *schema.STEP_OPTIONAL_FIELDS}
    missing = sorted(name for name in fields if f"| `{name}` |" not in DOC)
    assert missing == []


def test_every_field_kind_and_operator_is_documented():
    assert sorted(k for k in schema.FIELD_KINDS if f"| `{k}` |" not in DOC) == []
    assert sorted(op for op in schema.OPERATORS if f"`{op}`" not in DOC) == []


def test_the_check_command_is_documented():
    assert "kiosk catalog check [PATH]" in DOC
