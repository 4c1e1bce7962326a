"""Importing in the window: files read off the GUI thread, reviewed, added undoably; drops and pastes; checked in the database."""

import socket
from pathlib import Path

import pytest
from gui_testing import drop
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QProgressDialog, QPushButton, QVBoxLayout, QWidget

from lyricpad.app.session import Session
from lyricpad.core.store import Library
from lyricpad.gui.import_dialog import ImportController, ImportReviewDialog

DATA = Path(__file__).parent.parent / "data" / "import"
LRC = DATA / "The Hollow Pines - Lanterns on the Water.lrc"
HOST = "Harbour Lights"
"""The song open while importing (articles go to it)."""


@pytest.fixture
def library_file(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path, seed_demo=False) as library:
        library.songs.add(HOST, artist="Wren Alder")
    return path


@pytest.fixture
def session(library_file):
    session = Session(Library.open(library_file))
    session.select_song(session.resolve_song(HOST).id)
    yield session
    session.close()


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    return widget


@pytest.fixture
def controller(qtbot, session, host):
    controller = ImportController(session, host)
    yield controller
    controller.importer.wait(10000)
    controller.review_reader.wait(10000)


class Answers:
    """The controller's questions answered as a user would, through the real review dialog."""

    def __init__(self, controller, kind=None, edit=None):
        self.kinds_asked: list[str] = []
        self.reviewed: list[ImportReviewDialog] = []
        self._kind = kind
        self._edit = edit
        self._controller = controller

    def ask_import_kind(self, path):
        self.kinds_asked.append(Path(path).name)
        return self._kind

    def ask_review(self, imported, path):
        dialog = self._controller.review_dialog(imported, path)
        self.reviewed.append(dialog)
        if self._edit is not None and self._edit(dialog) is False:
            dialog.reject()
            return None
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return dialog.choice()


def answer(monkeypatch, controller, kind=None, edit=None) -> Answers:
    answers = Answers(controller, kind, edit)
    monkeypatch.setattr(controller, "ask_import_kind", answers.ask_import_kind)
    monkeypatch.setattr(controller, "ask_review", answers.ask_review)
    return answers


def run_import(qtbot, controller, paths, kind=None):
    with qtbot.waitSignal(controller.import_finished, timeout=30000):
        controller.import_paths([str(p) for p in paths], kind)


def in_file(library_file):
    """Everything a new connection to the library file reads: songs and their articles."""
    with Library.open(library_file) as library:
        return {
            song.title: (song, [(a.title, a.body, a.source) for a in library.articles.for_song(song.id)])
            for song in library.songs.all()
        }


# ---------------------------------------------------------------- lyrics


def test_an_lrc_file_makes_a_song_with_its_times_and_tags(
    qtbot, controller, session, library_file, monkeypatch
):
    answers = answer(monkeypatch, controller)
    imported_ids = []
    controller.song_imported.connect(imported_ids.append)

    run_import(qtbot, controller, [LRC])

    assert answers.kinds_asked == []  # .lrc is lyrics: nothing to ask
    dialog = answers.reviewed[0]
    assert (dialog.title_edit.text(), dialog.artist_edit.text()) == (
        "Lanterns on the Water",
        "The Hollow Pines",
    )
    assert "LRC tags" in dialog.origin_note.text()
    song, _articles = in_file(library_file)["Lanterns on the Water"]
    assert imported_ids == [song.id]
    assert song.artist == "The Hollow Pines" and song.album == "Night Ferry"
    assert song.lyrics_format == "lrc"
    assert song.lyrics.split("\n")[0] == "The kettle sings before the dawn"
    assert song.line_times[:3] == [[9500], [15000], [19750]]
    assert song.lrc_tags["au"] == "Wren Alder" and song.lrc_tags["offset"] == "+500"
    assert song.source_file == LRC.name

    session.undo_stack.undo()
    assert "Lanterns on the Water" not in in_file(library_file)


