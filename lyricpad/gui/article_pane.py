"""The article pane: a song's articles rendered from Markdown with annotations highlighted, or their source edited."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPoint,
    QPointF,
    QRectF,
    QSignalBlocker,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
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
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.positions import code_point_position
from lyricpad.app.save_timer import SaveTimer
from lyricpad.core.lexers import MarkdownSourceLexer
from lyricpad.core.markdown import RenderedArticle, render_article
from lyricpad.core.models import Annotation, Article
from lyricpad.core.text import normalise_line, normalise_text
from lyricpad.gui.article_document import (
    HREF_PROPERTY,
    IMAGE_SOURCE_PROPERTY,
    QUOTE_LEVEL_PROPERTY,
    fill_document,
    format_property_at,
    quote_bar_colour,
    quote_indent,
    utf16_positions,
)
from lyricpad.gui.highlights import (
    Highlight,
    annotations_at,
    character_at,
    innermost_annotation,
    layered_extra_selections,
    lens_colour,
    outline_colour,
    paint_outline,
    proposal_extra_selections,
    range_rects,
    show_tooltip,
)
from lyricpad.gui.pane_header import PaneHeader
from lyricpad.gui.pygments_highlighter import PygmentsHighlighter

QUOTE_BAR_WIDTH = 3
TAB_TITLE_CHARS = 28
"""Article titles longer than this are shortened on their tabs."""

ARTICLE_SAVE_DEBOUNCE_MS = 800
"""How long typing in the Markdown source must pause before the article is sent to be saved
(typing on without a pause is sent every SAVE_MAX_WAIT_MS all the same)."""

FLASH_MS = 600
"""How long a revealed highlight flashes."""

FLASH_ALPHA = 120
"""Opacity (0-255) of a flash's fill at its brightest, fading to nothing; it is drawn over the text."""

NEXT_ARTICLE_SHORTCUT = "Ctrl+PgDown"
PREVIOUS_ARTICLE_SHORTCUT = "Ctrl+PgUp"

EMPTY_PROMPT = "Start an article: draft your analysis here"
NO_ARTICLE = "No article"
EDITING_SUBTITLE = "Editing the Markdown source · saved as you type"


class ArticleBrowser(QTextBrowser):
    """A QTextBrowser that never navigates, draws block-quote bars and highlight outlines, and shows notes on hover.

    It tells which annotation is clicked, double-clicked or asked about by a context menu;
    the pane decides what that means.
    """

    style_changed = Signal()
    """The palette or font changed: colours and sizes baked into the document are out of date."""

    annotation_clicked = Signal(str)
    """(annotation_id): a click, not a drag, on a highlight."""

    annotation_activated = Signal(str)
    """(annotation_id): a double-click on a highlight, or Enter with the cursor in one."""

    menu_requested = Signal(QPoint, int)
    """(global position, document position under it or -1): a context menu was asked for."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Links carry no anchor at all (their target is kept as data), so nothing here can
        # follow one; these stay off in case anchored text ever arrives some other way.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Selectable by keyboard too (a highlight needs no mouse); nothing offers links a click.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Article")
        self.setPlaceholderText("This article is empty: press Edit to write it.")
        self.document().setDocumentMargin(12)
        self.highlights: list[Highlight] = []
        self.proposals: list[Highlight] = []
        """Proposed places of annotations that need review (a wavy underline, a dashed outline)."""
        self.selected_id = ""
        """The annotation drawn with an outline ("" for none)."""
        self.flash_id = ""
        """The annotation flashing now ("" for none), at flash_strength (1 down to 0)."""
        self.flash_strength = 0.0
        self._press: QPoint | None = None

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

    # --------------------------------------------------------------- Qt events

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Here rather than in the pane: a parent hears of a new palette before its children have it.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.style_changed.emit()

    def viewportEvent(self, event: QEvent) -> bool:
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
        annotation = self.annotation_at(point)
        if annotation is not None:
            self.annotation_clicked.emit(annotation.id)

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
        self.menu_requested.emit(event.globalPos(), position)
        event.accept()

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
            text = f"Link to <b>{html.escape(href)}</b><br><small>Links are not opened from lyricpad.</small>"
        elif source:
            text = f"Image <b>{html.escape(source)}</b><br><small>Images are not loaded; this is its description.</small>"
        else:
            return False
        QToolTip.showText(event.globalPos(), f"<qt>{text}</qt>", self.viewport())
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._paint_quote_bars(event)
        if self.selected_id:
            self._paint_selected_outline()
        # Over everything, the text selection included (reveal selects the passage it flashes).
        if self.flash_id and self.flash_strength > 0:
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

    def _paint_flash(self) -> None:
        annotation, rects = self._rects_of(self.flash_id)
        if annotation is None:
            return
        fill = lens_colour(annotation, self.palette())
        fill.setAlpha(round(FLASH_ALPHA * self.flash_strength))
        edge = outline_colour(annotation, self.palette())
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


class ArticleSourceEdit(QPlainTextEdit):
    """The Markdown source of an article, coloured by pygments in a style that follows the palette."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Article Markdown source")
        self.setPlaceholderText("Write in Markdown: # a heading, *emphasis*, **strong**, > a quote, - a list")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Only the family is set: the size still follows the pane's font, so zooming reaches it.
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font = QFont()
        font.setFamilies([fixed.family()])
        font.setFixedPitch(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self.highlighter = PygmentsHighlighter(self.document(), MarkdownSourceLexer(), palette=self.palette())
        self._set_tab_stops()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.on_palette_changed(self.palette())
        elif event.type() == QEvent.Type.FontChange:
            self._set_tab_stops()

    def _set_tab_stops(self) -> None:
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)


