"""The rendered article: never navigates, draws quote bars, highlights, outlines and linked quotations, shows notes on hover."""

from __future__ import annotations

import html

from PySide6.QtCore import QEasingCurve, QEvent, QPoint, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

from lyricpad.core.markdown import RenderedArticle
from lyricpad.core.models import Annotation
from lyricpad.gui.article_document import (
    HREF_PROPERTY,
    IMAGE_SOURCE_PROPERTY,
    QUOTE_LEVEL_PROPERTY,
    format_property_at,
    quote_bar_colour,
    quote_indent,
    utf16_positions,
)
from lyricpad.gui.highlight_layers import HighlightDrawing
from lyricpad.gui.highlights import (
    Highlight,
    annotations_at,
    calm_inactive_selection,
    character_at,
    innermost_annotation,
    lens_colour,
    outline_colour,
    paint_outline,
    range_rects,
    show_tooltip,
    tooltip_html,
)
from lyricpad.gui.inert_browser import InertBrowser
from lyricpad.gui.quote_links_view import MENU_QUOTE_CHARS, QuotePlace, elide, link_colour

QUOTE_BAR_WIDTH = 3

FLASH_MS = 600
"""How long a revealed highlight flashes."""

FLASH_ALPHA = 120
"""Opacity (0-255) of a flash's fill at its brightest, fading to nothing; it is drawn over the text."""

QUOTE_FLASH_MS = 1800
"""How long a quotation shown from the lyrics flashes (longer than a highlight: the eye crosses the window)."""

UNDERLINE_WIDTH = 1.5
"""Width of the dotted line under a linked quotation."""

MISQUOTE_UNDERLINE_WIDTH = 2.0
"""Width of the dashed line under a misquotation (dotted is a quotation, wavy a proposed highlight)."""


def article_places(
    annotations: list[Annotation], rendered: RenderedArticle | None, article_id: str
) -> tuple[list[Highlight], list[Highlight]]:
    """(highlights, proposals) of article *article_id*'s *annotations*, in document positions of *rendered*."""
    text = rendered.text if rendered is not None else ""
    to_qt = utf16_positions(text)
    highlights: list[Highlight] = []
    proposals: list[Highlight] = []
    for annotation in annotations:
        if not article_id or annotation.article_id != article_id:
            continue
        # Only anchored offsets are over this text: those of an annotation that needs review
        # or is orphaned are its last place in an older text. The first is shown where it is
        # proposed to go, the second not at all.
        if annotation.status == "anchored":
            spans = [(f.start, f.end) for f in annotation.fragments]
            into = highlights
        elif annotation.status == "needs_review":
            spans = [(f.proposal.start, f.proposal.end) for f in annotation.fragments if f.proposal]
            into = proposals
        else:
            continue
        for start, end in spans:
            if 0 <= start < end <= len(text):
                into.append(Highlight(to_qt(start), to_qt(end), annotation))
    return highlights, proposals


