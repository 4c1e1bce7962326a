"""The lyrics pane's gutter: line numbers to click or drag, LRC times, lens marks beside annotated lines, a quote mark beside quoted ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

if TYPE_CHECKING:
    from lyricpad.gui.lyrics_pane import LyricsPane

GUTTER_PADDING = 8
MARK_WIDTH = 4
"""Width of the lens-coloured marks the gutter draws beside annotated lines (wide enough to draw one hollow)."""

MAX_MARKS = 4
"""Lens marks stacked beside one line at most; a line with more lenses gets a small "+" beside them."""

MARK_GAP = 1
"""Pixels between two lens marks stacked beside one line, so that neighbouring colours stay apart."""

TIME_FONT_SCALE = 0.85
"""Size of the gutter's LRC times relative to the lyrics font: present, but quieter than the line numbers."""

QUOTE_MARK = "\u201c"
"""Drawn at the left of a lyric line an article quotes (a quotation mark, unlike the lens bars)."""

QUOTE_GLYPH_SCALE = 1.3
"""Size of the quotation mark on its badge relative to the lyrics font: a bare “ is a speck."""

MORE_TIMES = "+"
"""Drawn with how many more after the times shown of a line that has more than MAX_TIMES ("+2")."""

MAX_TIMES = 2
"""LRC times shown in full beside one line: more would take the lyrics' width; the tooltip lists all."""

LYRICS_ROOM_CHARS = 28
"""Characters of lyrics a line keeps beside the times: with less, each line shows its first time and "+N"."""

TIMES_SEPARATOR = " · "
"""Between two LRC times of one line."""


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


def time_labels(times: list[int], most: int = MAX_TIMES) -> list[str]:
    """What the gutter writes for a line sung at *times*: every time, or when there are more than
    *most* the first ones and "+N" for the rest (a short last column, not another time's width)."""
    shown = [format_lrc_time(ms) for ms in times[:most]]
    return shown if len(times) <= most else [*shown, f"{MORE_TIMES}{len(times) - most}"]


@dataclass(frozen=True)
class GutterMark:
    """One lens beside a line: filled for a highlight, hollow for a proposed place (needs review)."""

    colour: QColor
    proposed: bool = False