def test_the_title_and_artist_can_be_changed_in_the_review(qtbot, controller, library_file, monkeypatch):
    def edit(dialog):
        dialog.title_edit.clear()
        assert not dialog.ok_button.isEnabled()  # a song needs a title
        QTest.keyClicks(dialog.title_edit, "Lanterns (live)")
        dialog.artist_edit.setText("Pines")

    answer(monkeypatch, controller, edit=edit)
    run_import(qtbot, controller, [LRC])
    song, _ = in_file(library_file)["Lanterns (live)"]
    assert song.artist == "Pines"


def test_a_text_file_asks_lyrics_or_article(qtbot, controller, library_file, tmp_path, monkeypatch):
    path = tmp_path / "Wren Alder - Night Ferry.txt"
    path.write_bytes(b"The ferry leaves at nine\r\n(caf\xe9 lights)\r\n")
    answers = answer(monkeypatch, controller, kind="lyrics")

    run_import(qtbot, controller, [path])

    assert answers.kinds_asked == [path.name]
    song, _ = in_file(library_file)["Night Ferry"]
    assert (song.artist, song.lyrics, song.lyrics_format) == (
        "Wren Alder",
        "The ferry leaves at nine\n(café lights)",  # the final newline ends the last line
        "plain",
    )
    assert answers.reviewed[0].encoding() == "cp1252"


def test_the_encoding_can_be_overridden_and_the_file_is_read_again(
    qtbot, controller, library_file, monkeypatch
):
    previews = []

    def choose(dialog, encoding):
        dialog.show()
        qtbot.waitExposed(dialog)
        edit = dialog.encoding_combo.lineEdit()
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, encoding)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert dialog.isVisible()  # Enter in the encoding field reads again, it does not import
        qtbot.waitUntil(lambda: dialog.encoding() == encoding and dialog.ok_button.isEnabled())
        previews.append((encoding, dialog.encoding_note.text(), dialog.preview.toPlainText().split("\n")[0]))

    def edit(dialog):
        previews.append(
            (dialog.encoding(), dialog.encoding_note.text(), dialog.preview.toPlainText().split("\n")[0])
        )
        dialog.title_edit.setText("Ferry")
        choose(dialog, "cp1252")
        choose(dialog, "cp1251")

    answer(monkeypatch, controller, kind="lyrics", edit=edit)
    run_import(qtbot, controller, [DATA / "cp1251.txt"])

    right = "Ночной паром уходит в темноту, и фонари плывут по воде."
    assert previews == [
        ("cp1251", "detected", right),
        ("cp1252", "detected: cp1251", "Íî÷íîé ïàðîì óõîäèò â òåìíîòó, è ôîíàðè ïëûâóò ïî âîäå."),
        ("cp1251", "detected", right),
    ]
    song, _ = in_file(library_file)["Ferry"]
    assert song.lyrics.startswith(right)


def test_an_encoding_that_does_not_fit_is_refused_in_the_review(qtbot, controller, library_file, monkeypatch):
    seen = []

    def edit(dialog):
        dialog.title_edit.setText("Ferry")
        dialog.encoding_combo.setEditText("utf-8")
        dialog.encoding_combo.lineEdit().editingFinished.emit()
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
        seen.append((dialog.problem_label.text(), dialog.encoding(), dialog.encoding_combo.currentText()))

    answer(monkeypatch, controller, kind="lyrics", edit=edit)
    run_import(qtbot, controller, [DATA / "cp1251.txt"])
    message, encoding, shown = seen[0]
    assert "cannot be decoded as utf-8" in message
    assert (encoding, shown) == ("cp1251", "cp1251")  # the text as it was, still importable
    assert in_file(library_file)["Ferry"][0].lyrics.startswith("Ночной")


# --------------------------------------------------------------- articles


def test_a_hostile_web_page_is_imported_without_fetching_or_running_anything(
    qtbot, controller, session, library_file, monkeypatch
):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network blocked in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    answer(monkeypatch, controller)

    run_import(qtbot, controller, [DATA / "hostile.html"])

    assert attempts == []
    _song, articles = in_file(library_file)[HOST]
    title, body, _source = articles[-1]
    assert title == "A page that tries everything"
    assert "the only honest part of the page" in body and "(https://safe.example/ok)" in body
    lowered = body.lower()
    for bad in ("<script", "javascript:", "data:", "127.0.0.1", "onload", "alert(", "<img", "<iframe"):
        assert bad not in lowered


