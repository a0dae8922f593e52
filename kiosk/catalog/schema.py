"""Catalogue schema v1: what each entry may hold, checked at load with errors naming the place.

docs/catalog.md documents every field listed here; a test keeps the two in step.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

FIELD_KINDS = frozenset({
    "text", "name", "date_of_birth", "yes_no", "single_choice", "multiple_choice", "number",
    "phone", "email", "postal_code", "nir", "iban", "description",
})

# The operators that carry most France Services demand (issue 3); "Commune" is the town hall.
OPERATORS = frozenset({
    "CAF", "CPAM", "France Titres", "DGFiP", "Assurance retraite", "MSA", "France Travail",
    "La Poste", "Justice", "Commune",
})

THEME_FIELDS = {"id": str, "title": dict, "icon": str}
SERVICE_FIELDS = {
    "id": str, "theme": str, "title": dict, "summary": dict, "operator": str,
    "authority": dict, "routing": str, "documents": dict, "official_url": str, "actions": list,
}
SERVICE_OPTIONAL_FIELDS = {"steps": list, "next_steps": dict}
STEP_FIELDS = {"id": str, "kind": str, "label": dict}
STEP_OPTIONAL_FIELDS = {
    "help": dict, "speak": dict, "choices": list, "optional": bool, "show_if": dict,
    "min": int, "max": int, "unknown_allowed": bool,
}
# Kinds a citizen may not have to hand ("Je ne l'ai pas"): numbers copied from a card or a letter.
UNKNOWN_ALLOWED_KINDS = frozenset({"text", "number", "phone", "email", "nir", "iban"})
CHOICE_FIELDS = {"value": str, "label": dict}
