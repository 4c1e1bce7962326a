"""The study view's margin: beside each lyric line its repeats, syllable count, stress pattern and rhyme letter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, QTimer, Signal
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

from lyricpad.app.study_state import LOADING_MESSAGE
from lyricpad.core.study import StudyLine, StudyView

if TYPE_CHECKING:
    from lyricpad.gui.lyrics_pane import LyricsPane

MARGIN_FONT_SCALE = 0.85
"""The margin's text relative to the application font: present, quieter than the lyrics."""

MAX_STRESS_MARKS = 12
"""Stress marks shown in full; a longer pattern is cut with "…" (the tooltip has it all)."""

PADDING = 4
COLUMN_GAP = 6
LOADING_WIDTH_CHARS = 16
"""While the dictionary loads the margin is this wide, for its message."""

RHYME_COLOURS = ("#d9455f", "#2f7fd1", "#3aa655", "#d4a017", "#8e5cc9", "#e07b39", "#1a9e9e", "#b05c8a")
"""One colour per rhyme letter within a section (A, B, C...), in the lenses' spirit: distinct and calm."""

SECTION_COLOUR_STEP = 3
"""Each section starts its letters this many colours further on: letters rhyme within a section only,
so Verse 2's A is not drawn in Verse 1's A colour (a section repeating an earlier one takes its colours)."""

REPEAT_SIGN = "×"
FIELDS = ("repeats", "syllables", "stress", "rhyme")
"""The margin's columns, left to right; all but "repeats" can be corrected."""


def rhyme_colour(letter: str | None, palette: QPalette, near: bool = False, shift: int = 0) -> QColor:
    """The colour of rhyme *letter* (A is the colour *shift*, see `colour_shift`); a near or spelling rhyme's is lighter."""
    if not letter:
        return palette.color(QPalette.ColorRole.PlaceholderText)
    index = (ord(letter[0].upper()) - ord("A") + shift) % len(RHYME_COLOURS)
    colour = QColor(RHYME_COLOURS[index])
    if near:
        colour.setAlphaF(0.6)
    return colour


def colour_shift(view: StudyView, line: int) -> int:
    """Where the rhyme colours of 1-based *line*'s section start: each section further on than the one
    before (a repeated section as the section it repeats), so that neighbouring sections' letters differ."""
    return _RhymeIndex.of(view).colour_shift(line)


def compact_stress(stress: str | None) -> str:
    """ "x / x /" as the margin writes it where room is short: "x/x/", cut after MAX_STRESS_MARKS with "…"."""
    marks = (stress or "").replace(" ", "")
    return marks if len(marks) <= MAX_STRESS_MARKS else marks[: MAX_STRESS_MARKS - 1] + "…"


def spaced_stress(stress: str | None) -> str:
    """ "x / x /" as the margin writes it where there is room: spaced as the CLI writes it, cut as `compact_stress`."""
    marks = (stress or "").replace(" ", "")
    shown = marks if len(marks) <= MAX_STRESS_MARKS else marks[: MAX_STRESS_MARKS - 1] + "…"
    return " ".join(shown)


def partners(view: StudyView, line: StudyLine) -> list[int]:
    """The other lines of *line*'s section with its rhyme letter."""
    if not line.rhyme:
        return []
    return [other for other in _RhymeIndex.of(view).group(line) if other != line.line]


def has_partners(view: StudyView, line: StudyLine) -> bool:
    """Whether `partners` has any, without listing them (asked for each line painted)."""
    if not line.rhyme:
        return False
    group = _RhymeIndex.of(view).group(line)
    return len(group) > 1 or bool(group) and group[0] != line.line


