"""Forms of the kiosks pages: every input goes through one, with messages in French."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator

from hub.fleet.models import Kiosk

KIOSK_ID = RegexValidator(
    r"^[A-Za-z0-9-]{3,40}$",
    "De 3 à 40 lettres sans accent, chiffres ou tirets, par exemple borne-mairie-01 : "
    "la même valeur que site.kiosk_id dans la configuration de la borne.")


class KioskForm(forms.ModelForm):
    kiosk_id = forms.CharField(label="Identifiant de la borne", max_length=40,
                               validators=[KIOSK_ID],
                               help_text="La valeur de site.kiosk_id dans sa configuration.")

    class Meta:
        model = Kiosk
        fields = ["kiosk_id", "site"]
        labels = {"site": "Site (lieu d'accueil)"}

    def clean_kiosk_id(self) -> str:
        value = self.cleaned_data["kiosk_id"]
        if Kiosk.objects.filter(kiosk_id=value).exists():
            raise forms.ValidationError(f"La borne « {value} » existe déjà.")
        return value


class TokenForm(forms.Form):
    label = forms.CharField(label="Libellé du jeton", max_length=100, required=False,
                            help_text="Pour le reconnaître plus tard, par exemple « installé "
                                      "le 2 décembre ».")
