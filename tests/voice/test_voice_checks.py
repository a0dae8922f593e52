"""`kiosk doctor`'s voice checks say what works and, when not, what to do."""

from kiosk.voice import voice_checks
from offline_cache.languages import CODES


def test_a_working_kiosk_passes_every_voice_check(make_config, fake_player):
    checks = voice_checks(make_config(voice__player=fake_player.command))
    names = [name for name, _ok, _message in checks]
    # Every language offered (by default the registry's nine) has its voice checked.
    assert names == ["voice engine", *(f"voice for '{code}'" for code in CODES),
                     "voice test synthesis", "audio player", "audio device"]
    assert all(ok for _name, ok, _message in checks), checks
    assert len(fake_player.ended()) == 1  # the test sentence was really played


def test_a_failing_sound_card_is_named_with_what_to_do(make_config, make_player):
    broken = make_player(status=1, name="broken")
    checks = dict((name, (ok, message)) for name, ok, message in
                  voice_checks(make_config(voice__player=broken.command)))
    ok, message = checks["audio device"]
    assert not ok and "speakers" in message


def test_a_missing_engine_is_reported_with_the_packages_to_install(make_config, no_engine_env,
                                                                   fake_player):
    checks = voice_checks(make_config(voice__player=fake_player.command), timeout_s=5,
                          worker_env=no_engine_env)
    by_name = {name: (ok, message) for name, ok, message in checks}
    assert by_name["voice engine"][0] is False
    assert "apt-get install espeak-ng" in by_name["voice engine"][1]
    assert by_name["voice test synthesis"][0] is False


def test_a_disabled_voice_has_nothing_to_check(make_config):
    assert voice_checks(make_config(voice__enabled=False))[0][1] is True
