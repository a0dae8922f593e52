"""Every input of the inbox, as a Django form (labels in French, limits checked here)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone

from hub.fleet.models import Kiosk
from hub.inbox.workflow import MESSAGE_REQUIRED
from hub.intake.models import STATE_CHOICES
from offline_cache.protocol import RequestState, normalize_reference

ORDER_CHOICES = [("recent", "Les plus récentes d'abord"), ("ancien", "Les plus anciennes d'abord")]
MESSAGE_MAX = 1000


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label="Code à 6 chiffres de votre application", max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "autofocus": True}))

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit():
            raise forms.ValidationError("Le code ne contient que des chiffres.")
        return code


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class PeriodMixin:
    """`du` / `au` dates (received), both optional, `au` included."""

    def period_filter(self) -> dict:
        data, found = self.cleaned_data, {}
        if data.get("du"):
            found["received_at__gte"] = _day_start(data["du"])
        if data.get("au"):
            found["received_at__lt"] = _day_start(data["au"] + timedelta(days=1))
        return found

    def check_period(self) -> None:
        start, end = self.cleaned_data.get("du"), self.cleaned_data.get("au")
        if start and end and start > end:
            raise forms.ValidationError("La date de début est après la date de fin.")


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InboxFilterForm(PeriodMixin, forms.Form):
    """The list's filters (GET): each one narrows the agent's own requests only."""

    etat = forms.ChoiceField(label="État", required=False,
                             choices=[("", "Tous les états"), *STATE_CHOICES])
    service = forms.ChoiceField(label="Service", required=False)
    # Typed, not chosen from a list: a region has thousands of kiosks.
    borne = forms.ModelChoiceField(
        label="Borne", required=False, to_field_name="kiosk_id", queryset=Kiosk.objects.all(),
        widget=forms.TextInput, help_text="Son identifiant, par exemple : borne-mairie-01",
        error_messages={"invalid_choice": "Aucune borne ne porte cet identifiant. Il figure "
                                          "dans la colonne « Borne et site » de la liste."})
    du = forms.DateField(label="Reçues à partir du", required=False, widget=DATE)
    au = forms.DateField(label="Reçues jusqu'au", required=False, widget=DATE)
    reference = forms.CharField(label="Référence", required=False, max_length=40,
                                help_text="Par exemple : K7M-4QF")
    ordre = forms.ChoiceField(label="Ordre", required=False, choices=ORDER_CHOICES)

    def __init__(self, data, services, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.fields["service"].choices = [("", "Tous mes services"),
                                          *((s.routing, s.name) for s in services)]

    def clean_reference(self) -> str:
        typed = self.cleaned_data["reference"].strip()
        if not typed:
            return ""
        reference = normalize_reference(typed)
        if reference is None:
            raise forms.ValidationError(
                "Une référence a 6 lettres ou chiffres, par exemple K7M-4QF.")
        return reference

    def clean(self):
        self.check_period()
        return super().clean()


class ExportForm(PeriodMixin, forms.Form):
    """One service, one period: what the CSV holds."""

    service = forms.ChoiceField(label="Service")
    du = forms.DateField(label="Reçues à partir du", widget=DATE)
    au = forms.DateField(label="Reçues jusqu'au", widget=DATE)

    def __init__(self, data, services, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.fields["service"].choices = [(s.routing, s.name) for s in services]

    def clean(self):
        self.check_period()
        return super().clean()


class StateForm(forms.Form):
    state = forms.ChoiceField(label="Nouvel état", choices=STATE_CHOICES)
    citizen_message = forms.CharField(
        label="Message pour le demandeur", required=False, max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=("Il s'affiche sur la page de suivi et à la borne. Phrases courtes, mots "
                   "simples. Obligatoire pour « En attente du demandeur » et « Refusée ». "
                   "N'y mettez pas de données personnelles."))

    def clean(self):
        data = super().clean()
        state = data.get("state")
        data["citizen_message"] = (data.get("citizen_message") or "").strip()
        if state and RequestState(state) in MESSAGE_REQUIRED and not data["citizen_message"]:
            self.add_error("citizen_message",
                           "Écrivez au demandeur ce qu'il doit faire, ou pourquoi c'est refusé.")
        return data

    @property
    def request_state(self) -> RequestState:
        return RequestState(self.cleaned_data["state"])


class NoteForm(forms.Form):
    text = forms.CharField(label="Note interne (jamais montrée au demandeur)", max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("La note est vide.")
        return text
