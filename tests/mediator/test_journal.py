"""The audit journal: chained, append-only, and any edit of the file is caught and located."""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mediator_helpers import FakeClock

from kiosk.mediator.journal import GENESIS, Event, Journal, entry_hash

MED = "med-0a1b2c3d"


def filled(folder, count: int = 6) -> Journal:
    journal = Journal(folder, "borne-test-01", FakeClock())
    for number in range(count):
        journal.record(Event.TICKET_CALLED, MED, ticket=f"A-{number + 1:03d}", reason="aide",
                       waited_seconds=60 * number)
    return journal


def test_each_entry_is_chained_to_the_previous_by_sha256(tmp_path):
    journal = filled(tmp_path, 3)
    entries = journal.entries()
    assert entries[0]["prev"] == GENESIS
    for before, entry in itertools.pairwise(entries):
        assert entry["prev"] == before["hash"]
    body = {k: v for k, v in entries[2].items() if k != "hash"}
    assert entries[2]["hash"] == entry_hash(entries[1]["hash"], body)
    assert journal.verify().ok and journal.verify().entries == 3


def test_an_empty_journal_verifies(tmp_path):
    assert Journal(tmp_path, "borne-test-01").verify().ok


def test_an_altered_entry_is_named(tmp_path):
    journal = filled(tmp_path)
    lines = journal.path.read_text().splitlines(keepends=True)
    lines[2] = lines[2].replace('"waited_seconds":120', '"waited_seconds":1')
    journal.path.write_text("".join(lines))
    result = journal.verify()
    assert not result.ok and result.first_bad_line == 3 and result.first_bad_seq == 3
    assert "line 3 (entry 3)" in result.reason and str(journal.path) in result.reason


def test_a_removed_entry_is_caught_where_the_gap_is(tmp_path):
    journal = filled(tmp_path)
    lines = journal.path.read_text().splitlines(keepends=True)
    del lines[3]
    journal.path.write_text("".join(lines))
    result = journal.verify()
    assert not result.ok and result.first_bad_seq == 4 and "removed or moved" in result.reason


def test_swapped_entries_are_caught(tmp_path):
    journal = filled(tmp_path)
    lines = journal.path.read_text().splitlines(keepends=True)
    lines[1], lines[2] = lines[2], lines[1]
    journal.path.write_text("".join(lines))
    assert journal.verify().first_bad_line == 2


def test_entries_cut_off_the_end_are_caught_by_the_head_file(tmp_path):
    journal = filled(tmp_path)
    lines = journal.path.read_text().splitlines(keepends=True)
    journal.path.write_text("".join(lines[:-2]))
    result = journal.verify()
    assert not result.ok and "removed from the end" in result.reason


def test_an_entry_refuses_fields_its_event_does_not_take(tmp_path):
    journal = Journal(tmp_path, "borne-test-01")
    with pytest.raises(ValueError, match="does not take"):
        journal.record(Event.UNLOCK, MED, name="Jean Dupont")


def test_free_text_is_refused_even_in_a_field_the_event_takes(tmp_path):
    journal = Journal(tmp_path, "borne-test-01")
    with pytest.raises(ValueError, match="identifier"):
        journal.record(Event.CONSENT, MED, service="Jean Dupont 06 12 34 56 78")
    assert not journal.path.exists() or "Dupont" not in journal.path.read_text()


def test_unsent_entries_are_handed_over_oldest_first_until_the_hub_acknowledges(tmp_path):
    journal = filled(tmp_path, 5)
    assert [e["seq"] for e in journal.unsent(limit=3)] == [1, 2, 3]
    journal.mark_sent(3)
    assert [e["seq"] for e in journal.unsent()] == [4, 5]
    journal.mark_sent(2)  # a late answer never moves the cursor back
    assert [e["seq"] for e in journal.take_unsent()] == [4, 5]
    assert journal.unsent() == [] and journal.verify().ok


def test_every_entry_is_ascii_canonical_json_on_one_line(tmp_path):
    journal = filled(tmp_path, 2)
    for line in journal.path.read_text().splitlines():
        entry = json.loads(line)
        assert line == json.dumps(entry, sort_keys=True, separators=(",", ":"))
        assert entry["kiosk"] == "borne-test-01" and entry["at"].endswith("Z")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_changing_any_byte_of_the_file_makes_verify_fail(tmp_path, data):
    journal = filled(Path(tempfile.mkdtemp(dir=tmp_path)), 4)
    raw = bytearray(journal.path.read_bytes())
    position = data.draw(st.integers(0, len(raw) - 1), label="position")
    raw[position] = (raw[position] + data.draw(st.integers(1, 255), label="delta")) % 256
    journal.path.write_bytes(bytes(raw))
    result = journal.verify()
    assert not result.ok
    line_of_position = bytes(raw[:position]).count(b"\n") + 1
    assert result.first_bad_line is not None and result.first_bad_line <= line_of_position


def test_staff_actions_on_settings_retry_and_export_are_journaled_without_free_text(tmp_path):
    from kiosk.mediator.audit import record_export, record_retry, record_settings_change

    journal = Journal(tmp_path, "borne-test-01", FakeClock())
    record_settings_change(journal, MED, "voice.rate", "normal", "slow")
    record_settings_change(journal, MED, "mediator.counter_name", "Guichet 1", "Bureau de Jean")
    record_retry(journal, MED, "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    record_export(journal, MED, 12)
    data = [(e["event"], e["data"]) for e in journal.entries()]
    assert data[0] == ("settings_change", {"key": "voice.rate", "new": "slow", "old": "normal"})
    assert data[1][1] == {"key": "mediator.counter_name", "new": None, "old": None}
    assert data[2] == ("retry", {"item": "1b4e28ba-2fa1-11d2-883f-0016d3cca427"})
    assert data[3] == ("export", {"items": 12})
    with pytest.raises(ValueError, match="not a setting"):
        record_settings_change(journal, MED, "site.secret", 1, 2)
    assert journal.verify().ok
