"""`kiosk voice`: test the speakers on site, write a sentence to WAV, fill the audio cache.

    kiosk voice say "Bonjour"               speak through the configured player
    kiosk voice say --to test.wav "Bonjour" write the WAV instead (no sound card needed)
    kiosk voice prepare                     pre-synthesise what the screens say
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
import time
from pathlib import Path

from kiosk.config import load_config


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "voice", parents=[common], help="speak a sentence, write it to WAV, fill the voice cache",
        description="Voice tools for installers: test the speakers, prepare the audio cache.",
    )
    actions = parser.add_subparsers(dest="voice_command", metavar="ACTION", required=True)

    say = actions.add_parser("say", parents=[common], help="speak TEXT, or write it to a WAV")
    say.add_argument("text", metavar="TEXT")
    say.add_argument("--lang", default=None, help="language (default: the interface default)")
    say.add_argument("--rate", default=None,
                     help="slow, normal, fast, or words per minute (80-450); default voice.rate")
    say.add_argument("--spell", action="store_true", help="read character by character")
    say.add_argument("--to", metavar="FILE.wav", type=Path, default=None,
                     help="write the audio to this file instead of playing it")
    say.set_defaults(handler=handle_say)

    prepare = actions.add_parser(
        "prepare", parents=[common], help="pre-synthesise every prompt into the cache",
        description="Synthesise every sentence the screens say and the interface messages (or the "
                    "sentences of --from FILE) into the voice cache, so the kiosk speaks "
                    "without delay.",
    )
    prepare.add_argument("--from", dest="source", metavar="FILE", type=Path, default=None,
                         help="one sentence a line, optionally 'lang<TAB>sentence'")
    prepare.add_argument("--rates", default=None,
                         help="comma-separated rates to prepare (default: voice.rate), "
                              "e.g. slow,normal,fast")
    prepare.set_defaults(handler=handle_prepare)

    # The frozen bundle has no `python -m`: the service starts its worker through this.
    worker = actions.add_parser("worker", parents=[common],
                                help="internal: the speech worker process the kiosk starts")
    worker.set_defaults(handler=handle_worker)


def handle_worker(_args: argparse.Namespace) -> int:
    from kiosk.voice.worker import main

    return main()


def _service(args: argparse.Namespace, on_speaking=None):
    from kiosk.voice import SpeechService, options_from_config

    config = load_config(args.config)
    return config, SpeechService(options_from_config(config), on_speaking=on_speaking)


def handle_say(args: argparse.Namespace) -> int:
    from kiosk.voice.wavinfo import measure

    finished, started = threading.Event(), threading.Event()
    _config, service = _service(
        args, on_speaking=lambda speaking: (started if speaking else finished).set()
    )
    try:
        if args.to is not None:
            wav = service.synthesize(args.text, args.lang, args.rate, args.spell).result(60)
            shutil.copyfile(wav, args.to)
            figures = measure(args.to)
            print(f"{args.to}: {figures.duration_s:.2f} s, {figures.sample_rate} Hz, "
                  f"RMS {figures.rms:.3f} ({service.status.engine})")
            return 0
        return _say_aloud(service, args, started, finished)
    except Exception as error:
        print(f"voice: {error}", file=sys.stderr)
        return 1
    finally:
        service.shutdown()


def _say_aloud(service, args: argparse.Namespace, started: threading.Event,
               finished: threading.Event) -> int:
    """Speak and wait for the player to finish, then report the health honestly."""
    service.speak(args.text, args.lang, args.rate, args.spell)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not finished.is_set():
        if not service.health.available and not started.is_set():
            break  # engine, voice or player missing: nothing will play
        finished.wait(0.05)
    time.sleep(0.1)  # the player's exit status arrives just after the end of playback
    status = service.status
    if status.health.available:
        print(f"spoken ({status.engine})")
        return 0
    print(f"voice unavailable: {status.health.value}: {status.detail}", file=sys.stderr)
    return 1


def handle_prepare(args: argparse.Namespace) -> int:
    from kiosk.voice.prompts import config_prompts, file_prompts

    config = load_config(args.config)
    default_lang = config["interface.default_language"]
    prompts = (file_prompts(args.source, default_lang) if args.source
               else config_prompts(config))
    rates = (args.rates or config["voice.rate"]).split(",")
    _config, service = _service(args)
    started = time.monotonic()
    failures = 0
    try:
        futures = [service.synthesize(text, lang, rate.strip())
                   for rate in rates for lang, text in prompts]
        for future in futures:
            try:
                future.result(120)
            except Exception as error:
                failures += 1
                print(f"voice: {error}", file=sys.stderr)
        total_mb = service.cache_bytes / 1e6
    finally:
        service.shutdown()
    print(f"prepared {len(futures) - failures} of {len(futures)} sentences "
          f"({len(prompts)} texts x {len(rates)} rate(s)) in {time.monotonic() - started:.1f} s; "
          f"cache {total_mb:.1f} MB of {config['voice.cache_mb']} MB")
    if total_mb >= 0.95 * config["voice.cache_mb"]:
        print("warning: the cache is full, early sentences were evicted; raise voice.cache_mb",
              file=sys.stderr)
    return 1 if failures else 0
