"""Issue 17 in the window: the import preview in the lyrics font, bylines as authors, one song for a batch's
articles, the same file imported twice, and a final newline that starts no line; real dialogs, real clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QFontInfo, QPainter, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from lyricpad.core.demo import DEMO_TITLE
from lyricpad.gui.import_review_dialog import ImportReviewDialog

DATA = Path(__file__).parent.parent / "data" / "import"
LRC = DATA / "The Hollow Pines - Lanterns on the Water.lrc"
CHORDS = "G       D        Em\nThe ferry leaves at nine\n     C         G\nAnd nobody waves goodbye\n"


class Modals:
    """Answers the window's modal dialogs as they open, in order, each with a real mouse click."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.seen: list[str] = []
        self.errors: list[Exception] = []
        self._handled: set[int] = set()
        self._timer = QTimer()
        self._timer.timeout.connect(self._poll)
        self._timer.start(30)

    def stop(self):
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()  # gone with Qt's objects, not at interpreter exit after them
            self._timer = None

    def _poll(self):
        widget = QApplication.activeModalWidget()
        if widget is None or isinstance(widget, QProgressDialog) or id(widget) in self._handled:
            return
        if not widget.isVisible():
            return
        self._handled.add(id(widget))
        if not self.answers:
            # A dialog nobody expected would wait for ever inside the test's event loop (a hang,
            # not a failure): close it and say what it was.
            title = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
            self.errors.append(AssertionError(f"unexpected dialog: {title}"))
            widget.reject()
            return
        answer = self.answers.pop(0)
        if isinstance(widget, QMessageBox):
            self.seen.append(
                widget.text() + " | " + " / ".join(b.text().replace("&", "") for b in widget.buttons())
            )
        else:
            self.seen.append(widget.windowTitle())
        try:
            answer(widget)
        except Exception as exc:  # noqa: BLE001  (raised in a timer slot: kept for the test, dialog closed)
            self.errors.append(exc)
            widget.reject()

    def check(self):
        """Stop answering; raise what failed inside an answer."""
        self.stop()
        if self.errors:
            raise self.errors[0]


def click_button(text):
    def answer(box: QMessageBox):
        buttons = [b for b in box.buttons() if b.text().replace("&", "") == text]
        if not buttons:  # not the question expected: close it, and let the test's asserts say so
            box.reject()
            return
        QTest.mouseClick(buttons[0], Qt.MouseButton.LeftButton)

    return answer


def press_import(dialog: ImportReviewDialog):
    if not isinstance(dialog, ImportReviewDialog):  # not the review expected
        dialog.reject()
        return
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def run_import(qtbot, window, paths, *answers) -> Modals:
    modals = Modals(*answers)
    try:
        with qtbot.waitSignal(window.importer.import_finished, timeout=30000):
            window.importer.import_paths([str(p) for p in paths])
    finally:
        modals.check()
    assert modals.answers == [], f"not asked: {len(modals.answers)} answers left; seen {modals.seen}"
    return modals


@pytest.fixture(autouse=True)
def clear_clipboard():
    """No test reads what another put on the clipboard (the conftest's session-wide clear is what keeps
    the offscreen process from crashing at exit)."""
    yield
    QApplication.clipboard().clear()


def set_clipboard(text, html=None):
    mime = QMimeData()
    mime.setText(text)
    if html:
        mime.setHtml(html)
    QApplication.clipboard().setMimeData(mime)


def composite(window, dialog, path: Path) -> None:
    """The window with the dialog over it, as a user sees them (the offscreen platform grabs each alone)."""
    image = window.grab()
    painter = QPainter(image)
    painter.drawPixmap(
        dialog.mapTo(window, QPoint(0, 0))
        if dialog.parent() is window
        else window.mapFromGlobal(dialog.pos()),
        dialog.grab(),
    )
    painter.end()
    assert image.save(str(path), "PNG")