class ArticleBrowser(InertBrowser):
    """A QTextBrowser that never navigates, draws block-quote bars and highlight outlines, and shows notes on hover.

    It tells which annotation is clicked, double-clicked, or asked about in its context menu
    ("Edit Note", "Delete Highlight"); the pane decides what that means. A revealed passage
    flashes, fading out over FLASH_MS.
    """

    style_changed = Signal()
    """The palette or font changed: colours and sizes baked into the document are out of date."""

    annotation_clicked = Signal(str)
    """(annotation_id): a click, not a drag, on a highlight."""

    annotation_activated = Signal(str)
    """(annotation_id): a double-click on a highlight, or Enter with the cursor in one."""

    delete_requested = Signal(str)
    """(annotation_id): "Delete Highlight" from the context menu."""

    quote_clicked = Signal(str)
    """(link_id): a click, not a drag, on a linked quotation."""

    unlink_requested = Signal(str)
    """(link_id): "Unlink from Lyrics" from the context menu."""

    def __init__(self, parent: QWidget | None = None):
        # Links carry no anchor at all (their target is kept as data), so nothing here can
        # follow one; the browser stays inert in case anchored text ever arrives some other
        # way. Selectable by keyboard too: a highlight needs no mouse.
        super().__init__(parent, accessible_name=self.tr("Article"))
        self.setPlaceholderText(self.tr("This article is empty: press Edit to write it."))
        self.highlights: list[Highlight] = []
        self.proposals: list[Highlight] = []
        """Proposed places of annotations that need review (hatched, boxed with a dashed line)."""
        self.drawing = HighlightDrawing(self)
        """The highlights as drawn: a background per stretch of text, overlapping ones underlined."""
        self.selected_id = ""
        """The annotation drawn with an outline ("" for none)."""
        self.flash_id = ""
        """The annotation flashing now ("" for none), at flash_strength (1 down to 0)."""
        self.flash_strength = 0.0
        self.context_actions: list[QAction] = []
        """The window's actions (highlight with a lens...), offered first in the context menu."""
        self.link_actions: list[QAction] = []
        """The window's quote-link actions (Link to Lyrics Lines), offered when enabled."""
        self.quote_places: list[QuotePlace] = []
        """The linked quotations, drawn with a dotted underline."""
        self.flash_span: tuple[int, int] | None = None
        """The document range flashing instead of an annotation (a quotation shown from the lyrics)."""
        self._press: QPoint | None = None
        self._flash = QVariantAnimation(self)
        self._flash.setStartValue(1.0)
        self._flash.setEndValue(0.0)
        self._flash.setDuration(FLASH_MS)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._on_flash_value_changed)
        self._flash.finished.connect(self._on_flash_finished)
        calm_inactive_selection(self)  # kept for Link to Lyrics Lines, it must not hide the lenses

    def annotation_at(self, point: QPoint) -> Annotation | None:
        """The annotation highlighted (or proposed) under viewport *point* (the innermost of overlapping ones)."""
        return self.annotation_at_position(character_at(self, point))

    def annotation_at_position(self, position: int) -> Annotation | None:
        """The innermost annotation highlighted at document *position*, else one proposed there."""
        if position < 0:
            return None
        return innermost_annotation(self.highlights, position) or innermost_annotation(
            self.proposals, position
        )

    def quote_at_position(self, position: int) -> QuotePlace | None:
        """The linked quotation at document *position* (the shortest of nested ones), else None."""
        if position < 0:
            return None
        found = [p for p in self.quote_places if p.start <= position < p.end]
        return min(found, key=lambda p: p.end - p.start) if found else None

    def show_quotes(self, places: list[QuotePlace]) -> None:
        """Draw *places* (linked quotations, document positions) with a dotted underline."""
        self.quote_places = places
        self.viewport().update()

    def scroll_to(self, position: int) -> None:
        """Scroll document *position* into view, a third down so that its context shows above it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        rect = self.cursorRect(cursor)
        height = self.viewport().height()
        if rect.top() < 0 or rect.bottom() > height:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - height // 3)

    def flash_range(self, start: int, end: int) -> None:
        """Flash document range [start, end), strongly at first, fading to nothing."""
        self._flash.stop()
        self.flash_id = ""
        self.flash_span = (start, end)
        self.flash_strength = 1.0
        self._flash.setDuration(QUOTE_FLASH_MS)
        self._flash.start()

    def show_places(self, highlights: list[Highlight], proposals: list[Highlight], selected_id: str) -> None:
        """Draw *highlights* and *proposals* (document positions), *selected_id*'s stronger."""
        self.highlights = highlights
        self.proposals = proposals
        self.selected_id = selected_id
        self.drawing.show(highlights, proposals, selected_id)

    def flash(self, annotation_id: str) -> None:
        """Flash *annotation_id*'s passage, strongly at first, fading to nothing."""
        self._flash.stop()
        self.flash_id = annotation_id
        self.flash_span = None
        self.flash_strength = 1.0
        self._flash.setDuration(FLASH_MS)
        self._flash.start()

    def context_menu(self, position: int) -> QMenu:
        """The context menu for document *position* (-1: none): the window's actions, the
        highlight's there, Copy and Select All. The caller shows it."""
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Article menu"))
        for action in self.context_actions:
            menu.addAction(action)
        # Link to Lyrics Lines is offered about a selection; its key works (and says what to do) without one.
        selected = self.textCursor().hasSelection()
        links = [a for a in self.link_actions if a.isEnabled() and selected]
        quote = self.quote_at_position(position)
        if links or quote is not None:
            if not menu.isEmpty():
                menu.addSeparator()
            menu.addActions(links)
            if quote is not None:
                link_id = quote.link.id
                unlink = menu.addAction(
                    self.tr("Unlink “{quote}” from Lyrics").format(
                        quote=elide(quote.link.quote, MENU_QUOTE_CHARS)
                    )
                )
                unlink.setStatusTip(
                    self.tr("This is not a quotation of the lyrics: stop linking it (Ctrl+Z undoes)")
                )
                unlink.triggered.connect(lambda: self.unlink_requested.emit(link_id))
        annotation = self.annotation_at_position(position)
        if annotation is not None:
            if not menu.isEmpty():
                menu.addSeparator()
            annotation_id = annotation.id
            edit = menu.addAction(self.tr("Edit Note"))
            edit.triggered.connect(lambda: self.annotation_activated.emit(annotation_id))
            delete = menu.addAction(self.tr("Delete Highlight"))
            delete.triggered.connect(lambda: self.delete_requested.emit(annotation_id))
        if not menu.isEmpty():
            menu.addSeparator()
        copy = menu.addAction(self.tr("Copy"))
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setEnabled(self.textCursor().hasSelection())
        copy.triggered.connect(self.copy)
        select_all = menu.addAction(self.tr("Select All"))
        select_all.setShortcut(QKeySequence(QKeySequence.StandardKey.SelectAll))
        select_all.triggered.connect(self.selectAll)
        return menu

    # --------------------------------------------------------------- Qt events

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Here rather than in the pane: a parent hears of a new palette before its children have it.
        if event.type() == QEvent.Type.PaletteChange and calm_inactive_selection(self):
            return  # the calmed palette's own PaletteChange has said it
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.style_changed.emit()

    def viewportEvent(self, event: QEvent) -> bool:
        if self._show_quote_tooltip(event):
            return True
        if self._show_link_tooltip(event):
            return True
        if show_tooltip(self, event, self.highlights, self.proposals):
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() >= QApplication.startDragDistance():
            return  # a drag selects text
        if self.textCursor().hasSelection():
            return
        position = character_at(self, point)
        annotation = self.annotation_at_position(position)
        if annotation is not None:
            self.annotation_clicked.emit(annotation.id)
        quote = self.quote_at_position(position)
        if quote is not None:
            self.quote_clicked.emit(quote.link.id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            # A linked quotation takes a click: the pointer says so.
            over = self.quote_at_position(character_at(self, event.position().toPoint())) is not None
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(shape)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        annotation = (
            self.annotation_at(event.position().toPoint())
            if event.button() == Qt.MouseButton.LeftButton
            else None
        )
        if annotation is None:
            super().mouseDoubleClickEvent(event)
            return
        # Not passed on: a double-click on a highlight opens its note rather than selecting a word.
        self._press = None  # nor is the release that follows a click
        event.accept()
        self.annotation_activated.emit(annotation.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            cursor = self.textCursor()
            annotation = self.annotation_at_position(cursor.selectionStart())
            if annotation is not None:
                event.accept()
                self.annotation_activated.emit(annotation.id)
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            position = character_at(self, event.pos())
        else:  # the menu key: about the text cursor, not wherever the mouse happens to be
            position = self.textCursor().selectionStart()
        menu = self.context_menu(position)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        event.accept()

    def _show_quote_tooltip(self, event: QEvent) -> bool:
        """Over a linked quotation, show the lyric lines it quotes (and the notes of highlights there)."""
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        position = character_at(self, event.pos())
        quote = self.quote_at_position(position)
        if quote is None:
            return False
        text = quote.tip
        annotations = annotations_at(self.highlights, position)
        if annotations:
            text = text.removesuffix("</qt>") + tooltip_html(annotations, self.palette()).removeprefix("<qt>")
        QToolTip.showText(event.globalPos(), text, self.viewport())
        return True

    def _show_link_tooltip(self, event: QEvent) -> bool:
        """Over a link or an image (and no highlight), say where it points; it is never opened."""
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        point = QPointF(event.pos()) + QPointF(
            self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        )
        position = self.document().documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
        if position < 0 or annotations_at([*self.highlights, *self.proposals], position):
            return False
        href = format_property_at(self.document(), position, HREF_PROPERTY)
        source = format_property_at(self.document(), position, IMAGE_SOURCE_PROPERTY)
        if href:
            text = self.tr(
                "Link to <b>{href}</b><br><small>Links are not opened from lyricpad.</small>"
            ).format(href=html.escape(href))
        elif source:
            text = self.tr(
                "Image <b>{source}</b><br><small>Images are not loaded; this is its description.</small>"
            ).format(source=html.escape(source))
        else:
            return False
        QToolTip.showText(event.globalPos(), f"<qt>{text}</qt>", self.viewport())
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._paint_quote_bars(event)
        self.drawing.paint()
        if self.quote_places:
            self._paint_quote_underlines(event)
        if self.selected_id:
            self._paint_selected_outline()
        # Over everything, the text selection included (reveal selects the passage it flashes).
        if (self.flash_id or self.flash_span) and self.flash_strength > 0:
            self._paint_flash()

    # ------------------------------------------------------------------ painting

    def _rects_of(self, annotation_id: str) -> tuple[Annotation | None, list[QRectF]]:
        """The annotation and the rectangles of its highlights, else of its proposed places."""
        annotation, rects = None, []
        for highlight in self.highlights:
            if highlight.annotation.id == annotation_id:
                annotation = highlight.annotation
                rects.extend(range_rects(self, highlight.start, highlight.end))
        if annotation is None:
            for proposal in self.proposals:
                if proposal.annotation.id == annotation_id:
                    annotation = proposal.annotation
                    rects.extend(range_rects(self, proposal.start, proposal.end))
        return annotation, rects

    def _paint_quote_underlines(self, event: QPaintEvent) -> None:
        """A dotted line under each linked quotation, in the link colour; dashed and red under a misquotation.

        Under the text, over any highlight.
        """
        painter = QPainter(self.viewport())
        area = QRectF(event.rect())
        for place in self.quote_places:
            misquoted = place.link.misquoted
            width = MISQUOTE_UNDERLINE_WIDTH if misquoted else UNDERLINE_WIDTH
            pen = QPen(link_colour(place.link, self.palette()), width)
            pen.setStyle(Qt.PenStyle.DashLine if misquoted else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            for rect in range_rects(self, place.start, place.end):
                if rect.bottom() < area.top() or rect.top() > area.bottom():
                    continue
                y = rect.bottom() - width
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.end()

    def _paint_flash(self) -> None:
        if self.flash_span is not None:
            rects = range_rects(self, *self.flash_span)
            fill = self.palette().color(QPalette.ColorRole.Highlight)
            edge = QColor(fill)
        else:
            annotation, rects = self._rects_of(self.flash_id)
            if annotation is None:
                return
            fill = lens_colour(annotation, self.palette())
            edge = outline_colour(annotation, self.palette())
        fill.setAlpha(round(FLASH_ALPHA * self.flash_strength))
        edge.setAlpha(round(255 * self.flash_strength))
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(edge, 2.0))
        painter.setBrush(fill)
        for rect in rects:
            painter.drawRoundedRect(rect.adjusted(-1, 0.5, 1, -0.5), 3, 3)
        painter.end()

    def _paint_selected_outline(self) -> None:
        annotation, rects = self._rects_of(self.selected_id)
        if annotation is None or not rects:
            return
        painter = QPainter(self.viewport())
        dashed = annotation.status == "needs_review"  # around its proposed place
        paint_outline(painter, rects, outline_colour(annotation, self.palette()), dashed=dashed)
        painter.end()

    def _paint_quote_bars(self, event: QPaintEvent) -> None:
        """A bar left of quoted blocks per level of quoting, unbroken from one quoted block to the next."""
        document = self.document()
        layout = document.documentLayout()
        step = quote_indent(document.defaultFont())
        dx = document.documentMargin() - self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        colour = quote_bar_colour(self.palette())
        painter: QPainter | None = None
        block = self.cursorForPosition(event.rect().topLeft()).block()
        if block.previous().isValid():  # its bar may bridge the gap down to the first block shown
            block = block.previous()
        bottom = event.rect().bottom()
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(0, dy)
            if rect.top() > bottom:
                break
            level = block.blockFormat().intProperty(QUOTE_LEVEL_PROPERTY)
            following = block.next()
            next_level = (
                following.blockFormat().intProperty(QUOTE_LEVEL_PROPERTY) if following.isValid() else 0
            )
            next_top = (
                layout.blockBoundingRect(following).top() + dy if following.isValid() else rect.bottom()
            )
            for depth in range(level):
                if painter is None:
                    painter = QPainter(self.viewport())
                # Reach down to the next block when it is quoted as deep: the bar bridges the gap.
                end = next_top if next_level > depth else rect.bottom()
                x = dx + depth * step + step * 0.2
                painter.fillRect(QRectF(x, rect.top(), QUOTE_BAR_WIDTH, end - rect.top()), colour)
            block = following
        if painter is not None:
            painter.end()

    # -------------------------------------------------------------------- slots

    def _on_flash_value_changed(self, value: float) -> None:
        self.flash_strength = float(value)
        self.viewport().update()

    def _on_flash_finished(self) -> None:
        self.flash_id = ""
        self.flash_span = None
        self.flash_strength = 0.0
        self.viewport().update()
