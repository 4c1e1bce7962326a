"""Import wired into the main window: File menu, drops on the panes, files from the command line
or another start of lyricpad (issue 5)."""

from __future__ import annotations

from pathlib import Path

from gui_testing import drop

from lyricpad.core.importers import ImportedText
from lyricpad.gui.import_dialog import ImportChoice
from lyricpad.gui.launch import show_handed_over

DATA = Path(__file__).parent.parent / "data" / "import"
LRC = DATA / "The Hollow Pines - Lanterns on the Water.lrc"
ARTICLE = DATA / "article.md"


def accept_reviews(window, monkeypatch) -> list[str]:
    """Answer every review as the user pressing Import would; records what was reviewed."""
    reviewed = []

    def review(imported: ImportedText, path):
        reviewed.append(imported.kind)
        return ImportChoice(imported, imported.title or "Untitled", imported.artist, imported.author)

    monkeypatch.setattr(window.importer, "ask_review", review)
    return reviewed


def test_the_file_menu_has_import_and_paste_actions(window):
    texts = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    assert any(t.startswith("Import") for t in texts)
    assert any("Paste as New Song" in t for t in texts) and any("Paste as New Article" in t for t in texts)


def test_an_article_dropped_on_the_article_pane_is_added_and_shown(qtbot, window, monkeypatch):
    reviewed = accept_reviews(window, monkeypatch)
    song_id = window.session.current_song_id
    before = len(window.session.articles(song_id))
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000):
        assert drop(window.article_pane.browser.viewport(), [ARTICLE])
    articles = window.session.articles(song_id)
    assert reviewed == ["article"] and len(articles) == before + 1
    qtbot.waitUntil(lambda: window.article_pane.current_article_id == articles[-1].id)


def test_lyrics_dropped_on_the_lyrics_pane_make_a_new_song(qtbot, window, monkeypatch):
    accept_reviews(window, monkeypatch)
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000):
        assert drop(window.lyrics_pane.viewport(), [LRC])
    titles = [s.title for s in window.session.songs()]
    assert titles.count("Lanterns on the Water") == 2
    new = [s for s in window.session.songs() if s.lyrics_format == "lrc"]
    assert len(new) == 1 and new[0].line_times


def test_files_handed_over_by_another_start_are_imported(qtbot, window, monkeypatch):
    accept_reviews(window, monkeypatch)
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000):
        show_handed_over(window, {"song": None, "files": [str(LRC)]})
    assert any(s.lyrics_format == "lrc" for s in window.session.songs())


def test_a_hostile_page_shown_in_the_article_pane_fetches_and_reads_nothing(window, no_network, monkeypatch):
    from lyricpad.core.importers import read_import
    from lyricpad.gui.article_pane import ArticleBrowser

    asked = []
    real = ArticleBrowser.loadResource

    def spy(browser, kind, url):
        asked.append(url.toString())
        return real(browser, kind, url)

    monkeypatch.setattr(ArticleBrowser, "loadResource", spy)
    page = read_import(DATA / "hostile.html")
    # What a user could also type into an article: images and links to the network and to local files.
    body = page.text + "\n\n![pixel](http://127.0.0.1:9/p.png) ![secret](file:///etc/passwd) <img src=x>\n"
    song_id = window.session.current_song_id
    article_id = window.session.article_edits.add(song_id, page.title, body)
    window.article_pane.open_article(article_id)
    window.article_pane.browser.grab()  # paint it: images would be asked for now
    shown = window.article_pane.browser.toPlainText()
    assert "the only honest part of the page" in shown
    assert asked == []  # no image, stylesheet or page was asked for, remote or local
