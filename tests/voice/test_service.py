"""The speech service speaks, interrupts, repeats and caches, through the real worker."""

from kiosk.voice import VoiceHealth

LONG = ("Bienvenue à la mairie. Je vais vous guider pas à pas pour votre démarche. "
        "Vous pouvez toucher le bouton Répéter à tout moment.")


def test_a_sentence_is_synthesised_and_handed_to_the_player(make_service, fake_player,
                                                            recorder, wait_for):
    service = make_service(player=fake_player.command)
    service.speak("Bonjour, touchez l'écran pour commencer.")
    wait_for(lambda: recorder.speaking == [True, False], what="the sentence to be played")
    assert len(fake_player.ended()) == 1
    assert service.health is VoiceHealth.OK
    assert service.status.engine == "espeak-ng"


def test_a_new_screen_interrupts_the_sentence_being_spoken(make_service, make_player, wait_for):
    player = make_player(speed=1.0)  # real time: the first sentence lasts seconds
    service = make_service(player=player.command)
    service.speak(LONG)
    wait_for(lambda: len(player.started()) == 1, what="the first sentence to start")
    service.speak("Choisissez votre langue.")
    wait_for(lambda: len(player.ended()) == 1, what="the second sentence to be played")
    _first, second = player.started()
    assert player.ended() == [second]  # the first one never reached its end


def test_repeat_replays_the_last_sentence_from_the_cache(make_service, fake_player, wait_for):
    service = make_service(player=fake_player.command)
    service.speak("Quel est votre nom de famille ?")
    wait_for(lambda: len(fake_player.ended()) == 1)
    cached = service.cache_bytes
    service.repeat()
    wait_for(lambda: len(fake_player.ended()) == 2)
    first, again = fake_player.started()
    assert first == again
    assert service.cache_bytes == cached


def test_the_same_text_at_another_rate_is_a_different_recording(make_service, fake_player,
                                                                 wait_for):
    service = make_service(player=fake_player.command)
    service.speak("Votre demande est enregistrée.", rate="slow")
    wait_for(lambda: len(fake_player.ended()) == 1)
    service.speak("Votre demande est enregistrée.", rate="fast")
    wait_for(lambda: len(fake_player.ended()) == 2)
    slow, fast = fake_player.lines()[0].split()[2], fake_player.lines()[2].split()[2]
    assert float(slow) > float(fast)


def test_stop_silences_at_once_and_nothing_late_is_played(make_service, make_player, wait_for):
    player = make_player(speed=1.0)
    service = make_service(player=player.command)
    service.speak(LONG)
    wait_for(lambda: len(player.started()) == 1)
    service.stop()
    service.speak("Une phrase jamais dite.")
    service.stop()
    wait_for(lambda: not service.speaking, what="the player to be stopped")
    service.synthesize("sync point").result(10)  # the dispatcher has handled everything
    assert len(player.started()) == 1 and player.ended() == []


def test_a_reference_is_spelled_slowly_character_by_character(make_service, fake_player,
                                                              wait_for):
    service = make_service(player=fake_player.command)
    plain = service.synthesize("AB-12").result(10)
    spelled = service.synthesize("AB-12", spell=True).result(10)
    from kiosk.voice.wavinfo import measure

    assert measure(spelled).duration_s > 2 * measure(plain).duration_s


def test_a_language_without_a_voice_is_reported_and_not_spoken_in_another(make_service,
                                                                         fake_player, wait_for):
    service = make_service(player=fake_player.command)
    service.speak("Bonjour")
    wait_for(lambda: len(fake_player.ended()) == 1)
    service.speak("Tlhingan Hol Dajatlh'a'?", lang="tlh")  # Klingon: no espeak-ng voice
    wait_for(lambda: service.health is VoiceHealth.NO_VOICE)
    service.speak("Bonjour à nouveau", lang="fr")
    wait_for(lambda: len(fake_player.started()) == 2, what="French to be spoken again")
    assert service.health is VoiceHealth.OK


def test_a_disabled_voice_stays_silent_and_says_so(make_service, fake_player, wait_for):
    service = make_service(player=fake_player.command, enabled=False)
    wait_for(lambda: service.health is VoiceHealth.DISABLED)
    service.speak("Bonjour")
    assert service.worker_pid is None
    assert fake_player.started() == []
