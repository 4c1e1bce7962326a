"""Turning the text selected in a pane into a highlight, and putting highlights that lost their words back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QPlainTextEdit, QTextEdit, QWidget

from lyricpad.app.current_song import CurrentSong
from lyricpad.core.anchoring import Anchor, anchor_for_range, anchors_for_quote, find_occurrences
from lyricpad.core.errors import LyricpadError
from lyricpad.core.markdown import rendered_text
from lyricpad.core.text import LineIndex
from lyricpad.gui.annotations_panel import PLACE_SHORTCUT
from lyricpad.gui.note_places import line_reference
from lyricpad.gui.notice_bar import NOTICE_MS, STATUS_MS

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow


THIS_OCCURRENCE = "this"
EVERY_OCCURRENCE = "every"
"""The answers of `WindowHighlighting.ask_occurrences`."""


QUESTION_QUOTE_CHARS = 48
"""The selected words quoted in the occurrence question are cut to this length."""

NOT_HIGHLIGHTED = QT_TRANSLATE_NOOP(
    "WindowHighlighting",
    "Nothing was highlighted, and the text stays selected: press the lens key again to choose.",
)
"""Said when the occurrence question is closed unanswered (in English; shown translated)."""


def question_title(quote: str, count: int) -> str:
    """What the occurrence question asks, as “So light a lantern” occurs 3 times: highlight…."""
    lines = quote.strip().split("\n")
    shown = lines[0].strip()
    if len(shown) > QUESTION_QUOTE_CHARS or len(lines) > 1:
        shown = shown[: QUESTION_QUOTE_CHARS - 1].rstrip() + "…"
    # The class's tr (a count through translate() would not be extracted as a plural by lupdate).
    return WindowHighlighting.tr("“{quote}” occurs %n time(s): highlight…", "", count).format(quote=shown)


def clear_selection(editor: QPlainTextEdit | QTextEdit) -> None:
    """Drop *editor*'s selection, the cursor staying where it was (so the highlights under it show)."""
    cursor = editor.textCursor()
    if cursor.hasSelection():
        cursor.clearSelection()
        # setTextCursor scrolls to the cursor: a user who scrolled away since selecting stays where they are.
        bars = (editor.horizontalScrollBar(), editor.verticalScrollBar())
        values = [bar.value() for bar in bars]
        editor.setTextCursor(cursor)
        for bar, value in zip(bars, values, strict=True):
            bar.setValue(value)


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
        current.switched.connect(self._on_current_song_switched)
        current.annotations_changed.connect(self._on_current_song_annotations_changed)
        window.annotations_panel.review_joined.connect(self._on_annotations_panel_review_joined)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_app_focus_changed)

    def _say(self, message: str, ms: int = STATUS_MS) -> None:
        self._window.statusBar().showMessage(message, ms)

    def _answered(self) -> None:
        """The question closed unanswered is answered now (highlighted, or the selection let go): its notice goes."""
        status = self._window.statusBar()
        if status.currentMessage() == QCoreApplication.translate("WindowHighlighting", NOT_HIGHLIGHTED):
            status.clearMessage()

    def _reading_editors(self) -> tuple[QPlainTextEdit | QTextEdit, ...]:
        """The lyrics, the article and (once the window has made it) the translation pane."""
        view = getattr(self._window, "translation_view", None)
        extra = (view.pane,) if view is not None else ()
        return self._window.lyrics_pane, self._window.article_pane.browser, *extra

    def _translation_pane(self) -> QPlainTextEdit:
        return self._window.translation_view.pane

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # The pane the user was last in is the one whose selection a lens key highlights.
        lyrics, article = self._window.lyrics_pane, self._window.article_pane
        if new is None:
            return
        translation = getattr(self._window, "translation_view", None)  # made after this
        if new is lyrics or lyrics.isAncestorOf(new):
            self._active_pane = "lyrics"
        elif translation is not None and (new is translation.pane or translation.pane.isAncestorOf(new)):
            self._active_pane = "translation"
        elif new is article or article.isAncestorOf(new):
            self._active_pane = "article"
        self._clear_left_selection(old, new)

    def _clear_left_selection(self, old: QWidget | None, new: QWidget) -> None:
        """Focus moving to another part of the window (the list, the note) lets both reading panes' selections go.

        A selection would hide the lens colours under it, and one left behind in the pane not in
        use looks like a highlight. Kept: for a menu, a dialog or another window (the focus comes
        back), and while the focus moves between the two reading panes (a quotation is linked to
        lyric lines with both selected).
        """
        top = new.window()
        floating_dock = isinstance(top, QDockWidget) and top.parentWidget() is self._window
        if old is None or (top is not self._window and not floating_dock):
            return
        if self._reading_editor_holding(new) is None:
            self._clear_reading_selections()

    def _reading_editor_holding(self, widget: QWidget | None) -> QWidget | None:
        """The reading pane's editor that is *widget* or holds it; None for any other widget."""
        if widget is None:
            return None
        return next((e for e in self._reading_editors() if e is widget or e.isAncestorOf(widget)), None)

    def _clear_reading_selections(self, keep: QWidget | None = None) -> None:
        """Drop the selection of each reading pane not being edited (but *keep*'s)."""
        for editor in self._reading_editors():
            if editor is not keep and editor.isReadOnly() and editor.textCursor().hasSelection():
                clear_selection(editor)
                self._answered()  # "The text stays selected" is no longer true

    def _on_current_song_annotations_changed(self, _song_id: str) -> None:
        # After a highlight, Delete, Undo or Redo the selection left in the pane without the
        # focus is no longer what the user is working on: drop it so it is not taken for a highlight.
        self._clear_reading_selections(keep=self._reading_editor_holding(QApplication.focusWidget()))

    # ------------------------------------------------------------- highlighting

    def _selection(self) -> tuple[str, str | None, int, int] | None:
        """(target, article id, start, end) of the text selected in the pane last used."""
        lyrics, article = self._window.lyrics_pane, self._window.article_pane
        if self._active_pane in ("lyrics", "translation"):
            pane = lyrics if self._active_pane == "lyrics" else self._translation_pane()
            if pane.is_editing() or not pane.isVisible() or (selected := pane.selected_range()) is None:
                return None
            return self._active_pane, None, selected[0], selected[1]
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
            self._say(self.tr("Select some text first, or click line numbers to take whole lines."))
            return None
        target, article_id, start, end = selection
        if target == "lyrics":
            text = song.lyrics
        elif target == "translation":
            translation = self._window.translation_view.edits.get(song.id)
            if translation is None:
                return None
            text = translation.text
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
            # Highlighted: the selection's blue goes, so the lens colour shows at once.
            clear_selection(self._editor_of(target))
            self._answered()
            self._window.select_annotation(new_id)
        return new_id

    def _editor_of(self, target: str) -> QPlainTextEdit | QTextEdit:
        if target == "translation":
            return self._translation_pane()
        return self._window.lyrics_pane if target == "lyrics" else self._window.article_pane.browser

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
        answer = self.ask_occurrences(len(places), target, this.quote)
        if answer is None:
            self._say(QCoreApplication.translate("WindowHighlighting", NOT_HIGHLIGHTED), NOTICE_MS)
            return None
        if answer == THIS_OCCURRENCE:
            return [this]
        if len(places) == len(find_occurrences(text, this.quote)):
            return anchors_for_quote(text, this.quote, None)
        return [anchor_for_range(text, p, p + len(this.quote), index) for p in places]

    def build_occurrence_menu(self, count: int, quote: str = "") -> QMenu:
        """The question asked when the selected text (*quote*) occurs *count* times: this one, or every one.

        Its title row says what is asked; Esc or a click elsewhere closes it and only closes it.
        """
        menu = QMenu(self._window)
        menu.setAccessibleName(self.tr("Highlight which occurrence"))
        menu.setToolTipsVisible(True)
        # A click outside only closes the question: it does not also land in the text below,
        # where it would drop the selection the user was asking about.
        menu.setAttribute(Qt.WidgetAttribute.WA_NoMouseReplay)
        if quote:
            title = question_title(quote, count)
            menu.setAccessibleDescription(title)
            menu.addSection(title.replace("&", "&&"))
        this = menu.addAction(self.tr("&This Occurrence"))
        this.setData(THIS_OCCURRENCE)
        this.setToolTip(self.tr("Highlight only the text selected"))
        every = menu.addAction(self.tr("&Every Occurrence ({count})").format(count=count))
        every.setData(EVERY_OCCURRENCE)
        every.setToolTip(
            self.tr("One annotation over all %n place(s) this text occurs, sharing one note", "", count)
        )
        menu.setDefaultAction(this)  # shown bold; Enter takes it
        menu.setActiveAction(this)
        return menu

    def ask_occurrences(self, count: int, target: str, quote: str = "") -> str | None:
        """Ask at the selection whether to highlight this occurrence or all *count*; None when cancelled.

        Cancelled (Esc, or a click elsewhere, which only closes the menu), the selection stays.
        """
        menu = self.build_occurrence_menu(count, quote)
        editor = self._editor_of(target)
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
        chosen: tuple[int, int] | None = None
        if annotation.target == "lyrics":
            self._window.lyrics_pane.flush()  # what is selected counts over the saved lyrics
            chosen = self._window.lyrics_pane.selected_range()
            song = self._current.song  # the flush may have saved new lyrics
            text = song.lyrics if song is not None else ""
        elif annotation.target == "translation":
            view = self._window.translation_view
            view.flush()
            chosen = view.pane.selected_range() if view.pane.isVisible() else None
            translation = view.edits.get(song.id)
            text = translation.text if translation is not None else ""
        else:
            selected = self._window.article_pane.selected_range()
            if selected is not None and selected[0] == annotation.article_id:
                chosen = selected[1], selected[2]
            article = self._current.article(annotation.article_id)
            text = rendered_text(article.body) if article is not None else ""
        if chosen is None:
            if annotation.target == "lyrics":
                ask = self.tr(
                    "Select the words this highlight belongs to in the lyrics first, "
                    "then choose Place at Selection ({shortcut})."
                )
            elif annotation.target == "translation":
                ask = self.tr(
                    "Select the words this highlight belongs to in the translation first, "
                    "then choose Place at Selection ({shortcut})."
                )
            else:
                ask = self.tr(
                    "Select the words this highlight belongs to in its article first, "
                    "then choose Place at Selection ({shortcut})."
                )
            self._say(ask.format(shortcut=PLACE_SHORTCUT))
            return
        try:
            fragments = [anchor_for_range(text, *chosen)]
        except LyricpadError as exc:
            self._say(str(exc))
            return
        self._window.session.annotation_edits.move(annotation_id, fragments)
        placed = self._current.annotation(annotation_id)
        if placed is not None and placed.status == "anchored":
            # As after highlighting: the selection goes and the lens colour shows.
            clear_selection(self._editor_of(annotation.target))
            self._window.select_annotation(annotation_id)
            self._say(
                self.tr("Highlight placed on {place}. Ctrl+Z undoes.").format(place=line_reference(placed))
            )

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
            self._say(
                self.tr("Highlight anchored at its proposed place, {place}. Ctrl+Z undoes.").format(
                    place=line_reference(accepted)
                )
            )

    def reveal(self, annotation_id: str) -> None:
        """Make *annotation_id* current and scroll its pane to it; one whose words are gone is explained."""
        annotation = self._current.annotation(annotation_id)
        if annotation is None:
            return
        self._current.set_current(annotation_id)  # the panel chose it: it is told nothing back
        if annotation.status == "orphaned" or (
            annotation.status == "needs_review" and not annotation.proposal
        ):
            if annotation.target == "lyrics":
                gone = self.tr(
                    "The words of this highlight are gone from the lyrics; its quote and note are kept. "
                    "Select the words it belongs to, then Place at Selection ({shortcut})."
                )
            elif annotation.target == "translation":
                gone = self.tr(
                    "The words of this highlight are gone from the translation; its quote and note are kept. "
                    "Select the words it belongs to, then Place at Selection ({shortcut})."
                )
            else:
                gone = self.tr(
                    "The words of this highlight are gone from the article; its quote and note are kept. "
                    "Select the words it belongs to, then Place at Selection ({shortcut})."
                )
            self._say(gone.format(shortcut=PLACE_SHORTCUT), STATUS_MS * 2)
            return
        if annotation.target == "lyrics":
            self._window.lyrics_pane.reveal(annotation)
        elif annotation.target == "translation":
            view = self._window.translation_view
            view.set_shown(True)
            if view.pane.isVisible():
                view.pane.reveal(annotation)
        else:
            self._window.article_pane.reveal(annotation)

    # ------------------------------------------------------------ needs review

    def _on_current_song_switched(self, _song_id: str) -> None:
        self._answered()  # the selection it spoke of is gone with the song

    def _on_annotations_panel_review_joined(self, review_ids: list) -> None:
        # Said when an edit (or an undo) sends more to the group, which the panel has just opened.
        self._say(
            self.tr(
                "%n annotation(s) (needs|need) review: see Needs review in the Annotations panel.",
                "",
                len(review_ids),
            ),
            NOTICE_MS,
        )
