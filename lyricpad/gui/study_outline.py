"""The study view's outline: the song's sections in a strip above the lyrics; a click jumps to one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QListWidget, QListWidgetItem, QWidget

from lyricpad.core.study import Section, StudyView

REPEAT_MARK = "↻"
"""After the name of a section whose lyrics an earlier one already had (a chorus again)."""


def section_label(section: Section) -> str:
    """What the strip writes for *section*: its name, ↻ when it repeats an earlier one."""
    name = section.name or _lines_text(section)
    return f"{name} {REPEAT_MARK}" if section.repeat_of is not None else name


def _lines_text(section: Section) -> str:
    return QCoreApplication.translate("StudyOutline", "Lines {first}–{last}").format(
        first=section.start_line, last=section.end_line
    )


def section_tooltip(section: Section) -> str:
    translate = QCoreApplication.translate
    if section.inferred:
        lines = [
            translate("StudyOutline", "Lines {first}–{last} (found from the blank lines, no header)").format(
                first=section.start_line, last=section.end_line
            )
        ]
    else:
        lines = [_lines_text(section)]
    if section.repeat_of is not None:
        lines.append(
            translate("StudyOutline", "The same lyrics as the section at line {line}").format(
                line=section.repeat_of
            )
        )
    lines.append(
        translate("StudyOutline", "Click to go there; right-click to annotate it or change its boundary.")
    )
    return "\n".join(lines)


class StudyOutline(QListWidget):
    """One row of the song's sections, in order; it only reports clicks and right-clicks."""

    section_requested = Signal(int, int)
    """(first line, last line) of the section clicked: show it."""
    menu_requested = Signal(int, QPoint)
    """(start line of the section, global point): a right-click on a section."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sections: tuple[Section, ...] = ()
        self.setAccessibleName(self.tr("Song sections"))
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSpacing(2)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.itemClicked.connect(self._on_item_clicked)
        self.itemActivated.connect(self._on_item_clicked)
        self.hide()

    def show_view(self, view: StudyView | None) -> None:
        """List *view*'s sections (none: empty)."""
        sections = view.sections if view is not None else ()
        if sections == self.sections:
            return
        self.sections = sections
        self.clear()
        for section in sections:
            item = QListWidgetItem(section_label(section))
            item.setToolTip(section_tooltip(section))
            item.setData(Qt.ItemDataRole.UserRole, section.start_line)
            self.addItem(item)
        self.setFixedHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        row = self.fontMetrics().height() + 8
        bar = self.horizontalScrollBar().sizeHint().height()
        return QSize(200, row + bar + 2 * self.frameWidth())

    def section_at(self, start_line: int) -> Section | None:
        return next((s for s in self.sections if s.start_line == start_line), None)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        section = self.section_at(item.data(Qt.ItemDataRole.UserRole))
        if section is not None:
            self.section_requested.emit(section.start_line, section.end_line)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        if item is not None:
            self.menu_requested.emit(item.data(Qt.ItemDataRole.UserRole), event.globalPos())
