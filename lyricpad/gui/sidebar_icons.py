"""The song actions' small line icons, drawn in the palette's colours (the icon theme's when it has them)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap


def _glyph(kind: str, painter: QPainter) -> None:
    """Draw the glyph *kind* on a 16 × 16 grid with the painter's pen (brush for the dots)."""
    path = QPainterPath()
    if kind == "new":
        path.moveTo(8, 3)
        path.lineTo(8, 13)
        path.moveTo(3, 8)
        path.lineTo(13, 8)
    elif kind == "import":
        path.moveTo(8, 2.5)
        path.lineTo(8, 10)
        path.moveTo(5, 7)
        path.lineTo(8, 10)
        path.lineTo(11, 7)
        path.moveTo(2.5, 10)
        path.lineTo(2.5, 13.5)
        path.lineTo(13.5, 13.5)
        path.lineTo(13.5, 10)
    elif kind == "delete":
        path.moveTo(3, 8)
        path.lineTo(13, 8)
    elif kind == "details":
        path.addEllipse(QPointF(8, 8), 6.2, 6.2)
        path.moveTo(8, 7.6)
        path.lineTo(8, 11.4)
        painter.drawPath(path)
        painter.setBrush(painter.pen().color())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(8, 4.9), 1, 1)
        return
    elif kind == "rename":
        path.moveTo(3, 13)
        path.lineTo(3.6, 10.4)
        path.lineTo(10.6, 3.4)
        path.lineTo(12.6, 5.4)
        path.lineTo(5.6, 12.4)
        path.closeSubpath()
        path.moveTo(9.2, 4.8)
        path.lineTo(11.2, 6.8)
    elif kind == "trash":
        path.moveTo(2.5, 4.5)
        path.lineTo(13.5, 4.5)
        path.moveTo(6.3, 4.5)
        path.lineTo(6.3, 2.7)
        path.lineTo(9.7, 2.7)
        path.lineTo(9.7, 4.5)
        path.moveTo(4, 4.5)
        path.lineTo(4.8, 13.5)
        path.lineTo(11.2, 13.5)
        path.lineTo(12, 4.5)
        path.moveTo(6.7, 7)
        path.lineTo(6.9, 11)
        path.moveTo(9.3, 7)
        path.lineTo(9.1, 11)
    elif kind == "sort":
        for y, length in ((4, 8), (8, 6), (12, 4)):
            path.moveTo(2, y)
            path.lineTo(2 + length, y)
        path.moveTo(12.5, 2.5)
        path.lineTo(12.5, 13)
        path.moveTo(10.3, 10.8)
        path.lineTo(12.5, 13)
        path.lineTo(14.7, 10.8)
    painter.drawPath(path)


def glyph_icon(kind: str, palette: QPalette, theme_name: str = "") -> QIcon:
    """A small line icon drawn in the palette's text colour (the icon theme's *theme_name* when it has one).

    Drawn rather than shipped so that it stays sharp at every size and follows a dark palette.
    """
    if theme_name and QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name)
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        colour = palette.color(group, QPalette.ColorRole.ButtonText)
        for size in (16, 24, 32, 48):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(size / 16, size / 16)
            pen = QPen(colour, 1.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            _glyph(kind, painter)
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon
