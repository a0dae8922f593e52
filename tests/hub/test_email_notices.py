"""A new request tells its service's mailbox through a real SMTP server, with nothing personal."""

from __future__ import annotations

import hub_rows
import pytest
from aiosmtpd.controller import Controller

from hub.jobs import job_named, run_due
from hub.notices import mail
from hub.notices.models import Notice
from tests.hub.smtp_inbox import Inbox, free_port

pytestmark = pytest.mark.django_db
MARKER = "ZQX-MARQUEUR-7731"


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
    settings.BASE_URL = "https://hub.example.fr"
    settings.DEFAULT_FROM_EMAIL = "borne@mairie.example.fr"
    mail._last_failure = float("-inf")  # a failure in an earlier test must not pause this one
    return settings


@pytest.fixture
def smtp_server(smtp_settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    yield inbox
    controller.stop()


def test_a_new_request_sends_a_notice_with_no_personal_data(smtp_server,
                                                            django_capture_on_commit_callbacks):
    hub_rows.service("commune-etat-civil", mailbox="etat-civil@mairie.example.fr")
    with django_capture_on_commit_callbacks(execute=True):
        request = hub_rows.submission("acte-naissance",
                                      answers={"nom": MARKER, "prenom": MARKER})
        assert smtp_server.messages == []  # nothing before the commit
    [message] = smtp_server.messages
    body = message.get_body().get_content()
    assert message["To"] == "etat-civil@mairie.example.fr"
    assert request.reference in message["Subject"] and "acte de naissance" in message["Subject"]
    assert f"https://hub.example.fr/demandes/{request.uuid}/" in body
    assert "Mairie de Gordes" in body and "Référence : " + request.reference in body
    assert MARKER not in body and MARKER.encode() not in smtp_server.raw[0]
    assert "Durand" not in body
    assert Notice.objects.get(submission=request).sent_at is not None


def test_a_service_without_a_mailbox_gets_no_mail(smtp_server,
                                                  django_capture_on_commit_callbacks):
    hub_rows.service("commune-etat-civil")
    with django_capture_on_commit_callbacks(execute=True):
        hub_rows.submission("acte-naissance")
    assert smtp_server.messages == [] and not Notice.objects.exists()


def test_a_rolled_back_request_announces_nothing(smtp_server, django_capture_on_commit_callbacks):
    from django.db import transaction

    hub_rows.service("commune-etat-civil", mailbox="etat-civil@mairie.example.fr")
    with (django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError),
          transaction.atomic()):
        hub_rows.submission("acte-naissance")
        raise RuntimeError("the intake failed after the insert")
    assert smtp_server.messages == [] and not Notice.objects.exists()


def test_a_down_smtp_server_is_logged_in_one_line_and_the_job_sends_it_later(
        smtp_settings, django_capture_on_commit_callbacks, caplog):
    hub_rows.service("commune-etat-civil", mailbox="etat-civil@mairie.example.fr")
    with django_capture_on_commit_callbacks(execute=True):  # nothing listens on the port yet
        request = hub_rows.submission("acte-naissance", answers={"nom": MARKER})
    assert request.pk  # the request itself is stored
    notice = Notice.objects.get(submission=request)
    assert notice.sent_at is None and notice.attempts == 1
    [line] = [r for r in caplog.records if r.name == "hub.notices.mail"]
    assert "\n" not in line.getMessage() and request.reference in line.getMessage()
    assert "retried by the jobs" in line.getMessage() and MARKER not in caplog.text

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    try:
        assert "1 sent" in run_due([job_named("email-notices")])["email-notices"]
    finally:
        controller.stop()
    assert len(inbox.messages) == 1 and request.reference in inbox.messages[0]["Subject"]
    notice.refresh_from_db()
    assert notice.sent_at is not None and notice.last_error == ""


class RefusingInbox(Inbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such mailbox"


def test_an_address_the_server_refuses_is_not_retried_and_the_log_names_it(
        smtp_settings, django_capture_on_commit_callbacks, caplog):
    hub_rows.service("commune-etat-civil", mailbox="ancien-service@mairie.example.fr")
    controller = Controller(RefusingInbox(), hostname="127.0.0.1",
                            port=smtp_settings.EMAIL_PORT)
    controller.start()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            request = hub_rows.submission("acte-naissance")
        assert run_due([job_named("email-notices")])["email-notices"] == "0 sent, 0 failed"
    finally:
        controller.stop()
    notice = Notice.objects.get(submission=request)
    assert notice.sent_at is None and "ancien-service@mairie.example.fr" in notice.last_error
    assert "correct the service's mailbox" in caplog.text
