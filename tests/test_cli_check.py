"""`lyricpad check [--repair] [--json]`: a clear report, exit 1 while problems are found (issue 12)."""

from __future__ import annotations

import json
import sqlite3

from cli_testing import data_dump
from library_testing import damage_note_and_anchor, put_an_index_out_of_step

from lyricpad.core.backup import list_backups
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store import Library


def damage(path) -> str:
    """A stale search index and a highlight moved off its words; returns the annotation's id."""
    with Library.open(path) as lib:
        return damage_note_and_anchor(lib)


def test_the_demo_library_checks_fine(cli):
    code, out, err = cli("check")
    assert code == 0 and err == ""
    assert out.startswith("No problems found") and "6 highlights" in out


def test_a_damaged_library_is_reported_then_repaired(cli, library_path):
    cli("songs")
    annotation_id = damage(library_path)
    before = data_dump(library_path)

    code, out, err = cli("check")
    assert code == 1 and err == ""
    assert "2 problems found" in out
    assert "Search index out of step with the library: 1 (repairable)" in out
    assert "Highlights that are not on their words: 1 (repairable)" in out
    assert f"“{DEMO_TITLE}”, lyrics, annotation {annotation_id[:8]}" in out
    assert "lyricpad check --repair" in out
    assert data_dump(library_path) == before and list_backups(library_path) == []  # check only reads

    code, out, err = cli("check", "--repair")
    assert code == 0, out + err
    assert "Backed up the library first" in out and "Checked again:\nNo problems found" in out
    (backup,) = list_backups(library_path)
    assert backup.reason == "repair" and str(backup.path) in out

    code, out, err = cli("check")
    assert code == 0 and out.startswith("No problems found")
    code, out, err = cli("search", "zebra", "--json")
    assert [hit["id"] for hit in json.loads(out)] == [annotation_id]


def test_json_reports_parse(cli, library_path):
    cli("songs")
    annotation_id = damage(library_path)
    code, out, _ = cli("check", "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False and report["problem_count"] == 2
    assert report["kinds"]["anchors"] == {
        "title": "Highlights that are not on their words",
        "count": 1,
        "repairable": 1,
    }
    assert {p["kind"] for p in report["problems"]} == {"search_index", "anchors"}
    assert any(p["annotation_id"] == annotation_id for p in report["problems"])

    code, out, _ = cli("check", "--repair", "--json")
    repaired = json.loads(out)
    assert code == 0 and repaired["ok"] is True and repaired["after"]["ok"] is True
    assert repaired["before"]["problem_count"] == 2 and len(repaired["repaired"]) == 2
    assert repaired["backup"] == str(list_backups(library_path)[0].path)


def test_a_newer_library_is_checked_read_only_and_never_repaired(cli, library_path):
    cli("songs")
    damage(library_path)
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = data_dump(library_path)
    code, out, err = cli("check")
    assert code == 1 and "2 problems found" in out and "read-only" in err
    code, out, err = cli("check", "--repair")
    assert code == 1 and "lyricpad: error: nothing was repaired" in err and "newer lyricpad" in err
    assert data_dump(library_path) == before and list_backups(library_path) == []


def test_damaged_pages_are_reported_with_what_to_do_and_never_repaired(cli, library_path):
    cli("songs")
    put_an_index_out_of_step(library_path)  # an index no longer matching its table
    before = library_path.read_bytes()
    code, out, err = cli("check")  # refused at opening, as damaged: the report says what to do
    assert code == 1 and "is damaged" in out and "annotations_song" in out and "salvage" in out
    assert "--repair" not in out and err == ""
    code, out, err = cli("check", "--repair")
    assert code == 1 and "is damaged" in out and "salvage" in out
    assert list_backups(library_path) == [] and library_path.read_bytes() == before


def test_check_json_on_a_damaged_library_is_json(cli, library_path):
    cli("songs")
    put_an_index_out_of_step(library_path)  # an index no longer matching its table
    code, out, err = cli("check", "--json")
    report = json.loads(out)
    assert (
        code == 1
        and report["ok"] is False
        and "damaged" in report["damaged"]
        and "salvage" in report["advice"]
    )
