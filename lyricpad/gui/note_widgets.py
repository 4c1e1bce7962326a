"""Small widgets of the note editor: the lens colour swatch and the Markdown preview that loads nothing."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QTextBrowser, QWidget

_SWATCH = 4


class LensSwatch(QWidget):
    """A thin upright bar in the lens colour, as the annotations panel draws it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._colour = ""
        self.setFixedWidth(_SWATCH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Lens colour"))

    def set_colour(self, colour: str) -> None:
        """'#rrggbb', or "" for no lens (drawn in the palette's quiet Mid colour)."""
        self._colour = colour
        self.update()

    def colour(self) -> str:
        return self._colour

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        colour = QColor(self._colour) if self._colour else self.palette().color(QPalette.ColorRole.Mid)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(self.rect()), 2, 2)


class NotePreview(QTextBrowser):
    """The note rendered: its images are named, never loaded (a note's ![x](path) may point at any
    file, the library among them, and reading it outside SQLite would unlock it: see livefiles)."""

    def loadResource(self, type: int, name: QUrl):  # noqa: A002 (Qt's name)
        # A blank pixel, not nothing: for a null answer the document reads a local file itself.
        blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        blank.fill(Qt.GlobalColor.transparent)
        return blank