# ------------------------------------------------------------------ preview


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_the_preview_uses_the_lyrics_font_so_chords_sit_over_their_words(
    qtbot, window, tmp_path, shots, size
):
    window.resize(*size)
    path = tmp_path / "Wren Alder - Night Ferry.txt"
    path.write_text(CHORDS, encoding="utf-8")
    checked = []

    def review(dialog: ImportReviewDialog):
        dialog.resize(min(640, size[0] - 80), min(560, size[1] - 80))
        dialog.show()
        qtbot.waitExposed(dialog)
        preview = dialog.preview
        assert QFontInfo(preview.font()).fixedPitch()
        assert preview.font().family() == window.lyrics_pane.font().family()
        assert preview.font().pointSizeF() == window.lyrics_pane.font().pointSizeF()

        def x_of(block: int, column: int) -> int:
            cursor = QTextCursor(preview.document().findBlockByNumber(block))
            cursor.movePosition(QTextCursor.MoveOperation.Right, n=column)
            return preview.cursorRect(cursor).x()

        # "Em" is over "nine", "C" over "nobody": the same column is the same x on both lines.
        assert x_of(0, 17) == x_of(1, 17) and x_of(2, 5) == x_of(3, 5)
        assert x_of(0, 17) > x_of(0, 8) > 0
        assert dialog.format_label.text() == "Plain text · 4 lines"
        name = f"17-H4-import-preview-{size[0]}x{size[1]}"
        shot = shots(dialog, name + "-dialog")
        composite(window, dialog, shot.with_name(name + ".png"))
        checked.append(name)
        QTest.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    run_import(qtbot, window, [path], click_button("Lyrics (a new song)"), review)
    assert checked and "Night Ferry" not in [s.title for s in window.session.songs()]


def test_the_preview_follows_the_zoomed_lyrics_pane(qtbot, window):
    before = window.lyrics_pane.font().pointSizeF()
    window.window_layout.zoom(2)
    assert window.lyrics_pane.font().pointSizeF() == before + 2
    dialog = window.importer.review_dialog(_read(DATA / "sections.txt", "lyrics"), str(DATA / "sections.txt"))
    qtbot.addWidget(dialog)
    assert dialog.preview.font().pointSizeF() == window.lyrics_pane.font().pointSizeF()


def _read(path, kind):
    from lyricpad.core.importers import read_import

    return read_import(path, kind=kind)


# ------------------------------------------------------------------ pastes


