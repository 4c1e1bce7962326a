"""Files opened from the file manager (`Exec=lyricpad %F`, or file:// URIs): imported, through the running
window when one is open; a .txt is asked about once, lyrics being the default answer."""

from pathlib import Path
from urllib.parse import quote

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from lyricpad.app.single_instance import HandOff, SingleInstance
from lyricpad.core.importers import ImportedText
from lyricpad.gui.import_dialog import ImportChoice
from lyricpad.gui.launch import receive_other_starts
from lyricpad.main import main

DATA = Path(__file__).parent.parent / "data" / "import"
LRC = DATA / "The Hollow Pines - Lanterns on the Water.lrc"
SURELY_LYRICS = DATA / "sections.txt"  # section headers: lyrics without asking
PLAIN = "Paper boats on a Monday river,\nwe fold the week in two.\n"  # lyrics or an article? asked


@pytest.fixture
def listening(window, demo_path):
    """The window, listening for other starts as `lyricpad` does; every review answered with Import."""
    instance = SingleInstance(demo_path)
    assert instance.start({"song": None, "files": []}) is HandOff.NO_WINDOW
    receive_other_starts(instance, window)

    def review(imported: ImportedText, path):
        return ImportChoice(imported, imported.title or "Untitled", imported.artist, imported.author)

    window.importer.ask_review = review
    yield window
    instance.close()


def second_start(qtbot, window, demo_path, capsys, *files: str) -> None:
    """`lyricpad --library LIB FILE...` run in this process while *window* is open: it hands over and exits."""
    with qtbot.waitSignal(window.importer.import_finished, timeout=20_000):
        assert main(["--library", str(demo_path), *files]) == 0
    assert "already open" in capsys.readouterr().out


def lrc_songs(window) -> list:
    return [s for s in window.session.songs() if s.lyrics_format == "lrc"]


def test_a_second_start_with_an_lrc_imports_it_into_the_first_window(qtbot, listening, demo_path, capsys):
    second_start(qtbot, listening, demo_path, capsys, str(LRC))
    assert len(lrc_songs(listening)) == 1 and lrc_songs(listening)[0].line_times


def test_a_file_uri_is_imported_as_its_path(qtbot, listening, demo_path, capsys):
    uri = "file://" + quote(str(LRC))  # the name's spaces percent-encoded, as file managers write them
    assert "%20" in uri
    second_start(qtbot, listening, demo_path, capsys, uri)
    assert len(lrc_songs(listening)) == 1


def test_another_machines_file_is_refused_in_one_message(listening, demo_path, capsys, dialogs):
    songs = len(listening.session.songs())
    assert main(["--library", str(demo_path), "file://server/share/a.lrc"]) == 1
    assert "on another machine" in capsys.readouterr().err
    assert [kind for kind, _ in dialogs] == ["critical"]
    assert len(listening.session.songs()) == songs


def test_a_txt_that_is_surely_lyrics_is_imported_as_lyrics_without_a_question(
    qtbot, listening, demo_path, capsys
):
    window = listening
    asked = []
    window.importer.ask_import_kind = lambda path: asked.append(path)
    before = {s.id for s in window.session.songs()}
    second_start(qtbot, window, demo_path, capsys, str(SURELY_LYRICS))
    assert asked == [] and len({s.id for s in window.session.songs()} - before) == 1


def test_a_plain_txt_is_asked_about_once_and_lyrics_is_the_default(
    qtbot, listening, demo_path, capsys, tmp_path
):
    window = listening
    txt = tmp_path / "boats.txt"
    txt.write_text(PLAIN, encoding="utf-8")
    importer = window.importer
    asked = []
    real_question = importer.ask_import_kind

    def answer_with_enter():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_with_enter)
            return
        asked.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)  # the default button, as a user pressing Enter

    def ask(path):
        QTimer.singleShot(0, answer_with_enter)
        return real_question(path)

    importer.ask_import_kind = ask
    before = {s.id for s in window.session.songs()}
    second_start(qtbot, window, demo_path, capsys, str(txt))
    assert asked == ["What does “boats.txt” hold?"]
    new = [s for s in window.session.songs() if s.id not in before]
    assert len(new) == 1 and new[0].lyrics == PLAIN.rstrip("\n")  # a new song: the file's lines, its lyrics
