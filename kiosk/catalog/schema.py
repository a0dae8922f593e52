"""Catalogue schema v1: what each entry must hold, checked at load with errors naming the place."""

from __future__ import annotations

SCHEMA_VERSION = 1

FIELD_KINDS = frozenset({
    "text", "name", "date_of_birth", "yes_no", "single_choice", "multiple_choice", "number",
    "phone", "email", "postal_code", "nir", "iban", "description",
})

THEME_FIELDS = {"id": str, "title": dict, "icon": str}
SERVICE_FIELDS = {
    "id": str, "theme": str, "title": dict, "summary": dict, "operator": str,
    "authority": dict, "routing": str, "documents": dict, "official_url": str, "actions": list,
}
STEP_FIELDS = {"id": str, "kind": str, "label": dict}
