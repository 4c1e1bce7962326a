"""The command line over a damaged search index (issue 12): the change is saved after a rebuild
(a backup first), told in one note; a read-only library is never written, not even a backup."""

from __future__ import annotations

import json
import sqlite3

from library_testing import damage_search_index

from lyricpad.core.backup import list_backups
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store import Library
from lyricpad.main import main

SONG = "Lanterns on the Water"


def damaged(path, **kwargs) -> None:
    with Library.open(path) as lib:
        damage_search_index(lib, **kwargs)


def test_a_change_over_a_damaged_index_rebuilds_it_and_saves(library_path, capsys):
    Library.open(library_path).close()
    with Library.open(library_path) as lib:
        annotation_id = lib.annotations.for_song(lib.songs.all()[0].id)[0].id
    damaged(library_path)
    assert main(["--library", str(library_path), "delete", annotation_id, "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["deleted"] is True
    assert err.count("\n") == 1 and "search index was damaged" in err and "rebuilt" in err
    assert [b.reason for b in list_backups(library_path)] == ["repair"]
    with Library.open(library_path) as lib:
        assert lib.search.problems() == {}


def test_a_merge_inside_one_transaction_over_a_damaged_index_is_saved_too(library_path, tmp_path, capsys):
    Library.open(library_path).close()
    export = tmp_path / "export.json"
    assert (
        main(["--library", str(library_path), "export", "--all", "--format", "json", "-o", str(export)]) == 0
    )
    data = json.loads(export.read_text(encoding="utf-8"))
    data["annotations"][0]["note"] = "edited in the export"
    data["annotations"][0]["updated"] = "2099-01-01T00:00:00.000+00:00"
    export.write_text(json.dumps(data), encoding="utf-8")
    damaged(library_path)
    capsys.readouterr()
    assert main(["--library", str(library_path), "import", str(export)]) == 0
    assert "search index was damaged" in capsys.readouterr().err
    with Library.open(library_path) as lib:
        assert lib.annotations.get(data["annotations"][0]["id"]).note == "edited in the export"


def test_search_of_a_read_only_library_with_a_damaged_index_writes_nothing(library_path, capsys):
    Library.open(library_path).close()
    damaged(library_path, searches=True)
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    assert main(["--library", str(library_path), "search", "lantern"]) == 1
    err = capsys.readouterr().err
    assert err.count("lyricpad: error:") == 1 and "search index is damaged" in err
    assert "the newer lyricpad that wrote" in err and "--repair" not in err  # not advice it cannot follow
    assert list_backups(library_path) == []


def test_a_workers_read_only_search_of_a_damaged_index_names_the_index_and_the_repair(library_path):
    """The window searches on a worker's read-only connection: the damage is named with the repair
    that works, not as a newer lyricpad's library (which only that newer lyricpad may rebuild)."""
    import pytest

    from lyricpad.core.errors import SearchIndexDamaged

    Library.open(library_path).close()
    damaged(library_path, searches=True)
    with Library.open(library_path) as lib:
        reader = lib.reader()
        try:
            with pytest.raises(SearchIndexDamaged) as raised:
                reader.search.page("lantern")
        finally:
            reader.close()
    message = str(raised.value)
    assert "search index is damaged" in message and "--repair" in message
    assert "newer lyricpad" not in message
