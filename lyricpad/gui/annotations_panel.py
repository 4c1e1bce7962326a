"""The annotations panel: a song's annotations grouped by text; choosing one asks to reveal it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.annotation_model import AnnotationModel, AnnotationRole
from lyricpad.core.models import Annotation, Article

NO_ANNOTATIONS = "No annotations on this song yet.\n\nAdd one from a terminal with\nlyricpad annotate"
NO_SONG = "No song is open."
_PAD = 6
_SWATCH = 4
_GAP = 2


class AnnotationDelegate(QStyledItemDelegate):
    """Paints a row as: a lens-colour swatch, the quote, the note's first line, lens and tags."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        if index.data(AnnotationRole.IS_GROUP):
            return QSize(100, metrics.height() + 2 * _PAD + _GAP)
        return QSize(100, 3 * metrics.lineSpacing() + 2 * _GAP + 2 * _PAD)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        palette: QPalette = opt.palette
        painter.save()
        if index.data(AnnotationRole.IS_GROUP):
            self._paint_group(painter, opt, index, palette)
        else:
            self._paint_annotation(painter, opt, index, palette)
        painter.restore()

    @staticmethod
    def _paint_group(painter: QPainter, opt: QStyleOptionViewItem, index, palette: QPalette) -> None:
        font = QFont(opt.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        rect = opt.rect.adjusted(_PAD, _PAD + _GAP, -_PAD, -_PAD)
        text = QFontMetrics(font).elidedText(index.data() or "", Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(
            opt.rect.left() + _PAD, opt.rect.bottom(), opt.rect.right() - _PAD, opt.rect.bottom()
        )

    @staticmethod
    def _paint_annotation(painter: QPainter, opt: QStyleOptionViewItem, index, palette: QPalette) -> None:
        style = opt.widget.style() if opt.widget else None
        text = opt.text
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = index.data(AnnotationRole.LENS_COLOUR)
        swatch = QColor(colour) if colour else palette.color(QPalette.ColorRole.Mid)
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(swatch)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), _SWATCH, rect.height()), 2, 2)

        main = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(main) if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        if selected:
            dim.setAlphaF(0.75)
        text_rect = rect.adjusted(_SWATCH + _PAD + 2, 0, 0, 0)
        line = QFontMetrics(opt.font).lineSpacing()

        quote_font = QFont(opt.font)
        quote_font.setItalic(True)
        places = index.data(AnnotationRole.PLACES) or 1
        lines = [
            (quote_font, main, f"“{text}”"),
            (opt.font, main, index.data(AnnotationRole.NOTE_LINE) or "No note"),
            (
                opt.font,
                dim,
                _details(index.data(AnnotationRole.LENS_NAME), index.data(AnnotationRole.TAGS), places),
            ),
        ]
        for number, (font, pen, content) in enumerate(lines):
            painter.setFont(font)
            painter.setPen(pen)
            row = QRect(text_rect.left(), text_rect.top() + number * (line + _GAP), text_rect.width(), line)
            elided = QFontMetrics(font).elidedText(content, Qt.TextElideMode.ElideRight, row.width())
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)


def _details(lens: str | None, tags: list[str] | None, places: int) -> str:
    parts = [lens or "No lens"]
    if places > 1:
        parts.append(f"{places} places")
    if tags:
        parts.append(" ".join(f"#{t}" for t in tags))
    return " · ".join(parts)


class AnnotationsPanel(QWidget):
    """Lists a song's annotations; emits `reveal_requested(annotation_id)` when one is chosen."""

    reveal_requested = Signal(str)
    """The user chose an annotation: show its passage."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Annotations")
        self.model = AnnotationModel(self)
        self.view = QTreeView(self)
        self.view.setAccessibleName("Annotations list")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setIndentation(0)
        self.view.setUniformRowHeights(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setItemDelegate(AnnotationDelegate(self.view))
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.clicked.connect(self._on_view_clicked)
        self._empty = QLabel(self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setEnabled(False)  # drawn in the palette's quieter, disabled text colour
        self._stack = QStackedLayout()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self._empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._stack)

    def show_annotations(
        self, annotations: list[Annotation], articles: list[Article], *, song_open: bool = True
    ) -> None:
        """List *annotations* grouped under "Lyrics" and "Article: <title>"."""
        self.model.load(annotations, articles)
        self.view.expandAll()
        self._empty.setText(NO_ANNOTATIONS if song_open else NO_SONG)
        self._stack.setCurrentWidget(self.view if annotations else self._empty)

    def annotation_count(self) -> int:
        return self.model.annotation_count()

    def index_of(self, annotation_id: str) -> QModelIndex:
        """The view index of *annotation_id*, invalid when it is not listed."""
        for group_row in range(self.model.rowCount()):
            group = self.model.index(group_row, 0)
            for row in range(self.model.rowCount(group)):
                index = self.model.index(row, 0, group)
                if index.data(AnnotationRole.ID) == annotation_id:
                    return index
        return QModelIndex()

    def _request(self, index: QModelIndex) -> None:
        annotation_id = index.data(AnnotationRole.ID) if index.isValid() else ""
        if annotation_id:
            self.reveal_requested.emit(annotation_id)

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._request(current)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        # Clicking the current row again still shows its passage (currentChanged did not fire).
        if index == self.view.currentIndex():
            self._request(index)