def test_a_pasted_page_fills_the_author_from_its_byline_and_loses_its_furniture(qtbot, window, shots):
    window.resize(1280, 800)
    set_clipboard((DATA / "scraped_paste.txt").read_text(encoding="utf-8"))
    song_id = window.session.current_song_id
    seen = {}

    def review(dialog: ImportReviewDialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["author"] = dialog.author_edit.text()
        seen["title"] = dialog.title_edit.text()  # "| Harbour Notes" left out, as the text repeats it without
        seen["furniture"] = dialog.furniture_list.count()
        QTest.mouseClick(dialog.tick_all_button, Qt.MouseButton.LeftButton)
        shots(dialog, "17-H4-paste-furniture-1280x800")
        press_import(dialog)

    modals = Modals(review)
    try:
        article_id = window.importer.paste_as_new_article()
    finally:
        modals.check()
    assert seen == {"author": "Jo Writer", "title": "Why the ferry never leaves", "furniture": 10}
    article = next(a for a in window.session.articles(song_id) if a.id == article_id)
    assert article.author == "Jo Writer"
    assert article.body.startswith("The song opens on a cold morning.")
    assert article.body.rstrip().endswith("that the waiting was the song.")  # the last paragraph stays
    for furniture in ("close", "Instagram", "Harbour Notes |", "4 min read", "..."):
        assert furniture not in article.body


def test_an_imported_markdown_file_shows_no_file_name_as_its_author(qtbot, window):
    song_id = window.session.current_song_id
    run_import(qtbot, window, [DATA / "article.md"], press_import)
    article = window.session.articles(song_id)[-1]
    assert (article.title, article.author, article.source) == ('Reading "Lanterns on the Water"', "", "")
    qtbot.waitUntil(lambda: window.article_pane.current_article_id == article.id)
    header = window.article_pane.header
    assert header.title() == 'Reading "Lanterns on the Water"'
    assert "article.md" not in header.subtitle()  # under the title, where it read as the author


# ------------------------------------------------------------------ batches


def test_a_batch_asks_about_and_adds_to_the_song_open_before_it(qtbot, window, tmp_path):
    host = window.session.current_song_id
    assert window.session.song(host).title == DEMO_TITLE
    lrc = tmp_path / "night.lrc"
    lrc.write_text(
        "[ti:Night Ferry]\n[ar:Wren Alder]\n[00:01.00]The ferry leaves at nine\n", encoding="utf-8"
    )
    notes = tmp_path / "notes.txt"
    notes.write_text(
        "On the ferry\n\nThe song waits, and so does the ferry, for a horn that never sounds.\n",
        encoding="utf-8",
    )

    modals = run_import(
        qtbot, window, [lrc, notes], press_import, click_button(f"An article of “{DEMO_TITLE}”"), press_import
    )

    night = next(s for s in window.session.songs() if s.title == "Night Ferry")
    assert any(f"An article of “{DEMO_TITLE}”" in seen for seen in modals.seen)
    assert not any("Night Ferry”" in seen for seen in modals.seen if "What does" in seen)
    assert [a.title for a in window.session.articles(host)][-1] == "On the ferry"
    assert window.session.articles(night.id) == []


# --------------------------------------------------------------- duplicates


@pytest.mark.parametrize("choice", ["Open the Existing Song", "Import Again", "Cancel"])
def test_importing_the_same_file_twice_asks_first(qtbot, window, choice):
    run_import(qtbot, window, [LRC], press_import)
    first = [s for s in window.session.songs() if s.lyrics_format == "lrc"]
    assert len(first) == 1
    window.session.select_song(next(s.id for s in window.session.songs() if s.lyrics_format != "lrc"))
    undo_steps = window.session.undo_stack.count()

    answers = [click_button(choice)] + ([press_import] if choice == "Import Again" else [])
    modals = run_import(qtbot, window, [LRC], *answers)

    assert modals.seen[0].startswith(
        "The library already has “Lanterns on the Water” by The Hollow Pines with the same lyrics."
    )
    assert set(modals.seen[0].split(" | ")[1].split(" / ")) == {
        "Open the Existing Song",
        "Import Again",
        "Cancel",
    }
    now = [s for s in window.session.songs() if s.lyrics_format == "lrc"]
    if choice == "Import Again":
        assert len(now) == 2 and window.session.undo_stack.count() == undo_steps + 1
    else:
        assert now == first and window.session.undo_stack.count() == undo_steps
    if choice == "Open the Existing Song":
        assert window.session.current_song_id == first[0].id
    elif choice == "Cancel":
        assert window.session.current_song_id != first[0].id


def test_pasting_lyrics_already_in_the_library_asks_too(qtbot, window, shots):
    song = window.session.song(window.session.current_song_id)
    set_clipboard(song.lyrics + "\n")

    def review(dialog):
        dialog.title_edit.setText(song.title)
        press_import(dialog)

    informative = []

    def look_then_cancel(box):
        informative.append(box.informativeText())
        shots(box, "17-F5-duplicate-question")
        click_button("Cancel")(box)

    modals = Modals(review, look_then_cancel)
    try:
        assert window.importer.paste_as_new_song() is None
    finally:
        modals.check()
    # the song was typed or pasted, never imported: the question says only what is known
    assert modals.seen[1].startswith(
        f"The library already has “{song.title}” by {song.artist} with the same lyrics."
    )
    assert informative == ["Importing it again makes a second copy of the song."]
    assert [s.title for s in window.session.songs()].count(song.title) == 1


# ------------------------------------------------------------ final newline


def test_300_pasted_lines_with_a_final_newline_are_300_lines(qtbot, window):
    set_clipboard("".join(f"Line {n} of the long song\n" for n in range(1, 301)))
    seen = {}

    def review(dialog):
        seen["format"] = dialog.format_label.text()
        dialog.title_edit.setText("Long Song")
        press_import(dialog)

    modals = Modals(review)
    try:
        song_id = window.importer.paste_as_new_song()
    finally:
        modals.check()
    assert seen["format"] == "Pasted text · 300 lines"
    assert window.session.song(song_id).to_json()["line_count"] == 300
    qtbot.waitUntil(lambda: window.session.current_song_id == song_id)
    qtbot.waitUntil(lambda: window.lyrics_pane.blockCount() == 300)  # no blank, numbered 301st line
    assert window.lyrics_pane.document().lastBlock().text() == "Line 300 of the long song"
