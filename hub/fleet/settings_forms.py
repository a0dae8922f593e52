"""The settings form: one field per setting the schema marks `remote`, built from the schema.

Adding a setting the back office can send is one entry in offline_cache/settings_schema.py;
this form shows it (a yes/no choice, a number or a text, the list of languages as
"fr, en"), and checks it with the schema's own check, so the hub never sends a value the
kiosk would refuse. An empty field sends nothing: the kiosk keeps its next source (the
setting for every kiosk, else its configuration file).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction
from django.utils import timezone

from hub.fleet.models import Kiosk, RemoteSetting
from hub.fleet.settings_words import FRENCH
from hub.writes import writer
from offline_cache.settings_schema import (
    REMOTE_SETTINGS,
    Remote,
    Setting,
    combination_problems,
    value_problem,
)

WHEN = {Remote.LIVE: "Appliqué tout de suite.",
        Remote.AT_RESTART: "Appliqué au prochain redémarrage de la borne."}
NOT_SET = ""
SECTION_TITLES = {"interface": "Écran et langues", "voice": "Voix", "printer": "Imprimante",
                  "opening": "Horaires d'ouverture", "site": "Site"}


def field_name(key: str) -> str:
    return key.replace(".", "__")


def _field(setting: Setting, inherited: Any) -> forms.Field:
    inherited_words = ("" if inherited is None else
                       f" Sans valeur ici : {shown(inherited)} (réglage pour toutes les bornes).")
    does, accepts = FRENCH[setting.key]
    expected = "" if setting.kind is bool else f" Attendu : {accepts}."
    help_text = f"{does}{expected} {WHEN[setting.remote]}{inherited_words}"
    if setting.kind is bool:
        return forms.ChoiceField(label=setting.key, required=False, help_text=help_text,
                                 choices=[(NOT_SET, "(non réglé ici)"), ("true", "oui"),
                                          ("false", "non")])
    if setting.kind is int:
        return forms.IntegerField(label=setting.key, required=False, help_text=help_text)
    if setting.kind is dict:  # a TOML table, e.g. opening hours: one "name = value" a line
        return forms.CharField(label=setting.key, required=False, help_text=help_text,
                               max_length=2000, widget=forms.Textarea(attrs={"rows": 7}))
    return forms.CharField(label=setting.key, required=False, help_text=help_text,
                           max_length=300, strip=True)


def shown(value: Any) -> str:
    """A value as the form writes it: true/false, 90, fr, en."""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(f"{name} = {item}" for name, item in value.items())
    return str(value)


def typed_value(setting: Setting, raw: Any) -> Any:
    """The form's input as the TOML would hold it; None when the field is empty."""
    if raw in (None, NOT_SET):
        return None
    if setting.kind is bool:
        return raw == "true"
    if setting.kind is list:
        return [part.strip() for part in str(raw).split(",") if part.strip()]
    if setting.kind is dict:
        lines = [line.partition("=") for line in str(raw).splitlines() if line.strip()]
        return {name.strip(): item.strip() for name, _, item in lines}
    return raw


def _initial(setting: Setting, value: Any) -> Any:
    if setting.kind is bool:
        return "true" if value else "false"
    return shown(value) if setting.kind in (list, dict) else value


class RemoteSettingsForm(forms.Form):
    """The settings for every kiosk (`kiosk=None`) or for one kiosk over those."""

    def __init__(self, *args, kiosk: Kiosk | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kiosk = kiosk
        own = {row.key: row.value for row in RemoteSetting.objects.filter(kiosk=kiosk)}
        shared = ({} if kiosk is None else
                  {row.key: row.value for row in RemoteSetting.objects.filter(kiosk=None)})
        self.shared = shared
        for setting in REMOTE_SETTINGS:
            name = field_name(setting.key)
            self.fields[name] = _field(setting, shared.get(setting.key))
            if setting.key in own:
                self.initial[name] = _initial(setting, own[setting.key])

    def sections(self) -> list[tuple[str, list]]:
        """(section, bound fields) in the schema's order: interface, voice, printer..."""
        found: dict[str, list] = {}
        for setting in REMOTE_SETTINGS:
            section = SECTION_TITLES.get(setting.key.split(".")[0], setting.key.split(".")[0])
            found.setdefault(section, []).append(self[field_name(setting.key)])
        return list(found.items())

    def values(self) -> dict[str, Any]:
        """key -> value for every field filled in (after is_valid())."""
        found = {}
        for setting in REMOTE_SETTINGS:
            value = typed_value(setting, self.cleaned_data.get(field_name(setting.key)))
            if value is not None:
                found[setting.key] = value
        return found

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for setting in REMOTE_SETTINGS:
            name = field_name(setting.key)
            if name in self.errors:
                continue
            value = typed_value(setting, cleaned.get(name))
            problem = value_problem(setting.key, value) if value is not None else None
            if problem:
                self.add_error(name, f"valeur refusée : attendu {FRENCH[setting.key][1]}.")
        if not self.errors:
            problems = combination_problems({**self.shared, **self.values()})
            if problems:
                raise forms.ValidationError([_in_french(problem) for problem in problems])
        return cleaned

    def save(self, by=None) -> list[str]:
        """Replace this scope's settings with the form's; returns the keys that changed."""
        wanted = self.values()
        with writer(), transaction.atomic():
            rows = {row.key: row for row in
                    RemoteSetting.objects.select_for_update().filter(kiosk=self.kiosk)}
            changed = sorted(key for key in {*rows, *wanted}
                             if key not in rows or key not in wanted
                             or rows[key].value != wanted[key])
            RemoteSetting.objects.filter(kiosk=self.kiosk).exclude(key__in=wanted).delete()
            for key in changed:
                if key in wanted:
                    RemoteSetting.objects.update_or_create(
                        kiosk=self.kiosk, key=key,
                        defaults={"value": wanted[key], "updated_by": by,
                                  "updated_at": timezone.now()})
        return changed


def _in_french(problem: str) -> str:
    """A problem between settings (offline_cache.settings_schema.combination_problems), for
    the IT officer: the languages' in a sentence, the opening hours' with the day and range
    the schema names."""
    if "interface.default_language" in problem:
        return ("La langue par défaut (interface.default_language) doit faire partie des "
                "langues proposées (interface.languages).")
    return f"Horaires d'ouverture refusés : {problem}."
