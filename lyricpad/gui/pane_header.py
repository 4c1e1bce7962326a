"""A two-line heading above a pane: a bold title and a quieter line of details."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when too narrow; the full text is its tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full_text = ""
        self._shorter: tuple[str, ...] = ()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str, shorter: tuple[str, ...] = ()) -> None:
        """Show *text*; where it does not fit, the first of the *shorter* forms that does (a cut word
        says less than a short one), and only then the shortest, elided."""
        self._full_text = text
        self._shorter = tuple(shorter)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full_text

    def _elide(self) -> None:
        width = max(self.width(), 1)
        metrics = self.fontMetrics()
        forms = (self._full_text, *self._shorter)
        shown = next((form for form in forms if metrics.horizontalAdvance(form) <= width), None)
        if shown is None:
            shown = metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, width)
        self.setText(shown)
        self.setToolTip(self._full_text if shown != self._full_text else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


class PaneHeader(QWidget):
    """Title and subtitle, one line each so the panes side by side start level."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._title = ElidedLabel(self)
        font = self._title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self._title.setFont(font)
        self._subtitle = ElidedLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        self._recolour()

    def set_text(self, title: str, subtitle: str = "", shorter: tuple[str, ...] = ()) -> None:
        """*shorter*: forms of *subtitle* for a narrow pane (see `ElidedLabel.set_full_text`)."""
        # An empty subtitle keeps its line, so that headers side by side stay level.
        self._title.set_full_text(title)
        self._subtitle.set_full_text(subtitle, shorter)

    def title(self) -> str:
        return self._title.full_text()

    def subtitle(self) -> str:
        return self._subtitle.full_text()

    def _recolour(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        self._subtitle.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()
