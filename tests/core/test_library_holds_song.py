"""Which library holds a lyricpad:// link's song: looked up read-only, and a bad file holds nothing."""

import shutil
import sqlite3

from lyricpad.core.app_links import library_holds_song
from lyricpad.core.store import Library

OTHER_SONG = "0b6c3f4e-2d51-4c8e-9a57-6d1f2e8b9c40"


def files_beside(path) -> dict[str, bytes]:
    """Every file in *path*'s folder, by name, with its bytes (to see that nothing changed)."""
    return {f.name: f.read_bytes() for f in sorted(path.parent.iterdir())}


def test_a_library_holds_its_songs_and_not_those_in_its_trash(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        kept = library.songs.add("Paper Boats", lyrics="one").id
        trashed = library.songs.add("Gone", lyrics="two").id
        library.songs.set_deleted(trashed)
    before = files_beside(path)
    assert library_holds_song(path, kept)
    assert not library_holds_song(path, trashed)
    assert not library_holds_song(path, OTHER_SONG)
    assert files_beside(path) == before  # no -wal, no -shm, not a byte changed


def test_a_song_still_in_the_wal_of_a_library_left_open_is_found_and_nothing_is_written(tmp_path):
    source = tmp_path / "open" / "lib.sqlite"
    copy = tmp_path / "left" / "lib.sqlite"
    copy.parent.mkdir()
    with Library.open(source) as library:
        song_id = library.songs.add("Paper Boats", lyrics="one").id
        # As a crash leaves it: the song only in the -wal, beside its -shm.
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{source}{suffix}", f"{copy}{suffix}")
    before = files_beside(copy)
    assert len(before["lib.sqlite-wal"]) > 0
    assert library_holds_song(copy, song_id)
    assert files_beside(copy) == before  # the -wal was neither recovered nor checkpointed


def test_a_missing_damaged_or_foreign_file_holds_nothing(tmp_path):
    library = tmp_path / "lib.sqlite"
    with Library.open(library) as opened:
        song_id = opened.songs.add("Paper Boats", lyrics="one").id
    missing = tmp_path / "gone.sqlite"
    assert not library_holds_song(missing, song_id)
    assert not missing.exists()

    text = tmp_path / "notes.sqlite"
    text.write_text("not a database\n" * 100)
    torn = tmp_path / "torn.sqlite"
    data = library.read_bytes()
    torn.write_bytes(data[:100] + b"\xff" * (len(data) - 100))  # the header kept, every page garbage
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:  # another program's database, with a songs table of its own
        conn.execute("CREATE TABLE songs (id TEXT, deleted INTEGER)")
        conn.execute("INSERT INTO songs VALUES (?, 0)", (song_id,))
    conn.close()
    for bad in (text, torn, foreign):
        before = files_beside(bad)
        assert not library_holds_song(bad, song_id), bad.name
        assert files_beside(bad) == before
