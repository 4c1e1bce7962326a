"""How the annotations list looks: a group heading with its count, an annotation as swatch, quote, note, details."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from lyricpad.app.annotation_model import AnnotationRole
from lyricpad.app.annotations_listing import details_line

_PAD = 6
_SWATCH = 4
_GAP = 2
_BADGE_TINTS = {"needs_review": "#d4a017", "orphaned": "#d9455f"}  # as the note editor's badges
_BADGE_ALPHA = 70


class AnnotationDelegate(QStyledItemDelegate):
    """Paints a group as a heading with its count, an annotation as: lens swatch, quote, note, details."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._size: QSize | None = None  # of every row, heading or annotation, in the view's font

    def forget_sizes(self) -> None:
        """The list's font changed: measure the rows again (the view calls this)."""
        self._size = None

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # A heading is as tall as an annotation (its title sits at the bottom, with space above it),
        # so that the view lays 2,000 rows out with uniform heights, asking this for one row only.
        size = self._size
        if size is None:
            metrics = QFontMetrics(option.font)
            size = self._size = QSize(100, 3 * metrics.lineSpacing() + 2 * _GAP + 2 * _PAD)
        return size

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        if index.data(AnnotationRole.IS_GROUP):
            self._paint_group(painter, opt, index)
        else:
            self._paint_annotation(painter, opt, index)
        painter.restore()

    @staticmethod
    def _paint_group(painter: QPainter, opt: QStyleOptionViewItem, index) -> None:
        palette: QPalette = opt.palette
        view = opt.widget
        band = heading_band(opt.rect, opt.font)  # the title's part of the row, at its bottom
        if opt.state & QStyle.StateFlag.State_HasFocus and view is not None and view.hasFocus():
            # Headings cannot be selected, but the keyboard can rest on one (to open or close it).
            focus = QColor(palette.color(QPalette.ColorRole.Highlight))
            focus.setAlphaF(0.25)
            painter.fillRect(band, focus)
        expanded = isinstance(view, QTreeView) and view.isExpanded(index)
        font = QFont(opt.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        rect = band.adjusted(_PAD, _PAD + _GAP, -_PAD, -_PAD)
        arrow = QRect(rect.left(), rect.top(), metrics.height(), rect.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.PlaceholderText))
        centre = arrow.center()
        half = max(3, metrics.height() // 5)  # half the arrow's size
        if expanded:
            points = [
                QPoint(centre.x() - half, centre.y() - half // 2),
                QPoint(centre.x() + half, centre.y() - half // 2),
                QPoint(centre.x(), centre.y() + half),
            ]
        else:
            points = [
                QPoint(centre.x() - half // 2, centre.y() - half),
                QPoint(centre.x() - half // 2, centre.y() + half),
                QPoint(centre.x() + half, centre.y()),
            ]
        painter.drawPolygon(points)

        count = str(index.model().rowCount(index)) if index.model() is not None else ""
        count_font = QFont(opt.font)
        count_width = QFontMetrics(count_font).horizontalAdvance(count)
        painter.setFont(count_font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)

        label_rect = rect.adjusted(arrow.width() + _PAD // 2, 0, -(count_width + _PAD), 0)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))  # on the list's Base, not the window's
        text = metrics.elidedText(index.data() or "", Qt.TextElideMode.ElideRight, label_rect.width())
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(
            opt.rect.left() + _PAD, opt.rect.bottom(), opt.rect.right() - _PAD, opt.rect.bottom()
        )

    @staticmethod
    def _paint_annotation(painter: QPainter, opt: QStyleOptionViewItem, index) -> None:
        palette: QPalette = opt.palette
        style = opt.widget.style() if opt.widget else None
        text = opt.text
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        trashed = bool(index.data(AnnotationRole.IN_TRASH))
        colour = index.data(AnnotationRole.LENS_COLOUR)
        swatch = QColor(colour) if colour else palette.color(QPalette.ColorRole.Mid)
        if trashed:
            swatch.setAlphaF(0.45)
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(swatch)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), _SWATCH, rect.height()), 2, 2)

        main = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(main) if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        if selected:
            dim.setAlphaF(0.75)
        if trashed and not selected:
            main = dim
        text_rect = rect.adjusted(_SWATCH + _PAD + 2, 0, 0, 0)
        line = QFontMetrics(opt.font).lineSpacing()

        quote_rect = QRect(text_rect.left(), text_rect.top(), text_rect.width(), line)
        badge = index.data(AnnotationRole.BADGE)
        if badge:
            quote_rect.setRight(
                quote_rect.right() - _paint_badge(painter, opt, quote_rect, badge, index) - _PAD
            )

        quote_font = QFont(opt.font)
        quote_font.setItalic(True)
        note = index.data(AnnotationRole.NOTE_LINE)
        note_font = QFont(opt.font)
        if not note:
            note_font.setItalic(True)
        lines = [
            (quote_font, main, f"“{text}”", quote_rect),
            (
                note_font,
                main if note else dim,
                note or QCoreApplication.translate("AnnotationDelegate", "No note"),
                None,
            ),
            (
                opt.font,
                dim,
                details_line(
                    index.data(AnnotationRole.LENS_NAME),
                    index.data(AnnotationRole.TAGS),
                    index.data(AnnotationRole.PLACES) or 1,
                ),
                None,
            ),
        ]
        for number, (font, pen, content, row) in enumerate(lines):
            if row is None:
                row = QRect(
                    text_rect.left(), text_rect.top() + number * (line + _GAP), text_rect.width(), line
                )
            painter.setFont(font)
            painter.setPen(pen)
            elided = QFontMetrics(font).elidedText(content, Qt.TextElideMode.ElideRight, row.width())
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)


def heading_band(rect: QRect, font: QFont) -> QRect:
    """The part of a heading's *rect* that shows its title: the bottom, under the space that parts groups."""
    bold = QFont(font)
    bold.setBold(True)
    height = min(rect.height(), QFontMetrics(bold).height() + 2 * _PAD + _GAP)
    return QRect(rect.left(), rect.bottom() + 1 - height, rect.width(), height)


def _paint_badge(painter: QPainter, opt: QStyleOptionViewItem, line: QRect, badge: str, index) -> int:
    """Draw a status pill at the right of *line*; returns its width."""
    font = QFont(opt.font)
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance(badge) + 2 * _PAD
    height = min(line.height(), metrics.height() + 2)
    pill = QRect(line.right() - width + 1, line.top() + (line.height() - height) // 2, width, height)
    tint = QColor(_BADGE_TINTS.get(index.data(AnnotationRole.STATUS), "#7a8a99"))
    tint.setAlpha(_BADGE_ALPHA)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tint)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    selected = bool(opt.state & QStyle.StateFlag.State_Selected)
    painter.setPen(
        opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    )
    painter.setFont(font)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, badge)
    return width
