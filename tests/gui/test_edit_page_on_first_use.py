"""The article's Markdown source editor (and its pygments lexer) is built when first used, not with the
window, and then works as if it had always been there: the article's source, saving, file drops."""

from __future__ import annotations

from pathlib import Path

from gui_testing import drop
from PySide6.QtWidgets import QWidget

from lyricpad.core.importers import ImportedText
from lyricpad.gui.import_review_dialog import ImportChoice

ARTICLE = Path(__file__).parent.parent / "data" / "import" / "article.md"


def source_editors(window) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.accessibleName() == "Article Markdown source"]


def test_the_window_opens_without_the_source_editor_and_builds_it_for_editing(qtbot, window):
    pane = window.article_pane
    assert source_editors(window) == []
    assert pane.source_text() == "" and pane.flush() is None  # asking about it builds nothing
    assert source_editors(window) == []

    pane.edit_action.trigger()
    assert pane.is_editing()
    assert source_editors(window) == [pane.source_edit]
    article = pane.current_article
    assert pane.source_edit.toPlainText() == article.body
    assert pane.stack.currentWidget() is pane.edit_page

    # Typing is saved through the window, as before.
    pane.source_edit.moveCursor(pane.source_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(pane.source_edit, " Added.")
    pane.edit_action.trigger()  # Done: flushed and shown rendered
    assert not pane.is_editing()
    assert window.session.articles(article.song_id)[0].body.endswith(" Added.")
    assert source_editors(window) == [pane.source_edit]  # built once, kept


def test_files_dropped_on_the_source_editor_are_imported_once_it_is_built(qtbot, window, monkeypatch):
    reviewed = []

    def review(imported: ImportedText, path):
        reviewed.append(imported.kind)
        return ImportChoice(imported, imported.title or "Untitled", imported.artist, imported.author)

    monkeypatch.setattr(window.importer, "ask_review", review)
    pane = window.article_pane
    pane.edit_action.trigger()
    song_id = window.session.current_song_id
    before = len(window.session.articles(song_id))
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000):
        assert drop(pane.source_edit.viewport(), [ARTICLE])
    assert reviewed == ["article"]
    assert len(window.session.articles(song_id)) == before + 1
