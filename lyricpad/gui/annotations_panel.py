"""The annotations panel: a song's annotations grouped by text and filtered; it emits what the user asks for."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLabel, QMenu, QStackedLayout, QVBoxLayout, QWidget

from lyricpad.app.annotation_filter import AnnotationFilterModel
from lyricpad.app.annotation_model import REVIEW_GROUP, TRASH_GROUP, AnnotationModel, AnnotationRole
from lyricpad.app.annotations_listing import lens_choices
from lyricpad.core.models import Annotation, Article, Lens
from lyricpad.gui.annotations_filter_bar import FIND_SHORTCUT, AnnotationFilterBar
from lyricpad.gui.annotations_groups import GroupExpansion, Quiet
from lyricpad.gui.annotations_review_bar import ACCEPT_SHORTCUT, NO_PROPOSAL_TIP, PLACE_SHORTCUT, ReviewBar
from lyricpad.gui.annotations_row_actions import (
    DELETE_SHORTCUT,
    EDIT_SHORTCUTS,
    RESTORE_SHORTCUT,
    REVEAL_SHORTCUT,
    RowActions,
)
from lyricpad.gui.annotations_view import AnnotationsView, keyed_action, neighbour
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

# The placeholder's texts, in English; shown translated (context "AnnotationsPanel").
NO_ANNOTATIONS = QT_TRANSLATE_NOOP(
    "AnnotationsPanel",
    "No annotations on this song yet.\n\nSelect words in the lyrics or the article and highlight them with a lens.",
)
NO_SONG = QT_TRANSLATE_NOOP("AnnotationsPanel", "No song is open.")
NO_MATCH = QT_TRANSLATE_NOOP(
    "AnnotationsPanel", "No annotation matches the filters.\n\nEsc in the filter box clears the text."
)
NO_QUOTES = QT_TRANSLATE_NOOP(
    "AnnotationsPanel",
    "No article quotes the lyrics yet.\n\n"
    "Select a quotation in the article and lines in the lyrics, then Link to Lyrics Lines.",
)
NO_QUOTE_MATCH = QT_TRANSLATE_NOOP("AnnotationsPanel", "No quotation matches the filter.")


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
    review_joined = Signal(list)
    """(review_ids): annotations of the observed song joined "Needs review" (an edit or an undo sent
    them); all the ids in the group now. The panel has opened the group and scrolled to it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Annotations"))
        self._lenses: list[Lens] = []
        self._selected_id = ""  # the annotation the user chose; kept while a filter hides it
        self._quiet = Quiet()  # while the panel itself moves the view's current row or opens headings
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
        self.groups = GroupExpansion(self.view, self.proxy, self._quiet, self)
        self.groups.review_joined.connect(self.review_joined)

    def _build_actions(self) -> None:
        self.rows = RowActions(self, self.view, self._in_trash, self.build_context_menu)
        self.rows.reveal_requested.connect(self.reveal_requested)
        self.rows.activate_requested.connect(self.activate_requested)
        self.rows.delete_requested.connect(self.delete_requested)
        self.rows.restore_requested.connect(self.restore_requested)
        self.reveal_action = self.rows.reveal_action
        self.edit_action = self.rows.edit_action
        self.delete_action = self.rows.delete_action
        self.restore_action = self.rows.restore_action
        self.find_action = keyed_action(
            self,
            self.tr("&Filter Annotations"),
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
        self.groups.reset()
        with self._quiet:
            self.model.load(annotations, articles, trashed, review)
            self._refill_filters()
            self.groups.apply()
        self.view.scrollToTop()
        self.review_bar.refresh()
        self._show_state()

    def update_annotations(
        self,
        annotations: list[Annotation],
        articles: list[Article],
        trashed: Iterable[Annotation] = (),
        review: Collection[str] | None = None,
        changed: Collection[str] | None = None,
    ) -> None:
        """List the same song's annotations again, changing only the rows that differ.

        The scroll position, the open groups and the selection stay. When the selected annotation
        went to the trash or away, the row that took its place is selected (`annotation_selected`).
        *changed*: the ids of the only annotations that changed (None: any may have).
        """
        before = self._selected_id
        was_trashed = self.model.group_key_of(before) == TRASH_GROUP
        # The rows as listed before, to choose a neighbour: only when the selected one may go.
        may_go = bool(before) and (changed is None or before in changed)
        listed = self.view.listed_ids(TRASH_GROUP) if may_go else []
        top = self.view.top_row()
        self._song_open = True
        with self._quiet:
            self.model.update(annotations, articles, trashed, review)
            key = self.model.group_key_of(before)
            if before and (not key or (key == TRASH_GROUP and not was_trashed)):
                # It went to the trash or away: the next row is chosen (the previous after the last).
                current = self.view.currentIndex()
                in_place = (current.data(AnnotationRole.ID) or "") if current.isValid() else ""
                self._selected_id = neighbour(before, listed, self.view.listed_ids(TRASH_GROUP), in_place)
            self._refill_filters()
            self.groups.apply()
            self._show_selected()  # a row that moved (to "Needs review", say) stays selected
            self.view.restore_top_row(top)
        self._show_state()
        if self._selected_id != before:
            self.annotation_selected.emit(self._selected_id)

    def observe(self, current: CurrentSong) -> None:
        """List *current*'s annotations now, and follow them from here on (its review group included).

        Its selected row follows the current annotation; when the current one is deleted (to the
        trash) the row chosen in its place becomes current (an undone highlight leaves none), so
        the list, the note editor and the text never disagree.
        """
        self._current = current
        current.switched.connect(self._on_current_song_switched)
        current.articles_changed.connect(self._on_current_song_articles_changed)
        current.annotations_changed.connect(self._on_current_song_annotations_changed)
        current.links_changed.connect(self._on_current_song_links_changed)
        current.current_changed.connect(self._on_current_song_current_changed)
        self.groups.follow(current)
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
        self.groups.open(self.model.group_key_of(self._selected_id))
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
        menu.setAccessibleName(self.tr("Annotation actions"))
        menu.setToolTipsVisible(True)  # says why Accept is greyed out
        review = [self.accept_action, self.place_action] if self._review_annotation() is not None else []
        self.rows.fill_menu(menu, annotation_id, review)
        return menu

    # ------------------------------------------------------------------ helpers

    def _in_trash(self, annotation_id: str) -> bool:
        return self.model.group_key_of(annotation_id) == TRASH_GROUP

    def _show_selected(self, *, scroll: bool = False) -> bool:
        """Make the view show `_selected_id` as its current, selected row, if a filter lets it."""
        index = self.index_of(self._selected_id) if self._selected_id else QModelIndex()
        selection = self.view.selectionModel()
        with self._quiet:
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
        self._update_actions()
        return shown

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
        self.groups.apply()
        self._show_selected()
        self._show_state()

    def _show_state(self) -> None:
        if self.filter_bar.quotes_shown():
            self._show_quotes_state()
            return
        has_rows = self.model.rowCount() > 0
        self.filter_bar.set_filters_enabled(has_rows or self.proxy.is_filtering())
        if not has_rows:
            self._show_placeholder(NO_ANNOTATIONS if self._song_open else NO_SONG)
        elif self.proxy.rowCount() == 0:
            # Without text in the box, Esc has nothing to clear: the first paragraph only.
            no_match = QCoreApplication.translate("AnnotationsPanel", NO_MATCH)
            self.placeholder.setText(no_match if self.text_filter.text() else no_match.split("\n")[0])
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
            self._show_placeholder(NO_QUOTE_MATCH if self._quote_total else NO_QUOTES)
        list_had_focus = self.quotes_list.hasFocus()
        self._stack.setCurrentWidget(self.quotes_list if shown else self.placeholder)
        if list_had_focus and not shown:
            self.text_filter.setFocus(Qt.FocusReason.OtherFocusReason)
        self.filter_bar.show_count(shown, self._quote_total, self._quote_total > 0, "quotations")

    def _show_placeholder(self, text: str) -> None:
        """Show *text*, one of the NO_... texts, in the window's language."""
        self.placeholder.setText(QCoreApplication.translate("AnnotationsPanel", text))

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
        self.rows.update()
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
        before = self._selected_id
        # The panel moves its current row when a row goes away; that is not the user choosing it.
        with QSignalBlocker(self):
            self.update_annotations(
                current.annotations(),
                current.articles(),
                trashed=current.trashed(),
                review=[a.id for a in current.needing_review()],
                changed=current.changed_ids,
            )
        if before and self._selected_id != before and current.current_id == before:
            # The current annotation went to the trash: the row in its place is current everywhere
            # (the note editor and the text too), not only here.
            current.set_current(self._selected_id)

    def _on_current_song_current_changed(self, annotation_id: str) -> None:
        if annotation_id != self._selected_id:  # chosen elsewhere (a pane, an undo): the row follows
            self.select_annotation(annotation_id)

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
        with self._quiet:
            self.proxy.set_text_filter(text)  # each is a no-op when it did not change
            self.proxy.set_lens_filter(lens_id)
            self.proxy.set_tag_filter(tag)
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
