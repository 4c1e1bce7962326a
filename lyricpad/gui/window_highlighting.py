"""Turning the text selected in a pane into a highlight, and putting highlights that lost their words back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from lyricpad.app.current_song import CurrentSong
from lyricpad.core.anchoring import Anchor, anchor_for_range, anchors_for_quote, find_occurrences
from lyricpad.core.errors import LyricpadError
from lyricpad.core.markdown import rendered_text
from lyricpad.core.text import LineIndex
from lyricpad.gui.annotations_panel import PLACE_SHORTCUT
from lyricpad.gui.note_editor import line_reference
from lyricpad.gui.notice_bar import STATUS_MS

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow


THIS_OCCURRENCE = "this"
EVERY_OCCURRENCE = "every"
"""The answers of `WindowHighlighting.ask_occurrences`."""


def _whole_lines(text: str, start: int, end: int) -> bool:
    """Whether [start, end) of *text* begins at a line's start and stops at a line's end."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def repeated_places(text: str, start: int, end: int) -> list[int]:
    """Where the text selected at [start, end) occurs in *text* (start offsets, the selection's included).

    Whole lines are compared as lines: lines 8-9 of a song repeat where the same two lines
    stand alone again, not where their words sit inside a longer line.
    """
    quote = text[start:end]
    places = find_occurrences(text, quote)
    if _whole_lines(text, start, end):
        places = [p for p in places if _whole_lines(text, p, p + len(quote))]
    return places


