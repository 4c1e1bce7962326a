"""Helpers for tests that damage libraries on purpose or compare their files from outside, and the
translated song the translation tests share."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from lyricpad.core.models import Song
from lyricpad.core.store import Library
from lyricpad.core.text_kind import is_chord_line

TRANSLATED_LYRICS = "[Verse]\nThe lantern\non the water\n\n[Chorus]\nHold on"
GERMAN_TRANSLATION = ["[Strophe]", "Die Laterne", "auf dem Wasser", "", "[Refrain]", "Halt fest"]
"""TRANSLATED_LYRICS line by line in German, headers and the blank line in their places."""


def add_translated_song(lib: Library, **fields) -> Song:
    """Add the song "Lantern" (TRANSLATED_LYRICS; *fields* as `Songs.add` takes them) with its German translation."""
    song = lib.songs.add("Lantern", lyrics=TRANSLATED_LYRICS, **fields)
    lib.translations.set(song.id, GERMAN_TRANSLATION, language="de")
    return song


def damage_in_place(path: Path, table: str = "songs") -> None:
    """Overwrite *table*'s root page in the file itself (the same file: the library stays settled, and
    opening it writes nothing)."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 12)


def digests(paths) -> dict[str, str | None]:
    """SHA-256 of each file (None when it is not a file), read by another process: reading a
    library this process holds would drop its SQLite locks (see livefiles), and a test must not
    cause what it checks for."""
    script = (
        "import hashlib, json, os, sys\n"
        "print(json.dumps({p: hashlib.sha256(open(p, 'rb').read()).hexdigest() if os.path.isfile(p) else None"
        " for p in sys.argv[1:]}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def damage_note_and_anchor(lib: Library) -> str:
    """A stale search index (a note changed while its trigger did not run) and a highlight moved
    three characters off its words; returns that annotation's id."""
    annotation_id = lib.db.execute(
        "SELECT id FROM annotations WHERE target = 'lyrics' ORDER BY n"
    ).fetchone()[0]
    sql = lib.db.execute("SELECT sql FROM sqlite_master WHERE name = 'annotations_au'").fetchone()[0]
    lib.db.execute("DROP TRIGGER annotations_au")
    lib.db.execute("UPDATE annotations SET note = 'zebra crossing' WHERE id = ?", [annotation_id])
    lib.db.execute(sql)
    lib.db.execute(
        "UPDATE fragments SET char_start = char_start + 3, char_end = char_end + 3 WHERE annotation_id = ?",
        [annotation_id],
    )
    return annotation_id


def damage_search_index(library: Library, table: str = "annotations", *, searches: bool = False) -> None:
    """Break a full-text index as a lost -wal or a crashed tool can: its totals record says it holds
    nothing, so the delete that every update of the table makes fails ("malformed"). *searches*:
    break its terms as well, so that searching fails too."""
    library.db.execute(f"UPDATE {table}_fts_data SET block = X'0000' WHERE id = 1")
    if searches:
        library.db.execute(f"UPDATE {table}_fts_data SET block = randomblob(length(block)) WHERE id > 10")


def posix_locks(path) -> list[tuple]:
    """The POSIX locks this process holds on the library and SQLite's files beside it (from /proc/locks).

    SQLite holds some while a connection is open; anything that opens and closes one of these
    files outside SQLite drops them all, which this shows.
    """
    import os
    from pathlib import Path

    inodes = {}
    for suffix in ("", "-wal", "-shm"):
        try:
            inodes[os.stat(f"{path}{suffix}").st_ino] = suffix or "library"
        except FileNotFoundError:
            pass
    found = []
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if fields[1] != "POSIX" or fields[4] != str(os.getpid()):
            continue
        inode = int(fields[5].split(":")[2])
        if inode in inodes:
            found.append((inodes[inode], fields[3], fields[6], fields[7]))
    return sorted(found)


def put_an_index_out_of_step(path) -> None:
    """Damage the library at *path* as SQLite's integrity_check finds it: the index annotations_song
    no longer matches its table (done through another connection, with writable_schema)."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'annotations(song_id)', 'annotations(note)')"
        " WHERE name = 'annotations_song'"
    )
    conn.commit()
    conn.close()


def fts_integrity_check(lib: Library) -> None:
    """FTS5 compares each index with its content table and raises if they differ."""
    for table in ("songs", "articles", "annotations", "fragments"):
        lib.db.execute(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('integrity-check', 1)")


def kinds(lib: Library, query: str) -> set:
    return {hit["kind"] for hit in lib.search.find(query)}


def merge_refusal(merge, lib, data) -> str:
    """The one-line message of *merge*'s refusal of *data*; the library's files are checked untouched."""
    import pytest

    from lyricpad.core.merge import MergeRefused

    files = [str(lib.path), f"{lib.path}-wal"]
    before = digests(files)
    with pytest.raises(MergeRefused) as info:
        merge(lib, data)
    assert digests(files) == before
    message = str(info.value)
    assert "\n" not in message and message.endswith("nothing was changed")
    assert message.count("nothing was changed") == 1
    return message


def without_chord_lines(library, song):
    """*song* with each chord line sung as words instead (the demo has one): lyrics with chord lines
    are shown unwrapped, as a chord sheet, and the tests that call this need lines that wrap. The
    same number of lines; the song as stored after."""
    lyrics = "\n".join(
        "the lamps are lit along the quay" if is_chord_line(line) else line
        for line in song.lyrics.split("\n")
    )
    return library.songs.update(song.id, lyrics=lyrics)
