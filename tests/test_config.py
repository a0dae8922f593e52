"""The one configuration file: a wrong value stops the kiosk with a message naming the key."""

import re
from pathlib import Path

import pytest

from kiosk.config import SETTINGS, ConfigError, load_config

DOCS = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_embedded_demo_config_loads_with_every_default(demo_config):
    assert demo_config["site.name"] == "Mairie de Démoville"
    # Every language of the registry is offered, French first (issue 13).
    assert demo_config["interface.languages"] == ["fr", "en", "ar", "es", "pt", "tr", "ro",
                                                  "uk", "fa"]


def test_a_bad_value_names_the_key_the_value_and_what_is_expected(tmp_path):
    path = write(tmp_path, "[interface]\nidle_warning_seconds = -5\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert str(path) in message
    assert "interface.idle_warning_seconds" in message and "-5" in message
    assert "whole number of seconds from 15 to 1800" in message


def test_true_is_not_accepted_as_a_number_of_seconds(tmp_path):
    with pytest.raises(ConfigError, match="idle_reset_seconds"):
        load_config(write(tmp_path, "[interface]\nidle_reset_seconds = true\n"))


def test_an_unknown_key_is_refused_and_the_known_ones_are_listed(tmp_path):
    with pytest.raises(ConfigError, match=r"unknown key 'site\.nmae'.*site\.name"):
        load_config(write(tmp_path, '[site]\nnmae = "Mairie"\n'))


def test_a_default_language_that_is_not_offered_is_explained(tmp_path):
    text = '[interface]\nlanguages = ["fr"]\ndefault_language = "en"\n'
    with pytest.raises(ConfigError, match=r"not in 'interface\.languages'"):
        load_config(write(tmp_path, text))


def test_broken_toml_and_missing_files_name_the_file(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[site\nname = 1\n"))
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "absent.toml")


def test_the_config_file_can_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_CONFIG", str(write(tmp_path, '[site]\nname = "Mairie de Cluny"\n')))
    assert load_config(None)["site.name"] == "Mairie de Cluny"


def test_a_relative_data_dir_is_relative_to_the_config_file(tmp_path):
    config = load_config(write(tmp_path, '[storage]\ndata_dir = "donnees"\n'))
    assert config.data_dir == tmp_path / "donnees"


def test_every_setting_is_documented():
    documented = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", DOCS.read_text(encoding="utf-8")))
    missing = [setting.key for setting in SETTINGS if setting.key not in documented]
    assert not missing, f"add these settings to {DOCS.name}: {missing}"


def test_a_changed_copy_still_tells_written_settings_from_defaults(make_config, tmp_path):
    """`kiosk config check` prints each value's origin: a copy made for the tour or the
    screenshots must not claim every default was written in the file."""
    config = make_config(voice__rate="slow")
    copy = config.with_values({"storage.data_dir": str(tmp_path / "scratch")})
    assert copy.from_file == {"storage.data_dir", "voice.rate"}
    assert copy.values["voice.rate"] == "slow"
