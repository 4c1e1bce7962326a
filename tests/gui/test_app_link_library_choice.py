"""A lyricpad:// link given no --library opens in the library that holds its song: the start library,
else one the window opened lately (remembered in the settings), looked up read-only; else as before."""

import os
import sqlite3
from pathlib import Path

import pytest
from gui_testing import run_window_until_shown

from lyricpad.app.settings import recent_libraries, remember_library
from lyricpad.app.single_instance import HandOff, SingleInstance
from lyricpad.core.app_links import app_link
from lyricpad.core.paths import default_library_path
from lyricpad.core.store import Library
from lyricpad.gui.launch import receive_other_starts
from lyricpad.main import main

OTHER_SONG = "0b6c3f4e-2d51-4c8e-9a57-6d1f2e8b9c40"  # in no library here


@pytest.fixture
def start_library() -> Path:
    """The usual library (no --library, no LYRICPAD_LIBRARY, none chosen in Settings): the demo song."""
    path = default_library_path()
    Library.open(path).close()
    return path


@pytest.fixture
def second(tmp_path) -> tuple[Path, str]:
    """A second library, as opened with --library, and the id of its song "Paper Boats"."""
    path = Path(os.path.realpath(tmp_path)) / "second.sqlite"
    with Library.open(path, seed_demo=False) as library:
        song_id = library.songs.add("Paper Boats", artist="Wren Alder", lyrics="one\ntwo").id
    return path, song_id


def run_until_shown(qtbot, qapp, monkeypatch, argv: list[str]) -> tuple[int, list[tuple[Path, str]]]:
    """Run `lyricpad ARGV` in this process; its exit code and (library, song id) of the window it showed."""
    return run_window_until_shown(
        qtbot,
        qapp,
        monkeypatch,
        argv,
        lambda window: (Path(os.path.realpath(window.session.library_path)), window.session.current_song_id),
    )


def test_a_window_remembers_its_library_and_a_link_to_its_song_opens_there(
    qtbot, qapp, monkeypatch, start_library, second, dialogs
):
    path, song_id = second
    assert recent_libraries() == []
    code, _ = run_until_shown(qtbot, qapp, monkeypatch, ["--library", str(path)])
    assert code == 0 and recent_libraries() == [str(path)]
    code, seen = run_until_shown(qtbot, qapp, monkeypatch, [app_link(song_id)])
    assert code == 0 and seen == [(path, song_id)]
    assert dialogs == []


def test_a_link_to_a_remembered_library_is_handed_to_the_window_open_on_it(
    qtbot, open_window, start_library, second, capsys
):
    path, song_id = second
    with Library.open(path) as library:
        library.songs.add("Lanterns", lyrics="three")
    window = open_window(path, "Lanterns")
    instance = SingleInstance(path)
    assert instance.start({"song": None, "files": []}) is HandOff.NO_WINDOW
    receive_other_starts(instance, window)
    try:
        remember_library(path)
        assert main([app_link(song_id)]) == 0
        assert f"already open on {path}" in capsys.readouterr().out
        qtbot.waitUntil(lambda: window.session.current_song_id == song_id)
    finally:
        instance.close()


def test_a_link_no_library_holds_opens_the_start_library_and_says_so(
    qtbot, qapp, monkeypatch, start_library, second, dialogs
):
    remember_library(second[0])
    link = app_link(OTHER_SONG)
    _, seen = run_until_shown(qtbot, qapp, monkeypatch, [link])
    assert [library for library, _ in seen] == [Path(os.path.realpath(start_library))]
    assert len(dialogs) == 1 and link in dialogs[0][1] and "not in the library" in dialogs[0][1]


def test_damaged_and_foreign_files_remembered_are_passed_by_unchanged(
    qtbot, qapp, monkeypatch, tmp_path, start_library, second, dialogs
):
    path, song_id = second
    torn = tmp_path / "torn.sqlite"
    data = path.read_bytes()
    torn.write_bytes(data[:100] + b"\xff" * (len(data) - 100))  # the header kept, every page garbage
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    with conn:  # another program's database, holding the id in a songs table of its own
        conn.execute("CREATE TABLE songs (id TEXT, deleted INTEGER)")
        conn.execute("INSERT INTO songs VALUES (?, 0)", (song_id,))
    conn.close()
    for remembered in (path, torn, foreign, tmp_path / "gone.sqlite"):  # the last remembered first
        remember_library(remembered)
    before = {f.name: f.read_bytes() for f in tmp_path.iterdir() if f.is_file()}
    _, seen = run_until_shown(qtbot, qapp, monkeypatch, [app_link(song_id)])
    assert seen == [(path, song_id)] and dialogs == []
    after = {f.name: f.read_bytes() for f in tmp_path.iterdir() if f.is_file() and f.name in before}
    assert {name: after[name] for name in ("torn.sqlite", "foreign.sqlite")} == {
        name: before[name] for name in ("torn.sqlite", "foreign.sqlite")
    }
    assert not (tmp_path / "gone.sqlite").exists()
    assert not any(
        f.name.startswith(("torn", "foreign")) and f.name.endswith(("-wal", "-shm"))
        for f in tmp_path.iterdir()
    )


@pytest.mark.parametrize("named_by", ["--library", "LYRICPAD_LIBRARY"])
def test_a_library_named_at_start_is_opened_without_looking_elsewhere(
    qtbot, qapp, monkeypatch, tmp_path, second, dialogs, named_by
):
    named = tmp_path / "named.sqlite"
    Library.open(named).close()
    path, song_id = second
    remember_library(path)
    link = app_link(song_id)
    if named_by == "--library":
        argv = ["--library", str(named), link]
    else:
        monkeypatch.setenv("LYRICPAD_LIBRARY", str(named))
        argv = [link]
    _, seen = run_until_shown(qtbot, qapp, monkeypatch, argv)
    assert [library for library, _ in seen] == [Path(os.path.realpath(named))]
    assert len(dialogs) == 1 and link in dialogs[0][1]


def test_a_smoke_check_remembers_no_library(second, capsys):
    assert main(["--library", str(second[0]), "--smoke"]) == 0
    assert recent_libraries() == []
