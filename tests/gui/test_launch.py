"""Starting the window: which song opens, --smoke, and errors reported in one line (or a dialog)."""

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.core.store import Library
from lyricpad.gui.launch import initial_song
from lyricpad.main import main


def test_screenshot_into_a_missing_folder_is_refused(qapp, demo_path, tmp_path, capsys):
    png = tmp_path / "no-such-folder" / "shot.png"
    assert main(["--library", str(demo_path), "--screenshot", str(png)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1
    assert "does not exist" in err
    assert not png.exists()


@pytest.mark.timeout(60)
@pytest.mark.parametrize("target", ["the library", "a pipe"])
def test_a_screenshot_never_writes_over_the_library_or_into_a_pipe(qapp, tmp_path, capsys, target):
    library = tmp_path / "lib.png"  # a library may have any name
    Library.open(library).close()
    if target == "the library":
        png = library
    else:
        png = tmp_path / "pipe.png"
        os.mkfifo(png)
    assert main(["--library", str(library), "--screenshot", str(png)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1 and png.name in err
    with Library.open(library) as lib:  # still the library, whole
        assert lib.songs.all()


def test_screenshot_must_be_a_png(qapp, demo_path, tmp_path, capsys):
    jpg = tmp_path / "shot.jpg"
    assert main(["--library", str(demo_path), "--screenshot", str(jpg)]) == 1
    assert "ending in .png" in capsys.readouterr().err
    assert not jpg.exists()


def test_without_a_display_the_window_is_refused_in_one_line(tmp_path, capsys, monkeypatch, dialogs):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    library = tmp_path / "lib.sqlite"
    assert main(["--library", str(library)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "there is no display" in err and "--screenshot" in err
    assert dialogs == []  # no dialog either: there is nowhere to show one
    assert not library.exists()  # refused before the library was touched


def test_screenshot_of_an_unknown_song_fails(qapp, demo_path, tmp_path, capsys):
    png = tmp_path / "shot.png"
    assert main(["--library", str(demo_path), "--song", "No Such Song", "--screenshot", str(png)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lyricpad: error: ") and "No Such Song" in err
    assert not png.exists()


def test_a_file_that_is_not_a_library_is_reported(qapp, tmp_path, capsys):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("just some text\n")
    assert main(["--library", str(bogus), "--screenshot", str(tmp_path / "shot.png")]) == 1
    assert "is not a lyricpad library" in capsys.readouterr().err


def test_without_screenshot_errors_are_shown_in_a_dialog(qapp, tmp_path, dialogs):
    folder = tmp_path / "a folder"
    folder.mkdir()
    assert main(["--library", str(folder)]) == 1
    assert len(dialogs) == 1
    kind, text = dialogs[0]
    assert kind == "critical" and "is a folder" in text


def test_a_damaged_library_offers_choices_and_quitting_leaves_it_alone(qapp, tmp_path, dialogs, monkeypatch):
    from lyricpad.gui.damaged_dialog import DamagedLibraryDialog

    shown = []

    def refuse(dialog):
        shown.append(dialog.findChildren(QLabel)[1].text())
        return DamagedLibraryDialog.DialogCode.Rejected

    monkeypatch.setattr(DamagedLibraryDialog, "exec", refuse)
    bogus = tmp_path / "library.sqlite"
    garbage = bytes(range(256)) * 64  # what a library overwritten with noise looks like
    bogus.write_bytes(garbage)
    assert main(["--library", str(bogus)]) == 1
    assert len(shown) == 1 and "is not a lyricpad library" in shown[0] and str(bogus) in shown[0]
    assert bogus.read_bytes() == garbage and list(tmp_path.iterdir()) == [bogus]
    assert dialogs == []


def test_a_text_file_given_as_the_library_is_refused_never_offered_for_recovery(
    qapp, tmp_path, dialogs, monkeypatch
):
    from lyricpad.gui.damaged_dialog import DamagedLibraryDialog

    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda dialog: pytest.fail("recovery offered"))
    notes = tmp_path / "export.json"
    notes.write_text('{"format": "lyricpad", "songs": []}\n')
    assert main(["--library", str(notes)]) == 1
    assert [kind for kind, _ in dialogs] == ["critical"] and "text file" in dialogs[0][1]
    assert notes.read_text() == '{"format": "lyricpad", "songs": []}\n' and list(tmp_path.iterdir()) == [
        notes
    ]


def test_an_empty_file_given_as_the_library_is_refused_by_name_never_offered_for_recovery(
    qapp, tmp_path, monkeypatch
):
    from lyricpad.core.errors import ForeignDatabase
    from lyricpad.gui.damaged_dialog import DamagedLibraryDialog
    from lyricpad.gui.launch import open_or_recover

    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda dialog: pytest.fail("recovery offered"))
    empty = tmp_path / "thesis.odt"
    empty.write_bytes(b"")
    with pytest.raises(ForeignDatabase, match=f"{empty} is an empty file"):
        session = open_or_recover(empty)
        session.close()
    assert empty.read_bytes() == b"" and list(tmp_path.iterdir()) == [empty]


@pytest.fixture
def two_songs(demo_path):
    with Library.open(demo_path) as library:
        paper = library.songs.add("Paper Boats", artist="Wren Alder")
    session = Session.open(demo_path)
    yield session, paper
    session.close()


def test_the_first_song_opens_by_default(two_songs):
    session, _ = two_songs
    assert initial_song(session, None, Settings()) == session.songs()[0].id


def test_the_last_song_opens_again(two_songs):
    session, paper = two_songs
    settings = Settings()
    settings.set_last_song(paper.id)
    assert initial_song(session, None, settings) == paper.id


def test_song_option_wins_over_the_last_song(two_songs):
    session, paper = two_songs
    settings = Settings()
    settings.set_last_song(paper.id)
    assert initial_song(session, "Lanterns on the Water", settings) != paper.id


def test_a_forgotten_last_song_falls_back_to_the_first(two_songs):
    session, _ = two_songs
    settings = Settings()
    settings.set_last_song("gone")
    assert initial_song(session, None, settings) == session.songs()[0].id


# -------------------------------------------------------------------- --smoke


def test_smoke_opens_the_window_and_exits_0(qapp, demo_path, capsys, dialogs):
    settings_file = Settings().file_name
    assert main(["--library", str(demo_path), "--smoke"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("lyricpad — Lanterns on the Water") and "painted" in out
    assert not os.path.exists(settings_file)  # a check writes no settings, not even the first ones
    assert dialogs == []


def test_smoke_opens_the_last_song_and_leaves_the_settings_as_they_were(qapp, two_songs, capsys):
    session, paper = two_songs
    settings = Settings()
    settings.set_last_song(paper.id)
    settings.sync()
    before = Path(settings.file_name).read_bytes()
    assert main(["--library", str(session.library_path), "--smoke"]) == 0
    assert capsys.readouterr().out.startswith("lyricpad — Paper Boats")
    assert Path(settings.file_name).read_bytes() == before


def test_smoke_follows_the_song_option(qapp, two_songs, capsys):
    session, _ = two_songs
    assert main(["--library", str(session.library_path), "--song", "Paper Boats", "--smoke"]) == 0
    assert capsys.readouterr().out.startswith("lyricpad — Paper Boats")


def test_smoke_with_an_unknown_song_fails_in_one_line(qapp, demo_path, capsys, dialogs):
    assert main(["--library", str(demo_path), "--song", "No Such Song", "--smoke"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("lyricpad: error: ") and captured.err.count("\n") == 1
    assert "No Such Song" in captured.err
    assert dialogs == []  # a check reports on stderr, never in a dialog


def test_smoke_without_a_display_fails_in_one_line(tmp_path, capsys, monkeypatch, dialogs):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--library", str(tmp_path / "lib.sqlite"), "--smoke"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "there is no display" in err


@pytest.mark.parametrize(
    "argv",
    [["--smoke", "--screenshot", "shot.png"], ["--smoke", "songs"]],
    ids=["with --screenshot", "with a command"],
)
def test_smoke_refuses_what_it_cannot_do(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1
