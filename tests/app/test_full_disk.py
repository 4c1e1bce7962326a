"""A real full disk (issue 7): the library on a tiny tmpfs. The write that does not fit fails in one
message, nothing is half-written, and the session saves the change once space is free again."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from lyricpad.app.session import Session
from lyricpad.core.errors import LibraryUnavailable
from lyricpad.core.store import Library

SIZE = "1m"


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MB tmpfs (root only: CI runs as root; elsewhere the test is skipped)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(folder)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk with a file, leaving a few KB; returns the file (delete it to free the space)."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


def test_a_write_that_does_not_fit_fails_cleanly_and_changes_nothing(tiny_disk):
    path = tiny_disk / "library.sqlite"
    with Library.open(path) as lib:
        song = lib.songs.all()[0]
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        filler = fill(tiny_disk)
        big = "a verse that will not fit on this disk\n" * 5000
        with pytest.raises(LibraryUnavailable, match="full.*nothing was changed"):
            lib.songs.update(song.id, lyrics=big)
        with pytest.raises(LibraryUnavailable, match="full"):
            lib.songs.add(f"Another {uuid.uuid4()}", lyrics=big)
        assert lib.songs.get(song.id).lyrics == song.lyrics
        filler.unlink()
        lib.songs.update(song.id, title="Written once there is room")
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.songs.get(song.id).title == "Written once there is room"
        assert lib.songs.get(song.id).lyrics == song.lyrics


def test_the_session_keeps_the_change_and_saves_it_when_space_is_back(tiny_disk, qapp):
    path = tiny_disk / "library.sqlite"
    session = Session(Library.open(path))
    messages = []
    session.write_failed.connect(messages.append)
    session.change_kept.connect(messages.append)
    song = session.songs()[0]
    session.library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = fill(tiny_disk)
    longer = song.lyrics + "\n" + "one more verse line, typed while the disk was full\n" * 2000
    session.song_edits.update(song.id, lyrics=longer)
    assert session.safekeeping.unsaved_count == 1 and "full" in messages[0]
    assert session.safekeeping.retry_unsaved() is False
    filler.unlink()
    assert session.safekeeping.retry_unsaved() is True
    session.close()
    with Library.open(path) as lib:
        assert lib.songs.get(song.id).lyrics == longer
