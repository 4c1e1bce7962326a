"""Keeps a lyrics pane showing the current song: its lyrics, highlights, current annotation and quote marks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from lyricpad.gui.lyrics_editing import document_text

if TYPE_CHECKING:
    from lyricpad.app.current_song import CurrentSong
    from lyricpad.gui.lyrics_pane import LyricsPane


class LyricsFollower(QObject):
    """Shows *current*'s song in *pane* now, and again whenever the song, its annotations or links change."""

    def __init__(self, pane: LyricsPane, current: CurrentSong):
        super().__init__(pane)
        self._pane = pane
        self._current = current
        current.switched.connect(self._on_current_song_switched)
        current.song_changed.connect(self._on_current_song_song_changed)
        current.annotations_changed.connect(self._on_current_song_annotations_changed)
        current.current_changed.connect(pane.set_selected_annotation)
        current.links_changed.connect(self.show_quote_marks)
        current.articles_changed.connect(self.show_quote_marks)  # titles in the tooltips
        self._on_current_song_switched(current.song_id)
        pane.set_selected_annotation(current.current_id)

    def show_quote_marks(self, _song_id: str = "") -> None:
        """Mark the lines the song's articles quote (none while the lyrics are edited)."""
        current = self._current
        self._pane.show_quote_marks(current.links(), {a.id: a.title for a in current.articles()})

    def _on_current_song_switched(self, _song_id: str) -> None:
        self._pane.show_song(self._current.song, self._current.lyrics_annotations())
        self.show_quote_marks()

    def _on_current_song_song_changed(self, _song_id: str) -> None:
        song = self._current.song
        if song is None or song.deleted:
            return
        if document_text(self._pane.document()) != song.lyrics:
            # Not our own typing coming back: an undo, a redo or another change of the lyrics.
            self._pane.show_song(song, self._current.lyrics_annotations())

    def _on_current_song_annotations_changed(self, _song_id: str) -> None:
        current = self._current
        if current.changed_in("lyrics"):  # an article's annotations alone: nothing here to draw again
            self._pane.update_annotations(current.lyrics_annotations(), current.changed_ids)
