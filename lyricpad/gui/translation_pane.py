"""The translation pane: a song's translation beside its lyrics, line by line, to read, highlight, annotate and edit.

It is a `LyricsPane` showing another text (`target` "translation"): the same font, gutter, highlights,
notes and Edit mode. Line i stands beside lyric line i: its lines do not wrap, each is as tall as the
lyric line beside it (which may wrap, beside the study view's margin or in a narrow window:
`RowsBeside`), and its scrolling follows the lyrics' line by line (`LineAlignment`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from lyricpad.gui.lyrics_editing import document_text
from lyricpad.gui.lyrics_pane import LyricsPane

if TYPE_CHECKING:
    from lyricpad.app.current_song import CurrentSong
    from lyricpad.app.translation_edits import TranslationEdits
    from lyricpad.core.models import Annotation, Song, Translation


class RowsBeside(QPlainTextDocumentLayout):
    """The translation's layout: each line at least as tall as the lyric line beside it (`beside`), so that
    a lyric line wrapping onto two rows leaves the next translation line beside the next lyric line."""

    def __init__(self, document):
        super().__init__(document)
        self.beside: QPlainTextEdit | None = None
        """The lyrics pane whose lines' heights the translation's follow (None: its own heights)."""

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)
        beside = self.beside
        if beside is None or not rect.isValid():
            return rect
        lyric = beside.document().findBlockByNumber(block.blockNumber())
        if lyric.isValid() and lyric.isVisible():
            height = beside.document().documentLayout().blockBoundingRect(lyric).height()
            if height > rect.height():
                rect.setHeight(height)
        return rect

    def follow(self) -> None:
        """The lyric lines' heights changed (they wrap otherwise): lay the translation's out again."""
        self.documentSizeChanged.emit(self.documentSize())  # the editor measures its scrolling again
        self.requestUpdate()  # and draws it again


class TranslationPane(LyricsPane):
    """One song's translation, numbered like its lyrics, with the notes on it highlighted.

    `lyrics_edited` carries the translation's whole text in Edit mode. There a line stays a line:
    Enter goes to the next line, and Backspace or Delete do not join two lines, so that the
    translation keeps one line per lyric line.
    """

    wraps_lines = False  # line i stands beside lyric line i: its lines never wrap

    target = "translation"
    document_layout = RowsBeside

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("translationPane")
        self.setAccessibleName(self.tr("Translation"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # line i beside lyric line i
        self.gutter.set_numbers_visible(True)

    def show_translation(
        self, song: Song | None, translation: Translation | None, annotations: list[Annotation]
    ) -> None:
        """Show *song*'s *translation* (None: an empty pane) with the notes on it highlighted."""
        shown = None
        if song is not None and translation is not None:
            # The song's own line times stand beside the translation's lines as beside the lyrics'.
            shown = dataclasses.replace(song, lyrics=translation.text)
        self.show_song(shown, annotations)
        self.setAccessibleDescription(
            self.tr("Editing the translation, one line per lyric line; changes are saved as you type.")
            if self.is_editing()
            else self.tr(
                "The song's translation, line by line beside the lyrics. Select text to highlight it with a lens."
            )
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.is_editing() and self._joins_or_splits_lines(event):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                cursor = self.textCursor()
                cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
                self.setTextCursor(cursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def _joins_or_splits_lines(self, event: QKeyEvent) -> bool:
        """Whether *event* would add or take away a line break (the lines must stay the lyrics')."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return True
        cursor = self.textCursor()
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            crosses = self.document().findBlock(start) != self.document().findBlock(end)
            return crosses and (bool(event.text()) or key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete))
        if key == Qt.Key.Key_Backspace:
            return cursor.atBlockStart()
        if key == Qt.Key.Key_Delete:
            return cursor.atBlockEnd()
        return False

    def insertFromMimeData(self, source) -> None:
        if self.is_editing() and source.hasText():
            # Pasted into a line, text stays on that line.
            self.textCursor().insertText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)


class TranslationFollower(QObject):
    """Keeps *pane* showing the current song's translation and the notes on it."""

    def __init__(self, pane: TranslationPane, current: CurrentSong, edits: TranslationEdits):
        super().__init__(pane)
        self._pane = pane
        self._current = current
        self._edits = edits
        current.switched.connect(self.show)
        current.song_changed.connect(self._on_current_song_song_changed)
        current.annotations_changed.connect(self._on_current_song_annotations_changed)
        current.current_changed.connect(pane.set_selected_annotation)
        edits.translation_changed.connect(self._on_edits_translation_changed)

    def translation(self) -> Translation | None:
        return self._edits.get(self._current.song_id)

    def show(self, _song_id: str = "") -> None:
        current = self._current
        self._pane.show_translation(current.song, self.translation(), current.translation_annotations())
        self._pane.set_selected_annotation(current.current_id)

    def _on_current_song_song_changed(self, _song_id: str) -> None:
        # An edit of the lyrics takes the translation's lines along with theirs.
        translation = self.translation()
        if translation is None or document_text(self._pane.document()) != translation.text:
            self.show()
        elif self._current.song is not None:
            self._pane.gutter.set_line_times(self._current.song.line_times)  # its times set, undone or redone

    def _on_edits_translation_changed(self, song_id: str) -> None:
        if song_id != self._current.song_id:
            return
        translation = self.translation()
        if translation is None or document_text(self._pane.document()) != translation.text:
            self.show()  # not our own typing coming back: an import, an undo, a removal

    def _on_current_song_annotations_changed(self, _song_id: str) -> None:
        current = self._current
        if current.changed_in("translation"):
            self._pane.update_annotations(current.translation_annotations(), current.changed_ids)


class LineAlignment(QObject):
    """Keeps two panes line by line: lyric line i beside translation line i, as tall (`RowsBeside`),
    and the first line shown in one the first shown in the other.

    A lyric line wrapping onto several rows is scrolled past whole while the translation shows: a
    translation line has one row, and half a lyric line at the top would put every row below out of step.
    """

    def __init__(self, lyrics: QPlainTextEdit, translation: QPlainTextEdit):
        super().__init__(translation)
        self._lyrics = lyrics
        self._translation = translation
        self._busy = False
        self._lyrics_value = lyrics.verticalScrollBar().value()  # which way the lyrics scrolled
        layout = translation.document().documentLayout()
        self._rows = layout if isinstance(layout, RowsBeside) else None
        if self._rows is not None:
            self._rows.beside = lyrics
            # Wrapped differently (a resize, the study view's margin, a bigger font): the heights follow.
            lyrics.document().documentLayout().documentSizeChanged.connect(self._on_lyrics_rows_changed)
            lyrics.document().contentsChange.connect(self._on_lyrics_rows_changed)
        lyrics.verticalScrollBar().valueChanged.connect(self._on_lyrics_scrolled)
        translation.verticalScrollBar().valueChanged.connect(self._on_translation_scrolled)

    def align(self) -> None:
        """Put the translation's lines beside the lyrics' (after a show, a resize, a load)."""
        self._on_lyrics_rows_changed()
        self._on_lyrics_scrolled()

    def _on_lyrics_rows_changed(self, *_args) -> None:
        if self._rows is not None and self._translation.isVisible():
            self._rows.follow()
            self._on_lyrics_scrolled()

    def _on_lyrics_scrolled(self, value: int | None = None) -> None:
        bar = self._lyrics.verticalScrollBar()
        went_down = (bar.value() if value is None else value) > self._lyrics_value
        self._lyrics_value = bar.value()
        if self._busy or not self._translation.isVisible():
            return
        block = self._lyrics.firstVisibleBlock()
        if bar.value() != block.firstLineNumber():
            # Half a wrapped line at the top: on to the next line going down, back to its start going up.
            following = block.next()
            if went_down and following.isValid() and following.firstLineNumber() <= bar.maximum():
                block = following
            self._busy = True
            try:
                bar.setValue(block.firstLineNumber())
            finally:
                self._busy = False
            self._lyrics_value = bar.value()
        self._follow(self._translation, block.blockNumber())

    def _on_translation_scrolled(self, _value: int = 0) -> None:
        if self._busy or not self._translation.isVisible():
            return
        self._follow(self._lyrics, self._translation.firstVisibleBlock().blockNumber())
        self._lyrics_value = self._lyrics.verticalScrollBar().value()

    def _follow(self, editor: QPlainTextEdit, line: int) -> None:
        """Scroll *editor* so that its 0-based *line* is the first shown (a wrapped line counts its rows)."""
        block = editor.document().findBlockByNumber(line)
        if not block.isValid():
            return
        self._busy = True
        try:
            # A plain text editor scrolls by rows: the rows of the lines above *line*.
            editor.verticalScrollBar().setValue(block.firstLineNumber())
        finally:
            self._busy = False
