"""Opening hours: what the IT officer writes, checked with the day and the range named, and
"open now?" / "opens when?" right across week ends and both changes of the clocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import ConfigError, load_config
from offline_cache.opening_hours import DAYS, OpeningHoursError, parse_hours

PARIS = ZoneInfo("Europe/Paris")
TOWN_HALL = {"mon": "09:00-12:00, 14:00-17:30", "tue": "09:00-12:00", "wed": "",
             "thu": "14:00-17:30", "fri": "09:00-12:00, 14:00-17:00"}  # no week end


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# What an IT officer writes ------------------------------------------------------------------
@pytest.mark.parametrize(("table", "named"), [
    ({"tue": "14:00-12:00"}, ["opening.hours.tue", "'14:00-12:00'", "ends before it starts",
                              "'12:00-14:00'"]),
    ({"mon": "09:00-12:00, 11:00-14:00"}, ["opening.hours.mon", "'09:00-12:00'",
                                           "'11:00-14:00'", "overlap", "'09:00-14:00'"]),
    ({"fri": "9h-12h"}, ["opening.hours.fri", "'9h-12h'", "'09:00-12:00, 14:00-17:30'"]),
    ({"sat": "09:00-25:00"}, ["opening.hours.sat", "25:00 is not a time of day"]),
    ({"sun": "10:00-10:00"}, ["opening.hours.sun", "ends when it starts"]),
    ({"lundi": "09:00-12:00"}, ["opening.hours.lundi", "is not a day",
                                "mon, tue, wed, thu, fri, sat, sun"]),
    ({"wed": 9}, ["opening.hours.wed", "the value 9", '""']),
    ("09:00-12:00", ["'opening.hours'", "a table of days"]),
])
def test_a_wrong_value_names_the_day_the_range_and_the_fix(table, named):
    with pytest.raises(OpeningHoursError) as error:
        parse_hours(table)
    for words in named:
        assert words in str(error.value)


def test_ranges_may_be_written_loosely_and_come_out_sorted():
    hours = parse_hours({"mon": " 14:00 – 17:30 ,9:00-12:00, ", "sat": "20:00-24:00"})
    assert [r.text() for r in hours.week[0]] == ["09:00-12:00", "14:00-17:30"]
    assert [r.text() for r in hours.week[5]] == ["20:00-24:00"]
    assert hours.week[1] == ()  # a missing day is closed


def test_an_unknown_time_zone_is_refused_with_examples():
    with pytest.raises(OpeningHoursError, match=r"'Europe/Pariss'.*Indian/Reunion"):
        parse_hours(TOWN_HALL, "Europe/Pariss")


# Open or closed, and until when --------------------------------------------------------------
def test_the_desk_is_open_inside_a_range_and_closed_at_its_last_minute():
    hours = parse_hours(TOWN_HALL)
    assert hours.is_open(paris(2026, 12, 7, 9, 0))  # a Monday
    assert hours.is_open(paris(2026, 12, 7, 11, 59, 59))
    assert not hours.is_open(paris(2026, 12, 7, 12, 0))
    assert not hours.is_open(paris(2026, 12, 9, 10, 0))  # Wednesday: ""


def test_after_lunch_and_over_the_week_end():
    hours = parse_hours(TOWN_HALL)
    assert hours.next_opening(paris(2026, 12, 7, 12, 30)) == paris(2026, 12, 7, 14, 0)
    assert hours.next_opening(paris(2026, 12, 11, 17, 0)) == paris(2026, 12, 14, 9, 0)
    sunday_night = paris(2026, 12, 13, 23, 59)
    assert hours.next_opening(sunday_night) == paris(2026, 12, 14, 9, 0)
    assert hours.next_opening(paris(2026, 12, 7, 10, 0)) == paris(2026, 12, 7, 10, 0)  # open


def test_a_desk_open_one_day_a_week_opens_next_week_after_closing():
    hours = parse_hours({"tue": "09:00-12:00"})
    assert hours.next_opening(paris(2026, 12, 8, 12, 0)) == paris(2026, 12, 15, 9, 0)


def test_hours_are_wall_clock_times_in_summer_and_in_winter():
    """The clocks go forward on 29 March 2026 and back on 25 October: Monday 9:00 stays
    9:00 on the wall, so 7:00 UTC in summer, 8:00 UTC in winter."""
    hours = parse_hours(TOWN_HALL)
    spring = hours.next_opening(paris(2026, 3, 27, 18, 0))
    assert spring == utc(2026, 3, 30, 7, 0) and spring.hour == 9
    autumn = hours.next_opening(paris(2026, 10, 23, 18, 0))
    assert autumn == utc(2026, 10, 26, 8, 0) and autumn.hour == 9
    assert hours.is_open(utc(2026, 3, 30, 7, 0)) and not hours.is_open(utc(2026, 3, 30, 6, 59))


def test_a_range_in_the_hour_the_clocks_skip_opens_when_they_jump():
    night = paris(2026, 3, 28, 22, 0)  # the Saturday before 02:00 becomes 03:00
    assert parse_hours({"sun": "02:30-04:00"}).next_opening(night) == utc(2026, 3, 29, 1, 0)
    skipped = parse_hours({"sun": "02:00-02:45"})  # does not exist that night
    assert skipped.next_opening(night) == paris(2026, 4, 5, 2, 0)


def test_the_hour_the_clocks_repeat_is_open_both_times():
    hours = parse_hours({"sun": "02:00-02:45"})
    assert hours.is_open(utc(2026, 10, 25, 0, 30)) and hours.is_open(utc(2026, 10, 25, 1, 30))
    first = hours.next_opening(paris(2026, 10, 24, 22, 0))  # the first 02:00, summer time
    assert first.astimezone(UTC) == utc(2026, 10, 25, 0, 0)  # == across zones: PEP 495


def test_an_overseas_site_counts_in_its_own_time_zone():
    hours = parse_hours({"mon": "09:00-12:00"}, "Indian/Reunion")
    assert hours.is_open(utc(2026, 12, 7, 5, 0)) and not hours.is_open(utc(2026, 12, 7, 8, 0))


def test_an_empty_table_is_always_open_and_a_week_of_empty_days_never():
    always = parse_hours({})
    assert always.is_open(utc(2026, 12, 25, 3, 0))
    assert parse_hours({day: "" for day in DAYS}).next_opening(utc(2026, 12, 25, 3, 0)) is None


def test_a_time_without_its_zone_is_a_programming_error():
    with pytest.raises(ValueError, match="aware"):
        parse_hours(TOWN_HALL).is_open(datetime(2026, 12, 7, 10, 0))


# Properties ---------------------------------------------------------------------------------
@st.composite
def weeks(draw) -> dict[str, str]:
    """Tables as an officer could write them: up to three ranges a day, some days left out."""
    table = {}
    for day in DAYS:
        marks = sorted(draw(st.sets(st.integers(0, 24 * 60), max_size=6)))
        pairs = list(zip(marks[::2], marks[1::2], strict=False))
        if pairs or draw(st.booleans()):
            table[day] = ", ".join(f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}"
                                   for a, b in pairs)
    return table


TRANSITIONS = [utc(2026, 3, 29, 1, 0), utc(2026, 10, 25, 1, 0), utc(2027, 3, 28, 1, 0)]
instants = st.one_of(
    st.datetimes(datetime(2024, 1, 1), datetime(2030, 12, 31), timezones=st.just(UTC)),
    st.builds(lambda at, seconds: at + timedelta(seconds=seconds), st.sampled_from(TRANSITIONS),
              st.integers(-3 * 86400, 3 * 86400)),  # the days around a change of the clocks
)


@given(weeks(), instants, st.floats(0, 1, exclude_max=True))
def test_the_next_opening_is_open_and_nothing_before_it_is(table, at, fraction):
    hours = parse_hours(table)
    opening = hours.next_opening(at)
    if hours.never_open:
        assert opening is None
        return
    assert opening is not None and hours.is_open(opening)
    opening = opening.astimezone(UTC)  # arithmetic in the site's zone would be wall-clock
    assert at <= opening <= at + timedelta(days=14)
    if opening > at:
        assert not hours.is_open(opening - timedelta(seconds=1))
        between = at + (opening - at) * fraction  # rounded to the microsecond
        assert between == opening or not hours.is_open(between)


@given(weeks(), st.sampled_from(DAYS), st.integers(0, 23 * 60), st.integers(1, 60))
def test_a_reversed_range_is_refused_on_any_day(table, day, start, length):
    end = start + length
    written = f"{end // 60:02d}:{end % 60:02d}-{start // 60:02d}:{start % 60:02d}"
    with pytest.raises(OpeningHoursError) as error:
        parse_hours({**table, day: written})
    assert f"opening.hours.{day}" in str(error.value) and f"'{written}'" in str(error.value)


# In the kiosk's configuration file ----------------------------------------------------------
def write(tmp_path, text: str):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_hours_are_a_table_in_the_configuration_file(tmp_path):
    config = load_config(write(tmp_path, '[site]\nmessage_of_the_day = "Fermé le 24 décembre"\n'
                               '[opening]\nrequests_when_closed = false\n'
                               '[opening.hours]\nmon = "09:00-12:00"\nsat = ""\n'))
    assert config["opening.hours"] == {"mon": "09:00-12:00", "sat": ""}
    assert config["opening.requests_when_closed"] is False
    assert config["site.message_of_the_day"] == "Fermé le 24 décembre"
    changed = config.with_values({"storage.data_dir": str(tmp_path / "data")})
    assert changed["opening.hours"] == {"mon": "09:00-12:00", "sat": ""}


def test_by_default_the_desk_is_always_open(demo_config):
    assert demo_config["opening.hours"] == {} and demo_config["opening.requests_when_closed"]


@pytest.mark.parametrize(("text", "named"), [
    ('[opening.hours]\ntue = "14:00-12:00"\n', "key 'opening.hours.tue': '14:00-12:00' ends "
                                               "before it starts"),
    ('[opening.hours]\nlundi = "09:00-12:00"\n', "key 'opening.hours.lundi' is not a day"),
    ('[opening]\nhours = "09:00-12:00"\n', "key 'opening.hours' has the value '09:00-12:00'"),
    ('[opening]\ntimezone = "Paris"\n', "key 'opening.timezone' has the value 'Paris'"),
    ('[site]\nmessage_of_the_day = "' + "x" * 101 + '"\n',
     "key 'site.message_of_the_day'"),
    ('[site]\nmessage_of_the_day = "Fermé\\nle 24"\n', "one line of at most 100 characters"),
])
def test_a_wrong_setting_stops_the_kiosk_with_the_file_and_the_key(tmp_path, text, named):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}: ") and named in str(error.value)