class _RhymeIndex:
    """A view's sections by line and its rhyme groups, made once per view: the margin and the rhyme
    underlines ask for every visible line at each paint, which scanning the lines would make slow on
    a long song (a section of 100,000 lines)."""

    _recent: list[
        tuple[StudyView, _RhymeIndex]
    ] = []  # the views asked about last (the shown one and its computed twin)

    def __init__(self, view: StudyView):
        self._view = view
        self._section_at: dict[int, int] = {}  # 1-based line: index of its section (see StudyView.section_of)
        for index, section in enumerate(view.sections):
            for number in range(section.start_line, section.end_line + 1):
                self._section_at.setdefault(number, index)
        self._groups: dict[tuple[int, str], list[int]] = {}  # (section index or -1: the whole song, letter)
        for other in view.lines:
            if other.rhyme and other.kind == "lyric":
                section = self._section_at.get(other.line, -1)
                if section != -1:
                    self._groups.setdefault((section, other.rhyme), []).append(other.line)
                self._groups.setdefault((-1, other.rhyme), []).append(other.line)

    @classmethod
    def of(cls, view: StudyView) -> _RhymeIndex:
        for known, index in cls._recent:
            if known is view:
                return index
        index = cls(view)
        cls._recent = [(view, index), *cls._recent[:1]]
        return index

    def group(self, line: StudyLine) -> list[int]:
        """The lyric lines of *line*'s section (the whole song outside any) with its rhyme letter."""
        return self._groups.get((self._section_at.get(line.line, -1), line.rhyme), [])

    def colour_shift(self, line: int) -> int:
        index = self._section_at.get(line)
        if index is None:
            return 0
        repeat_of = self._view.sections[index].repeat_of
        if repeat_of is not None:
            index = self._section_at.get(repeat_of, index)
        return index * SECTION_COLOUR_STEP


def lines_text(lines: list[int] | tuple[int, ...]) -> str:
    """ "line 4" or "lines 4, 12 and 30"."""
    numbers = [str(n) for n in lines]
    if len(numbers) == 1:
        return QCoreApplication.translate("StudyMargin", "line {number}").format(number=numbers[0])
    return QCoreApplication.translate("StudyMargin", "lines {numbers} and {last}").format(
        numbers=", ".join(numbers[:-1]), last=numbers[-1]
    )


@dataclass(frozen=True)
class MarginColumns:
    """Where each column starts and how wide it is, in margin pixels."""

    repeats: tuple[int, int]
    syllables: tuple[int, int]
    stress: tuple[int, int]
    rhyme: tuple[int, int]

    @property
    def width(self) -> int:
        return self.rhyme[0] + self.rhyme[1] + PADDING

    def field_at(self, x: int) -> str:
        for name in FIELDS:
            left, width = getattr(self, name)
            if width and left - COLUMN_GAP // 2 <= x < left + width + COLUMN_GAP // 2:
                return name
        return ""


