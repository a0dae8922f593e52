"""Every sentence the guided form and the receipt show or speak, French first, with {named} fields.

Same shape as `kiosk.i18n.MESSAGES` (key -> {"fr": ..., "en": ...}) so the lead can merge the two
catalogues. Validation messages say what is wrong and how to fix it, in plain words, one idea per
sentence: the screen shows them and the voice reads the very same text.
"""

from __future__ import annotations

from kiosk.i18n import translate

MESSAGES: dict[str, dict[str, str]] = {
    # --- Progress and review -----------------------------------------------------------------
    "form.progress": {"fr": "Question {number} sur {total}", "en": "Question {number} of {total}"},
    "form.yes": {"fr": "Oui", "en": "Yes"},
    "form.no": {"fr": "Non", "en": "No"},
    "form.no_answer": {"fr": "Pas de réponse", "en": "No answer"},
    "form.unknown": {"fr": "Je ne l'ai pas", "en": "I do not have it"},
    "form.unknown_answer": {"fr": "Vous ne l'avez pas", "en": "You do not have it"},
    "form.optional": {
        "fr": "Cette question est facultative. Vous pouvez passer.",
        "en": "This question is optional. You can skip it.",
    },
    "form.review_title": {"fr": "Vérifiez vos réponses", "en": "Check your answers"},
    "form.review_hint": {
        "fr": "Touchez « Modifier » pour changer une réponse.",
        "en": "Touch “Change” to change an answer.",
    },
    "form.modify": {"fr": "Modifier", "en": "Change"},
    # --- Validation: shared ------------------------------------------------------------------
    "error.required": {
        "fr": "Il faut une réponse pour continuer.",
        "en": "An answer is needed to continue.",
    },
    "error.too_long": {
        "fr": "C'est trop long. Écrivez {max} caractères au plus.",
        "en": "This is too long. Write {max} characters at most.",
    },
    # --- Validation: per kind ----------------------------------------------------------------
    "error.name.characters": {
        "fr": "Un nom contient seulement des lettres, des espaces, des tirets ou des apostrophes.",
        "en": "A name only has letters, spaces, hyphens or apostrophes.",
    },
    "error.date.format": {
        "fr": "Choisissez le jour, le mois et l'année.",
        "en": "Choose the day, the month and the year.",
    },
    "error.date.invalid": {
        "fr": "Cette date n'existe pas. Vérifiez le jour et le mois.",
        "en": "This date does not exist. Check the day and the month.",
    },
    "error.date.future": {
        "fr": "Cette date est dans le futur. Vérifiez l'année.",
        "en": "This date is in the future. Check the year.",
    },
    "error.date.too_old": {
        "fr": "Cette date est trop ancienne. Vérifiez l'année.",
        "en": "This date is too long ago. Check the year.",
    },
    "error.yes_no": {"fr": "Répondez oui ou non.", "en": "Answer yes or no."},
    "error.choice.single": {
        "fr": "Touchez une des réponses proposées.",
        "en": "Touch one of the answers shown.",
    },
    "error.choice.multiple": {
        "fr": "Touchez une ou plusieurs réponses proposées.",
        "en": "Touch one or more of the answers shown.",
    },
    "error.number.format": {
        "fr": "Écrivez un nombre entier, avec des chiffres seulement.",
        "en": "Write a whole number, with digits only.",
    },
    "error.number.too_small": {
        "fr": "Le nombre est trop petit. Le plus petit possible est {min}.",
        "en": "The number is too small. The smallest allowed is {min}.",
    },
    "error.number.too_large": {
        "fr": "Le nombre est trop grand. Le plus grand possible est {max}.",
        "en": "The number is too large. The largest allowed is {max}.",
    },
    "error.phone.invalid": {
        "fr": "Ce numéro de téléphone n'est pas complet ou pas valable. "
              "Un numéro français a 10 chiffres, par exemple 06 12 34 56 78.",
        "en": "This phone number is incomplete or not valid. "
              "A French number has 10 digits, for example 06 12 34 56 78.",
    },
    "error.email.invalid": {
        "fr": "Cette adresse e-mail n'est pas complète. Elle ressemble à nom@exemple.fr.",
        "en": "This email address is incomplete. It looks like name@example.fr.",
    },
    "error.email.at": {
        "fr": "Une adresse e-mail a un seul signe @ (arobase).",
        "en": "An email address has exactly one @ sign (at).",
    },
    "error.postal_code.format": {
        "fr": "Le code postal a 5 chiffres.",
        "en": "The postal code has 5 digits.",
    },
    "error.postal_code.unknown": {
        "fr": "Nous ne connaissons pas le code postal {postal_code}. Vérifiez les chiffres.",
        "en": "We do not know the postal code {postal_code}. Check the digits.",
    },
    "error.postal_code.choose_commune": {
        "fr": "Plusieurs communes ont ce code postal. Touchez la vôtre.",
        "en": "Several towns share this postal code. Touch yours.",
    },
    "error.commune.unknown": {
        "fr": "Nous ne trouvons pas cette commune. Vérifiez le nom, ou tapez son code postal.",
        "en": "We cannot find this town. Check the name, or type its postal code.",
    },
    "error.commune.choose": {
        "fr": "Plusieurs communes ont ce nom. Touchez la vôtre dans la liste.",
        "en": "Several towns have this name. Touch yours in the list.",
    },
    # --- Commune search, as the citizen types ---------------------------------------------------
    "commune.hint": {
        "fr": "Tapez le nom de la commune, ou son code postal. Pas besoin d'accents.",
        "en": "Type the name of the town, or its postal code. No need for accents.",
    },
    "commune.found_one": {"fr": "Touchez votre commune.", "en": "Touch your town."},
    "commune.found": {
        "fr": "{count} communes. Touchez la vôtre.",
        "en": "{count} towns. Touch yours.",
    },
    "commune.found_many": {
        "fr": "{total} communes. Tapez encore quelques lettres.",
        "en": "{total} towns. Type a few more letters.",
    },
    "commune.none": {
        "fr": "Aucune commune trouvée. Vérifiez ce que vous avez tapé.",
        "en": "No town found. Check what you typed.",
    },
    "error.nir.length": {
        "fr": "Le numéro de sécurité sociale a 15 chiffres. Il est sur votre carte Vitale.",
        "en": "The social security number has 15 digits. It is on your Vitale card.",
    },
    "error.nir.invalid": {
        "fr": "Ce numéro de sécurité sociale n'est pas valable. Vérifiez chaque chiffre.",
        "en": "This social security number is not valid. Check each digit.",
    },
    "error.iban.format": {
        "fr": "Un IBAN commence par 2 lettres, comme FR, puis des chiffres. "
              "Il est sur le RIB, le papier de la banque.",
        "en": "An IBAN starts with 2 letters, like FR, then digits. It is on your bank details.",
    },
    "error.iban.length": {
        "fr": "Il manque des lettres ou des chiffres, ou il y en a trop. Un IBAN français en a 27.",
        "en": "Some letters or digits are missing, or there are too many. A French IBAN has 27.",
    },
    "error.iban.invalid": {
        "fr": "Cet IBAN n'est pas valable. Vérifiez chaque lettre et chaque chiffre.",
        "en": "This IBAN is not valid. Check each letter and digit.",
    },
    "error.unreadable": {
        "fr": "Nous n'arrivons pas à lire cette réponse. Corrigez-la, ou demandez de l'aide.",
        "en": "We cannot read this answer. Correct it, or ask for help.",
    },
    # --- Dates as shown on the review screen -------------------------------------------------
    "date.first_day": {"fr": "1er", "en": "1"},
    **{
        f"date.month.{number}": {"fr": french, "en": english}
        for number, (french, english) in enumerate(zip(
            ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"),
            ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"),
            strict=True,
        ), start=1)
    },
    # --- Receipt -----------------------------------------------------------------------------
    "receipt.title": {"fr": "Votre demande est enregistrée", "en": "Your request is recorded"},
    "receipt.reference": {"fr": "Votre numéro : {reference}", "en": "Your number: {reference}"},
    "receipt.reference_spoken": {
        "fr": "Votre numéro est : {spelled}.",
        "en": "Your number is: {spelled}.",
    },
    "receipt.keep": {
        "fr": "Gardez ce ticket. Il sert à suivre votre demande.",
        "en": "Keep this ticket. You need it to follow your request.",
    },
    "receipt.qr": {
        "fr": "Avec votre téléphone, visez ce code pour suivre votre demande.",
        "en": "Point your phone at this code to follow your request.",
    },
    "receipt.sent_to": {
        "fr": "Votre demande va à : {authority}.",
        "en": "Your request goes to: {authority}.",
    },
    "receipt.online": {
        "fr": "La borne est connectée : votre demande part tout de suite.",
        "en": "The kiosk is connected: your request is being sent now.",
    },
    "receipt.offline": {
        "fr": "La borne n'a pas de connexion pour le moment. Votre demande sera envoyée dès que la "
              "connexion revient.",
        "en": "The kiosk has no connection right now. Your request will be sent as soon as the "
              "connection is back.",
    },
    "receipt.date": {"fr": "Le {date} à {time}", "en": "On {date} at {time}"},
}


def message(key: str, lang: str, **fields: object) -> str:
    return translate(MESSAGES, key, lang, **fields)