class WindowHighlighting(QObject):
    """Highlights the selection of the reading pane last used, and places, accepts and reveals highlights."""

    def __init__(self, window: MainWindow, current: CurrentSong):
        super().__init__(window)
        self._window = window
        self._current = current
        self._active_pane = "lyrics"
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_app_focus_changed)

    def _say(self, message: str, ms: int = STATUS_MS) -> None:
        self._window.statusBar().showMessage(message, ms)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # The pane the user was last in is the one whose selection a lens key highlights.
        lyrics, article = self._window.lyrics_pane, self._window.article_pane
        if new is None:
            return
        if new is lyrics or lyrics.isAncestorOf(new):
            self._active_pane = "lyrics"
        elif new is article or article.isAncestorOf(new):
            self._active_pane = "article"

    # ------------------------------------------------------------- highlighting

    def _selection(self) -> tuple[str, str | None, int, int] | None:
        """(target, article id, start, end) of the text selected in the pane last used."""
        lyrics, article = self._window.lyrics_pane, self._window.article_pane
        if self._active_pane == "lyrics":
            if lyrics.is_editing() or (selected := lyrics.selected_range()) is None:
                return None
            return "lyrics", None, selected[0], selected[1]
        # Never the other pane's leftover selection: only what the user is looking at.
        if (chosen := article.selected_range()) is None:
            return None
        article_id, start, end = chosen
        return "article", article_id, start, end

    def highlight_selection(self, lens_id: str | None) -> str | None:
        """Highlight the selected text with *lens_id*; returns the new annotation's id."""
        song = self._current.song
        selection = self._selection()
        if song is None or selection is None:
            self._say("Select some text first, or click line numbers to take whole lines.")
            return None
        target, article_id, start, end = selection
        if target == "lyrics":
            text = song.lyrics
        else:
            article = self._current.article(article_id)
            if article is None:
                return None
            text = rendered_text(article.body)
        try:
            fragments = self._fragments_for(text, start, end, target)
        except LyricpadError as exc:
            self._say(str(exc))
            return None
        if fragments is None:
            return None  # the user closed the question
        new_id = self._window.session.annotation_edits.create(
            song.id, fragments, target=target, article_id=article_id, lens_id=lens_id
        )
        if new_id:
            self._window.select_annotation(new_id)
        return new_id

    def _fragments_for(self, text: str, start: int, end: int, target: str) -> list[Anchor] | None:
        """The anchors to highlight for [start, end) of *text*; None when the user cancels.

        When the same text occurs elsewhere (a chorus), the user chooses: this occurrence, or
        every occurrence as one annotation with a fragment per place.
        """
        index = LineIndex(text)
        this = anchor_for_range(text, start, end, index)  # refuses blank text before anything is asked
        places = repeated_places(text, start, end)
        if len(places) < 2:
            return [this]
        answer = self.ask_occurrences(len(places), target)
        if answer is None:
            return None
        if answer == THIS_OCCURRENCE:
            return [this]
        if len(places) == len(find_occurrences(text, this.quote)):
            return anchors_for_quote(text, this.quote, None)
        return [anchor_for_range(text, p, p + len(this.quote), index) for p in places]

    def build_occurrence_menu(self, count: int) -> QMenu:
        """The question asked when the selected text occurs *count* times: this one, or every one."""
        menu = QMenu(self._window)
        menu.setAccessibleName("Highlight which occurrence")
        menu.setToolTipsVisible(True)
        this = menu.addAction("&This Occurrence")
        this.setData(THIS_OCCURRENCE)
        this.setToolTip("Highlight only the text selected")
        every = menu.addAction(f"&Every Occurrence ({count})")
        every.setData(EVERY_OCCURRENCE)
        every.setToolTip(f"One annotation over all {count} places this text occurs, sharing one note")
        menu.setDefaultAction(this)  # shown bold; Enter takes it
        menu.setActiveAction(this)
        return menu

    def ask_occurrences(self, count: int, target: str) -> str | None:
        """Ask at the selection whether to highlight this occurrence or all *count*; None when cancelled (Esc)."""
        menu = self.build_occurrence_menu(count)
        if target == "lyrics":
            editor = self._window.lyrics_pane
        else:
            editor = self._window.article_pane.browser
        rect = editor.cursorRect()
        point = editor.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 2))
        chosen = self._window.popup_menu(menu, point)  # the window's: tests answer it there
        menu.deleteLater()
        return chosen.data() if chosen is not None else None

    # ------------------------------------------------------------------ review

    def place_at_selection(self, annotation_id: str) -> None:
        """Put *annotation_id* on the text selected in its pane (the lyrics, or its article)."""
        annotation = self._current.annotation(annotation_id)
        song = self._current.song
        if annotation is None or song is None:
            return
        where = "the lyrics" if annotation.target == "lyrics" else "its article"
        chosen: tuple[int, int] | None = None
        if annotation.target == "lyrics":
            self._window.lyrics_pane.flush()  # what is selected counts over the saved lyrics
            chosen = self._window.lyrics_pane.selected_range()
            song = self._current.song  # the flush may have saved new lyrics
            text = song.lyrics if song is not None else ""
        else:
            selected = self._window.article_pane.selected_range()
            if selected is not None and selected[0] == annotation.article_id:
                chosen = selected[1], selected[2]
            article = self._current.article(annotation.article_id)
            text = rendered_text(article.body) if article is not None else ""
        if chosen is None:
            self._say(
                f"Select the words this highlight belongs to in {where} first, "
                f"then choose Place at Selection ({PLACE_SHORTCUT})."
            )
            return
        try:
            fragments = [anchor_for_range(text, *chosen)]
        except LyricpadError as exc:
            self._say(str(exc))
            return
        self._window.session.annotation_edits.move(annotation_id, fragments)
        placed = self._current.annotation(annotation_id)
        if placed is not None and placed.status == "anchored":
            self._window.select_annotation(annotation_id)
            self._say(f"Highlight placed on {line_reference(placed)}. Ctrl+Z undoes.")

    def accept_proposal(self, annotation_id: str) -> None:
        """Anchor *annotation_id* at the place proposed for it, and say where."""
        annotation = self._current.annotation(annotation_id)
        if annotation is None or annotation.proposal is None:
            return
        self._window.flush_edits()
        self._window.session.annotation_edits.accept_proposal(annotation_id)
        accepted = self._current.annotation(annotation_id)
        if accepted is not None and accepted.status == "anchored":
            self._window.select_annotation(annotation_id)
            self._say(f"Highlight anchored at its proposed place, {line_reference(accepted)}. Ctrl+Z undoes.")

    def reveal(self, annotation_id: str) -> None:
        """Make *annotation_id* current and scroll its pane to it; one whose words are gone is explained."""
        annotation = self._current.annotation(annotation_id)
        if annotation is None:
            return
        self._current.set_current(annotation_id)  # the panel chose it: it is told nothing back
        if annotation.status == "orphaned" or (
            annotation.status == "needs_review" and not annotation.proposal
        ):
            where = "lyrics" if annotation.target == "lyrics" else "article"
            self._say(
                f"The words of this highlight are gone from the {where}; its quote and note are kept. "
                f"Select the words it belongs to, then Place at Selection ({PLACE_SHORTCUT}).",
                STATUS_MS * 2,
            )
            return
        if annotation.target == "lyrics":
            self._window.lyrics_pane.reveal(annotation)
        else:
            self._window.article_pane.reveal(annotation)