class StudyMargin(QWidget):
    """A column right of the lyrics text (inside the pane, left of its scroll bar), drawn from a `StudyView`.

    It only shows and reports: a double-click on a value asks to correct it, a right-click asks
    for the menu of that line; the controller (`StudyViewController`) does the rest.
    """

    edit_requested = Signal(int, str)
    """(1-based line, field): the value was double-clicked, to be corrected."""
    menu_requested = Signal(int, str, QPoint)
    """(1-based line, field or "", global point): a right-click on the margin."""

    def __init__(self, pane: LyricsPane):
        super().__init__(pane)
        self._pane = pane
        self.view: StudyView | None = None
        self.computed: StudyView | None = None
        self.loading = False
        self.message = ""
        self._columns: MarginColumns | None = None
        self.compact = False
        """The stress column is left out: beside it the lyrics would wrap more (the tooltip still has it)."""
        self.spaced = True
        """The stress patterns are written spaced ("x / x /"); False: squeezed ("x/x/") to leave the lyrics their lines."""
        self.stress_always = False
        """The user asked for the stress column even if lines wrap (View > Stress Patterns Even If Lines Wrap)."""
        self.setAccessibleName(self.tr("Study margin"))
        self.setAccessibleDescription(
            self.tr("Syllables, stress and rhyme letter of each line; double-click a value to correct it.")
        )
        self.setMouseTracking(True)
        pane.updateRequest.connect(self._on_pane_update_request)
        self.hide()

    # ------------------------------------------------------------------ content

    def show_view(
        self,
        view: StudyView | None,
        computed: StudyView | None = None,
        loading: bool = False,
        message: str = "",
    ) -> None:
        """Draw *view* (None: nothing yet), its values as *computed* for the tooltips of corrected ones."""
        self.view, self.computed, self.loading, self.message = view, computed or view, loading, message
        self._columns = None
        self.place()
        self.update()

    def margin_font(self) -> QFont:
        font = QFont(QApplication.font())  # proportional: x and / are narrow, the lyrics keep their width
        if font.pointSizeF() > 0 and self._pane.font().pointSizeF() > 0:
            font.setPointSizeF(max(6.0, self._pane.font().pointSizeF() * MARGIN_FONT_SCALE))
        return font

    def stress_text(self, stress: str | None) -> str:
        """*stress* as the margin writes it now: spaced, or squeezed where room is short."""
        return spaced_stress(stress) if self.spaced else compact_stress(stress)

    def _column_widths(self, spaced: bool = True) -> list[int]:
        """The widths of the columns with the stress column (0: a column not needed), in FIELDS order."""
        metrics = QFontMetrics(self.margin_font())
        lines = self.view.lines if self.view is not None else ()
        repeats = max((len(line.repeats) for line in lines), default=0)
        repeats_width = metrics.horizontalAdvance(f"{REPEAT_SIGN}{repeats + 1}") if repeats else 0
        backing = any(line.kind == "backing" and line.syllables is not None for line in lines)
        count = max((line.syllables or 0 for line in lines), default=0)
        digits = "(" + "9" * len(str(count)) + ")" if backing else "9" * max(2, len(str(count)))
        form = spaced_stress if spaced else compact_stress
        stress = max((metrics.horizontalAdvance(form(line.stress)) for line in lines), default=0)
        stress = max(stress, metrics.horizontalAdvance(form("x/x/")))
        rhyme = metrics.horizontalAdvance("W")
        return [repeats_width, metrics.horizontalAdvance(digits), stress, rhyme]

    @staticmethod
    def _width_of(widths: list[int]) -> int:
        return sum(widths) + COLUMN_GAP * (sum(1 for w in widths if w) - 1) + 2 * PADDING

    def widths_wanted(self) -> tuple[int, int]:
        """(with the stress column, compact) widths the margin takes when shown: what the window's layout
        plans the lyrics' room with. Equal while loading, or when the user asked for the stress patterns."""
        if self.isHidden() or self.loading or self.message or self.view is None or not self.view.lines:
            width = self.width_wanted()
            return width, width
        widths = self._column_widths()
        full = self._width_of(widths)
        if self.stress_always:
            return full, full
        return full, self._width_of([*widths[:2], 0, widths[3]])

    def columns(self) -> MarginColumns:
        """The columns this view needs: a repeats column only when a line repeats, stress as long as the longest
        (spaced where the lyrics keep their lines beside it, else squeezed, else left out unless asked for)."""
        if self._columns is None:
            room = self._text_room() - self._longest_line()
            widths = self._column_widths(spaced=True)
            self.spaced = self._width_of(widths) <= room
            if not self.spaced:
                widths = self._column_widths(spaced=False)
            self.compact = not self.stress_always and self._width_of(widths) > room
            if self.compact:  # the lyrics would wrap more: the stress pattern is in the tooltip only
                widths[2] = 0
            left = PADDING
            spans = []
            for width in widths:
                spans.append((left, width))
                left += width + (COLUMN_GAP if width else 0)
            self._columns = MarginColumns(*spans)
        return self._columns

    def _text_room(self) -> int:
        """How wide the lyrics' text may be without the margin."""
        pane = self._pane
        return (
            pane.viewport().width()
            + pane.viewportMargins().right()
            - round(2 * pane.document().documentMargin())
        )

    def _longest_line(self) -> int:
        metrics = self._pane.fontMetrics()
        lines = self.view.lines[:1000] if self.view is not None else ()
        return (
            max((metrics.horizontalAdvance(line.text) for line in lines), default=0)
            + metrics.averageCharWidth()
        )

    def width_wanted(self) -> int:
        if self.isHidden():
            return 0
        if self.loading or self.message:
            return QFontMetrics(self.margin_font()).averageCharWidth() * LOADING_WIDTH_CHARS + 2 * PADDING
        if self.view is None or not self.view.lines:
            return 0
        return self.columns().width

    def place(self) -> None:
        """Take the room right of the text, left of the scroll bar, as wide as the view needs."""
        pane = self._pane
        margins = pane.viewportMargins()
        wanted = self.width_wanted()
        if margins.right() != wanted:
            pane.setViewportMargins(margins.left(), margins.top(), wanted, margins.bottom())
        self._follow_viewport()
        QTimer.singleShot(0, self, self._follow_viewport)  # the pane lays its viewport out after a resize

    def _follow_viewport(self) -> None:
        viewport = self._pane.viewport().geometry()
        self.setGeometry(QRect(viewport.right() + 1, viewport.top(), self.width_wanted(), viewport.height()))

    def relayout(self) -> None:
        """The pane was resized: measure the columns again (the stress column may fit now, or no longer)."""
        self._columns = None
        self.place()

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        self.place()

    def line_of(self, number: int) -> StudyLine | None:
        """The view of 1-based line *number* (None past the view's lines)."""
        if self.view is None or not 1 <= number <= len(self.view.lines):
            return None
        return self.view.lines[number - 1]

    # --------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        pane = self._pane
        palette = pane.palette()
        painter = QPainter(self)
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        font = self.margin_font()
        painter.setFont(font)
        if self.loading or self.message:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            text = self._message()
            painter.drawText(
                self.rect().adjusted(PADDING, PADDING, -PADDING, 0),
                Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                text,
            )
            painter.end()
            return
        if self.view is None:
            painter.end()
            return
        for shown in pane.lines.shown_between(event.rect().top(), event.rect().bottom()):
            line = self.line_of(shown.number)
            if line is not None:
                self._paint_line(painter, font, line, shown.text_top, shown.text_height)
        painter.end()

    def _paint_line(self, painter: QPainter, font: QFont, line: StudyLine, top: int, height: int) -> None:
        palette = self._pane.palette()
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        text_colour = palette.color(QPalette.ColorRole.Text)
        columns = self.columns()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

        def cell(field: str, text: str, colour: QColor, align: Qt.AlignmentFlag) -> None:
            start, width = getattr(columns, field)
            corrected = field in line.corrected
            if corrected:  # a value the user set: italic, with a dot under it
                italic = QFont(font)
                italic.setItalic(True)
                painter.setFont(italic)
                colour = palette.color(QPalette.ColorRole.Link) if field != "rhyme" else colour
            painter.setPen(colour)
            rect = QRect(start, top, width, height)
            painter.drawText(rect, align, text)
            if corrected:
                painter.setFont(font)
                painter.fillRect(start + width // 2 - 1, top + height - 3, 2, 2, colour)

        if line.repeats and line.kind not in ("blank", "header"):
            cell("repeats", f"{REPEAT_SIGN}{len(line.repeats) + 1}", quiet, right)
        if line.kind == "chords":
            cell("stress", self.tr("chords"), quiet, left)
            return
        if line.kind not in ("lyric", "backing"):
            return
        backing = line.kind == "backing"
        if line.syllables is not None:
            count = f"({line.syllables})" if backing else str(line.syllables)
            cell("syllables", count, quiet if backing else text_colour, right)
        if line.stress:
            cell("stress", self.stress_text(line.stress), quiet, left)
        if line.rhyme and not backing:
            rhymes = has_partners(self.view, line) if self.view is not None else False
            near = line.rhyme_quality in ("near", "spelling")
            shift = colour_shift(self.view, line.line) if self.view is not None else 0
            colour = rhyme_colour(line.rhyme, palette, near, shift) if rhymes else quiet
            bold = QFont(font)
            bold.setBold(rhymes)
            painter.setFont(bold)
            cell("rhyme", line.rhyme, colour, Qt.AlignmentFlag.AlignCenter)
            painter.setFont(font)

    # ------------------------------------------------------------- tooltips

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering at margin *point* tells: the value in full, where else the line is, what was corrected."""
        if self.loading or self.message:
            return self._message()
        line = self.line_of(self._pane.lines.line_at(point.y()))
        if line is None:
            return ""
        field = self.columns().field_at(point.x())
        computed = self.computed.lines[line.line - 1] if self.computed is not None else line
        if field == "repeats" and line.repeats:
            return self.tr(
                "Line {line} is sung %n time(s): also at {lines}", "", len(line.repeats) + 1
            ).format(line=line.line, lines=lines_text(line.repeats))
        if line.kind not in ("lyric", "backing"):
            return ""
        if field == "syllables" and line.syllables is not None:
            if line.kind == "backing":
                tip = [self.tr("%n syllable(s) (backing vocals)", "", line.syllables)]
            else:
                tip = [self.tr("%n syllable(s)", "", line.syllables)]
            if self.compact and line.stress:
                tip.append(self.tr("Stress: {stress}").format(stress=line.stress))
            elif not line.stress and "syllables" in line.corrected and computed.stress:
                tip.append(self._unfitting_stress(computed.stress, line.syllables))
        elif field == "stress" and line.stress:
            tip = [self.tr("Stress: {stress}  (/ stressed, x unstressed)").format(stress=line.stress)]
        elif field == "stress" and not line.stress and "syllables" in line.corrected and computed.stress:
            tip = [self._unfitting_stress(computed.stress, line.syllables)]
        elif field == "rhyme" and line.rhyme:
            tip = [self._rhyme_tip(line)]
        else:
            return ""
        if field in line.corrected:
            value = getattr(computed, field) or self.tr("none")
            tip.append(self.tr("corrected (computed: {value})").format(value=value))
        tip.append(self.tr("Double-click to correct; right-click for more."))
        return "\n".join(tip)

    def _unfitting_stress(self, computed: str, syllables: int) -> str:
        """Why a line whose syllables were corrected shows no stress pattern (study drops the computed one)."""
        return self.tr(
            "No stress pattern: the computed one ({computed}) has %n syllable(s), not {syllables}; "
            "correct the stress pattern to give one",
            "",
            len(computed.split()),
        ).format(computed=computed, syllables=syllables)

    def _rhyme_tip(self, line: StudyLine) -> str:
        """ "Rhyme A: near rhyme with lines 2 and 4", or that the line has no partner in its section."""
        others = partners(self.view, line) if self.view is not None else []
        if not others:
            return self.tr("Rhyme {letter}: no partner here").format(letter=line.rhyme)
        if line.rhyme_quality == "near":
            said = self.tr("Rhyme {letter}: near rhyme with {lines}")
        elif line.rhyme_quality == "spelling":
            said = self.tr("Rhyme {letter}: rhyme by spelling with {lines}")
        else:
            said = self.tr("Rhyme {letter}: rhyme with {lines}")
        return said.format(letter=line.rhyme, lines=lines_text(others))

    def _message(self) -> str:
        """What the margin says instead of values: its message, or that the dictionary is loading."""
        return self.message or QCoreApplication.translate("StudyState", LOADING_MESSAGE)

    # ------------------------------------------------------------- Qt events

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        line = self.line_of(self._pane.lines.line_at(point.y()))
        field = self.columns().field_at(point.x()) if self.view is not None else ""
        if (
            line is not None
            and field in ("syllables", "stress", "rhyme")
            and line.kind in ("lyric", "backing")
        ):
            event.accept()
            self.edit_requested.emit(line.line, field)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        line = self.line_of(self._pane.lines.line_at(event.pos().y()))
        if line is None:
            return
        field = self.columns().field_at(event.pos().x())
        self.menu_requested.emit(line.line, field, event.globalPos())

    def _on_pane_update_request(self, rect: QRect, dy: int) -> None:
        if self.isHidden():
            return
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())