def test_furniture_is_only_suggested_and_a_confirmed_removal_is_undone_in_one_step(
    qtbot, controller, session, library_file, monkeypatch
):
    original = (DATA / "pasted.txt").read_text(encoding="utf-8")
    removed = {1, 2, 3, 7, 9}

    def edit(dialog):
        assert len(dialog.removed_furniture()) == 0  # suggestions start unticked
        rows = {dialog.furniture_list.item(r).data(Qt.ItemDataRole.UserRole).line: r for r in range(10)}
        assert set(rows) == {1, 2, 3, 4, 7, 9, 10, 11, 12, 13}
        for line in removed:
            dialog.furniture_list.item(rows[line]).setCheckState(Qt.CheckState.Checked)

    answer(monkeypatch, controller, kind="article", edit=edit)
    run_import(qtbot, controller, [DATA / "pasted.txt"])

    _song, articles = in_file(library_file)[HOST]
    title, body, _ = articles[-1]
    assert title == "Why the ferry never leaves: a close reading"
    lines = body.split("\n")
    for gone in ("By Wren Alder · 12,480 views", "5 min read", "Share", "Share this", "Close"):
        assert gone not in lines
    # Everything not ticked stays, every body paragraph included.
    for kept in original.split("\n")[4:]:
        if kept not in ("Share this", "Close", ""):
            assert kept in lines
    assert "More from Harbour Notes" in lines

    session.undo_stack.undo()  # the removal
    _song, articles = in_file(library_file)[HOST]
    # Stored as Markdown, each line of the plain text its own paragraph (a blank line between).
    assert articles[-1][1].split("\n")[:5] == ["By Wren Alder · 12,480 views", "", "5 min read", "", "Share"]
    assert articles[-1][1].rstrip("\n") == "\n\n".join(original.rstrip("\n").split("\n")[1:])
    session.undo_stack.undo()  # the article
    assert len(in_file(library_file)[HOST][1]) == len(articles) - 1


def test_unticked_furniture_is_kept_and_makes_no_second_step(
    qtbot, controller, session, library_file, monkeypatch
):
    answer(monkeypatch, controller, kind="article")
    run_import(qtbot, controller, [DATA / "pasted.txt"])
    body = in_file(library_file)[HOST][1][-1][1]
    assert body.startswith("By Wren Alder · 12,480 views\n\n5 min read\n\nShare\n")
    assert session.undo_stack.count() == 1


def test_an_article_needs_an_open_song(qtbot, controller, session, library_file, monkeypatch, dialogs):
    session.select_song("")
    before = in_file(library_file)
    answers = answer(monkeypatch, controller)
    run_import(qtbot, controller, [DATA / "article.md"])
    assert dialogs == [("warning", "“article.md” would be an article of the open song, but no song is open.")]
    assert answers.reviewed == []
    assert in_file(library_file).keys() == before.keys()


# ---------------------------------------------------------------- refusals


def test_a_binary_text_file_is_refused_with_one_message_and_changes_nothing(
    qtbot, controller, session, library_file, monkeypatch, dialogs
):
    before = in_file(library_file)
    answers = answer(monkeypatch, controller, kind="lyrics")

    run_import(qtbot, controller, [DATA / "binary.txt"])

    assert dialogs == [("warning", "“binary.txt” is not a text file (it holds binary data).")]
    assert answers.kinds_asked == [] and answers.reviewed == []  # refused before any question
    assert in_file(library_file) == before
    assert session.undo_stack.count() == 0


def test_several_files_import_together_and_refusals_are_reported_once(
    qtbot, controller, library_file, monkeypatch, dialogs, tmp_path
):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    answers = answer(monkeypatch, controller)

    run_import(qtbot, controller, [LRC, DATA / "empty.txt", DATA / "article.md", pdf])

    assert len(dialogs) == 1
    kind, text = dialogs[0]
    assert kind == "warning" and text.startswith("2 files were not imported")
    assert "“empty.txt” is empty." in text and "“scan.pdf” cannot be imported" in text
    assert len(answers.reviewed) == 2
    songs = in_file(library_file)
    assert "Lanterns on the Water" in songs
    assert len(songs[HOST][1]) == 1


