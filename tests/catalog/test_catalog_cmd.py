"""`kiosk catalog check` prints a summary of a good catalogue and the exact error of a bad one."""

from __future__ import annotations

import json

from kiosk.cli import main


def test_the_embedded_catalogue_checks_clean_with_a_summary(capsys):
    assert main(["catalog", "check"]) == 0
    out = capsys.readouterr().out
    assert "valid (schema 1" in out
    assert "Services per theme:" in out and "Services per operator:" in out
    for lang in ("en", "ar", "es", "pt", "tr", "ro", "uk", "fa"):
        assert f"  {lang}: complete" in out
    assert "acte-naissance: 10 questions" in out


def test_missing_english_is_listed_place_by_place(tmp_path, capsys, minimal):
    minimal["services"][0]["title"] = {"fr": "Démo"}
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(minimal), encoding="utf-8")
    assert main(["catalog", "check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "en: missing in 1 place(s)" in out
    assert "- service 'demo' title" in out


def test_a_bad_catalogue_exits_1_with_the_exact_error(tmp_path, capsys, minimal):
    minimal["services"][0]["theme"] = "sante"
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(minimal), encoding="utf-8")
    assert main(["catalog", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "service 'demo': field 'theme' is 'sante'; expected one of ['commune']" in err
