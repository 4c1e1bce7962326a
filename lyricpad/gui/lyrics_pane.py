"""The lyrics pane: numbered lyrics to read, select, highlight and annotate, with an Edit mode."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFontDatabase,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from lyricpad.app.positions import Utf16Map
from lyricpad.core.lexers import LyricsLexer
from lyricpad.core.models import Annotation, Song
from lyricpad.gui.highlights import (
    Highlight,
    calm_inactive_selection,
    character_at,
    show_tooltip,
)
from lyricpad.gui.lyric_drag import LYRIC_LINES_MIME
from lyricpad.gui.lyrics_editing import (
    EDIT_PLACEHOLDER,
    LYRICS_SAVE_DEBOUNCE_MS,
    READ_PLACEHOLDER,
    LyricsEditing,
    document_text,
)
from lyricpad.gui.lyrics_following import LyricsFollower
from lyricpad.gui.lyrics_gutter import LineNumberGutter
from lyricpad.gui.lyrics_highlights import LyricsHighlights
from lyricpad.gui.lyrics_lines import LyricsLines
from lyricpad.gui.pygments_highlighter import PygmentsHighlighter
from lyricpad.gui.quote_links_view import mark_tooltip_html
from lyricpad.gui.word_snap import WordSnap

if TYPE_CHECKING:
    from lyricpad.app.current_song import CurrentSong
    from lyricpad.core.models import QuoteLink

_BREAKS_IN_QT = ("\r", "\u2029", "\ufdd0", "\ufdd1")
"""Characters a QTextDocument takes as the end of a block when given them as text."""

__all__ = ["EDIT_PLACEHOLDER", "LYRICS_SAVE_DEBOUNCE_MS", "READ_PLACEHOLDER", "LyricsPane", "document_text"]


CHORD_SHEET_HEAD = 200_000
"""How many characters of the lyrics are looked at for chord lines (see LyricsPane.keep_chords_over_words)."""


class LyricsPane(QPlainTextEdit):
    """One song's lyrics, numbered like the CLI counts lines, with its annotations highlighted.

    The pane only shows and reports: selections, clicks on highlights and edited lyrics go
    out as signals, which the window turns into session commands. What it shows comes from
    the `CurrentSong` it observes (``observe``), or from whoever calls ``show_song`` and
    ``update_annotations``.
    """

    wraps_lines = True
    """Lines wrap at the pane's width, unless the text has chord lines (see keep_chords_over_words)."""

    annotation_clicked = Signal(str)
    """A single click (no drag) landed on a highlight: the id of the topmost (shortest) annotation there."""

    annotation_activated = Signal(str)
    """Double-click on a highlight, or "Edit note" from its context menu: open this annotation's note."""

    delete_requested = Signal(str)
    """"Delete highlight" was chosen on this annotation."""

    lyrics_edited = Signal(str)
    """Edit mode: the user paused typing, typed on for SAVE_MAX_WAIT_MS, or flush() was called;
    the full new lyrics, to be saved."""

    editing_changed = Signal(bool)
    """Edit mode was switched on or off."""

    quote_mark_clicked = Signal(int)
    """(1-based line): the gutter's quote mark beside a line an article quotes was clicked."""

    line_clicked = Signal(int)
    """(1-based line): a plain click (no drag, no selection) on a line while reading, highlight or not."""

    target = "lyrics"
    """The text shown, as annotations name it: only those on it are drawn (the translation pane's is "translation")."""

    document_layout: type[QPlainTextDocumentLayout] | None = None
    """A layout of the pane's own for its text (the translation's: each line as tall as the lyric line
    beside it); None: Qt's."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        if self.document_layout is not None:
            document = QTextDocument(self)
            document.setDocumentLayout(self.document_layout(document))
            self.setDocument(document)  # before anything below takes the document
        # State first: setting the font below already sends events to the overrides.
        self._song_id: str | None = None
        self._loading_lines = 0  # the line count of the lyrics being loaded (0: none loading)
        self._follower: LyricsFollower | None = None  # following the current song, once observe() is called
        self._context_actions: list[QAction] = []
        self.overlay_painters: list = []
        """Callables painting over the text after it is drawn (the practice mode's current line)."""
        self.line_menus: list[Callable[[int, QMenu], QMenu | None]] = []
        """Callables giving a submenu for the 1-based line right-clicked (the study view's), made as a
        child of the context menu given; None or an empty menu: nothing to offer there."""
        self._press_point: QPoint | None = None
        self.gutter = LineNumberGutter(self)
        """The line numbers, times and quote marks beside the lyrics."""
        self.gutter.quote_mark_clicked.connect(self.quote_mark_clicked)
        self._marks = LyricsHighlights(self)
        self._word_snap = WordSnap(self)  # a drag takes whole words (Alt: exact characters)
        self._syntax = PygmentsHighlighter(self.document(), LyricsLexer(), palette=self.palette(), view=self)
        self._edit = LyricsEditing(self, self.lyrics_edited.emit, self._marks.follow_edit)
        self.autosave = self._edit.autosave
        """Saves the lyrics while they are typed in Edit mode."""
        # Long lyrics are shown a slice at a time; their highlights are placed once all are in.
        self._loader = self._edit.loader
        self.lines = LyricsLines(self, self._loader, self._marks)
        """The lyrics by 1-based line: selected, found, flashed and dragged (the gutter's way in)."""
        self.gutter.lines_drag_requested.connect(self.lines.drag_selection)
        self._edit.loaded.connect(self._on_edit_loaded)
        self._loading_annotations: list[Annotation] = []
        self.setAccessibleName(self.tr("Lyrics"))
        self._edit.update_mode_texts(self._song_id is not None)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Monospace keeps chord lines aligned over the words they belong to.
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()))
        self.setFont(font)
        self.document().setDocumentMargin(8)
        self.document().contentsChange.connect(self._edit.on_contents_change)
        self.gutter.update_width()
        calm_inactive_selection(self)  # kept for Link to Lyrics Lines, it must not hide the lenses

    # ------------------------------------------------------------------ content

    def show_song(self, song: Song | None, annotations: list[Annotation]) -> None:
        """Show *song*'s lyrics with its lyric *annotations* highlighted (None: empty pane).

        Resets text, scroll, selection and undo history. In Edit mode a pending edit is
        flushed first and Edit mode is left, except when *song* is the song being edited
        and its lyrics are exactly the text in the pane (the edit came back saved, or only
        the title changed): then typing goes on undisturbed and only the highlights are
        redrawn. Call flush() yourself before reading the song to show, so that it already
        holds the user's last words.
        """
        if self._edit.editing:
            self.flush()
            if song is not None and song.id == self._song_id and self.autosave.keeps_held_text(song.lyrics):
                self.autosave.reload(song.lyrics)
                self.keep_chords_over_words(song.lyrics)  # a chord line typed: unwrapped from now on
                self.gutter.set_line_times(song.line_times)
                self.update_annotations(annotations)
                return
            self.set_editing(False)
        self._marks.stop_flash()
        song_id = song.id if song is not None else None
        if song_id != self._song_id:
            self._marks.selected = ""
        self._song_id = song_id
        lyrics = song.lyrics if song is not None else ""
        self.autosave.switch(song_id, lyrics)
        self.gutter.set_line_times(song.line_times if song is not None else None)
        self._loading_lines = lyrics.count("\n") + 1  # the gutter is as wide as it will be, once
        self.keep_chords_over_words(lyrics)
        self._loading_annotations = annotations
        whole = self._edit.load(lyrics)
        self._edit.pending_changes = []
        self._edit.update_mode_texts(song_id is not None)
        if whole:
            self._on_edit_loaded(None)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def keep_chords_over_words(self, lyrics: str) -> None:
        """Lyrics with chord lines are shown unwrapped, as chord sheets are (a horizontal scroll bar where a
        line is wider than the pane): a wrapped chord line puts its last chords over the wrong words.
        Other lyrics wrap at the pane's width. A pane whose lines never wrap (wraps_lines False) keeps that."""
        if not self.wraps_lines:
            return
        from lyricpad.core.lexers import has_chord_line  # here: not on the window's first paint

        # As the lexer colours them (and the study view reads them). A chord sheet shows its chords in
        # its first pages: a text of 100,000 lines is not read whole on the GUI thread for this.
        chords = has_chord_line(lyrics[:CHORD_SHEET_HEAD])
        mode = QPlainTextEdit.LineWrapMode.NoWrap if chords else QPlainTextEdit.LineWrapMode.WidgetWidth
        if self.lineWrapMode() != mode:
            self.setLineWrapMode(mode)

    def is_loading(self) -> bool:
        """True while long lyrics are still being shown a slice at a time (their highlights come after)."""
        return self._loader.is_loading()

    def update_annotations(
        self, annotations: list[Annotation], changed: Collection[str] | None = None
    ) -> None:
        """Redraw the highlights from *annotations*, keeping text, scroll position and selection.

        Offsets count over the stored lyrics; edits typed since the last ``lyrics_edited``
        are applied to them, so the highlights stay on their words while a save is pending.
        An annotation that needs review is drawn at its proposed place (see ``proposals``),
        an orphaned one not at all: their own offsets are where they were in an older text.
        *changed*: the ids of the only annotations that changed since the last call (None: any).
        """
        if self._loader.is_loading():
            self._loading_annotations = annotations  # placed once the whole text is in
            return
        self._marks.place(annotations, self.autosave.saved_text, self._edit.pending_changes, changed)

    def observe(self, current: CurrentSong) -> None:
        """Show *current*'s song and its current annotation now, and follow them from here on."""
        self._follower = LyricsFollower(self, current)

    def show_quote_marks(self, links: list[QuoteLink], titles: dict[str, str]) -> None:
        """Mark the lines *links* quote in the gutter, saying where (articles' *titles* by id).

        None while the lyrics are edited: the marks count lines of the stored lyrics.
        """
        by_line: dict[int, list[QuoteLink]] = {}
        if not self._edit.editing:
            for link in links:
                if link.status == "anchored":
                    for line in link.lines:
                        by_line.setdefault(line - 1, []).append(link)
        self.gutter.set_quote_marks({n: mark_tooltip_html(found, titles) for n, found in by_line.items()})

    def show_lines(self, places: list[tuple[int, int]]) -> None:
        """Scroll to the first of the 1-based line ranges *places* and flash them all; the selection stays."""
        self.lines.show_lines(places)

    def flashing_lines(self) -> list[tuple[int, int]]:
        """The 1-based line ranges flashing after ``show_lines`` ([] once the flash is over)."""
        return self.lines.flashing_lines()

    def song_id(self) -> str | None:
        """The id of the song shown (None when the pane is empty)."""
        return self._song_id

    @property
    def highlights(self) -> list[Highlight]:
        """The highlights as drawn, in document positions (UTF-16 units), edits included."""
        return list(self._marks.highlights)

    @property
    def proposals(self) -> list[Highlight]:
        """The proposed places of annotations that need review, in document positions, edits included.

        Drawn with a wavy underline in the lens colour; typing in Edit mode moves them as it
        moves the highlights.
        """
        return list(self._marks.proposals)

    def reveal(self, annotation: Annotation) -> None:
        """Scroll to the annotation's first place, put the cursor there (nothing selected) and flash it.

        An annotation that needs review is shown at its proposed place.
        """
        self._loader.finish()
        self._marks.reveal(annotation)

    def flashing_annotation(self) -> str:
        """The id of the annotation flashing after reveal(), "" once the flash is over."""
        return self._marks.flash_id

    def set_selected_annotation(self, annotation_id: str) -> None:
        """Draw *annotation_id*'s passages stronger and outlined ("" for none): the one being edited."""
        if annotation_id == self._marks.selected:
            return
        self._marks.selected = annotation_id
        self._marks.refresh_selections()

    def annotations_at(self, position: int) -> list[str]:
        """Ids of the annotations covering the character at document *position*, topmost first.

        *position* is a QTextDocument position, as ``textCursor().position()`` gives.
        Topmost is the shortest highlight (drawn over longer ones); among equals, the later.
        Proposed places come after every highlight there.
        """
        return self._marks.annotations_at(position)

    # ---------------------------------------------------------------- selection

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as code-point offsets over the text shown (None when nothing, or only blanks).

        In Edit mode the text shown may be ahead of the stored lyrics: flush() first.
        """
        cursor = self.textCursor()
        if not cursor.hasSelection() or not cursor.selectedText().strip():
            return None
        positions = Utf16Map(document_text(self.document()))
        return positions.to_code_point(cursor.selectionStart()), positions.to_code_point(
            cursor.selectionEnd()
        )

    def select_lines(self, first: int, last: int) -> None:
        """Select whole 1-based lines first..last, without the last line break.

        The cursor ends on *last*'s side: select_lines(5, 2) selects lines 2-5 with the
        cursor at the start of line 2. Numbers beyond the text are clamped to it.
        """
        self.lines.select_lines(first, last)

    def selected_lines(self) -> tuple[int, int]:
        """First and last 1-based lines the selection (or the cursor) touches."""
        return self.lines.selected_lines()

    # -------------------------------------------------------------------- menus

    def set_context_actions(self, actions: list[QAction]) -> None:
        """Actions the context menu offers first (highlight with a lens, ...); the window owns them."""
        self._context_actions = list(actions)

    def build_context_menu(self, point: QPoint | None) -> QMenu:
        """The context menu for a right-click at viewport *point* (None: at the text cursor).

        The window's actions come first, then "Edit note" and "Delete highlight" when a
        highlight is under the point, "Go to Quotation" on a quoted line, the submenus of
        `line_menus` for the line, then Qt's own text actions. The caller execs and
        deletes it.
        """
        menu = self.createStandardContextMenu()
        first_standard = menu.actions()[0] if menu.actions() else None
        if self._context_actions:
            menu.insertActions(first_standard, self._context_actions)
            menu.insertSeparator(first_standard)
        ids = self._marks.ids_near(point)
        if ids:
            edit = QAction(self.tr("&Edit Note"), menu)
            edit.triggered.connect(partial(self.annotation_activated.emit, ids[0]))
            delete = QAction(self.tr("&Delete Highlight"), menu)
            delete.triggered.connect(partial(self.delete_requested.emit, ids[0]))
            menu.insertActions(first_standard, [edit, delete])
            menu.insertSeparator(first_standard)
        line = self.lines.line_at(point.y()) if point is not None else self.textCursor().blockNumber() + 1
        if line - 1 in self.gutter.quote_marks:  # as a click on the line's quote mark
            go = QAction(self.tr("&Go to Quotation"), menu)
            go.setStatusTip(self.tr("Show where an article quotes this line (again for the next quotation)"))
            go.triggered.connect(partial(self.quote_mark_clicked.emit, line))
            menu.insertActions(first_standard, [go])
            menu.insertSeparator(first_standard)
        for line_menu in self.line_menus:
            submenu = line_menu(line, menu)
            if submenu is not None and not submenu.isEmpty():
                menu.insertMenu(first_standard, submenu)
                menu.insertSeparator(first_standard)
        return menu

    # ---------------------------------------------------------------- edit mode

    def set_editing(self, editing: bool) -> None:
        """Switch Edit mode on or off; leaving it saves a pending edit. No song, no Edit mode."""
        if editing == self._edit.editing or (editing and self._song_id is None):
            return
        self._loader.finish()  # the whole text is edited
        self._edit.switch(editing)
        self._edit.update_mode_texts(self._song_id is not None)
        if self._follower is not None:
            self._follower.show_quote_marks()  # no quote marks while the lines are edited
        self.editing_changed.emit(editing)

    def is_editing(self) -> bool:
        return self._edit.editing

    def has_pending_edit(self) -> bool:
        """True when the text shown differs from the lyrics last handed over by ``lyrics_edited``."""
        return self.autosave.has_unsaved()

    def flush(self) -> None:
        """Emit ``lyrics_edited`` now if the text changed since it was last handed over."""
        self.autosave.flush()

    # ------------------------------------------------------------------- gutter

    def set_line_numbers_visible(self, visible: bool) -> None:
        self.gutter.set_numbers_visible(visible)

    def line_count(self) -> int:
        """The number of lines: all the lyrics' while long ones load, so the gutter is sized for them once."""
        return self._loading_lines or self.blockCount()

    # --------------------------------------------------------------- Qt events

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._marks.paint_emphasis()
        for paint in self.overlay_painters:
            paint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.gutter.place()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            if calm_inactive_selection(self):
                return  # the calmed palette's own PaletteChange has done the rest
            self._syntax.on_palette_changed(self.palette())
            self._marks.apply()
        elif event.type() == QEvent.Type.FontChange:
            self.gutter.update_width()

    def viewportEvent(self, event: QEvent) -> bool:
        if show_tooltip(self, event, self._marks.highlights, self._marks.proposals):
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        plain_left = (
            event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        )
        self._press_point = event.position().toPoint() if plain_left else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press_point = self._press_point, None
        if press is None or self._edit.editing or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = (event.position().toPoint() - press).manhattanLength()
        if moved >= QApplication.startDragDistance() or self.textCursor().hasSelection():
            return  # a drag selects text; only a plain click picks a highlight
        self.line_clicked.emit(self.lines.line_at(press.y()))
        position = character_at(self, press)
        ids = self.annotations_at(position) if position >= 0 else []
        if ids:
            self.annotation_clicked.emit(ids[0])

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # In Edit mode a double-click selects a word, as in any editor; the context menu
        # still offers "Edit Note" there.
        if not self._edit.editing and event.button() == Qt.MouseButton.LeftButton:
            position = character_at(self, event.position().toPoint())
            ids = self.annotations_at(position) if position >= 0 else []
            if ids:
                self._press_point = None  # the release that follows is not a click
                event.accept()
                self.annotation_activated.emit(ids[0])
                return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        point = None if event.reason() == QContextMenuEvent.Reason.Keyboard else event.pos()
        menu = self.build_context_menu(point)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            not self._edit.editing
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers()
        ):
            # Enter on a highlight opens its note: the keyboard way to a double-click.
            here = self.annotations_at(self.textCursor().position())
            if here:
                self.annotation_activated.emit(here[0])
                return
        super().keyPressEvent(self._edit.key_event(event))

    def createMimeDataFromSelection(self) -> QMimeData:
        # Dragged out of the reading pane the selection carries its whole lines, to become a
        # quotation in an article; copied or dragged anywhere else it is the text selected.
        selected = super().createMimeDataFromSelection()
        lines = self.lines.mime(*self.selected_lines()) if self.textCursor().hasSelection() else None
        if lines is None:
            return selected
        # A new object: the editor's own offers a fixed set of formats, whatever is added to it.
        mime = QMimeData()
        for name in selected.formats():
            mime.setData(name, selected.data(name))
        mime.setData(LYRIC_LINES_MIME, lines.data(LYRIC_LINES_MIME))
        return mime

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not self._edit.paste(source):
            super().insertFromMimeData(source)

    # -------------------------------------------------------------------- slots

    def _on_edit_loaded(self, loaded: str | None) -> None:
        """The lyrics are all in the document (*loaded*: the text it was given, when known)."""
        self._loading_lines = 0
        annotations, self._loading_annotations = self._loading_annotations, []
        # The text as the document holds it: the text *loaded* unless Qt turned a character into a line break.
        if loaded is None or any(mark in loaded for mark in _BREAKS_IN_QT):
            loaded = document_text(self.document())
        self.autosave.switch(self._song_id, loaded)
        self._marks.place(annotations, self.autosave.saved_text, self._edit.pending_changes)