# ----------------------------------------------------------- big files


def test_a_100000_line_file_imports_while_the_window_keeps_ticking(
    qtbot, controller, session, library_file, monkeypatch, tmp_path
):
    path = tmp_path / "long.txt"
    path.write_text("".join(f"Line {n} of a very long essay about ferries\n" for n in range(100_000)))
    controller.progress_delay_ms = 50
    answer(monkeypatch, controller)
    shown = []
    controller.progress_shown.connect(lambda: shown.append(controller.progress_dialog.isVisible()))
    ticks = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    controller.importer.finished.connect(timer.stop)
    timer.start()

    run_import(qtbot, controller, [path], kind="article")

    # Reading and finding furniture in 100,000 lines takes a while; the GUI thread went on meanwhile.
    assert len(ticks) > 10
    assert shown == [True]
    assert controller.progress_dialog is None  # closed when done
    body = in_file(library_file)[HOST][1][-1][1]
    assert body.count("\n") >= 99_998


def test_cancelling_the_progress_imports_nothing(
    qtbot, controller, session, library_file, monkeypatch, tmp_path
):
    path = tmp_path / "long.md"
    path.write_text("".join(f"Line {n} of a very long essay about ferries\n" for n in range(100_000)))
    controller.progress_delay_ms = 0
    answers = answer(monkeypatch, controller)
    before = in_file(library_file)
    clicked = []

    def click_cancel():
        button = controller.progress_dialog.findChild(QPushButton)
        clicked.append(button.text())
        button.click()

    controller.progress_shown.connect(lambda: QTimer.singleShot(0, click_cancel))

    run_import(qtbot, controller, [path, LRC])

    assert clicked == ["Cancel"]
    assert answers.reviewed == []
    assert in_file(library_file).keys() == before.keys()
    assert len(in_file(library_file)[HOST][1]) == len(before[HOST][1])


# ----------------------------------------------------------------- drops


def test_a_file_dropped_on_a_pane_is_imported(qtbot, controller, host, library_file, monkeypatch):
    pane = QPlainTextEdit(host)
    QVBoxLayout(host).addWidget(pane)
    host.show()
    qtbot.waitExposed(host)
    controller.install_drop_target(pane, "lyrics")
    answer(monkeypatch, controller)

    with qtbot.waitSignal(controller.import_finished, timeout=10000):
        assert drop(pane.viewport(), [LRC])

    assert "Lanterns on the Water" in in_file(library_file)
    assert pane.toPlainText() == ""  # the pane did not take the file's name as text


def test_dropped_text_is_left_to_the_widget(qtbot, controller, host, monkeypatch):
    pane = QPlainTextEdit(host)
    QVBoxLayout(host).addWidget(pane)
    host.show()
    qtbot.waitExposed(host)
    controller.install_drop_target(pane)
    answers = answer(monkeypatch, controller)
    drop(pane.viewport(), text="just words")
    qtbot.wait(50)
    assert answers.reviewed == [] and not controller.is_busy()


# ------------------------------------------------------------------ paste


@pytest.fixture(autouse=True)
def clean_clipboard(qapp):
    """The clipboard is emptied after each test: Qt owns what a test put there, and frees it now, not at exit."""
    yield
    qapp.clipboard().clear()


def set_clipboard(html=None, text=None):
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    QApplication.clipboard().setMimeData(mime)


PASTED_HTML = (
    "<h1>Why the ferry never leaves</h1>"
    "<p>By Wren Alder · 12,480 views</p>"
    "<h2>The first verse</h2>"
    "<p>The song opens on a cold morning, and the kettle sings before <em>anyone</em> speaks.</p>"
    "<blockquote><p>One lantern for every year she has been gone.</p></blockquote>"
)
PASTED_TEXT = (
    "Why the ferry never leaves\nBy Wren Alder · 12,480 views\nThe first verse\n"
    "The song opens on a cold morning, and the kettle sings before anyone speaks.\n"
    "One lantern for every year she has been gone.\n"
)


