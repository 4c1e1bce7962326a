"""Editing the lyrics and articles in the main window: the Edit toggles, new articles, typed text to the session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from lyricpad.app.current_song import CurrentSong

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow


class WindowEditing(QObject):
    """Switches the reading panes into editing and back, and hands what is typed in them to the session."""

    def __init__(self, window: MainWindow, current: CurrentSong):
        super().__init__(window)
        self._window = window
        self._current = current
        for pane in (window.lyrics_pane, window.article_pane):
            pane.editing_changed.connect(self._on_pane_editing_changed)
        window.lyrics_pane.lyrics_edited.connect(self._on_lyrics_pane_lyrics_edited)
        window.article_pane.article_edited.connect(self._on_article_pane_article_edited)
        window.article_pane.article_title_edited.connect(self._on_article_pane_article_title_edited)
        window.article_pane.new_article_requested.connect(self.new_article)

    def set_lyrics_editing(self, editing: bool) -> None:
        """Edit > Edit Lyrics."""
        window = self._window
        window.lyrics_pane.set_editing(editing)
        window.show_song_header()
        if editing:
            window.lyrics_pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_article_editing(self, editing: bool) -> None:
        """Edit > Edit Article: a song without an article gets a new one to write."""
        if editing and not self._window.article_pane.current_article_id:
            self.new_article()
            return
        self._window.article_pane.set_editing(editing)

    def new_article(self) -> None:
        """File > New Article: an untitled article of the song shown, opened for editing."""
        window = self._window
        song = self._current.song
        if song is None:
            return
        window.flush_edits()
        window.article_pane.set_editing(False)
        article_id = window.session.article_edits.add(song.id, self.tr("Untitled article"), "")
        if article_id:
            window.article_pane.show_articles(self._current.articles(), self._current.annotations())
            window.article_pane.open_article(article_id, editing=True)

    def _on_pane_editing_changed(self, _editing: bool) -> None:
        window = self._window
        window.menus.show_editing()
        if not window.article_pane.is_editing() and self._current.song is not None:
            # Back to reading: show the article as saved (and its re-anchored highlights).
            self._current.read_articles()
            window.article_pane.show_articles(self._current.articles(), self._current.annotations())

    def _on_lyrics_pane_lyrics_edited(self, text: str) -> None:
        # The pane's song, not the window's: the window may already be switching songs.
        song_id = self._window.lyrics_pane.song_id()
        if song_id:
            self._window.session.song_edits.update(song_id, lyrics=text)

    def _on_article_pane_article_edited(self, article_id: str, body: str) -> None:
        self._window.session.article_edits.update(article_id, body=body)

    def _on_article_pane_article_title_edited(self, article_id: str, title: str) -> None:
        self._window.session.article_edits.update(article_id, title=title)