class LineNumberGutter(QWidget):
    """The strip left of the lyrics: line numbers to click, drag or Shift+click to select whole lines."""

    quote_mark_clicked = Signal(int)
    """(1-based line): the quote mark beside a quoted line was clicked."""

    lines_drag_requested = Signal()
    """A drag started on a number inside the selected lines: the pane drags those lines out."""

    time_clicked = Signal(int)
    """(milliseconds): a line's LRC time was clicked while `times_clickable` (the practice mode seeks there)."""

    def __init__(self, pane: LyricsPane):
        super().__init__(pane)
        self._pane = pane
        self._drag_anchor: int | None = None
        self._drag_out: tuple[QPoint, int] | None = None  # press point and line, pressed inside the selection
        # LRC times by block number, as stored: after lines are added in Edit mode they may
        # no longer match the lines, and are shown as they are until the song is re-timed.
        self._line_times: list[list[int]] = []
        self._time_widths: dict[
            tuple[str, int], tuple[list[int], int]
        ] = {}  # (font, most): columns, separator
        self._most_times = MAX_TIMES  # times shown in full per line: fewer when the pane is narrow
        self.marks: dict[int, list[GutterMark]] = {}
        """The lenses marked beside each annotated block, by block number, in the order they are drawn."""
        self.quote_marks: dict[int, str] = {}
        """The tooltip (rich text) of the quote mark drawn beside each quoted block, by block number."""
        self.numbers_visible = True
        """Whether the gutter is shown at all (it takes no width when not)."""
        self.times_clickable = False
        """Whether a click on a time asks to go there (`time_clicked`) rather than selecting its line."""
        pane.blockCountChanged.connect(self._on_pane_block_count_changed)
        pane.updateRequest.connect(self._on_pane_update_request)
        pane.cursorPositionChanged.connect(self.update)
        self.setAccessibleName(self.tr("Line numbers"))
        self.setAccessibleDescription(
            self.tr("Click a line number to select the line; drag or Shift+click to select several lines.")
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    # ------------------------------------------------------------------ times

    def set_line_times(self, line_times: list | None) -> None:
        """The song's LRC times, one entry (None or a list of milliseconds) per line."""
        self._line_times = [_times_of(entry) for entry in line_times or ()]
        if not any(self._line_times):
            self._line_times = []  # no times at all: the gutter stays as without them
        self._time_widths = {}
        self.update_width()

    def line_times(self, line: int) -> list[int]:
        """The LRC times (milliseconds) stored for 1-based *line*; [] when it has none or is past them."""
        if 1 <= line <= len(self._line_times):
            return list(self._line_times[line - 1])
        return []

    def line_times_text_at(self, y: float) -> str:
        """All LRC times of the line at gutter height *y*, as "0:12.00, 1:45.50" ("" for none)."""
        pane = self._pane
        if not self._line_times or pane.document().isEmpty():
            return ""
        block = pane.cursorForPosition(QPoint(0, int(y))).block()
        top = pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top()
        if not top <= y < top + pane.blockBoundingRect(block).height():
            return ""  # below the last line
        return ", ".join(format_lrc_time(ms) for ms in self.line_times(block.blockNumber() + 1))

    def time_at(self, point: QPoint) -> int | None:
        """The LRC time (milliseconds) written at gutter *point*; None when no time is there."""
        if not self._line_times or self._pane.document().isEmpty():
            return None
        times = self.line_times(self._pane.lines.line_at(point.y()))
        widths, separator = self._time_columns()
        left = GUTTER_PADDING + self.quote_column()
        for ms, width in zip(times[: self._most_times], widths, strict=False):
            if left - separator // 2 <= point.x() < left + width + separator // 2:
                return ms
            left += width + separator
        return None

    def set_numbers_visible(self, visible: bool) -> None:
        self.numbers_visible = visible
        self.setVisible(visible)
        self.update_width()

    def width_wanted(self) -> int:
        """The width the numbers (and times, when the song has them) need; 0 when hidden."""
        if not self.numbers_visible:
            return 0
        pane = self._pane
        digits = max(2, len(str(pane.line_count())))
        width = GUTTER_PADDING * 2 + MARK_WIDTH + pane.fontMetrics().horizontalAdvance("9") * digits
        width += max(0, self.quote_column() - GUTTER_PADDING // 2)  # the badges use part of the padding
        if self._line_times:
            # Times in full as long as they leave the lyrics room; else one per line and "+N".
            self._most_times = MAX_TIMES
            room = pane.width() - width - self._times_width() - GUTTER_PADDING
            if room < LYRICS_ROOM_CHARS * pane.fontMetrics().horizontalAdvance("0"):
                self._most_times = 1
            width += self._times_width() + GUTTER_PADDING
        return width

    def update_width(self) -> None:
        """Make room left of the text for the gutter as wide as it now wants."""
        # The right margin is the study view's (its margin column): kept as it is.
        self._pane.setViewportMargins(self.width_wanted(), 0, self._pane.viewportMargins().right(), 0)
        self.place()

    def set_quote_marks(self, marks: dict[int, str]) -> None:
        """Quote marks to draw, with their tooltips, by block number (the room for them only when there are any)."""
        if marks == self.quote_marks:
            return
        had = bool(self.quote_marks)
        self.quote_marks = dict(marks)
        if had != bool(marks):
            self.update_width()
        self.update()

    def quote_column(self) -> int:
        """Width of the column of quote marks at the gutter's left; 0 while no line is quoted.

        As wide as a line is high: the whole column beside a quoted line takes the click.
        """
        if not self.quote_marks:
            return 0
        return self._badge_width() + GUTTER_PADDING // 4

    def _badge_width(self) -> int:
        # Narrower than a line is high: every pixel here is taken from the lyrics' width.
        return max(10, round(self._pane.fontMetrics().height() * 0.7))

    def quote_mark_at(self, point: QPoint) -> int:
        """The 1-based line whose quote mark is at gutter *point*; 0 for none."""
        if not self.quote_marks or point.x() >= self.quote_column() or self._pane.document().isEmpty():
            return 0
        line = self._pane.lines.line_at(point.y())
        return line if line - 1 in self.quote_marks else 0

    def place(self) -> None:
        """Lay the gutter over the room left of the text (after a resize of the pane)."""
        area = self._pane.contentsRect()
        wanted = self.width_wanted()
        margins = self._pane.viewportMargins()
        if margins.left() != wanted:  # the pane's new width changed the times shown
            self._pane.setViewportMargins(wanted, 0, margins.right(), 0)
        self.setGeometry(QRect(area.left(), area.top(), wanted, area.height()))

    def time_font(self) -> QFont:
        """The font of the LRC times: the lyrics font, smaller."""
        font = QFont(self._pane.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * TIME_FONT_SCALE)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * TIME_FONT_SCALE)))
        return font

    def _time_columns(self) -> tuple[list[int], int]:
        """The width of each column of times, and of the separator between two columns.

        A line's first time goes in the first column, its second in the second...: right-aligned
        in their columns, so that their colons line up. There are only as many columns, each only
        as wide, as the song's times need: the gutter widens only as needed. Kept until the times
        or the font change: the gutter asks for them on every repaint.
        """
        font = self.time_font()
        key = (font.key(), self._most_times)
        if key not in self._time_widths:
            metrics = QFontMetrics(font)
            widths: list[int] = []
            for labels in {tuple(time_labels(times, self._most_times)) for times in self._line_times}:
                for column, label in enumerate(labels):
                    width = metrics.horizontalAdvance(label)
                    if column < len(widths):
                        widths[column] = max(widths[column], width)
                    else:
                        widths.append(width)
            self._time_widths[key] = (widths, metrics.horizontalAdvance(TIMES_SEPARATOR))
        return self._time_widths[key]

    def _times_width(self) -> int:
        widths, separator = self._time_columns()
        return sum(widths) + separator * max(len(widths) - 1, 0)

    # --------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the line numbers of the visible blocks, level with each block's first line."""
        pane = self._pane
        palette = pane.palette()
        painter = QPainter(self)
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        painter.setFont(pane.font())
        number_right = self.width() - GUTTER_PADDING - MARK_WIDTH
        if pane.document().isEmpty():
            painter.end()  # no line 1 to number: the placeholder text shows instead
            return
        time_font = self.time_font()
        times_width = self._times_width() if self._line_times else 0
        cursor = pane.textCursor()
        document = pane.document()
        # The lines the selection covers are numbered as strongly as the cursor's line.
        first_current = document.findBlock(cursor.selectionStart()).blockNumber()
        last_current = document.findBlock(cursor.selectionEnd()).blockNumber()
        for shown in pane.lines.shown_between(event.rect().top(), event.rect().bottom()):
            number = shown.number - 1
            current = first_current <= number <= last_current
            role = QPalette.ColorRole.Text if current else QPalette.ColorRole.PlaceholderText
            painter.setPen(palette.color(role))
            line_top, line_height = shown.text_top, shown.text_height
            painter.drawText(
                QRect(0, line_top, number_right, line_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(shown.number),
            )
            times = self._line_times[number] if number < len(self._line_times) else []
            if times:
                left = GUTTER_PADDING + self.quote_column()
                self._paint_line_time(
                    painter, time_font, QRect(left, line_top, times_width, line_height), times
                )
                painter.setFont(pane.font())
            if number in self.quote_marks:
                self._paint_quote_badge(painter, line_top, line_height)
                painter.setFont(pane.font())
            marks = self.marks.get(number)
            if marks:
                self._paint_marks(painter, marks, shown.top, shown.height)
        painter.end()

    def _paint_quote_badge(self, painter: QPainter, top: int, height: int) -> None:
        """A filled badge in the link colour with a large “ on it, beside a quoted line."""
        palette = self._pane.palette()
        side = max(8, min(self._pane.fontMetrics().height(), height) - 2)
        badge = QRectF(GUTTER_PADDING / 4, top + (height - side) / 2, self._badge_width(), side)
        fill = palette.color(QPalette.ColorRole.Link)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(badge, 3, 3)
        font = QFont(self._pane.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * QUOTE_GLYPH_SCALE)
        else:
            font.setPixelSize(max(1, round(font.pixelSize() * QUOTE_GLYPH_SCALE)))
        painter.setFont(font)
        # Light on a dark link colour, dark on a light one (a dark theme's link colour is light).
        painter.setPen(QColor("#ffffff") if fill.lightnessF() < 0.6 else QColor("#000000"))
        # Centred by its ink, not its line box: a “ sits at the top of its line.
        ink = QFontMetrics(font).tightBoundingRect(QUOTE_MARK)
        x = badge.center().x() - ink.center().x()
        y = badge.center().y() - ink.center().y()
        painter.drawText(QPointF(x, y), QUOTE_MARK)
        painter.restore()

    def _paint_marks(self, painter: QPainter, marks: list[GutterMark], top: int, height: int) -> None:
        """The lenses of a line stacked top to bottom beside it, a proposed place's hollow; "+" past MAX_MARKS."""
        shown = marks[:MAX_MARKS]
        x = self.width() - MARK_WIDTH - 2
        step = (height + MARK_GAP) / len(shown)
        for index, mark in enumerate(shown):
            y0 = top + round(index * step)
            y1 = top + round((index + 1) * step) - (MARK_GAP if index < len(shown) - 1 else 0)
            rect = QRect(x, y0, MARK_WIDTH, max(y1 - y0, 1))
            if mark.proposed:
                painter.save()
                painter.setPen(mark.colour)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(
                    rect.adjusted(0, 0, -1, -1)
                )  # a pen draws a pixel past a rect's right and bottom
                painter.restore()
            else:
                painter.fillRect(rect, mark.colour)
        if len(marks) > MAX_MARKS:
            painter.save()
            painter.setPen(self._pane.palette().color(QPalette.ColorRole.Text))
            centre_x, centre_y = x - 4, top + height - 4
            painter.drawLine(centre_x - 2, centre_y, centre_x + 2, centre_y)
            painter.drawLine(centre_x, centre_y - 2, centre_x, centre_y + 2)
            painter.restore()

    def _paint_line_time(self, painter: QPainter, font: QFont, rect: QRect, times: list[int]) -> None:
        """Every LRC time of a line (see `time_labels`), each right-aligned in its column of *rect*."""
        painter.setFont(font)
        painter.setPen(self._pane.palette().color(QPalette.ColorRole.PlaceholderText))
        # On the baseline of the line number beside it (centred in the row), though the font is smaller.
        numbers = self._pane.fontMetrics()
        baseline = rect.top() + (rect.height() + numbers.ascent() - numbers.descent()) // 2
        metrics = QFontMetrics(font)
        widths, separator = self._time_columns()
        left = rect.left()
        for label, width in zip(time_labels(times, self._most_times), widths, strict=False):
            if left > rect.left():
                painter.drawText(left - separator, baseline, TIMES_SEPARATOR)
            painter.drawText(left + width - metrics.horizontalAdvance(label), baseline, label)
            left += width + separator

    # ------------------------------------------------------------- Qt events

    def sizeHint(self) -> QSize:
        return QSize(self.width_wanted(), 0)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            quoted = self.quote_mark_at(event.pos())
            text = self.quote_marks[quoted - 1] if quoted else self.line_times_text_at(event.pos().y())
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
        quoted = self.quote_mark_at(event.position().toPoint())
        if quoted and not event.modifiers():
            event.accept()
            self.quote_mark_clicked.emit(quoted)
            return
        clicked_time = self.time_at(event.position().toPoint()) if self.times_clickable else None
        if clicked_time is not None and not event.modifiers():
            event.accept()
            self.time_clicked.emit(clicked_time)
            return
        line = self._pane.lines.line_at(event.position().y())
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        first, last = self._pane.selected_lines()
        if not extend and self._pane.textCursor().hasSelection() and first <= line <= last:
            # Pressed inside the selected lines: a drag takes them out, a click selects this one.
            self._drag_out = (event.position().toPoint(), line)
            event.accept()
            return
        self._drag_anchor = self._pane.lines.anchor_line() if extend else line
        self._pane.select_lines(self._drag_anchor, line)
        self._pane.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_out is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = (event.position().toPoint() - self._drag_out[0]).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._drag_out = None
                self.lines_drag_requested.emit()
            event.accept()
            return
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
        self._pane.select_lines(self._drag_anchor, self._pane.lines.line_at(y))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_anchor = None
            if self._drag_out is not None:  # no drag after all: a click on the number
                line = self._drag_out[1]
                self._drag_out = None
                self._pane.select_lines(line, line)
                self._pane.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # Right-click on a number outside the selection takes that line first, as in the text.
        line = self._pane.lines.line_at(event.pos().y())
        first, last = self._pane.selected_lines()
        if not first <= line <= last or not self._pane.textCursor().hasSelection():
            self._pane.select_lines(line, line)
        menu = self._pane.build_context_menu(None)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # ------------------------------------------------------------------ slots

    def _on_pane_block_count_changed(self, _count: int) -> None:
        self.update_width()

    def _on_pane_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())
        if rect.contains(self._pane.viewport().rect()):
            self.update_width()
