"""Issue 17, after an import: where a batch's files went, a plain-text article's paragraphs, the review's room;
the real window, real dialogs answered by mouse clicks, the library read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_import_first_hour import (
    Modals,
    click_button,
    composite,
    press_import,
    run_import,
    set_clipboard,
)

from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.markdown import rendered_text
from lyricpad.gui.import_review_dialog import ImportReviewDialog

DATA = Path(__file__).parent.parent / "data" / "import"
LRC = DATA / "The Hollow Pines - Lanterns on the Water.lrc"
SIZES = [(1024, 700), (1280, 800)]
WEB_COPY = (
    "Why the ferry never leaves\n"
    "The song opens on a cold morning, with the kettle singing before anyone speaks.\n"
    "By the second verse the lanterns have drifted past the harbour wall.\n"
    "The last chorus never resolves, and the ferry never leaves.\n"
)


@pytest.fixture(autouse=True)
def clear_clipboard():
    """No test reads what another put on the clipboard."""
    yield
    QApplication.clipboard().clear()


def article_file(tmp_path, name, heading):
    path = tmp_path / name
    path.write_text(f"# {heading}\n\nThe ferry waits for a horn that never sounds.\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ batches


@pytest.mark.parametrize("size", SIZES)
def test_a_batch_says_in_the_status_bar_where_each_file_went(qtbot, window, tmp_path, shots, size):
    window.resize(*size)
    host = window.session.current_song_id
    lrc = tmp_path / "paper.lrc"
    lrc.write_text("[ti:Paper Boats]\n[ar:Wren Alder]\n[00:01.00]Fold it, float it\n", encoding="utf-8")
    first, second = (
        article_file(tmp_path, "a.md", "On the ferry"),
        article_file(tmp_path, "b.md", "On the horn"),
    )

    run_import(qtbot, window, [lrc, first, second], press_import, press_import, press_import)

    paper = next(s for s in window.session.songs() if s.title == "Paper Boats")
    assert window.session.current_song_id == paper.id  # the new song is shown...
    assert [a.title for a in window.session.articles(host)][-2:] == ["On the ferry", "On the horn"]
    assert window.statusBar().currentMessage() == (  # ...and the articles' song is named
        f"Imported 3 files: “Paper Boats” (new song); 2 articles of “{DEMO_TITLE}”"
    )
    shots(window, f"17-F2-batch-summary-{size[0]}x{size[1]}")


def test_a_batch_of_articles_only_shows_their_song_and_the_last_of_them(qtbot, window, tmp_path):
    host = window.session.current_song_id
    run_import(qtbot, window, [LRC], press_import)  # in the library already...
    window.session.select_song(host)
    article = article_file(tmp_path, "a.md", "On the ferry")

    # ...so "Open the Existing Song" shows that song, but the article goes to the one open before.
    run_import(qtbot, window, [LRC, article], click_button("Open the Existing Song"), press_import)

    made = window.session.articles(host)[-1]
    assert made.title == "On the ferry"
    assert window.statusBar().currentMessage() == f"Imported 1 file: 1 article of “{DEMO_TITLE}”"
    qtbot.waitUntil(lambda: window.session.current_song_id == host)
    qtbot.waitUntil(lambda: window.article_pane.current_article_id == made.id)


def test_one_file_says_nothing_more(qtbot, window, tmp_path):
    window.statusBar().clearMessage()
    run_import(qtbot, window, [article_file(tmp_path, "a.md", "On the ferry")], press_import)
    assert not window.statusBar().currentMessage().startswith("Imported")


# ------------------------------------------------------- plain-text articles


@pytest.mark.parametrize("size", SIZES)
def test_a_pasted_plain_article_keeps_its_paragraphs_and_can_be_highlighted(
    qtbot, window, demo_path, shots, size
):
    window.resize(*size)
    set_clipboard(WEB_COPY)  # one newline between paragraphs, as copied from most web pages
    modals = Modals(press_import)
    try:
        article_id = window.importer.paste_as_new_article()
    finally:
        modals.check()
    article = next(a for a in window.session.articles(window.session.current_song_id) if a.id == article_id)
    assert article.title == "Why the ferry never leaves"
    paragraphs = WEB_COPY.split("\n")[1:4]
    assert rendered_text(article.body) == "\n".join(paragraphs)
    qtbot.waitUntil(lambda: window.article_pane.current_article_id == article_id)
    browser = window.article_pane.browser
    document = browser.document()
    assert [document.findBlockByNumber(n).text() for n in range(3)] == paragraphs
    # Three paragraphs are drawn on three places down the page, not run together on one.
    assert document.blockCount() == 3
    layout = document.documentLayout()
    tops = [layout.blockBoundingRect(document.findBlockByNumber(n)).top() for n in range(3)]
    assert tops[0] < tops[1] < tops[2]

    # Highlighting a passage of the second paragraph anchors on exactly that passage.
    window.activateWindow()  # back from the review: lens keys reach an active window only
    qtbot.waitUntil(window.isActiveWindow)
    cursor = document.find("lanterns have drifted")
    browser.setTextCursor(cursor)
    browser.setFocus(Qt.FocusReason.MouseFocusReason)
    before = {a.id for a in window.session.annotations(window.session.current_song_id)}
    qtbot.keyClick(browser, Qt.Key.Key_1)
    (made,) = [a for a in window.session.annotations(window.session.current_song_id) if a.id not in before]
    assert (made.target, made.quote) == ("article", "lanterns have drifted")
    start, end = made.first.start, made.first.end
    assert rendered_text(article.body)[start:end] == "lanterns have drifted"
    shots(window, f"17-F2-plain-article-{size[0]}x{size[1]}")


# -------------------------------------------------------------- the review


@pytest.mark.parametrize("size", SIZES)
def test_the_review_gives_the_furniture_room_without_sideways_scrolling(qtbot, window, shots, size):
    window.resize(*size)
    set_clipboard((DATA / "scraped_paste.txt").read_text(encoding="utf-8"))
    seen = {}

    def review(dialog: ImportReviewDialog):
        qtbot.waitExposed(dialog)
        furniture = dialog.furniture_list
        seen["dialog"] = (dialog.width(), dialog.height())
        seen["rows"] = furniture.count()
        seen["sideways"] = furniture.horizontalScrollBar().isVisible()
        # Rows fully in view: from the top of the list down to the last row showing whole.
        seen["visible"] = sum(
            1
            for row in range(furniture.count())
            if furniture.viewport().rect().contains(furniture.visualItemRect(furniture.item(row)))
        )
        wide = max(range(furniture.count()), key=lambda row: len(furniture.item(row).text()))
        seen["tooltip"] = furniture.item(wide).toolTip()
        seen["text"] = furniture.item(wide).data(Qt.ItemDataRole.UserRole).text.strip()
        # At its narrowest, a long line wraps in its row instead of scrolling sideways.
        width = dialog.width()
        dialog.resize(dialog.minimumWidth(), dialog.height())
        qtbot.waitUntil(lambda: furniture.viewport().width() < 560)
        QApplication.processEvents()
        row_height = furniture.visualItemRect(furniture.item(wide)).height()
        seen["wrapped"] = row_height > 1.5 * furniture.fontMetrics().height()
        seen["narrow sideways"] = furniture.horizontalScrollBar().isVisible()
        dialog.resize(width, dialog.height())
        name = f"17-F2-review-furniture-{size[0]}x{size[1]}"
        shot = shots(dialog, name + "-dialog")
        composite(window, dialog, shot.with_name(name + ".png"))
        QTest.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
        )

    modals = Modals(review)
    try:
        assert window.importer.paste_as_new_article() is None
    finally:
        modals.check()
    width, height = seen["dialog"]
    assert width >= min(size[0] * 0.8, 1000) and height >= size[1] * 0.8  # the window's room, not 640x560
    assert width <= size[0] and height <= size[1]
    assert not seen["sideways"] and not seen["narrow sideways"] and seen["wrapped"]
    assert seen["visible"] >= min(seen["rows"], 7)
    assert seen["text"] in seen["tooltip"]


def test_a_review_without_a_window_keeps_its_own_size(qtbot):
    from lyricpad.core.importers import ImportedText

    dialog = ImportReviewDialog(ImportedText(kind="lyrics", text="la", format="plain"))
    qtbot.addWidget(dialog)
    assert (dialog.width(), dialog.height()) == (640, 480)


# ------------------------------------------------------------ what a .txt holds


def test_a_chord_sheet_txt_is_not_asked_about_but_prose_is(qtbot, window, tmp_path):
    sheet = tmp_path / "Wren Alder - Night Ferry.txt"
    sheet.write_text(
        "[Verse 1]\nG        D          Em\nThe ferry leaves at nine\n\n[Chorus]\nC          G\nSo light a lantern\n",
        encoding="utf-8",
    )
    modals = run_import(qtbot, window, [sheet], press_import)  # the review only: no "What does … hold?"
    assert modals.seen == ["Import Lyrics"]
    night = next(s for s in window.session.songs() if s.title == "Night Ferry")
    assert night.lyrics.split("\n")[:3] == ["[Verse 1]", "G        D          Em", "The ferry leaves at nine"]

    notes = tmp_path / "notes.txt"
    notes.write_text("The ferry waits for a horn that never sounds, and so do we.\n", encoding="utf-8")
    modals = run_import(qtbot, window, [notes], click_button("Cancel"))
    assert modals.seen == [
        "What does “notes.txt” hold? | Lyrics (a new song) / An article of “Night Ferry” / Cancel"
    ]
