"""The lyrics pane: numbered lyrics to read, select, highlight and annotate, with an Edit mode."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QToolTip, QWidget

from lyricpad.app.positions import Utf16Map
from lyricpad.app.save_timer import SaveTimer
from lyricpad.core.lexers import LyricsLexer
from lyricpad.core.models import Annotation, Song
from lyricpad.core.text import normalise_text
from lyricpad.gui.highlights import (
    Highlight,
    character_at,
    layered_extra_selections,
    lens_colour,
    outline_colour,
    paint_outline,
    proposal_extra_selections,
    range_rects,
    show_tooltip,
)
from lyricpad.gui.pygments_highlighter import PygmentsHighlighter

GUTTER_PADDING = 8
MARK_WIDTH = 3
"""Width of the lens-coloured mark the gutter draws beside annotated lines."""

TIME_FONT_SCALE = 0.85
"""Size of the gutter's LRC times relative to the lyrics font: present, but quieter than the line numbers."""

MORE_TIMES = "+"
"""Drawn after a line's first LRC time when the line has more (a chorus sung several times)."""

LYRICS_SAVE_DEBOUNCE_MS = 800
"""After the user stops typing this long in Edit mode, the pane hands the new lyrics over to be saved
(typing on without a pause is handed over every SAVE_MAX_WAIT_MS all the same)."""

REVEAL_FLASH_MS = 600
"""How long a revealed passage is drawn stronger, so the eye finds it after the jump."""

FLASH_ALPHA = 110
"""Opacity of the lens colour laid over a flashing passage, above the selection that hides its highlight."""

READ_PLACEHOLDER = "No lyrics yet."
EDIT_PLACEHOLDER = "Type or paste the lyrics"

_READ_FLAGS = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
_EDIT_FLAGS = Qt.TextInteractionFlag.TextEditorInteraction


def format_lrc_time(ms: int) -> str:
    """*ms* milliseconds as LRC writes a time: minutes, seconds and hundredths, as in 1:05.30.

    Minutes are not wrapped into hours (101:05.30); hundredths are cut, not rounded, so a
    time never shows a second it has not reached. Negative times show as 0:00.00.
    """
    centiseconds = max(ms, 0) // 10
    minutes, centiseconds = divmod(centiseconds, 6000)
    seconds, centiseconds = divmod(centiseconds, 100)
    return f"{minutes}:{seconds:02d}.{centiseconds:02d}"


def _times_of(entry) -> list[int]:
    """The milliseconds of one line_times entry: None, or a list of them."""
    return list(entry) if isinstance(entry, (list, tuple)) else []


def moved_range(start: int, end: int, position: int, removed: int, added: int) -> tuple[int, int] | None:
    """Where the range [start, end) is after *removed* characters at *position* became *added* ones.

    Text typed or deleted before the range shifts it; a change inside it stretches or shrinks
    it; text typed right at either edge stays outside it. None when nothing of it is left.
    """
    changed_end = position + removed
    delta = added - removed
    if changed_end <= start:
        return start + delta, end + delta
    if position >= end:
        return start, end
    if start <= position and changed_end <= end:
        new_start, new_end = start, end + delta
    else:  # the change overlaps one edge, or swallows the whole range
        new_start = start if start < position else position + added
        new_end = end + delta if end > changed_end else position
    return (new_start, new_end) if new_start < new_end else None


def _moved_highlights(
    highlights: list[Highlight], position: int, removed: int, added: int
) -> list[Highlight]:
    """*highlights* after an edit of the document (see `moved_range`); those whose text went are dropped."""
    moved_highlights = []
    for highlight in highlights:
        moved = moved_range(highlight.start, highlight.end, position, removed, added)
        if moved is None:
            continue
        if moved == (highlight.start, highlight.end):
            moved_highlights.append(highlight)
        else:
            moved_highlights.append(Highlight(moved[0], moved[1], highlight.annotation))
    return moved_highlights


