"""Opening a stored submission: for an authorised agent's eyes only (callers log the access).

A payload that no longer opens (the hub's key was rotated, the row was damaged) is a
`ContentUnavailable` with a reason a person can read; the request's metadata stays usable.
"""

from __future__ import annotations

import json
from typing import Any

from hub.intake.models import Conflict, Submission
from hub.keys import current_keys
from offline_cache.envelope import EnvelopeError, open_sealed


class ContentUnavailable(Exception):
    """The content cannot be shown; str() says why, in French, for the agent."""


def open_content(submission: Submission) -> dict[str, Any]:
    """The citizen's record (the form engine's payload: answers, language, consent...)."""
    if submission.payload is None:
        when = submission.content_deleted_at
        raise ContentUnavailable(
            "Le contenu de cette demande a été supprimé"
            + (f" le {when:%d/%m/%Y}" if when else "")
            + " (durée de conservation atteinte). Les informations générales restent.")
    return _opened(bytes(submission.payload), submission)


def open_conflict(conflict: Conflict) -> dict[str, Any]:
    """The other content that came later under the same UUID (sealed the same way)."""
    return _opened(bytes(conflict.payload), conflict.submission)


def _opened(sealed: bytes, submission: Submission) -> dict[str, Any]:
    try:
        plain = open_sealed(current_keys().seal_private, sealed, str(submission.uuid).encode())
        document = json.loads(plain)
    except (EnvelopeError, ValueError) as error:
        raise ContentUnavailable(
            "Le contenu ne s'ouvre pas avec la clé actuelle du hub (clé changée ou donnée "
            "abîmée). Les informations générales restent utilisables.") from error
    if not isinstance(document, dict):
        raise ContentUnavailable("Le contenu de cette demande n'est pas lisible.")
    return document
