"""Every sentence the guided form and the receipt show or speak, French first, with {named} fields.

Part of the "kiosk" gettext domain, like `kiosk.i18n.MESSAGES`. Validation messages say what
is wrong and how to fix it, in plain words, one idea per sentence: the screen shows them
and the voice reads the very same text.
"""

from __future__ import annotations

from kiosk.paths import locale_dir
from offline_cache.translations import Messages

MESSAGES = Messages("kiosk", locale_dir(), {
    # --- Progress and review -----------------------------------------------------------------
    "form.progress": "Question {number} sur {total}",
    "form.yes": "Oui",
    "form.no": "Non",
    "form.no_answer": "Pas de réponse",
    "form.unknown": "Je ne l'ai pas",
    "form.unknown_answer": "Vous ne l'avez pas",
    "form.optional": "Cette question est facultative. Vous pouvez passer.",
    "form.review_title": "Vérifiez vos réponses",
    "form.review_hint": "Touchez « Modifier » pour changer une réponse.",
    "form.modify": "Modifier",
    # --- Validation: shared ------------------------------------------------------------------
    "error.required": "Il faut une réponse pour continuer.",
    "error.too_long": "C'est trop long. Écrivez {max} caractères au plus.",
    # --- Validation: per kind ----------------------------------------------------------------
    "error.name.characters": (
        "Un nom contient seulement des lettres, des espaces, des tirets ou des apostrophes."
    ),
    "error.date.format": "Choisissez le jour, le mois et l'année.",
    "error.date.invalid": "Cette date n'existe pas. Vérifiez le jour et le mois.",
    "error.date.future": "Cette date est dans le futur. Vérifiez l'année.",
    "error.date.too_old": "Cette date est trop ancienne. Vérifiez l'année.",
    "error.yes_no": "Répondez oui ou non.",
    "error.choice.single": "Touchez une des réponses proposées.",
    "error.choice.multiple": "Touchez une ou plusieurs réponses proposées.",
    "error.number.format": "Écrivez un nombre entier, avec des chiffres seulement.",
    "error.number.too_small": "Le nombre est trop petit. Le plus petit possible est {min}.",
    "error.number.too_large": "Le nombre est trop grand. Le plus grand possible est {max}.",
    "error.phone.invalid": (
        "Ce numéro de téléphone n'est pas complet ou pas valable. Un numéro français a 10 "
        "chiffres, par exemple 06 12 34 56 78."
    ),
    "error.email.invalid": (
        "Cette adresse e-mail n'est pas complète. Elle ressemble à nom@exemple.fr."
    ),
    "error.email.at": "Une adresse e-mail a un seul signe @ (arobase).",
    "error.postal_code.format": "Le code postal a 5 chiffres.",
    "error.postal_code.unknown": (
        "Nous ne connaissons pas le code postal {postal_code}. Vérifiez les chiffres."
    ),
    "error.postal_code.choose_commune": "Plusieurs communes ont ce code postal. Touchez la vôtre.",
    "error.commune.unknown": (
        "Nous ne trouvons pas cette commune. Vérifiez le nom, ou tapez son code postal."
    ),
    "error.commune.choose": "Plusieurs communes ont ce nom. Touchez la vôtre dans la liste.",
    # --- Commune search, as the citizen types ---------------------------------------------------
    "commune.hint": "Tapez le nom de la commune, ou son code postal. Pas besoin d'accents.",
    "commune.found_one": "Touchez votre commune.",
    "commune.found": "{count} communes. Touchez la vôtre.",
    "commune.found_many": "{total} communes. Tapez encore quelques lettres.",
    "commune.none": "Aucune commune trouvée. Vérifiez ce que vous avez tapé.",
    "error.nir.length": (
        "Le numéro de sécurité sociale a 15 chiffres. Il est sur votre carte Vitale."
    ),
    "error.nir.invalid": (
        "Ce numéro de sécurité sociale n'est pas valable. Vérifiez chaque chiffre."
    ),
    "error.iban.format": (
        "Un IBAN commence par 2 lettres, comme FR, puis des chiffres. Il est sur le RIB, le papier "
        "de la banque."
    ),
    "error.iban.length": (
        "Il manque des lettres ou des chiffres, ou il y en a trop. Un IBAN français en a 27."
    ),
    "error.iban.invalid": "Cet IBAN n'est pas valable. Vérifiez chaque lettre et chaque chiffre.",
    "error.unreadable": (
        "Nous n'arrivons pas à lire cette réponse. Corrigez-la, ou demandez de l'aide."
    ),
    # --- Receipt -----------------------------------------------------------------------------
    "receipt.title": "Votre demande est enregistrée",
    "receipt.reference": "Votre numéro : {reference}",
    "receipt.reference_spoken": "Votre numéro est : {spelled}.",
    "receipt.keep": "Gardez ce ticket. Il sert à suivre votre demande.",
    "receipt.qr": "Avec votre téléphone, visez ce code pour suivre votre demande.",
    "receipt.sent_to": "Votre demande va à : {authority}.",
    "receipt.online": "La borne est connectée : votre demande part tout de suite.",
    "receipt.offline": (
        "La borne n'a pas de connexion pour le moment. Votre demande sera envoyée dès que la "
        "connexion revient."
    ),
    "receipt.date": "Le {date} à {time}",
})


def message(key: str, lang: str, /, **fields: object) -> str:
    return MESSAGES.text(key, lang, **fields)
