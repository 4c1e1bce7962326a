"""The annotations panel: a song's annotations grouped by text and filtered; it emits what the user asks for."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QStackedLayout, QVBoxLayout, QWidget

from lyricpad.app.annotation_model import (
    REVIEW_GROUP,
    TRASH_GROUP,
    AnnotationFilterModel,
    AnnotationModel,
    AnnotationRole,
)
from lyricpad.app.annotations_listing import lens_choices
from lyricpad.core.models import Annotation, Article, Lens
from lyricpad.gui.annotations_filter_bar import FIND_SHORTCUT, AnnotationFilterBar
from lyricpad.gui.annotations_review_bar import ACCEPT_SHORTCUT, NO_PROPOSAL_TIP, PLACE_SHORTCUT, ReviewBar
from lyricpad.gui.annotations_view import AnnotationsView
from lyricpad.gui.quote_links_view import QuoteLinksList

if TYPE_CHECKING:
    from lyricpad.app.current_song import CurrentSong

__all__ = [
    "ACCEPT_SHORTCUT",
    "DELETE_SHORTCUT",
    "EDIT_SHORTCUTS",
    "FIND_SHORTCUT",
    "NO_ANNOTATIONS",
    "NO_MATCH",
    "NO_PROPOSAL_TIP",
    "NO_SONG",
    "PLACE_SHORTCUT",
    "RESTORE_SHORTCUT",
    "REVEAL_SHORTCUT",
    "AnnotationsPanel",
]

NO_ANNOTATIONS = "No annotations on this song yet.\n\nSelect words in the lyrics or the article and highlight them with a lens."
NO_SONG = "No song is open."
NO_MATCH = "No annotation matches the filters.\n\nEsc in the filter box clears the text."
NO_QUOTES = "No article quotes the lyrics yet.\n\nSelect a quotation in the article and lines in the lyrics, then Link to Lyrics Lines."
NO_QUOTE_MATCH = "No quotation matches the filter."

REVEAL_SHORTCUT = "Space"
EDIT_SHORTCUTS = ("Return", "Enter")
DELETE_SHORTCUT = "Del"
RESTORE_SHORTCUT = "Ctrl+Shift+R"


def _action(
    owner: QWidget, text: str, shortcuts: Iterable[str], slot, widget: QWidget, context: Qt.ShortcutContext
) -> QAction:
    action = QAction(text, owner)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


class AnnotationsPanel(QWidget):
    """Lists a song's annotations under filters by lens, tag and text; it changes nothing itself.

    Keys on the list: Space goes to the passage, Enter edits the note, Del deletes (on a row
    in the trash: restores), Ctrl+Shift+R restores; Ctrl+F anywhere in the panel goes to the
    text filter, where Esc clears it. Anywhere in the window, for the selected annotation that
    needs review: Ctrl+Shift+Y accepts its proposed place, Ctrl+Shift+M places it on the text
    selected in its pane (the review bar under the list offers both, and Delete).

    What it lists comes from the `CurrentSong` it observes (``observe``), or from whoever calls
    ``show_annotations`` and ``update_annotations``.
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
    quote_activated = Signal(str)
    """(link_id): go to this quotation in its article and the lyric lines it quotes (Quotes filter)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Annotations")
        self._lenses: list[Lens] = []
        self._selected_id = ""  # the annotation the user chose; kept while a filter hides it
        self._collapsed: set[str] = {TRASH_GROUP}  # group keys the user closed
        self._quiet = 0  # >0 while the panel itself moves the view's current row
        self._song_open = False
        self._current: CurrentSong | None = None  # the song followed, once observe() is called

        self.model = AnnotationModel(self)
        self.proxy = AnnotationFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter_bar = AnnotationFilterBar(self)
        self.filter_bar.filters_changed.connect(self._on_filter_bar_filters_changed)
        self.filter_bar.leave_requested.connect(self._on_filter_bar_leave_requested)
        self.text_filter = self.filter_bar.text_filter
        self.lens_filter = self.filter_bar.lens_filter
        self.tag_filter = self.filter_bar.tag_filter
        self.count_label = self.filter_bar.count_label
        self.quotes_button = self.filter_bar.quotes_button
        self.filter_bar.quotes_toggled.connect(self._on_filter_bar_quotes_toggled)
        self.quotes_list = QuoteLinksList(self)
        self.quotes_list.link_activated.connect(self.quote_activated)
        self._quote_total = 0
        self._build_view()
        self._build_actions()
        self.review_bar = ReviewBar(self._review_annotation, self)
        self.review_bar.accept_requested.connect(self.accept_requested)
        self.review_bar.place_requested.connect(self.place_requested)
        self.review_bar.delete_requested.connect(self.delete_requested)
        self.review_label = self.review_bar.label
        self.accept_action = self.review_bar.accept_action
        self.place_action = self.review_bar.place_action
        self.review_delete_action = self.review_bar.delete_action
        self.accept_button = self.review_bar.accept_button
        self.place_button = self.review_bar.place_button
        self.review_delete_button = self.review_bar.delete_button
        self._update_actions()

        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(12)
        self.placeholder.setEnabled(False)  # drawn in the palette's quieter, disabled text colour
        self._stack = QStackedLayout()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self.quotes_list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addLayout(self._stack, 1)
        layout.addWidget(self.review_bar)
        QWidget.setTabOrder(self.tag_filter, self.view)

        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._on_proxy_rows_changed)
        self._fill_lens_filter()
        self._show_state()

    # -------------------------------------------------------------------- build

    def _build_view(self) -> None:
        self.view = AnnotationsView(self)
        self.view.setModel(self.proxy)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.clicked.connect(self._on_view_clicked)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.expanded.connect(self._on_view_expanded)
        self.view.collapsed.connect(self._on_view_collapsed)
        self.view.customContextMenuRequested.connect(self._on_view_custom_context_menu_requested)

    def _build_actions(self) -> None:
        # On the list only: Space, Enter and Del mean other things in the filter box.
        on_list = Qt.ShortcutContext.WidgetShortcut
        self.reveal_action = _action(
            self, "&Go to Passage", [REVEAL_SHORTCUT], self._on_reveal_action_triggered, self.view, on_list
        )
        self.edit_action = _action(
            self, "&Edit Note", EDIT_SHORTCUTS, self._on_edit_action_triggered, self.view, on_list
        )
        self.delete_action = _action(
            self, "&Delete", [DELETE_SHORTCUT], self._on_delete_action_triggered, self.view, on_list
        )
        self.restore_action = _action(
            self, "&Restore", [RESTORE_SHORTCUT], self._on_restore_action_triggered, self.view, on_list
        )
        self.find_action = _action(
            self,
            "&Filter Annotations",
            [FIND_SHORTCUT],
            self.filter_bar.focus_text_filter,
            self,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    # ------------------------------------------------------------------- public

    def show_annotations(
        self,
        annotations: list[Annotation],
        articles: list[Article],
        song_open: bool = True,
        trashed: Iterable[Annotation] = (),
        review: Collection[str] | None = None,
    ) -> None:
        """List another song's annotations: "Lyrics", "Article: <title>", "Needs review", "Trash" (closed).

        *review*: the ids of the annotations that need review (None: those whose status says so).
        Nothing is selected afterwards and no signal is emitted; the filters are kept.
        """
        self._song_open = song_open
        self._selected_id = ""
        self._collapsed = {TRASH_GROUP}
        self._quiet += 1
        try:
            self.model.load(annotations, articles, trashed, review)
            self._refill_filters()
            self._apply_expansion()
        finally:
            self._quiet -= 1
        self.view.scrollToTop()
        self.review_bar.refresh()
        self._show_state()

    def update_annotations(
        self,
        annotations: list[Annotation],
        articles: list[Article],
        trashed: Iterable[Annotation] = (),
        review: Collection[str] | None = None,
    ) -> None:
        """List the same song's annotations again, changing only the rows that differ.

        The scroll position, the open groups and the selection stay. When the selected annotation
        went to the trash or away, the row that took its place is selected (`annotation_selected`).
        """
        before = self._selected_id
        was_trashed = self.model.group_key_of(before) == TRASH_GROUP
        top = self.view.top_row()
        self._song_open = True
        self._quiet += 1
        try:
            self.model.update(annotations, articles, trashed, review)
            key = self.model.group_key_of(before)
            if before and (not key or (key == TRASH_GROUP and not was_trashed)):
                # It went to the trash or away: the row Qt made current in its place is chosen.
                current = self.view.currentIndex()
                self._selected_id = (current.data(AnnotationRole.ID) or "") if current.isValid() else ""
            self._refill_filters()
            self._apply_expansion()
            self._show_selected()  # a row that moved (to "Needs review", say) stays selected
            self.view.restore_top_row(top)
        finally:
            self._quiet -= 1
        self._show_state()
        if self._selected_id != before:
            self.annotation_selected.emit(self._selected_id)

    def observe(self, current: CurrentSong) -> None:
        """List *current*'s annotations now, and follow them from here on (its review group included).

        The panel's selection is not the current annotation's: `select_annotation` sets it.
        """
        self._current = current
        current.switched.connect(self._on_current_song_switched)
        current.articles_changed.connect(self._on_current_song_articles_changed)
        current.annotations_changed.connect(self._on_current_song_annotations_changed)
        current.links_changed.connect(self._on_current_song_links_changed)
        self._on_current_song_switched(current.song_id)

    def show_links(self, links: list, articles: list[Article]) -> None:
        """List *links* (the song's quote links) under the Quotes filter, as the text filter lets them."""
        self._quote_total = sum(1 for link in links if link.status == "anchored")
        self.quotes_list.show_links(links, articles, self.text_filter.text())
        self._show_state()

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
        self.filter_bar.clear()

    def build_context_menu(self) -> QMenu | None:
        """The menu of the current annotation: Go to Passage, Edit Note, (review: Accept, Place), Delete or Restore."""
        annotation_id = self.view.current_annotation_id()
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
        if self.filter_bar.offer_tags(self.model.tags()):
            self.proxy.set_tag_filter("")
            self._after_filter_change()
        self._fill_lens_filter()

    def _fill_lens_filter(self) -> None:
        choices = lens_choices(self._lenses, self.model.lenses(), self.model.has_annotation_without_lens())
        if self.filter_bar.offer_lenses(choices):
            self.proxy.set_lens_filter("")
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
        if self.filter_bar.quotes_shown():
            self._show_quotes_state()
            return
        has_rows = self.model.rowCount() > 0
        self.filter_bar.set_filters_enabled(has_rows or self.proxy.is_filtering())
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

    def _show_quotes_state(self) -> None:
        self.filter_bar.set_filters_enabled(self.model.rowCount() > 0)
        shown = self.quotes_list.count()
        if not shown:
            self.placeholder.setText(NO_QUOTE_MATCH if self._quote_total else NO_QUOTES)
        list_had_focus = self.quotes_list.hasFocus()
        self._stack.setCurrentWidget(self.quotes_list if shown else self.placeholder)
        if list_had_focus and not shown:
            self.text_filter.setFocus(Qt.FocusReason.OtherFocusReason)
        self.filter_bar.show_count(shown, self._quote_total, self._quote_total > 0, "quotations")

    def _fill_quotes(self) -> None:
        if self._current is not None:
            self.show_links(self._current.links(), self._current.articles())

    def _show_count(self) -> None:
        if self.filter_bar.quotes_shown():
            return
        self.filter_bar.show_count(
            self.proxy.visible_annotation_count(), self.model.annotation_count(), self.model.rowCount() > 0
        )

    def _update_actions(self) -> None:
        annotation_id = self.view.current_annotation_id()
        trashed = bool(annotation_id) and self._in_trash(annotation_id)
        self.reveal_action.setEnabled(bool(annotation_id) and not trashed)
        self.edit_action.setEnabled(self.view.currentIndex().isValid())  # Enter on a heading opens it
        self.delete_action.setEnabled(bool(annotation_id))
        self.restore_action.setEnabled(trashed)
        self.review_bar.refresh()

    def _review_annotation(self) -> Annotation | None:
        """The selected annotation when it is listed under "Needs review"."""
        if not self._selected_id or self.model.group_key_of(self._selected_id) != REVIEW_GROUP:
            return None
        return self.model.annotation(self._selected_id)

    # -------------------------------------------------------------------- slots

    def _on_current_song_switched(self, _song_id: str) -> None:
        current = self._current
        self._fill_quotes()
        self.show_annotations(
            current.annotations(),
            current.articles(),
            song_open=current.song is not None,
            trashed=current.trashed(),
            review=[a.id for a in current.needing_review()],
        )

    def _on_current_song_articles_changed(self, _song_id: str) -> None:
        current = self._current
        self._fill_quotes()  # titles, and quotations gone with an article
        self.update_annotations(
            current.annotations(),
            current.articles(),
            trashed=current.trashed(),
            review=[a.id for a in current.needing_review()],
        )

    def _on_current_song_annotations_changed(self, _song_id: str) -> None:
        current = self._current
        # The panel moves its current row when a row goes away; that is not the user choosing it.
        with QSignalBlocker(self):
            self.update_annotations(
                current.annotations(),
                current.articles(),
                trashed=current.trashed(),
                review=[a.id for a in current.needing_review()],
            )

    def _on_current_song_links_changed(self, _song_id: str) -> None:
        self._fill_quotes()

    def _on_filter_bar_quotes_toggled(self, shown: bool) -> None:
        self._fill_quotes()
        self._show_state()
        if shown and self.quotes_list.count() and self.quotes_list.currentRow() < 0:
            self.quotes_list.setCurrentRow(0)  # the keyboard starts on the first quotation

    def _on_proxy_rows_changed(self, *args) -> None:
        self._show_count()

    def _on_filter_bar_filters_changed(self, text: str, lens_id: str, tag: str) -> None:
        if self.filter_bar.quotes_shown():
            self._fill_quotes()
        self._quiet += 1
        try:
            self.proxy.set_text_filter(text)  # each is a no-op when it did not change
            self.proxy.set_lens_filter(lens_id)
            self.proxy.set_tag_filter(tag)
        finally:
            self._quiet -= 1
        self._after_filter_change()

    def _on_filter_bar_leave_requested(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if self._quiet:
            return
        annotation_id = (current.data(AnnotationRole.ID) or "") if current.isValid() else ""
        if annotation_id != self._selected_id:
            self._selected_id = annotation_id
            self.review_bar.refresh()
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
        annotation_id = self.view.current_annotation_id()
        if annotation_id and not self._in_trash(annotation_id):
            self.reveal_requested.emit(annotation_id)

    def _on_edit_action_triggered(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and index.data(AnnotationRole.IS_GROUP):
            self.view.toggle(index)  # Enter on a heading opens it
            return
        annotation_id = self.view.current_annotation_id()
        if annotation_id:
            self.activate_requested.emit(annotation_id)

    def _on_delete_action_triggered(self) -> None:
        annotation_id = self.view.current_annotation_id()
        if not annotation_id:
            return
        if self._in_trash(annotation_id):
            self.restore_requested.emit(annotation_id)
        else:
            self.delete_requested.emit(annotation_id)

    def _on_restore_action_triggered(self) -> None:
        annotation_id = self.view.current_annotation_id()
        if annotation_id and self._in_trash(annotation_id):
            self.restore_requested.emit(annotation_id)