class ArticlePane(QWidget):
    """A tab per article (shown when there are several), a heading, and the article read or edited.

    It keeps no article of its own: it shows what ``show_articles`` gave it and emits what the
    user asks for. Edits of the source are emitted as ``article_edited`` once typing pauses;
    the window saves them and calls ``show_articles`` again, which re-renders the article.
    """

    article_changed = Signal(str)
    """(article_id): another article is shown, from a tab, the keyboard, ``open_article`` or
    ``reveal`` (not from ``show_articles``: its caller knows)."""

    annotation_clicked = Signal(str)
    """(annotation_id): a single click on a highlight."""

    annotation_activated = Signal(str)
    """(annotation_id): a double-click on a highlight, Enter in one, or "Edit Note" in the menu."""

    delete_requested = Signal(str)
    """(annotation_id): "Delete Highlight" from the context menu."""

    new_article_requested = Signal()
    """The user asked for a new, blank article for the song."""

    editing_changed = Signal(bool)
    """Edit mode (the Markdown source) was entered (True) or left (False)."""

    article_edited = Signal(str, str)
    """(article_id, body): the whole Markdown source as typed, after ARTICLE_SAVE_DEBOUNCE_MS of
    quiet, at least every SAVE_MAX_WAIT_MS while typing goes on, on ``flush()``, or when edit
    mode is left."""

    article_title_edited = Signal(str, str)
    """(article_id, title): the title field was changed and left (or Enter, or ``flush()``)."""

    EMPTY_PAGE, READ_PAGE, EDIT_PAGE = range(3)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Article pane")
        self._articles: list[Article] = []
        self._annotations: list[Annotation] = []
        self._current_id = ""
        self._rendered: RenderedArticle | None = None
        self._rendered_id = ""  # the article the browser shows, and the body it was rendered from
        self._rendered_body = ""
        self._selected_id = ""
        self._context_actions: list[QAction] = []
        self._editing = False
        self._editing_id = ""  # the article whose source the editor holds
        self._saved_body = ""  # the source last shown or emitted, normalised: typing it back emits nothing
        self._saved_title = ""

        self._save_timer = SaveTimer(ARTICLE_SAVE_DEBOUNCE_MS, parent=self)
        self._save_timer.timeout.connect(self._on_save_timer_timeout)

        self._flash = QVariantAnimation(self)
        self._flash.setStartValue(1.0)
        self._flash.setEndValue(0.0)
        self._flash.setDuration(FLASH_MS)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._on_flash_value_changed)
        self._flash.finished.connect(self._on_flash_finished)

        self._build_actions()
        self._build_widgets()
        self.show_articles([], [])

    # -------------------------------------------------------------------- build

    def _action(self, text: str, shortcut: str | None, slot) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            # Only while the focus is in the pane: the lyrics beside it may bind the same keys.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        # Edit and New carry no keys: the window's menu actions (which call the same API) own them,
        # and a key bound twice, here and window-wide, would be ambiguous and do nothing.
        self.edit_action = self._action("Edit Article", None, self._on_edit_action_triggered)
        self.edit_action.setCheckable(True)
        self.edit_action.setIconText("Edit")
        self.edit_action.setToolTip("Edit the article's Markdown source")
        self.new_article_action = self._action("New Article", None, self._on_new_article_action_triggered)
        self.new_article_action.setIconText("New")
        self.new_article_action.setToolTip("Start a new, blank article for this song")
        self.new_article_action.changed.connect(self._on_new_article_action_changed)
        self.next_article_action = self._action(
            "Next Article", NEXT_ARTICLE_SHORTCUT, self._on_next_article_action_triggered
        )
        self.previous_article_action = self._action(
            "Previous Article", PREVIOUS_ARTICLE_SHORTCUT, self._on_previous_article_action_triggered
        )

    def _build_widgets(self) -> None:
        self.tab_bar = QTabBar(self)
        self.tab_bar.setAccessibleName("Articles")
        self.tab_bar.setExpanding(False)
        self.tab_bar.setDocumentMode(True)
        # Many articles scroll (arrows at the end) rather than shrink to unreadable "L…" tabs;
        # long titles are shortened to TAB_TITLE_CHARS (the tooltip has the whole title).
        self.tab_bar.setElideMode(Qt.TextElideMode.ElideNone)
        self.tab_bar.setUsesScrollButtons(True)
        self.tab_bar.currentChanged.connect(self._on_tab_bar_current_changed)

        self.header = PaneHeader("Article heading", self)
        self.edit_button = self._tool_button(self.edit_action)
        self.new_button = self._tool_button(self.new_article_action)
        header_row = QWidget(self)
        row = QHBoxLayout(header_row)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(2)
        row.addWidget(self.header, 1)
        row.addWidget(self.edit_button)
        row.addWidget(self.new_button)

        self.browser = ArticleBrowser(self)
        self.browser.style_changed.connect(self._on_browser_style_changed)
        self.browser.annotation_clicked.connect(self.annotation_clicked)
        self.browser.annotation_activated.connect(self.annotation_activated)
        self.browser.menu_requested.connect(self._on_browser_menu_requested)

        self.empty_page = QWidget(self)
        self.empty_page.setAccessibleName("No article yet")
        self.empty_page.setBackgroundRole(self.browser.viewport().backgroundRole())
        self.empty_page.setAutoFillBackground(True)
        self.empty_label = QLabel(EMPTY_PROMPT, self.empty_page)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # quieter, still legible
        self.new_article_button = QPushButton("New Article", self.empty_page)
        self.new_article_button.setAccessibleName("New Article")
        self.new_article_button.setToolTip(self.new_article_action.toolTip())
        self.new_article_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.new_article_button.clicked.connect(self.new_article_action.trigger)
        empty = QVBoxLayout(self.empty_page)
        empty.setContentsMargins(24, 24, 24, 24)
        empty.setSpacing(12)
        empty.addStretch(1)
        empty.addWidget(self.empty_label)
        empty.addWidget(self.new_article_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty.addStretch(2)

        self.edit_page = QWidget(self)
        self.title_edit = QLineEdit(self.edit_page)
        self.title_edit.setAccessibleName("Article title")
        self.title_edit.setPlaceholderText("Article title")
        self.title_edit.setClearButtonEnabled(True)
        self.title_edit.editingFinished.connect(self._on_title_edit_editing_finished)
        self.source_edit = ArticleSourceEdit(self.edit_page)
        self.source_edit.textChanged.connect(self._on_source_edit_text_changed)
        editing = QVBoxLayout(self.edit_page)
        editing.setContentsMargins(0, 0, 0, 0)
        editing.setSpacing(4)
        title_label = QLabel("&Title", self.edit_page)
        title_label.setBuddy(self.title_edit)
        title_row = QHBoxLayout()
        title_row.setContentsMargins(10, 2, 10, 4)
        title_row.setSpacing(8)
        title_row.addWidget(title_label)
        title_row.addWidget(self.title_edit, 1)
        editing.addLayout(title_row)
        editing.addWidget(self.source_edit, 1)
        QWidget.setTabOrder(self.title_edit, self.source_edit)

        self.stack = QStackedWidget(self)
        self.stack.insertWidget(self.EMPTY_PAGE, self.empty_page)
        self.stack.insertWidget(self.READ_PAGE, self.browser)
        self.stack.insertWidget(self.EDIT_PAGE, self.edit_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tab_bar)
        layout.addWidget(header_row)
        layout.addWidget(self.stack, 1)

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(True)
        button.setAccessibleName(action.text())
        return button

    # --------------------------------------------------------------------- API

    def show_articles(self, articles: list[Article], annotations: list[Annotation]) -> None:
        """Show the song's *articles* with their *annotations*.

        The article open stays open when it is still in the list (else the first one opens);
        when its body is unchanged the document, scroll and selection stay as they are, and in
        edit mode words still being typed are kept.
        """
        self._articles = list(articles)
        self._annotations = [a for a in annotations if a.target == "article"]
        ids = [a.id for a in self._articles]
        if self._current_id not in ids:
            self._current_id = ids[0] if ids else ""
        self._fill_tabs()
        self._refresh()

    def update_annotations(self, annotations: list[Annotation]) -> None:
        """Redraw the highlights from *annotations*, the document, scroll and selection left alone."""
        self._annotations = [a for a in annotations if a.target == "article"]
        if not self._editing:
            self._apply_highlights()

    def open_article(self, article_id: str, editing: bool = False) -> None:
        """Show article *article_id*; with *editing*, its source with the cursor in it, ready to type."""
        index = self._index_of(article_id)
        if index < 0:
            return
        self.tab_bar.setCurrentIndex(index)  # switches (and says so) when it is another article
        self.set_editing(editing)
        if editing and self._editing:
            self.source_edit.moveCursor(QTextCursor.MoveOperation.End)
            self.source_edit.ensureCursorVisible()
            self.source_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def current_article_id(self) -> str:
        """The id of the article shown, "" when there is none."""
        return self._current_id

    @property
    def current_article(self) -> Article | None:
        index = self._index_of(self._current_id)
        return self._articles[index] if index >= 0 else None

    @property
    def rendered(self) -> RenderedArticle | None:
        """The open article as rendered: offsets of its annotations count over ``rendered.text``."""
        return self._rendered

    def selected_range(self) -> tuple[str, int, int] | None:
        """(article_id, start, end) of the selection, in code points over the rendered text.

        None in edit mode, and when nothing (or only blank space) is selected.
        """
        if self._editing or self._rendered is None or not self._rendered_id:
            return None
        cursor = self.browser.textCursor()
        if not cursor.hasSelection() or not cursor.selectedText().strip():
            return None
        text = self._rendered.text
        return (
            self._rendered_id,
            code_point_position(text, cursor.selectionStart()),
            code_point_position(text, cursor.selectionEnd()),
        )

    def set_context_actions(self, actions: list[QAction]) -> None:
        """The window's actions (highlight with a lens...) offered first in the context menu."""
        self._context_actions = list(actions)

    def set_selected_annotation(self, annotation_id: str) -> None:
        """Draw *annotation_id*'s highlight stronger and outlined ("" for none)."""
        if annotation_id == self._selected_id:
            return
        self._selected_id = annotation_id
        self.browser.selected_id = annotation_id
        if not self._editing:
            self._apply_highlights()

    @property
    def selected_annotation_id(self) -> str:
        return self._selected_id

    def reveal(self, annotation: Annotation) -> None:
        """Open the annotation's article, scroll to its passage, select it and flash it briefly."""
        if annotation.article_id is None or self._index_of(annotation.article_id) < 0:
            return
        self.set_editing(False)  # highlights are only drawn over the rendered text
        self.tab_bar.setCurrentIndex(self._index_of(annotation.article_id))
        highlights = [h for h in self.browser.highlights if h.annotation.id == annotation.id]
        highlights = highlights or [h for h in self.browser.proposals if h.annotation.id == annotation.id]
        if not highlights:
            return  # orphaned: nothing in the text to show
        first = min(highlights, key=lambda h: h.start)
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(first.end)
        cursor.setPosition(first.start, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        rect = self.browser.cursorRect()
        height = self.browser.viewport().height()
        if rect.top() < 0 or rect.bottom() > height:
            bar = self.browser.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - height // 3)  # a third down: its context shows above
        self._flash.stop()
        self.browser.flash_id = annotation.id
        self.browser.flash_strength = 1.0
        self._flash.start()

    def is_flashing(self) -> bool:
        return bool(self.browser.flash_id)

    # -------------------------------------------------------------- edit mode

    def is_editing(self) -> bool:
        return self._editing

    def set_editing(self, editing: bool) -> None:
        """Show the Markdown source to edit (True), or the rendered article (False, after a flush).

        Refused (stays False) when there is no article to edit.
        """
        if editing == self._editing:
            self._sync_edit_action()
            return
        if editing:
            article = self.current_article
            if article is None:
                self._sync_edit_action()
                return
            self._editing = True
            self._load_source(article)
            self._sync_edit_action()
            self._refresh()
            self.editing_changed.emit(True)
        else:
            self._leave_editing()

    def flush(self) -> None:
        """Emit a pending edit of the source or the title now.

        The window calls this before switching songs and on close, so nothing typed is lost.
        """
        if not self._editing_id:
            return
        self._save_timer.flush()  # emits a pending body through _on_save_timer_timeout
        self._emit_title()

    def source_text(self) -> str:
        """The Markdown source as it stands in the editor (typed, maybe not emitted yet)."""
        return self.source_edit.toPlainText()

    def _load_source(self, article: Article) -> None:
        """Put *article*'s source and title in the editor (what was typed for another one is emitted first)."""
        if self._editing_id and self._editing_id != article.id:
            self.flush()
        self._save_timer.stop()
        self._editing_id = article.id
        self._saved_body = article.body
        self._saved_title = normalise_line(article.title)
        with QSignalBlocker(self.source_edit):
            self.source_edit.setPlainText(article.body)
        with QSignalBlocker(self.title_edit):
            self.title_edit.setText(article.title)

    def _reconcile_source(self, article: Article) -> None:
        """The library's *article* arrived while its source is being edited: keep what is newer."""
        typing = self._save_timer.is_pending()  # an edit waiting to be sent is newer than the library's
        if normalise_text(self.source_edit.toPlainText()) != article.body and not typing:
            # Changed from elsewhere (an undo in the Edit menu): show it, the cursor where it was.
            position = self.source_edit.textCursor().position()
            scroll = self.source_edit.verticalScrollBar().value()
            with QSignalBlocker(self.source_edit):
                self.source_edit.setPlainText(article.body)
            cursor = self.source_edit.textCursor()
            cursor.setPosition(min(position, self.source_edit.document().characterCount() - 1))
            self.source_edit.setTextCursor(cursor)
            self.source_edit.verticalScrollBar().setValue(scroll)
        if not typing:
            self._saved_body = article.body
        typing_title = (
            self.title_edit.hasFocus() and normalise_line(self.title_edit.text()) != self._saved_title
        )
        self._saved_title = normalise_line(article.title)
        if not typing_title and self.title_edit.text() != article.title:
            with QSignalBlocker(self.title_edit):
                self.title_edit.setText(article.title)

    def _leave_editing(self) -> None:
        if not self._editing:
            return
        focus = QApplication.focusWidget()
        refocus = focus is not None and self.edit_page.isAncestorOf(focus)
        self.flush()  # the window saves it, and may show the articles again from inside this call
        if not self._editing:
            return  # left already, from inside the flush
        self._editing = False
        self._editing_id = ""
        self._save_timer.stop()
        self._sync_edit_action()
        self._refresh()
        if refocus and self.stack.currentWidget() is self.browser:
            self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editing_changed.emit(False)

    def _emit_body(self) -> None:
        text = self.source_edit.toPlainText()
        body = normalise_text(text)
        if body == self._saved_body:
            return
        self._saved_body = body
        self.article_edited.emit(self._editing_id, text)

    def _emit_title(self) -> None:
        title = self.title_edit.text()
        if normalise_line(title) == self._saved_title:
            return
        self._saved_title = normalise_line(title)
        self.article_title_edited.emit(self._editing_id, title)

    def _sync_edit_action(self) -> None:
        with QSignalBlocker(self.edit_action):
            self.edit_action.setChecked(self._editing)
        self.edit_action.setEnabled(self.current_article is not None)
        self.edit_action.setIconText("Done" if self._editing else "Edit")
        self.edit_action.setToolTip(
            "Back to the rendered article" if self._editing else "Edit the article's Markdown source"
        )

    # ------------------------------------------------------------------ showing

    def _index_of(self, article_id: str) -> int:
        for index, article in enumerate(self._articles):
            if article.id == article_id:
                return index
        return -1

    def _fill_tabs(self) -> None:
        count = len(self._articles)
        with QSignalBlocker(self.tab_bar):
            while self.tab_bar.count() > count:
                self.tab_bar.removeTab(self.tab_bar.count() - 1)
            while self.tab_bar.count() < count:
                self.tab_bar.addTab("")
            for index, article in enumerate(self._articles):
                title = article.title or "Untitled"
                shown = (
                    title if len(title) <= TAB_TITLE_CHARS else title[: TAB_TITLE_CHARS - 1].rstrip() + "…"
                )
                self.tab_bar.setTabText(index, shown.replace("&", "&&"))
                self.tab_bar.setTabToolTip(index, article.title or "Untitled article")
                self.tab_bar.setAccessibleTabName(index, f"{title}, article {index + 1} of {count}")
            self.tab_bar.setCurrentIndex(self._index_of(self._current_id))
        self.tab_bar.setVisible(count > 1)

    def _refresh(self) -> None:
        """Show the current article as the mode wants it: its source, or rendered with its highlights."""
        article = self.current_article
        if article is None:
            if self._editing:
                self._leave_editing()
                return
            self.header.set_text(NO_ARTICLE, "")  # kept, so that the text starts level with the lyrics
            self._rendered, self._rendered_id, self._rendered_body = None, "", ""
            self.browser.clear()
            self.browser.highlights = []
            self.browser.proposals = []
            self.browser.setExtraSelections([])
            self.stack.setCurrentIndex(self.EMPTY_PAGE)
            self._sync_edit_action()
            return
        byline = " · ".join(
            x for x in (f"by {article.author}" if article.author else "", article.source) if x
        )
        title = article.title or "Untitled article"
        if self._editing and self._editing_id != article.id:
            self._leave_editing()  # the article edited is gone (or another was opened): back to reading
            return
        if self._editing:
            self.header.set_text(title, EDITING_SUBTITLE)
            self._reconcile_source(article)
            self.stack.setCurrentIndex(self.EDIT_PAGE)
        else:
            self.header.set_text(title, byline)
            if self._rendered_id != article.id:
                self._render(article)
                self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            elif self._rendered_body != article.body:
                scroll = self.browser.verticalScrollBar().value()
                self._render(article)
                self.browser.verticalScrollBar().setValue(scroll)
            else:
                self._apply_highlights()
            self.stack.setCurrentIndex(self.READ_PAGE)
        self._sync_edit_action()

    def _render(self, article: Article) -> None:
        self._rendered = render_article(article.body)
        self._rendered_id = article.id
        self._rendered_body = article.body
        self._typeset()

    def _typeset(self) -> None:
        """(Re)build the document from the rendered article in the browser's palette and font."""
        if self._rendered is None:
            return
        fill_document(self.browser.document(), self._rendered, self.browser.palette(), self.browser.font())
        self._apply_highlights()

    def _apply_highlights(self) -> None:
        text = self._rendered.text if self._rendered is not None else ""
        to_qt = utf16_positions(text)
        highlights: list[Highlight] = []
        proposals: list[Highlight] = []
        for annotation in self._annotations:
            if not self._rendered_id or annotation.article_id != self._rendered_id:
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
        self.browser.highlights = highlights
        self.browser.proposals = proposals
        document, palette = self.browser.document(), self.browser.palette()
        self.browser.setExtraSelections(
            layered_extra_selections(document, highlights, palette, self._selected_id)
            + proposal_extra_selections(document, proposals, palette, self._selected_id)
        )
        self.browser.viewport().update()

    def _switch_by(self, step: int) -> None:
        count = self.tab_bar.count()
        if count > 1:
            self.tab_bar.setCurrentIndex((self.tab_bar.currentIndex() + step) % count)

    # ------------------------------------------------------------- context menu

    def context_menu_at(self, point: QPoint) -> QMenu:
        """The context menu for viewport *point* of the rendered article (the caller shows it)."""
        return self._context_menu(character_at(self.browser, point))

    def _context_menu(self, position: int) -> QMenu:
        menu = QMenu(self)
        menu.setAccessibleName("Article menu")
        for action in self._context_actions:
            menu.addAction(action)
        annotation = self.browser.annotation_at_position(position)
        if annotation is not None:
            if not menu.isEmpty():
                menu.addSeparator()
            annotation_id = annotation.id
            edit = menu.addAction("Edit Note")
            edit.triggered.connect(lambda: self.annotation_activated.emit(annotation_id))
            delete = menu.addAction("Delete Highlight")
            delete.triggered.connect(lambda: self.delete_requested.emit(annotation_id))
        if not menu.isEmpty():
            menu.addSeparator()
        copy = menu.addAction("Copy")
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setEnabled(self.browser.textCursor().hasSelection())
        copy.triggered.connect(self.browser.copy)
        select_all = menu.addAction("Select All")
        select_all.setShortcut(QKeySequence(QKeySequence.StandardKey.SelectAll))
        select_all.triggered.connect(self.browser.selectAll)
        return menu

    # -------------------------------------------------------------------- slots

    def _on_browser_menu_requested(self, global_position: QPoint, position: int) -> None:
        menu = self._context_menu(position)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(global_position)

    def _on_browser_style_changed(self) -> None:
        if self._rendered is None:
            return
        scroll = self.browser.verticalScrollBar().value()
        cursor = self.browser.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        self._typeset()
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self.browser.verticalScrollBar().setValue(scroll)

    def _on_tab_bar_current_changed(self, index: int) -> None:
        if not 0 <= index < len(self._articles):
            return
        article_id = self._articles[index].id
        if article_id == self._current_id:
            return
        self._current_id = article_id  # first: leaving edit mode may bring show_articles back in
        if self._editing:
            # The other article opens to be read, and what was typed is saved first: the window
            # then shows the articles as saved, so none is ever edited from an out-of-date copy.
            self._leave_editing()
        else:
            self._refresh()
        self.article_changed.emit(article_id)

    def _on_edit_action_triggered(self, checked: bool) -> None:
        self.set_editing(checked)
        if self._editing:
            self.source_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_new_article_action_triggered(self) -> None:
        self._leave_editing()  # saved, and shown as saved, before the new one opens
        self.new_article_requested.emit()

    def _on_new_article_action_changed(self) -> None:
        enabled = self.new_article_action.isEnabled()
        self.new_article_button.setVisible(enabled)
        self.empty_label.setText(EMPTY_PROMPT if enabled else NO_ARTICLE)

    def _on_next_article_action_triggered(self) -> None:
        self._switch_by(1)

    def _on_previous_article_action_triggered(self) -> None:
        self._switch_by(-1)

    def _on_source_edit_text_changed(self) -> None:
        if self._editing_id:
            self._save_timer.changed()

    def _on_title_edit_editing_finished(self) -> None:
        if self._editing_id:
            self._emit_title()

    def _on_save_timer_timeout(self) -> None:
        if self._editing_id:
            self._emit_body()

    def _on_flash_value_changed(self, value: float) -> None:
        self.browser.flash_strength = float(value)
        self.browser.viewport().update()

    def _on_flash_finished(self) -> None:
        self.browser.flash_id = ""
        self.browser.flash_strength = 0.0
        self.browser.viewport().update()