def test_paste_as_new_article_keeps_headings_quotes_and_emphasis(
    qtbot, controller, session, library_file, monkeypatch
):
    set_clipboard(PASTED_HTML, PASTED_TEXT)
    answers = answer(monkeypatch, controller, edit=lambda d: d.set_removed([1]))

    article_id = controller.paste_as_new_article()

    assert article_id
    dialog = answers.reviewed[0]
    assert not dialog.encoding_combo.isVisibleTo(dialog)  # nothing to decode in a paste
    title, body, source = in_file(library_file)[HOST][1][-1]
    assert title == "Why the ferry never leaves"
    assert "## The first verse" in body
    assert "> One lantern for every year she has been gone." in body
    assert "*anyone*" in body
    assert "12,480 views" not in body and source == ""
    session.undo_stack.undo()
    assert "12,480 views" in in_file(library_file)[HOST][1][-1][1]


def test_paste_as_new_song(qtbot, controller, session, library_file, monkeypatch):
    set_clipboard(text="The kettle sings\r\nGrey light on the rail\r\n")
    answers = answer(monkeypatch, controller, edit=lambda d: d.title_edit.setText("Kettle"))
    controller.paste_song_action.trigger()
    assert not answers.reviewed[0].ok_button.isHidden()
    song, _ = in_file(library_file)["Kettle"]
    assert song.lyrics == "The kettle sings\nGrey light on the rail" and song.source_file == ""


def test_paste_of_lrc_text_keeps_the_times(qtbot, controller, library_file, monkeypatch):
    set_clipboard(text="[ti:Kettle]\n[ar:Pines]\n[00:01.00]The kettle sings\n[00:02.50]Grey light\n")
    answer(monkeypatch, controller)
    controller.paste_as_new_song()
    song, _ = in_file(library_file)["Kettle"]
    assert (song.artist, song.lyrics_format, song.line_times) == ("Pines", "lrc", [[1000], [2500]])


def test_paste_of_nothing_says_so(controller, library_file, monkeypatch, dialogs):
    set_clipboard(text="  \n")
    answers = answer(monkeypatch, controller)
    assert controller.paste_as_new_song() is None
    assert controller.paste_as_new_article() is None
    assert dialogs == [("warning", "The clipboard holds no text to paste.")] * 2
    assert answers.reviewed == []


def test_paste_as_new_article_needs_an_open_song(controller, session, dialogs):
    session.select_song("")
    assert not controller.paste_article_action.isEnabled()
    set_clipboard(text="Some words about a song.")
    assert controller.paste_as_new_article() is None
    assert dialogs and "open a song first" in dialogs[0][1]


def test_paste_actions_have_free_shortcuts(controller):
    assert controller.paste_song_action.shortcut().toString() == "Ctrl+Alt+Shift+V"
    assert controller.paste_article_action.shortcut().toString() == "Ctrl+Alt+Shift+N"


# ----------------------------------------------------------------- looks


def test_render_the_review_dialog(qtbot, controller, monkeypatch, tmp_path):
    renders = []

    def edit(dialog):
        dialog.set_removed([1, 2, 3, 4, 7, 9])
        dialog.show()
        qtbot.waitExposed(dialog)
        image = dialog.grab()
        renders.append(image.size())
        assert image.save(str(tmp_path / "review.png"))
        return False  # cancel

    answer(monkeypatch, controller, kind="article", edit=edit)
    run_import(qtbot, controller, [DATA / "pasted.txt"])
    assert renders and renders[0].width() >= 560


def test_the_progress_dialog_never_shows_over_the_review(qtbot, controller, monkeypatch):
    # A quick read: the review opens before the progress dialog was due. While the user reviews
    # (here: events processed for longer than the progress delay), no progress dialog appears.
    controller.progress_delay_ms = 150
    seen = []

    def review(imported, path):
        qtbot.wait(600)
        seen.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()
        )
        return None

    monkeypatch.setattr(controller, "ask_review", review)
    run_import(qtbot, controller, [LRC])
    assert seen == []
