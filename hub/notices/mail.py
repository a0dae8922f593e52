"""Compose and send a new-request notice: what the request is, never what it says.

Subject and body carry the service's title, the reference, the kiosk's site, the time and a
link to the request's page; the citizen's answers stay sealed in the database. A refused or
unreachable SMTP server is one line in the log and the notice stays pending for the jobs.
"""

from __future__ import annotations

import logging
import smtplib
import time

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone

from hub.catalog import catalogue
from hub.notices import claims
from hub.notices.models import MAX_ATTEMPTS, Notice

log = logging.getLogger(__name__)
# After a failure, requests arriving within this many seconds do not try the server again:
# a batch of 500 from a kiosk must not wait 500 SMTP timeouts. The jobs retry later.
PAUSE_AFTER_FAILURE = 60.0
_last_failure = float("-inf")


def request_link(uuid: str) -> str:
    return f"{settings.BASE_URL}/demandes/{uuid}/"


def compose(notice: Notice) -> EmailMessage:
    submission = notice.submission
    title = catalogue().title(submission.service)
    site = submission.kiosk.site or submission.kiosk.kiosk_id
    made = timezone.localtime(submission.created_at)
    body = "\n".join([
        "Bonjour,",
        "",
        "Une nouvelle demande est arrivée pour votre service.",
        "",
        f"Démarche : {title}",
        f"Référence : {submission.reference}",
        f"Borne : {site}",
        f"Faite le : {made:%d/%m/%Y à %H:%M}",
        "",
        "Pour la lire, connectez-vous au back-office :",
        request_link(str(submission.uuid)),
        "",
        "Ce message ne contient aucune donnée personnelle : elles restent dans le back-office.",
        "Message automatique : merci de ne pas y répondre.",
    ])
    return EmailMessage(f"Nouvelle demande {submission.reference} : {title}", body,
                        settings.DEFAULT_FROM_EMAIL, [notice.mailbox])


def send_notice(notice: Notice, *, pause_on_failure: bool = True) -> bool:
    """Try once a notice this process took (hub.notices.claims); True when the server took
    it. Frees the notice either way. Never raises for a mail problem."""
    global _last_failure
    if pause_on_failure and time.monotonic() - _last_failure < PAUSE_AFTER_FAILURE:
        _finish(notice, "claimed_until")
        return False
    notice.attempts += 1
    try:
        with get_connection(fail_silently=False) as connection:
            connection.send_messages([compose(notice)])
    except smtplib.SMTPRecipientsRefused as error:  # the address itself: retrying won't help
        notice.attempts = MAX_ATTEMPTS
        notice.last_error = f"adresse refusée par le serveur : {error.recipients}"[:200]
        _finish(notice, "attempts", "last_error")
        log.error("e-mail: %s refused the address %s of request %s's service; correct the "
                  "service's mailbox in the admin", settings.EMAIL_HOST, notice.mailbox,
                  notice.submission.reference)
        return False
    except (smtplib.SMTPException, OSError) as error:
        _last_failure = time.monotonic()
        notice.last_error = f"{type(error).__name__}: {error}"[:200]
        _finish(notice, "attempts", "last_error")
        log.warning("e-mail: notice for request %s to %s not sent (%s); retried by the jobs",
                    notice.submission.reference, notice.mailbox, notice.last_error)
        return False
    _last_failure = float("-inf")
    notice.sent_at = timezone.now()
    notice.last_error = ""
    _finish(notice, "attempts", "last_error", "sent_at")
    return True


def _finish(notice: Notice, *fields: str) -> None:
    """Save what the attempt changed and give the notice back (sent or for the jobs)."""
    notice.claimed_until = None
    notice.save(update_fields=sorted({*fields, "claimed_until"}))


def send_by_id(notice_id: int) -> None:
    """What runs after the request's transaction commits: unless another process has it."""
    notice = claims.take(notice_id)
    if notice is not None:
        send_notice(notice)


def resend_pending() -> str:
    """The job: every notice not sent yet and not held, oldest first; a summary line."""
    sent = failed = 0
    while (notice := claims.take()) is not None:
        if send_notice(notice, pause_on_failure=False):
            sent += 1
        else:
            failed += 1
            break  # the server is down: the rest waits for the next run
    return f"{sent} sent, {failed} failed"
