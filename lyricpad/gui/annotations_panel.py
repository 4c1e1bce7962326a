"""The annotations panel: a song's annotations grouped by text and filtered; it emits what the user asks for."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.annotation_model import (
    NO_LENS,
    TRASH_GROUP,
    AnnotationFilterModel,
    AnnotationModel,
    AnnotationRole,
)
from lyricpad.core.models import Annotation, Article, Lens
from lyricpad.core.text import fold
from lyricpad.gui.highlights import lens_icon
from lyricpad.gui.note_editor import line_reference

NO_ANNOTATIONS = "No annotations on this song yet.\n\nSelect words in the lyrics or the article and highlight them with a lens."
NO_SONG = "No song is open."
NO_MATCH = "No annotation matches the filters.\n\nEsc in the filter box clears the text."

REVEAL_SHORTCUT = "Space"
EDIT_SHORTCUTS = ("Return", "Enter")
DELETE_SHORTCUT = "Del"
RESTORE_SHORTCUT = "Ctrl+Shift+R"
FIND_SHORTCUT = "Ctrl+F"
ACCEPT_SHORTCUT = "Ctrl+Shift+Y"
"""Accept the proposed place of the selected annotation that needs review ("yes, there")."""
PLACE_SHORTCUT = "Ctrl+Shift+M"
"""Move the selected annotation to the text selected in its pane ("move here")."""

NO_PROPOSAL_TIP = (
    "Nothing to accept: no place was found for this highlight's words in the edited text. "
    "Select the words it belongs to, then choose Place at Selection."
)

_PAD = 6
_SWATCH = 4
_GAP = 2
_BADGE_TINTS = {"needs_review": "#d4a017", "orphaned": "#d9455f"}  # as the note editor's badges
_BADGE_ALPHA = 70


class AnnotationDelegate(QStyledItemDelegate):
    """Paints a group as a heading with its count, an annotation as: lens swatch, quote, note, details."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._heights: dict[str, tuple[int, int]] = {}  # font key -> (group height, row height)

    def _row_heights(self, font: QFont) -> tuple[int, int]:
        # sizeHint runs for every row at each layout: 2,000 rows must not measure 2,000 fonts.
        key = font.key()
        heights = self._heights.get(key)
        if heights is None:
            metrics = QFontMetrics(font)
            heights = (metrics.height() + 2 * _PAD + _GAP, 3 * metrics.lineSpacing() + 2 * _GAP + 2 * _PAD)
            self._heights[key] = heights
        return heights

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        group, row = self._row_heights(option.font)
        return QSize(100, row if index.parent().isValid() else group)  # headings are top-level rows

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
        if opt.state & QStyle.StateFlag.State_HasFocus and view is not None and view.hasFocus():
            # Headings cannot be selected, but the keyboard can rest on one (to open or close it).
            focus = QColor(palette.color(QPalette.ColorRole.Highlight))
            focus.setAlphaF(0.25)
            painter.fillRect(opt.rect, focus)
        expanded = isinstance(view, QTreeView) and view.isExpanded(index)
        font = QFont(opt.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        rect = opt.rect.adjusted(_PAD, _PAD + _GAP, -_PAD, -_PAD)
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
            (note_font, main if note else dim, note or "No note", None),
            (
                opt.font,
                dim,
                _details(
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


def _details(lens: str | None, tags: list[str] | None, places: int) -> str:
    parts = [lens or "No lens"]
    if places > 1:
        parts.append(f"{places} places")
    if tags:
        parts.append(" ".join(f"#{t}" for t in tags))
    return " · ".join(parts)


class AnnotationsPanel(QWidget):
    """Lists a song's annotations under filters by lens, tag and text; it changes nothing itself.

    Keys on the list: Space goes to the passage, Enter edits the note, Del deletes (on a row
    in the trash: restores), Ctrl+Shift+R restores; Ctrl+F anywhere in the panel goes to the
    text filter, where Esc clears it. Anywhere in the window, for the selected annotation that
    needs review: Ctrl+Shift+Y accepts its proposed place, Ctrl+Shift+M places it on the text
    selected in its pane (the review bar under the list offers both, and Delete).
    """

    reveal_requested = Signal(str)
    """(annotation_id): show its passage (a click on the row, Space, or "Go to Passage")."""
    annotation_selected = Signal(str)
    """(annotation_id): the user made this row current; "" when no annotation is current any more."""
    activate_requested = Signal(str)
    """(annotation_id): open its note for editing (Enter, a double-click, or "Edit Note")."""
    delete_requested = Signal(str)
    """(annotation_id): move this annotation to the trash."""
    restore_requested = Signal(str)
    """(annotation_id): bring this annotation back from the trash."""
    accept_requested = Signal(str)
    """(annotation_id): anchor this annotation that needs review at its proposed place."""
    place_requested = Signal(str)
    """(annotation_id): put this annotation on the text selected in its pane (the window knows which)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Annotations")
        self._lenses: list[Lens] = []
        self._tags: list[str] = []
        self._lens_offered: list[tuple[str, str, str]] | None = None
        self._selected_id = ""  # the annotation the user chose; kept while a filter hides it
        self._collapsed: set[str] = {TRASH_GROUP}  # group keys the user closed
        self._quiet = 0  # >0 while the panel itself moves the view's current row
        self._song_open = False

        self.model = AnnotationModel(self)
        self.proxy = AnnotationFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self._build_view()
        self._build_actions()
        self._build_review_bar()
        self._update_actions()

        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(12)
        self.placeholder.setEnabled(False)  # drawn in the palette's quieter, disabled text colour
        self._stack = QStackedLayout()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.placeholder)

        filters = QGridLayout()
        filters.setContentsMargins(6, 6, 6, 4)
        filters.setHorizontalSpacing(6)
        filters.setVerticalSpacing(4)
        filters.addWidget(self.text_filter, 0, 0, 1, 3)
        filters.addWidget(self.lens_filter, 1, 0)
        filters.addWidget(self.tag_filter, 1, 1)
        filters.addWidget(self.count_label, 1, 2)
        filters.setColumnStretch(0, 1)
        filters.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(filters)
        layout.addLayout(self._stack, 1)
        layout.addWidget(self.review_bar)
        QWidget.setTabOrder(self.text_filter, self.lens_filter)
        QWidget.setTabOrder(self.lens_filter, self.tag_filter)
        QWidget.setTabOrder(self.tag_filter, self.view)

        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._on_proxy_rows_changed)
        self._recolour()
        self._fill_tag_filter()
        self._show_state()

    # -------------------------------------------------------------------- build

    def _build_filters(self) -> None:
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(f"Filter quotes, notes, #tags ({FIND_SHORTCUT})")
        self.text_filter.setAccessibleName("Filter annotations by text")
        self.text_filter.setToolTip(
            "Shows the annotations whose quote, note or tags hold every word typed. Esc clears."
        )
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self._on_text_filter_text_changed)
        self.text_filter.installEventFilter(self)
        self.lens_filter = QComboBox(self)
        self.lens_filter.setAccessibleName("Filter annotations by lens")
        self.lens_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lens_filter.setMinimumContentsLength(6)
        self.lens_filter.currentIndexChanged.connect(self._on_lens_filter_current_index_changed)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName("Filter annotations by tag")
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag_filter.setMinimumContentsLength(6)
        self.tag_filter.currentIndexChanged.connect(self._on_tag_filter_current_index_changed)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Annotations shown")
        self.count_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def _build_view(self) -> None:
        self.view = QTreeView(self)
        self.view.setAccessibleName("Annotations list")
        self.view.setAccessibleDescription(
            "Space: go to the passage. Enter: edit the note. Delete: move to the trash, or restore from it."
        )
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)  # the delegate draws each heading's arrow
        self.view.setItemsExpandable(True)
        self.view.setExpandsOnDoubleClick(False)  # a single click opens or closes a heading
        self.view.viewport().installEventFilter(self)
        self.view.setIndentation(0)
        self.view.setUniformRowHeights(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setItemDelegate(AnnotationDelegate(self.view))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.clicked.connect(self._on_view_clicked)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.expanded.connect(self._on_view_expanded)
        self.view.collapsed.connect(self._on_view_collapsed)
        self.view.customContextMenuRequested.connect(self._on_view_custom_context_menu_requested)

    def _action(
        self, text: str, shortcuts: Iterable[str], slot, widget: QWidget, context: Qt.ShortcutContext
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        widget.addAction(action)
        return action

    def _build_actions(self) -> None:
        # On the list only: Space, Enter and Del mean other things in the filter box.
        on_list = Qt.ShortcutContext.WidgetShortcut
        self.reveal_action = self._action(
            "&Go to Passage", [REVEAL_SHORTCUT], self._on_reveal_action_triggered, self.view, on_list
        )
        self.edit_action = self._action(
            "&Edit Note", EDIT_SHORTCUTS, self._on_edit_action_triggered, self.view, on_list
        )
        self.delete_action = self._action(
            "&Delete", [DELETE_SHORTCUT], self._on_delete_action_triggered, self.view, on_list
        )
        self.restore_action = self._action(
            "&Restore", [RESTORE_SHORTCUT], self._on_restore_action_triggered, self.view, on_list
        )
        self.find_action = self._action(
            "&Filter Annotations",
            [FIND_SHORTCUT],
            self._on_find_action_triggered,
            self,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        # Window-wide: the user selects the new place in a text pane, then asks from there.
        self.accept_action = self._action(
            "&Accept Proposed Place",
            [ACCEPT_SHORTCUT],
            self._on_accept_action_triggered,
            self,
            Qt.ShortcutContext.WindowShortcut,
        )
        self.accept_action.setIconText("Accept")
        self.place_action = self._action(
            "&Place at Selection",
            [PLACE_SHORTCUT],
            self._on_place_action_triggered,
            self,
            Qt.ShortcutContext.WindowShortcut,
        )
        self.place_action.setIconText("Place at Selection")
        self.place_action.setToolTip(
            f"Select the words this highlight belongs to in its text, then put it there ({PLACE_SHORTCUT})"
        )
        self.review_delete_action = QAction("Delete", self)
        self.review_delete_action.setToolTip("Move this highlight and its note to the trash (Ctrl+Z undoes)")
        self.review_delete_action.triggered.connect(self._on_review_delete_action_triggered)

    def _build_review_bar(self) -> None:
        """Under the list, for the selected annotation that needs review: what happened, and what to do."""
        self.review_bar = QFrame(self)
        self.review_bar.setObjectName("reviewBar")
        self.review_bar.setAccessibleName("Review")
        self.review_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.review_bar.setAutoFillBackground(True)
        self.review_label = QLabel(self.review_bar)
        self.review_label.setWordWrap(True)
        self.review_label.setTextFormat(Qt.TextFormat.RichText)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.accept_button = self._review_button(self.accept_action)
        self.place_button = self._review_button(self.place_action)
        self.review_delete_button = self._review_button(self.review_delete_action)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.place_button)
        buttons.addStretch(1)
        buttons.addWidget(self.review_delete_button)
        layout = QVBoxLayout(self.review_bar)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.review_label)
        layout.addLayout(buttons)
        self.review_bar.hide()

    def _review_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self.review_bar)
        button.setDefaultAction(action)  # follows the action: enabled, text and tooltip
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(action.iconText())
        return button

    # ------------------------------------------------------------------- public

    def show_annotations(
        self,
        annotations: list[Annotation],
        articles: list[Article],
        song_open: bool = True,
        trashed: Iterable[Annotation] = (),
    ) -> None:
        """List another song's annotations: "Lyrics", "Article: <title>", "Needs review", "Trash" (closed).

        Nothing is selected afterwards and no signal is emitted; the filters are kept.
        """
        self._song_open = song_open
        self._selected_id = ""
        self._collapsed = {TRASH_GROUP}
        self._quiet += 1
        try:
            self.model.load(annotations, articles, trashed)
            self._refill_filters()
            self._apply_expansion()
        finally:
            self._quiet -= 1
        self.view.scrollToTop()
        self._update_review()
        self._show_state()

    def update_annotations(
        self, annotations: list[Annotation], articles: list[Article], trashed: Iterable[Annotation] = ()
    ) -> None:
        """List the same song's annotations again, changing only the rows that differ.

        The scroll position, the open groups and the selection stay. When the selected annotation
        went to the trash or away, the row that took its place is selected (`annotation_selected`).
        """
        before = self._selected_id
        was_trashed = self.model.group_key_of(before) == TRASH_GROUP
        top = self._top_row()
        self._song_open = True
        self._quiet += 1
        try:
            self.model.update(annotations, articles, trashed)
            key = self.model.group_key_of(before)
            if before and (not key or (key == TRASH_GROUP and not was_trashed)):
                # It went to the trash or away: the row Qt made current in its place is chosen.
                current = self.view.currentIndex()
                self._selected_id = (current.data(AnnotationRole.ID) or "") if current.isValid() else ""
            self._refill_filters()
            self._apply_expansion()
            self._show_selected()  # a row that moved (to "Needs review", say) stays selected
            self._restore_top_row(top)
        finally:
            self._quiet -= 1
        self._show_state()
        if self._selected_id != before:
            self.annotation_selected.emit(self._selected_id)

    def set_lenses(self, lenses: list[Lens]) -> None:
        """The lenses the lens filter offers, in order (lenses of listed annotations are added if missing)."""
        self._lenses = list(lenses)
        self._fill_lens_filter()

    def select_annotation(self, annotation_id: str) -> bool:
        """Select *annotation_id* and scroll to it, emitting nothing; "" clears the selection.

        Returns whether its row is shown (it is not when a filter hides it; it stays
        selected, and shows again when the filter lets it).
        """
        self._selected_id = annotation_id if self.model.annotation(annotation_id) else ""
        key = self.model.group_key_of(self._selected_id)
        if key in self._collapsed:
            self._collapsed.discard(key)
            self._apply_expansion()
        return self._show_selected(scroll=True)

    def current_annotation_id(self) -> str:
        """The selected annotation ("" when none), even while a filter hides it."""
        return self._selected_id

    def annotation_count(self) -> int:
        """How many annotations are listed, those in the trash not counted."""
        return self.model.annotation_count()

    def index_of(self, annotation_id: str) -> QModelIndex:
        """The view's index of *annotation_id*, invalid when it is not listed or a filter hides it."""
        return self.proxy.mapFromSource(self.model.index_of(annotation_id))

    def clear_filters(self) -> None:
        self.text_filter.clear()
        self.lens_filter.setCurrentIndex(0)
        self.tag_filter.setCurrentIndex(0)

    def build_context_menu(self) -> QMenu | None:
        """The menu of the current annotation: Go to Passage, Edit Note, (review: Accept, Place), Delete or Restore."""
        annotation_id = self._current_row_id()
        if not annotation_id:
            return None
        menu = QMenu(self)
        menu.setAccessibleName("Annotation actions")
        menu.setToolTipsVisible(True)  # says why Accept is greyed out
        menu.addAction(self.reveal_action)
        menu.addAction(self.edit_action)
        if self._review_annotation() is not None:
            menu.addSeparator()
            menu.addAction(self.accept_action)
            menu.addAction(self.place_action)
        menu.addSeparator()
        menu.addAction(self.restore_action if self._in_trash(annotation_id) else self.delete_action)
        return menu

    # ------------------------------------------------------------------ helpers

    def _current_row_id(self) -> str:
        index = self.view.currentIndex()
        return (index.data(AnnotationRole.ID) or "") if index.isValid() else ""

    def _in_trash(self, annotation_id: str) -> bool:
        return self.model.group_key_of(annotation_id) == TRASH_GROUP

    def _show_selected(self, *, scroll: bool = False) -> bool:
        """Make the view show `_selected_id` as its current, selected row, if a filter lets it."""
        index = self.index_of(self._selected_id) if self._selected_id else QModelIndex()
        selection = self.view.selectionModel()
        self._quiet += 1
        try:
            if index.isValid() and self.view.isExpanded(index.parent()):
                if self.view.currentIndex() != index or not selection.isSelected(index):
                    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                if scroll:
                    self.view.scrollTo(index)
                shown = True
            else:
                selection.clearSelection()
                current = self.view.currentIndex()
                if current.isValid() and not current.data(AnnotationRole.IS_GROUP):
                    # A heading may stay current: the keyboard rests there to open or close it.
                    selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
                shown = False
        finally:
            self._quiet -= 1
        self._update_actions()
        return shown

    def _top_row(self) -> tuple[str, int] | None:
        """The annotation (or heading key) at the top of the list, and where it starts."""
        if self.view.verticalScrollBar().value() == 0:
            return None  # at the top, the list stays at the top
        index = self.view.indexAt(QPoint(1, 1))
        if not index.isValid():
            return None
        key = index.data(AnnotationRole.ID) or f"group:{index.data(AnnotationRole.GROUP_KEY)}"
        return key, self.view.visualRect(index).top()

    def _restore_top_row(self, top: tuple[str, int] | None) -> None:
        """Scroll so that the row at the top before an update is there again (rows above it changed)."""
        if top is None:
            return
        key, y = top
        if key.startswith("group:"):
            source = self.model.group_index(key.removeprefix("group:"))
        else:
            source = self.model.index_of(key)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return
        rect = self.view.visualRect(index)  # lays the rows out again first
        if rect.isValid() and rect.top() != y:
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - y)

    def _apply_expansion(self) -> None:
        """Open every heading but those the user closed (the view forgets when a filter hides one)."""
        self._quiet += 1
        try:
            for row in range(self.proxy.rowCount()):
                group = self.proxy.index(row, 0)
                expand = group.data(AnnotationRole.GROUP_KEY) not in self._collapsed
                if self.view.isExpanded(group) != expand:
                    self.view.setExpanded(group, expand)
        finally:
            self._quiet -= 1

    def _refill_filters(self) -> None:
        tags = self.model.tags()
        if tags != self._tags:
            self._tags = tags
            self._fill_tag_filter()
        self._fill_lens_filter()

    def _lens_choices(self) -> list[tuple[str, str, str]]:
        """(lens id, name, colour) of every lens offered, then "No lens" when an annotation has none."""
        lenses = list(self._lenses)
        known = {lens.id for lens in lenses}
        lenses += [lens for lens in self.model.lenses() if lens.id not in known]
        choices = [(lens.id, lens.name, lens.colour) for lens in lenses]
        if self.model.has_annotation_without_lens():
            choices.append((NO_LENS, "No lens", ""))
        return choices

    def _fill_lens_filter(self, *, force: bool = False) -> None:
        choices = self._lens_choices()
        combo = self.lens_filter
        if choices == self._lens_offered and not force:
            return
        self._lens_offered = choices
        current = combo.currentData() or ""
        size = combo.iconSize().height()
        ratio = self.devicePixelRatioF()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem("All lenses", "")
            for lens_id, name, colour in choices:
                combo.addItem(lens_icon(colour, self.palette(), size, ratio), name, lens_id)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
        if found < 0 and current:
            self.proxy.set_lens_filter("")
            self._after_filter_change()

    def _fill_tag_filter(self) -> None:
        combo = self.tag_filter
        current = combo.currentData() or ""
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem("All tags", "")
            for tag in self._tags:
                combo.addItem(f"#{tag}", tag)
            found = next((i for i in range(1, combo.count()) if fold(combo.itemData(i)) == fold(current)), -1)
            combo.setCurrentIndex(max(0, found))
        if found < 0 and current:
            self.proxy.set_tag_filter("")
            self._after_filter_change()

    def _after_filter_change(self) -> None:
        self._quiet += 1
        try:
            self._apply_expansion()
        finally:
            self._quiet -= 1
        self._show_selected()
        self._show_state()

    def _show_state(self) -> None:
        has_rows = self.model.rowCount() > 0
        for widget in (self.text_filter, self.lens_filter, self.tag_filter):
            widget.setEnabled(has_rows or self.proxy.is_filtering())
        if not has_rows:
            self.placeholder.setText(NO_ANNOTATIONS if self._song_open else NO_SONG)
        elif self.proxy.rowCount() == 0:
            self.placeholder.setText(NO_MATCH if self.text_filter.text() else NO_MATCH.split("\n")[0])
        showing_list = has_rows and self.proxy.rowCount() > 0
        list_had_focus = self.view.hasFocus()
        self._stack.setCurrentWidget(self.view if showing_list else self.placeholder)
        if list_had_focus and not showing_list:
            self.text_filter.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_count()

    def _show_count(self) -> None:
        shown = self.proxy.visible_annotation_count()
        total = self.model.annotation_count()
        self.count_label.setVisible(self.model.rowCount() > 0)
        self.count_label.setText(f"{shown} of {total}")
        self.count_label.setToolTip(f"{shown} of {total} annotations shown (the trash not counted)")
        self.count_label.setAccessibleDescription(self.count_label.toolTip())

    def _update_actions(self) -> None:
        annotation_id = self._current_row_id()
        trashed = bool(annotation_id) and self._in_trash(annotation_id)
        self.reveal_action.setEnabled(bool(annotation_id) and not trashed)
        self.edit_action.setEnabled(self.view.currentIndex().isValid())  # Enter on a heading opens it
        self.delete_action.setEnabled(bool(annotation_id))
        self.restore_action.setEnabled(trashed)
        self._update_review()

    def _review_annotation(self) -> Annotation | None:
        """The selected annotation when it needs review or is orphaned (and not in the trash)."""
        annotation = self.model.annotation(self._selected_id) if self._selected_id else None
        if annotation is None or annotation.deleted or self._in_trash(annotation.id):
            return None
        return annotation if annotation.status in ("needs_review", "orphaned") else None

    def _update_review(self) -> None:
        """Enable Accept and Place for the selected annotation, and show the review bar for it."""
        annotation = self._review_annotation()
        proposal = annotation.proposal if annotation is not None else None
        can_accept = annotation is not None and annotation.status == "needs_review" and proposal is not None
        self.accept_action.setEnabled(can_accept)
        if can_accept:
            self.accept_action.setToolTip(
                f"Anchor this highlight at the place proposed for it, {line_reference(annotation, proposed=True)} "
                f"({ACCEPT_SHORTCUT}; Ctrl+Z undoes)"
            )
        elif annotation is not None:
            self.accept_action.setToolTip(NO_PROPOSAL_TIP)
        else:
            self.accept_action.setToolTip("Select a highlight that needs review first")
        self.place_action.setEnabled(annotation is not None)
        self.review_delete_action.setEnabled(annotation is not None)
        self.review_bar.setVisible(annotation is not None)
        if annotation is None:
            self.review_label.clear()
            return
        where = "the lyrics" if annotation.target == "lyrics" else "the article"
        if can_accept:
            text = (
                f"<b>Needs review.</b> {where.capitalize()} changed; a place was found for "
                f"this highlight ({line_reference(annotation, proposed=True)}, underlined with a wavy line)."
            )
        else:
            text = (
                f"<b>Orphaned.</b> Its words are gone from {where}; the quote and note are kept. "
                f"Select the words it belongs to in {where}, then <i>Place at Selection</i>."
            )
        self.review_label.setText(text)
        self.review_bar.setAccessibleDescription(self.review_label.text())

    # --------------------------------------------------------------- Qt events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
        ):
            index = self.view.indexAt(event.position().toPoint())
            if index.isValid() and index.data(AnnotationRole.IS_GROUP):
                # A click opens or closes a heading and leaves the selected annotation alone.
                if (
                    event.type() == QEvent.Type.MouseButtonPress
                    and event.button() == Qt.MouseButton.LeftButton
                ):
                    self.view.setExpanded(index, not self.view.isExpanded(index))
                return True
        if watched is self.text_filter and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            if event.type() == QEvent.Type.ShortcutOverride and self.text_filter.text():
                event.accept()  # Esc clears the box before any window shortcut sees it
                return True
            if event.type() == QEvent.Type.KeyPress:
                if self.text_filter.text():
                    self.text_filter.clear()
                else:
                    self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _recolour(self) -> None:
        palette = self.count_label.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.PlaceholderText)
        )
        self.count_label.setPalette(palette)
        self._fill_lens_filter(force=True)  # the icons' outline follows the palette

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "lens_filter"):
            self._recolour()

    # -------------------------------------------------------------------- slots

    def _on_proxy_rows_changed(self, *args) -> None:
        self._show_count()

    def _on_text_filter_text_changed(self, text: str) -> None:
        self._quiet += 1
        try:
            self.proxy.set_text_filter(text)
        finally:
            self._quiet -= 1
        self._after_filter_change()

    def _on_lens_filter_current_index_changed(self, index: int) -> None:
        self._quiet += 1
        try:
            self.proxy.set_lens_filter(self.lens_filter.itemData(index) or "")
        finally:
            self._quiet -= 1
        self._after_filter_change()

    def _on_tag_filter_current_index_changed(self, index: int) -> None:
        self._quiet += 1
        try:
            self.proxy.set_tag_filter(self.tag_filter.itemData(index) or "")
        finally:
            self._quiet -= 1
        self._after_filter_change()

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if self._quiet:
            return
        annotation_id = (current.data(AnnotationRole.ID) or "") if current.isValid() else ""
        if annotation_id != self._selected_id:
            self._selected_id = annotation_id
            self._update_review()
            self.annotation_selected.emit(annotation_id)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(AnnotationRole.ID)
        if annotation_id and not self._in_trash(annotation_id):
            self.reveal_requested.emit(annotation_id)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(AnnotationRole.ID)
        if annotation_id:
            self.activate_requested.emit(annotation_id)

    def _on_view_expanded(self, index: QModelIndex) -> None:
        if not self._quiet:
            self._collapsed.discard(index.data(AnnotationRole.GROUP_KEY))

    def _on_view_collapsed(self, index: QModelIndex) -> None:
        if not self._quiet:
            self._collapsed.add(index.data(AnnotationRole.GROUP_KEY))

    def _on_view_custom_context_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and index != self.view.currentIndex():
            self.view.setCurrentIndex(index)
        if not index.isValid():  # from the keyboard (Menu key): the current row
            rect = self.view.visualRect(self.view.currentIndex())
            pos = rect.bottomLeft() if rect.isValid() else pos
        menu = self.build_context_menu()
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _on_reveal_action_triggered(self) -> None:
        annotation_id = self._current_row_id()
        if annotation_id and not self._in_trash(annotation_id):
            self.reveal_requested.emit(annotation_id)

    def _on_edit_action_triggered(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and index.data(AnnotationRole.IS_GROUP):
            self.view.setExpanded(index, not self.view.isExpanded(index))  # Enter on a heading opens it
            return
        annotation_id = self._current_row_id()
        if annotation_id:
            self.activate_requested.emit(annotation_id)

    def _on_delete_action_triggered(self) -> None:
        annotation_id = self._current_row_id()
        if not annotation_id:
            return
        if self._in_trash(annotation_id):
            self.restore_requested.emit(annotation_id)
        else:
            self.delete_requested.emit(annotation_id)

    def _on_restore_action_triggered(self) -> None:
        annotation_id = self._current_row_id()
        if annotation_id and self._in_trash(annotation_id):
            self.restore_requested.emit(annotation_id)

    def _on_accept_action_triggered(self) -> None:
        annotation = self._review_annotation()
        if annotation is not None and annotation.proposal is not None:
            self.accept_requested.emit(annotation.id)

    def _on_place_action_triggered(self) -> None:
        annotation = self._review_annotation()
        if annotation is not None:
            self.place_requested.emit(annotation.id)

    def _on_review_delete_action_triggered(self) -> None:
        annotation = self._review_annotation()
        if annotation is not None:
            self.delete_requested.emit(annotation.id)

    def _on_find_action_triggered(self) -> None:
        self.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_filter.selectAll()