class LineNumberGutter(QWidget):
    """The strip left of the lyrics: line numbers to click, drag or Shift+click to select whole lines."""

    def __init__(self, pane: LyricsPane):
        super().__init__(pane)
        self._pane = pane
        self._drag_anchor: int | None = None
        self.setAccessibleName("Line numbers")
        self.setAccessibleDescription(
            "Click a line number to select the line; drag or Shift+click to select several lines."
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(self._pane.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._pane.paint_gutter(self, event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._pane.line_times_text_at(event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        line = self._pane.line_at(event.position().y())
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._drag_anchor = self._pane.anchor_line() if extend else line
        self._pane.select_lines(self._drag_anchor, line)
        self._pane.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_anchor is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        y = event.position().y()
        bar = self._pane.verticalScrollBar()
        if y < 0:  # dragged above or below the pane: scroll on, a line per move
            bar.setValue(bar.value() - bar.singleStep())
        elif y >= self.height():
            bar.setValue(bar.value() + bar.singleStep())
        y = min(max(y, 0), self.height() - 1)
        self._pane.select_lines(self._drag_anchor, self._pane.line_at(y))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_anchor = None
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # Right-click on a number outside the selection takes that line first, as in the text.
        line = self._pane.line_at(event.pos().y())
        first, last = self._pane.selected_lines()
        if not first <= line <= last or not self._pane.textCursor().hasSelection():
            self._pane.select_lines(line, line)
        menu = self._pane.build_context_menu(None)
        menu.exec(event.globalPos())
        menu.deleteLater()


class LyricsPane(QPlainTextEdit):
    """One song's lyrics, numbered like the CLI counts lines, with its annotations highlighted.

    The pane only shows and reports: selections, clicks on highlights and edited lyrics go
    out as signals; the window turns them into session commands and hands the resulting
    annotations back through ``update_annotations``.
    """

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

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # State first: setting the font below already sends events to the overrides.
        self._song_id: str | None = None
        self._highlights: list[Highlight] = []
        # Proposed places of annotations that need review: drawn apart, never as highlights.
        self._proposals: list[Highlight] = []
        self._line_marks: dict[int, QColor] = {}
        # LRC times by block number, as stored: after lines are added in Edit mode they may
        # no longer match the lines, and are shown as they are until the song is re-timed.
        self._line_times: list[list[int]] = []
        self._time_widths: tuple[str, int, int] | None = None  # font key, time column, "+" column
        self._selected = ""
        self._flash_id = ""
        self._context_actions: list[QAction] = []
        self._editing = False
        self._loading = False
        # The text the annotations' offsets count over (the stored lyrics), and the edits made
        # to the document since: an annotation handed over mid-edit is moved through them.
        self._synced_text = ""
        self._pending_changes: list[tuple[int, int, int]] = []
        self._press_point: QPoint | None = None
        self._gutter_visible = True
        self._gutter = LineNumberGutter(self)
        self._syntax = PygmentsHighlighter(self.document(), LyricsLexer(), palette=self.palette())
        self._save_timer = SaveTimer(LYRICS_SAVE_DEBOUNCE_MS, parent=self)
        self._save_timer.timeout.connect(self._on_save_timer_timeout)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(REVEAL_FLASH_MS)
        self._flash_timer.timeout.connect(self._on_flash_timer_timeout)
        self.setReadOnly(True)
        self.setTextInteractionFlags(_READ_FLAGS)
        self.setAccessibleName("Lyrics")
        self._update_accessible_description()
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Monospace keeps chord lines aligned over the words they belong to.
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()))
        self.setFont(font)
        self.document().setDocumentMargin(8)
        self.document().contentsChange.connect(self._on_document_contents_change)
        self.blockCountChanged.connect(self._on_document_block_count_changed)
        self.updateRequest.connect(self._on_editor_update_request)
        self.cursorPositionChanged.connect(self._gutter.update)
        self._update_gutter_width()

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
        if self._editing:
            self.flush()
            if song is not None and song.id == self._song_id and song.lyrics == self._synced_text:
                self._set_line_times(song.line_times)
                self.update_annotations(annotations)
                return
            self.set_editing(False)
        self._save_timer.stop()
        self._flash_timer.stop()
        self._flash_id = ""
        song_id = song.id if song is not None else None
        if song_id != self._song_id:
            self._selected = ""
        self._song_id = song_id
        self._set_line_times(song.line_times if song is not None else None)
        self._loading = True
        try:
            self.setPlainText(song.lyrics if song is not None else "")
        finally:
            self._loading = False
        self._synced_text = self._document_text()
        self._pending_changes = []
        self._update_placeholder()
        self._highlights, self._proposals = self._places_from(annotations)
        self._apply_highlights()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def update_annotations(self, annotations: list[Annotation]) -> None:
        """Redraw the highlights from *annotations*, keeping text, scroll position and selection.

        Offsets count over the stored lyrics; edits typed since the last ``lyrics_edited``
        are applied to them, so the highlights stay on their words while a save is pending.
        An annotation that needs review is drawn at its proposed place (see ``proposals``),
        an orphaned one not at all: their own offsets are where they were in an older text.
        """
        self._highlights, self._proposals = self._places_from(annotations)
        self._apply_highlights()

    def song_id(self) -> str | None:
        """The id of the song shown (None when the pane is empty)."""
        return self._song_id

    @property
    def highlights(self) -> list[Highlight]:
        """The highlights as drawn, in document positions (UTF-16 units), edits included."""
        return list(self._highlights)

    @property
    def proposals(self) -> list[Highlight]:
        """The proposed places of annotations that need review, in document positions, edits included.

        Drawn with a wavy underline in the lens colour; typing in Edit mode moves them as it
        moves the highlights.
        """
        return list(self._proposals)

    @property
    def gutter(self) -> LineNumberGutter:
        return self._gutter

    def reveal(self, annotation: Annotation) -> None:
        """Scroll to the annotation's first place, select it (cursor at its start) and flash it.

        An annotation that needs review is shown at its proposed place.
        """
        for highlight in [*self._highlights, *self._proposals]:
            if highlight.annotation.id == annotation.id:
                cursor = QTextCursor(self.document())
                cursor.setPosition(highlight.end)
                cursor.setPosition(highlight.start, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(cursor)
                self.centerCursor()
                self._flash_id = annotation.id
                self._flash_timer.start()
                self.viewport().update()
                return

    def flashing_annotation(self) -> str:
        """The id of the annotation flashing after reveal(), "" once the flash is over."""
        return self._flash_id

    def set_selected_annotation(self, annotation_id: str) -> None:
        """Draw *annotation_id*'s passages stronger and outlined ("" for none): the one being edited."""
        if annotation_id == self._selected:
            return
        self._selected = annotation_id
        self._refresh_selections()

    def selected_annotation(self) -> str:
        return self._selected

    def annotations_at(self, position: int) -> list[str]:
        """Ids of the annotations covering the character at document *position*, topmost first.

        *position* is a QTextDocument position, as ``textCursor().position()`` gives.
        Topmost is the shortest highlight (drawn over longer ones); among equals, the later.
        Proposed places come after every highlight there.
        """
        covering = [
            (h.end - h.start, -i, h.annotation.id)
            for i, h in enumerate(self._highlights)
            if h.start <= position < h.end
        ]
        proposed = [
            (h.end - h.start, -i, h.annotation.id)
            for i, h in enumerate(self._proposals)
            if h.start <= position < h.end
        ]
        ids = [annotation_id for *_, annotation_id in [*sorted(covering), *sorted(proposed)]]
        return list(dict.fromkeys(ids))

    # ---------------------------------------------------------------- selection

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as code-point offsets over the text shown (None when nothing, or only blanks).

        In Edit mode the text shown may be ahead of the stored lyrics: flush() first.
        """
        cursor = self.textCursor()
        if not cursor.hasSelection() or not cursor.selectedText().strip():
            return None
        positions = Utf16Map(self._document_text())
        return positions.to_code_point(cursor.selectionStart()), positions.to_code_point(
            cursor.selectionEnd()
        )

    def select_lines(self, first: int, last: int) -> None:
        """Select whole 1-based lines first..last, without the last line break.

        The cursor ends on *last*'s side: select_lines(5, 2) selects lines 2-5 with the
        cursor at the start of line 2. Numbers beyond the text are clamped to it.
        """
        document = self.document()
        count = document.blockCount()
        first, last = min(max(first, 1), count), min(max(last, 1), count)
        top = document.findBlockByNumber(min(first, last) - 1)
        bottom = document.findBlockByNumber(max(first, last) - 1)
        start, end = top.position(), bottom.position() + bottom.length() - 1
        cursor = QTextCursor(document)
        if first <= last:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(end)
            cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_lines(self) -> tuple[int, int]:
        """First and last 1-based lines the selection (or the cursor) touches."""
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart()).blockNumber() + 1
        last = document.findBlock(cursor.selectionEnd()).blockNumber() + 1
        return first, last

    def anchor_line(self) -> int:
        """The 1-based line of the selection's fixed end (the cursor's line when nothing is selected)."""
        return self.document().findBlock(self.textCursor().anchor()).blockNumber() + 1

    def line_at(self, y: float) -> int:
        """The 1-based line shown at viewport (or gutter) height *y*."""
        return self.cursorForPosition(QPoint(0, int(y))).blockNumber() + 1

    # -------------------------------------------------------------------- menus

    def set_context_actions(self, actions: list[QAction]) -> None:
        """Actions the context menu offers first (highlight with a lens, ...); the window owns them."""
        self._context_actions = list(actions)

    def build_context_menu(self, point: QPoint | None) -> QMenu:
        """The context menu for a right-click at viewport *point* (None: at the text cursor).

        The window's actions come first, then "Edit note" and "Delete highlight" when a
        highlight is under the point, then Qt's own text actions. The caller execs and
        deletes it.
        """
        menu = self.createStandardContextMenu()
        first_standard = menu.actions()[0] if menu.actions() else None
        if self._context_actions:
            menu.insertActions(first_standard, self._context_actions)
            menu.insertSeparator(first_standard)
        ids = self._annotation_ids_near(point)
        if ids:
            edit = QAction("&Edit Note", menu)
            edit.triggered.connect(partial(self.annotation_activated.emit, ids[0]))
            delete = QAction("&Delete Highlight", menu)
            delete.triggered.connect(partial(self.delete_requested.emit, ids[0]))
            menu.insertActions(first_standard, [edit, delete])
            menu.insertSeparator(first_standard)
        return menu

    def _annotation_ids_near(self, point: QPoint | None) -> list[str]:
        if point is not None:
            position = character_at(self, point)
            return self.annotations_at(position) if position >= 0 else []
        cursor = self.textCursor()
        position = cursor.selectionStart()
        ids = self.annotations_at(position)
        if not ids and position > 0 and not cursor.hasSelection():
            ids = self.annotations_at(position - 1)  # the cursor just after a highlighted word
        return ids

    # ---------------------------------------------------------------- edit mode

    def set_editing(self, editing: bool) -> None:
        """Switch Edit mode on or off; leaving it saves a pending edit. No song, no Edit mode."""
        if editing == self._editing or (editing and self._song_id is None):
            return
        if not editing:
            self.flush()
        self._editing = editing
        self.setReadOnly(not editing)
        self.setTextInteractionFlags(_EDIT_FLAGS if editing else _READ_FLAGS)
        self._update_placeholder()
        self._update_accessible_description()
        self.editing_changed.emit(editing)

    def is_editing(self) -> bool:
        return self._editing

    def has_pending_edit(self) -> bool:
        """True when the text shown differs from the lyrics last handed over by ``lyrics_edited``."""
        return self._document_text() != self._synced_text

    def flush(self) -> None:
        """Emit ``lyrics_edited`` now if the text changed since it was last handed over."""
        self._save_timer.stop()
        if self._song_id is None:
            return
        text = self._document_text()
        if text == self._synced_text:
            return
        # From here on, annotations arriving count over this text.
        self._synced_text = text
        self._pending_changes = []
        self.lyrics_edited.emit(text)

    def _document_text(self) -> str:
        # toPlainText() would turn no-break spaces into spaces and change the lyrics unasked.
        return self.document().toRawText().replace("\u2029", "\n")

    def _update_placeholder(self) -> None:
        if self._editing:
            self.setPlaceholderText(EDIT_PLACEHOLDER)
        else:
            self.setPlaceholderText(READ_PLACEHOLDER if self._song_id is not None else "")

    def _update_accessible_description(self) -> None:
        if self._editing:
            self.setAccessibleDescription("Editing the lyrics; changes are saved as you type.")
        else:
            self.setAccessibleDescription("Select text or line numbers to highlight them with a lens.")

    # --------------------------------------------------------------- highlights

    def _places_from(self, annotations: list[Annotation]) -> tuple[list[Highlight], list[Highlight]]:
        """(highlights, proposals): where the anchored annotations are, and where those needing review may be."""
        positions = Utf16Map(self._synced_text)
        length = len(self._synced_text)
        changes = self._pending_changes
        highlights: list[Highlight] = []
        proposals: list[Highlight] = []

        def place(start: int, end: int, annotation: Annotation, into: list[Highlight]) -> None:
            if not 0 <= start < end <= length:
                return  # offsets over another text than the one shown (a save still on its way)
            moved: tuple[int, int] | None = (positions.to_utf16(start), positions.to_utf16(end))
            for change in changes:
                moved = moved_range(*moved, *change)
                if moved is None:
                    return
            if moved is not None and moved[0] < moved[1]:
                into.append(Highlight(moved[0], moved[1], annotation))

        for annotation in annotations:
            if annotation.target != "lyrics" or annotation.deleted:
                continue
            if annotation.status == "anchored":
                for fragment in annotation.fragments:
                    place(fragment.start, fragment.end, annotation, highlights)
            elif annotation.status == "needs_review":
                for fragment in annotation.fragments:
                    if fragment.proposal is not None:
                        place(fragment.proposal.start, fragment.proposal.end, annotation, proposals)
        return highlights, proposals

    def _apply_highlights(self) -> None:
        self._refresh_selections()
        document = self.document()
        palette = self.palette()
        self._line_marks = {}
        for highlight in self._highlights:
            first = document.findBlock(highlight.start).blockNumber()
            last = document.findBlock(max(highlight.start, highlight.end - 1)).blockNumber()
            if first < 0:
                continue
            if last < 0:
                last = document.blockCount() - 1
            colour = None
            for number in range(first, last + 1):
                if number not in self._line_marks:
                    colour = colour or lens_colour(highlight.annotation, palette)
                    self._line_marks[number] = colour
        self._gutter.update()

    def _refresh_selections(self) -> None:
        document, palette = self.document(), self.palette()
        self.setExtraSelections(
            layered_extra_selections(document, self._highlights, palette, self._selected)
            + proposal_extra_selections(document, self._proposals, palette, self._selected)
        )
        self.viewport().update()

    def _paint_emphasis(self) -> None:
        """Outline the selected annotation's passages; fill and outline the one flashing after a reveal.

        A proposed place is outlined with a dashed line: it is not the annotation's place yet.
        """
        wanted = {self._selected, self._flash_id} - {""}
        if not wanted:
            return
        painter: QPainter | None = None
        palette = self.palette()
        height = self.viewport().height()
        proposed = set(map(id, self._proposals))
        for highlight in [*self._highlights, *self._proposals]:
            annotation = highlight.annotation
            if annotation.id not in wanted:
                continue
            rects = range_rects(self, highlight.start, highlight.end)
            rects = [r for r in rects if r.bottom() >= 0 and r.top() <= height]
            if not rects:
                continue
            if painter is None:
                painter = QPainter(self.viewport())
            edge = outline_colour(annotation, palette)
            if annotation.id == self._flash_id:
                fill = lens_colour(annotation, palette)
                fill.setAlpha(FLASH_ALPHA)
                for rect in rects:
                    painter.fillRect(rect, fill)
                paint_outline(painter, rects, edge, 2.0, dashed=id(highlight) in proposed)
            else:
                paint_outline(painter, rects, edge, dashed=id(highlight) in proposed)
        if painter is not None:
            painter.end()

    # ------------------------------------------------------------------- gutter

    def set_line_numbers_visible(self, visible: bool) -> None:
        self._gutter_visible = visible
        self._gutter.setVisible(visible)
        self._update_gutter_width()

    def line_numbers_visible(self) -> bool:
        return self._gutter_visible

    def gutter_width(self) -> int:
        if not self._gutter_visible:
            return 0
        digits = max(2, len(str(self.blockCount())))
        width = GUTTER_PADDING * 2 + MARK_WIDTH + self.fontMetrics().horizontalAdvance("9") * digits
        if self._line_times:
            times_width, more_width = self._time_columns()
            width += times_width + more_width + GUTTER_PADDING
        return width

    def line_times(self, line: int) -> list[int]:
        """The LRC times (milliseconds) stored for 1-based *line*; [] when it has none or is past them."""
        if 1 <= line <= len(self._line_times):
            return list(self._line_times[line - 1])
        return []

    def line_times_text_at(self, y: float) -> str:
        """All LRC times of the line at gutter height *y*, as "0:12.00, 1:45.50" ("" for none)."""
        if not self._line_times or self.document().isEmpty():
            return ""
        block = self.cursorForPosition(QPoint(0, int(y))).block()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        if not top <= y < top + self.blockBoundingRect(block).height():
            return ""  # below the last line
        return ", ".join(format_lrc_time(ms) for ms in self.line_times(block.blockNumber() + 1))

    def _set_line_times(self, line_times: list | None) -> None:
        self._line_times = [_times_of(entry) for entry in line_times or ()]
        if not any(self._line_times):
            self._line_times = []  # no times at all: the gutter stays as without them
        self._time_widths = None
        self._update_gutter_width()

    def _time_font(self) -> QFont:
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * TIME_FONT_SCALE)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * TIME_FONT_SCALE)))
        return font

    def _time_columns(self) -> tuple[int, int]:
        """Widths of the times (right-aligned, so that their colons line up) and of the "+" after them.

        Kept until the times or the font change: the gutter asks for them on every repaint.
        """
        font = self._time_font()
        if self._time_widths is None or self._time_widths[0] != font.key():
            metrics = QFontMetrics(font)
            labels = {format_lrc_time(times[0]) for times in self._line_times if times}
            several = any(len(times) > 1 for times in self._line_times)
            self._time_widths = (
                font.key(),
                max(map(metrics.horizontalAdvance, labels), default=0),
                metrics.horizontalAdvance(MORE_TIMES) if several else 0,
            )
        return self._time_widths[1], self._time_widths[2]

    def _update_gutter_width(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)
        self._place_gutter()

    def _place_gutter(self) -> None:
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        """Paint the line numbers of the visible blocks, level with each block's first line."""
        palette = self.palette()
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        painter.setFont(self.font())
        number_right = gutter.width() - GUTTER_PADDING - MARK_WIDTH
        if self.document().isEmpty():
            painter.end()  # no line 1 to number: the placeholder text shows instead
            return
        time_font = self._time_font()
        times_width = self._time_columns()[0] if self._line_times else 0
        cursor = self.textCursor()
        document = self.document()
        # The lines the selection covers are numbered as strongly as the cursor's line.
        first_current = document.findBlock(cursor.selectionStart()).blockNumber()
        last_current = document.findBlock(cursor.selectionEnd()).blockNumber()
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        while block.isValid() and top <= event.rect().bottom():
            height = round(self.blockBoundingRect(block).height())
            if block.isVisible() and top + height >= event.rect().top():
                number = block.blockNumber()
                current = first_current <= number <= last_current
                role = QPalette.ColorRole.Text if current else QPalette.ColorRole.PlaceholderText
                painter.setPen(palette.color(role))
                # Level with the block's first line, wherever the layout put it.
                first_line = block.layout().lineAt(0)
                line_top = top + round(first_line.y()) if first_line.isValid() else top
                line_height = (
                    round(first_line.height()) if first_line.isValid() else self.fontMetrics().height()
                )
                painter.drawText(
                    QRect(0, line_top, number_right, line_height),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    str(number + 1),
                )
                times = self._line_times[number] if number < len(self._line_times) else []
                if times:
                    self._paint_line_time(
                        painter, time_font, QRect(GUTTER_PADDING, line_top, times_width, line_height), times
                    )
                    painter.setFont(self.font())
                mark = self._line_marks.get(number)
                if mark is not None:
                    painter.fillRect(QRect(gutter.width() - MARK_WIDTH - 2, top, MARK_WIDTH, height), mark)
            block = block.next()
            top += height
        painter.end()

    def _paint_line_time(self, painter: QPainter, font: QFont, rect: QRect, times: list[int]) -> None:
        """A line's first LRC time, right-aligned in *rect*, and a "+" after it when the line has more."""
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        # On the baseline of the line number beside it (centred in the row), though the font is smaller.
        numbers = self.fontMetrics()
        baseline = rect.top() + (rect.height() + numbers.ascent() - numbers.descent()) // 2
        metrics = QFontMetrics(font)
        label = format_lrc_time(times[0])
        painter.drawText(rect.right() + 1 - metrics.horizontalAdvance(label), baseline, label)
        if len(times) > 1:
            painter.drawText(rect.right() + 1, baseline, MORE_TIMES)

    # --------------------------------------------------------------- Qt events

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._paint_emphasis()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_gutter()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._syntax.on_palette_changed(self.palette())
            self._apply_highlights()
        elif event.type() == QEvent.Type.FontChange:
            self._update_gutter_width()

    def viewportEvent(self, event: QEvent) -> bool:
        if show_tooltip(self, event, self._highlights, self._proposals):
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
        if press is None or self._editing or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = (event.position().toPoint() - press).manhattanLength()
        if moved >= QApplication.startDragDistance() or self.textCursor().hasSelection():
            return  # a drag selects text; only a plain click picks a highlight
        position = character_at(self, press)
        ids = self.annotations_at(position) if position >= 0 else []
        if ids:
            self.annotation_clicked.emit(ids[0])

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # In Edit mode a double-click selects a word, as in any editor; the context menu
        # still offers "Edit Note" there.
        if not self._editing and event.button() == Qt.MouseButton.LeftButton:
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
            not self._editing
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers()
        ):
            # Enter on a highlight opens its note: the keyboard way to a double-click.
            here = self.annotations_at(self.textCursor().position())
            if here:
                self.annotation_activated.emit(here[0])
                return
        if (
            self._editing
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            # Shift+Enter would insert a soft break inside the line: lyrics lines are lines,
            # so it starts a new one like Enter.
            event = QKeyEvent(
                event.type(),
                event.key(),
                event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier,
                event.text(),
                event.isAutoRepeat(),
                event.count(),
            )
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self._editing and source.hasText():
            # Pasted text is normalised as the store will normalise it, so that what is
            # saved is exactly what is shown and the highlights' offsets agree with both.
            cursor = self.textCursor()
            cursor.insertText(normalise_text(source.text()))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)

    # -------------------------------------------------------------------- slots

    def _on_document_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._loading:
            return
        if removed != added:  # equal counts: a same-length replacement, nothing moves
            self._pending_changes.append((position, removed, added))
            # Proposals move with the words too: typing never leaves one on the wrong text.
            self._highlights = _moved_highlights(self._highlights, position, removed, added)
            self._proposals = _moved_highlights(self._proposals, position, removed, added)
            self._apply_highlights()
        if self._editing:
            self._save_timer.changed()

    def _on_save_timer_timeout(self) -> None:
        self.flush()

    def _on_flash_timer_timeout(self) -> None:
        self._flash_id = ""
        self.viewport().update()

    def _on_document_block_count_changed(self, _count: int) -> None:
        self._update_gutter_width()

    def _on_editor_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_gutter_width()
