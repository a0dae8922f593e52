"""The agents' pages: the list of their services' requests and a request's page with its
actions. Reads go through hub.inbox.access, moves through hub.inbox.workflow."""

from __future__ import annotations

import uuid as uuid_module
from datetime import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache

from hub.catalog import catalogue
from hub.inbox import workflow
from hub.inbox.access import agent_required, not_found, services_for, visible_submissions
from hub.inbox.conflicts import conflicts_of
from hub.inbox.forms import ExportForm, InboxFilterForm, NoteForm, StateForm
from hub.inbox.models import Service
from hub.inbox.paging import capped_count, capped_page, count_words
from hub.intake.content import ContentUnavailable
from hub.intake.models import STATE_LABELS, Submission
from offline_cache.languages import BY_CODE
from offline_cache.protocol import RequestState

PAGE_SIZE = 50


def language_name(code: str) -> str:
    """"Arabe (ar)" for a kiosk language (offline_cache.languages), else what Django knows
    of it, else the code alone: the agent sees which language the citizen reads."""
    if code in BY_CODE:
        return f"{BY_CODE[code].french_name.capitalize()} ({code})"
    try:
        return f"{translation.get_language_info(code)['name_translated']} ({code})"
    except KeyError:
        return code


def parse_when(text) -> datetime | None:
    """An ISO date from a kiosk's record, or None when missing or malformed."""
    try:
        return datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


@agent_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect("inbox:list")


@never_cache
@agent_required
def submission_list(request: HttpRequest) -> HttpResponse:
    services = list(services_for(request.user))
    form = InboxFilterForm(request.GET or None, services)
    rows = visible_submissions(request.user)
    filtering = form.is_bound and form.is_valid()
    if filtering:
        rows = _filtered(rows, form.cleaned_data, form.period_filter())
    chosen_state = form.cleaned_data["etat"] if filtering else ""
    counts = {"": capped_count(rows)} | {state.value: capped_count(rows.filter(state=state.value))
                                         for state in RequestState}
    if chosen_state:
        rows = rows.filter(state=chosen_state)
    oldest_first = filtering and form.cleaned_data["ordre"] == "ancien"
    rows = rows.select_related("kiosk", "assigned_to").order_by(
        "received_at" if oldest_first else "-received_at")
    page = capped_page(rows, request.GET.get("page"), PAGE_SIZE)
    titles = catalogue()
    return render(request, "inbox/list.html", {
        "form": form, "page": page, "services": services,
        "rows": [(s, titles.title(s.service)) for s in page.object_list],
        "tabs": _state_tabs(request, counts, chosen_state),
        "export_form": ExportForm(None, services),
        "query_without_page": _query_without(request, "page"),
    })


def _filtered(rows, data: dict, period: dict):
    if data["service"]:
        rows = rows.filter(routing=data["service"])
    if data["borne"]:
        rows = rows.filter(kiosk=data["borne"])
    if data["reference"]:
        rows = rows.filter(reference=data["reference"])
    return rows.filter(**period)


def _state_tabs(request: HttpRequest, counts: dict[str, int], chosen: str) -> list[dict]:
    """"All" then one tab per state, each with its count (capped) under the other filters."""
    base = _query_without(request, "etat", "page")
    tabs = [{"label": "Toutes", "count": count_words(counts[""]), "current": not chosen,
             "query": base}]
    for state in RequestState:
        tabs.append({"label": STATE_LABELS[state], "count": count_words(counts[state.value]),
                     "current": chosen == state.value,
                     "query": f"{base}&etat={state.value}" if base else f"etat={state.value}"})
    return tabs


def _query_without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _find(request: HttpRequest, uuid: uuid_module.UUID) -> Submission | None:
    return (visible_submissions(request.user).defer(None)
            .select_related("kiosk", "assigned_to").filter(uuid=uuid).first())


@never_cache
@agent_required
def submission_detail(request: HttpRequest, uuid: uuid_module.UUID) -> HttpResponse:
    submission = _find(request, uuid)
    if submission is None:
        return not_found(request)
    forms = {"state_form": StateForm(initial={"state": submission.state}),
             "note_form": NoteForm()}
    if request.method == "POST":
        done = _act(request, submission, forms)
        if done:
            return redirect("inbox:detail", uuid=submission.uuid)
    return _render_detail(request, submission, forms)


def _act(request: HttpRequest, submission: Submission, forms: dict) -> bool:
    """Apply the posted action; False when its form has errors (shown on the page)."""
    action = request.POST.get("action")
    if action == "take":
        workflow.take(submission, request.user)
        messages.success(request, "Vous avez pris la demande. Elle est à votre nom.")
        return True
    if action == "state":
        form = forms["state_form"] = StateForm(request.POST)
        if not form.is_valid():
            return False
        workflow.change_state(submission, request.user, form.request_state,
                              form.cleaned_data["citizen_message"])
        messages.success(request, f"La demande est maintenant « {submission.state_label} ».")
        return True
    if action == "note":
        form = forms["note_form"] = NoteForm(request.POST)
        if not form.is_valid():
            return False
        workflow.add_note(submission, request.user, form.cleaned_data["text"])
        messages.success(request, "La note interne est ajoutée.")
        return True
    messages.error(request, "Action inconnue : rien n'a été modifié.")
    return True


def _render_detail(request: HttpRequest, submission: Submission, forms: dict) -> HttpResponse:
    titles = catalogue()
    context = {"submission": submission, "title": titles.title(submission.service),
               "language": language_name(submission.language),
               "service": Service.objects.filter(routing=submission.routing).first(),
               "changes": submission.changes.select_related("by"),
               "notes": submission.notes.select_related("by"),
               "conflicts": conflicts_of(submission), **forms}
    try:
        record = workflow.read_content(request.user, submission)  # logged before rendering
    except ContentUnavailable as why:
        context["unavailable"] = str(why)
    else:
        context["answers"] = titles.answers(submission.service, record.get("answers"))
        context["record"] = record
        consent = record.get("consent")
        context["consent"] = consent if isinstance(consent, dict) else None
        context["consent_given_at"] = parse_when(consent.get("given_at")
                                                 if isinstance(consent, dict) else None)
        context["consent_at"] = parse_when(record.get("consent_at"))
    return render(request, "inbox/detail.html", context)
