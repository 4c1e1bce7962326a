"""FileImporter: files read on a worker thread, reported on the GUI thread, cancelled between files, added undoably."""

import threading
from pathlib import Path

import pytest

import lyricpad.app.importing as importing
from lyricpad.app.importing import FileImporter, ImportRequest
from lyricpad.app.session import Session
from lyricpad.core.importers import read_import
from lyricpad.core.store import Library

DATA = Path(__file__).parent.parent / "data" / "import"
LRC = DATA / "The Hollow Pines - Lanterns on the Water.lrc"


@pytest.fixture
def session(tmp_path):
    session = Session(Library.open(tmp_path / "lib.sqlite", seed_demo=False))
    yield session
    session.close()


@pytest.fixture
def importer(qtbot, session):
    importer = FileImporter(session)
    yield importer
    importer.wait(10000)


def record(importer):
    events = []
    importer.started.connect(lambda total: events.append(("started", total)))
    importer.file_started.connect(lambda index, name: events.append(("file", index, name)))
    importer.file_read.connect(lambda index, imported: events.append(("read", index, imported.kind)))
    importer.file_refused.connect(lambda index, message: events.append(("refused", index, message)))
    importer.finished.connect(lambda cancelled: events.append(("finished", cancelled)))
    return events


def test_files_are_read_on_a_worker_thread_and_reported_in_order(qtbot, importer, monkeypatch):
    threads = []

    def read(path, **kwargs):
        threads.append(threading.get_ident())
        return read_import(path, **kwargs)

    monkeypatch.setattr(importing, "read_import", read)
    events = record(importer)
    with qtbot.waitSignal(importer.finished, timeout=10000):
        importer.read([ImportRequest(str(LRC)), ImportRequest(str(DATA / "binary.txt"), "lyrics")])

    assert threads and threading.get_ident() not in threads
    assert events == [
        ("started", 2),
        ("file", 0, LRC.name),
        ("read", 0, "lyrics"),
        ("file", 1, "binary.txt"),
        ("refused", 1, "“binary.txt” is not a text file (it holds binary data)."),
        ("finished", False),
    ]
    assert not importer.is_running()


def test_a_parser_error_is_one_clear_refusal(qtbot, importer, monkeypatch):
    def broken(path, **kwargs):
        raise ValueError("the parser tripped")

    monkeypatch.setattr(importing, "read_import", broken)
    events = record(importer)
    with qtbot.waitSignal(importer.finished, timeout=10000):
        importer.read([ImportRequest(str(DATA / "page.html"))])
    assert ("refused", 0, "“page.html” cannot be imported: the parser tripped") in events


def test_cancel_stops_between_files(qtbot, importer, monkeypatch):
    release = threading.Event()
    read_paths = []

    def slow(path, **kwargs):
        read_paths.append(Path(path).name)
        release.wait(10)
        return read_import(path, **kwargs)

    monkeypatch.setattr(importing, "read_import", slow)
    events = record(importer)
    importer.read([ImportRequest(str(LRC)), ImportRequest(str(DATA / "article.md"))])
    qtbot.waitUntil(lambda: read_paths == [LRC.name])
    importer.cancel()
    release.set()
    assert importer.wait(10000)
    qtbot.wait(50)  # anything the worker still reported has arrived (and been dropped)

    assert read_paths == [LRC.name]  # the second file was never read
    assert events[-1] == ("finished", True)
    assert not [e for e in events if e[0] in ("read", "refused")]


def test_add_song_keeps_the_lrc_times_and_tags(importer, session):
    song_id = importer.add_song(read_import(LRC), "Lanterns", "The Hollow Pines")
    song = session.song(song_id)
    assert (song.title, song.album, song.lyrics_format, song.source_file) == (
        "Lanterns",
        "Night Ferry",
        "lrc",
        LRC.name,
    )
    assert song.line_times[0] == [9500] and song.lrc_tags["ti"] == "Lanterns on the Water"
    session.undo_stack.undo()
    assert session.songs() == []


def test_add_article_removes_furniture_as_a_second_undo_step(importer, session):
    song_id = session.song_edits.add("Harbour")
    imported = read_import(DATA / "pasted.txt", kind="article")
    removed = [item for item in imported.furniture if item.text in ("Share", "5 min read")]

    article_id = importer.add_article(song_id, imported, imported.title, "Wren Alder", removed)

    body = session.articles(song_id)[0].body
    assert "5 min read" not in body.split("\n") and "Share" not in body.split("\n")
    assert "Share this" in body and "The song opens on a cold morning." in body
    assert session.undo_stack.count() == 3  # New Song, New Article, Edit Article
    session.undo_stack.undo()
    assert session.articles(song_id)[0].body == imported.article_body  # each plain line a paragraph
    session.undo_stack.undo()
    assert [a.id for a in session.articles(song_id)] == []
    assert article_id
