"""A request sent again under its UUID with other content: the agent's page says so and
opens that other version as it opens the request, written to the access log."""

from __future__ import annotations

import json

from hub.inbox.models import AccessLog
from hub.intake.models import Submission
from tests.hub.hub_items import DEMO, sealed_item

FIRST, OTHER = "Martin-premiere-7Q4", "Martin-autre-version-9K2"


def kiosk_sends(client, items: list[dict]) -> list[dict]:
    """Through the real protocol endpoint, as a kiosk on the demo keys."""
    answer = client.post("/v1/submissions", json.dumps({"protocol": 1, "items": items}),
                         content_type="application/json", HTTP_AUTHORIZATION=DEMO["Authorization"],
                         HTTP_X_KIOSK_ID=DEMO["X-Kiosk-Id"])
    assert answer.status_code == 200, answer.content
    return answer.json()["results"]


def test_the_request_page_names_the_other_version_and_opens_it_logged(
        client, civil_agent, roads_agent, signed_in):
    first = sealed_item({"answers": {"nom": FIRST}})
    other = sealed_item({"answers": {"nom": OTHER}}, item_id=first["uuid"])
    assert kiosk_sends(client, [first])[0]["status"] == "stored"
    assert kiosk_sends(client, [other])[0]["conflict"] is True
    request = Submission.objects.get(uuid=first["uuid"])
    agent = signed_in(civil_agent)

    page = agent.get(f"/demandes/{request.uuid}/").content.decode()
    assert FIRST in page and OTHER not in page  # the request stays the first version
    assert "Une autre version est arrivée le" in page
    link = f"/demandes/{request.uuid}/autres-versions/{request.conflicts.get().pk}/"
    assert link in page

    opened = agent.get(link)
    assert opened.status_code == 200
    assert OTHER in opened.content.decode() and FIRST not in opened.content.decode()
    logged = AccessLog.objects.filter(submission=request, username="claire").order_by("pk")
    details = [row.detail for row in logged]
    assert len(details) == 2 and details[0] == ""  # the request, then its other version
    assert details[1].startswith("autre version reçue le ")

    agent.post("/deconnexion/")
    outsider = signed_in(roads_agent)
    refused = outsider.get(link)
    assert refused.status_code == 404 and OTHER not in refused.content.decode()
    assert outsider.get(link.replace("/autres-versions/", "/autres-versions/9")).status_code \
        == 404
    assert not AccessLog.objects.filter(username="marc").exists()


def test_a_page_without_other_versions_says_nothing_of_them(client, civil_agent, signed_in):
    item = sealed_item()
    kiosk_sends(client, [item])
    assert kiosk_sends(client, [item]) == [{"uuid": item["uuid"], "status": "duplicate"}]
    page = signed_in(civil_agent).get(f"/demandes/{item['uuid']}/").content.decode()
    assert "autre version" not in page.lower()
