"""The library sidebar: the songs, sorted and filtered as you type, and the actions that add, edit and trash them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QListView,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.library_listing import empty_song_list_text
from lyricpad.app.session import Session
from lyricpad.app.song_list_model import (
    DEFAULT_SORT_ORDER,
    SONG_ID_ROLE,
    SORT_ORDERS,
    SongFilterProxyModel,
    SongListModel,
)
from lyricpad.core.models import Song
from lyricpad.core.text import normalise_line
from lyricpad.gui import file_dialogs
from lyricpad.gui.import_dialog import ImportController
from lyricpad.gui.sidebar_icons import glyph_icon
from lyricpad.gui.sidebar_search import SongFilterEdit
from lyricpad.gui.sidebar_song_list import SongListView, SongTitleDelegate
from lyricpad.gui.sidebar_sort import SortButton
from lyricpad.gui.sidebar_toolbar import SongToolbar
from lyricpad.gui.song_dialog import SongDialog, SongTrashDialog

__all__ = ["LibrarySidebar", "SongListView", "SongTitleDelegate", "glyph_icon"]

NEW_SONG_SHORTCUT = "Ctrl+N"
IMPORT_SHORTCUT = "Ctrl+O"
EDIT_DETAILS_SHORTCUT = "Ctrl+I"
RENAME_SHORTCUT = "F2"
DELETE_SHORTCUT = "Delete"
SHOW_TRASH_SHORTCUT = "Ctrl+Shift+T"


def _action(
    owner: QWidget,
    text: str,
    name: str,
    shortcut: str,
    slot: Callable[[], None],
    *,
    on_widget: QWidget | None = None,
    status_tip: str = "",
) -> QAction:
    """*name*: the action's object name, marked with QT_TRANSLATE_NOOP("LibrarySidebar", …): translated,
    the short name its tooltip and status tip show."""
    action = QAction(text, owner)
    action.setObjectName(name)  # English, whatever the language shown: the action's identity
    accessible_name = QCoreApplication.translate("LibrarySidebar", name)
    action.setShortcut(QKeySequence(shortcut))
    if on_widget is not None:
        # Keys that mean something else in text (Delete, F2) act only in the list itself.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        on_widget.addAction(action)
    else:
        owner.addAction(action)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(
        QCoreApplication.translate("LibrarySidebar", "{action} ({shortcut})").format(
            action=accessible_name, shortcut=keys
        )
    )
    action.setStatusTip(status_tip or accessible_name)
    action.triggered.connect(slot)
    return action


class LibrarySidebar(QWidget):
    """The songs of the library, sortable and filtered as you type, with the actions on them.

    The sidebar changes songs through the session (each change one undo step) and redraws
    from the session's `songs_changed` and `song_changed`, row by row. Choosing a song
    emits `song_requested(song_id)`; the window opens it and calls `set_current()`.
    The actions are attributes so that the window can put them in its menus too.
    """

    song_requested = Signal(str)
    """The user chose a song to open ("" when the open song left the list and none is left)."""
    sort_order_changed = Signal(str)
    """The songs are now sorted by this key of `SORT_ORDERS` (the window may save it)."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, sort_order: str = DEFAULT_SORT_ORDER
    ):
        """*sort_order*: how the songs are listed at first (a saved setting: read once in that order)."""
        super().__init__(parent)
        self.setAccessibleName(self.tr("Library"))
        self._session = session
        self._current_song_id = ""
        self._syncing = False
        self.trash_dialog: SongTrashDialog | None = None

        self.importer = ImportController(session, self)
        """Imports files, drops and pastes (the window shares it: `importer.import_paths`)."""
        self.importer.song_imported.connect(self._on_importer_song_imported)

        self.model = SongListModel(
            session, self, order=sort_order if sort_order in SORT_ORDERS else DEFAULT_SORT_ORDER
        )
        self.proxy = SongFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = SongFilterEdit(self.proxy.rowCount, self)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_edit_return_pressed)
        self.filter_edit.list_requested.connect(self._on_filter_edit_list_requested)

        self.list_view = SongListView(self)
        self.list_view.setAccessibleName(self.tr("Songs"))
        self.list_view.setModel(self.proxy)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # Rename (F2) edits
        self.title_delegate = SongTitleDelegate(self.list_view)
        self.title_delegate.rename_requested.connect(self._on_title_delegate_rename_requested)
        self.list_view.setItemDelegate(self.title_delegate)
        # Long titles wrap onto a second line rather than hiding behind a scroll bar.
        self.list_view.setWordWrap(True)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setSpacing(2)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._on_list_view_custom_context_menu_requested)
        self.list_view.selectionModel().currentChanged.connect(self._on_list_view_current_changed)

        self._build_actions()
        self._build_toolbar()

        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.sort_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.toolbar)
        # Never so narrow that titles wrap a word a line and the song buttons hide behind "»".
        margins = layout.contentsMargins()
        self.setMinimumWidth(self.toolbar.sizeHint().width() + margins.left() + margins.right())

        session.songs_changed.connect(self._on_session_songs_changed)
        session.song_changed.connect(self._on_session_song_changed)
        session.current_song_changed.connect(self.set_current)
        self.set_current(session.current_song_id)
        self._after_model_change()

    # ------------------------------------------------------------------ build

    def _build_actions(self) -> None:
        self.new_song_action = _action(
            self,
            self.tr("&New Song…"),
            QT_TRANSLATE_NOOP("LibrarySidebar", "New song"),
            NEW_SONG_SHORTCUT,
            self._on_new_song_action_triggered,
            status_tip=self.tr("Add a song to the library"),
        )
        self.import_action = _action(
            self,
            self.tr("&Import…"),
            QT_TRANSLATE_NOOP("LibrarySidebar", "Import file"),
            IMPORT_SHORTCUT,
            self._on_import_action_triggered,
            status_tip=self.tr(
                "Import lyrics (.txt, .lrc: new songs) or articles of the open song (.txt, .md, .html)"
            ),
        )
        self.edit_details_action = _action(
            self,
            self.tr("Edit &Details…"),
            QT_TRANSLATE_NOOP("LibrarySidebar", "Edit song details"),
            EDIT_DETAILS_SHORTCUT,
            self._on_edit_details_action_triggered,
            status_tip=self.tr("Change the title, artist, album, year or language of the selected song"),
        )
        self.rename_action = _action(
            self,
            self.tr("&Rename"),
            QT_TRANSLATE_NOOP("LibrarySidebar", "Rename song"),
            RENAME_SHORTCUT,
            self._on_rename_action_triggered,
            on_widget=self.list_view,
            status_tip=self.tr("Edit the title of the selected song in the list"),
        )
        self.delete_action = _action(
            self,
            self.tr("&Delete Song"),
            QT_TRANSLATE_NOOP("LibrarySidebar", "Delete song"),
            DELETE_SHORTCUT,
            self._on_delete_action_triggered,
            on_widget=self.list_view,
            status_tip=self.tr("Move the selected song to the trash (Edit › Undo brings it back)"),
        )
        self.show_trash_action = _action(
            self,
            self.tr("Show &Trash…"),
            QT_TRANSLATE_NOOP("LibrarySidebar", "Show trash"),
            SHOW_TRASH_SHORTCUT,
            self.show_trash,
            status_tip=self.tr("See the songs in the trash and restore them"),
        )
        self.song_actions = [self.edit_details_action, self.rename_action, self.delete_action]
        """The actions on the selected song: enabled only while a song is selected."""

    def _build_toolbar(self) -> None:
        self.sort_button = SortButton(self.proxy.sort_order(), self)
        self.sort_button.order_chosen.connect(self.set_sort_order)
        self.sort_menu = self.sort_button.sort_menu
        self.sort_actions = self.sort_button.sort_actions
        self.toolbar = SongToolbar(
            [self.new_song_action, self.import_action, *self.song_actions],
            self.show_trash_action,
            [
                (self.new_song_action, "new", "list-add"),
                (self.import_action, "import", "document-import"),
                (self.edit_details_action, "details", "document-properties"),
                (self.rename_action, "rename", "edit-rename"),
                (self.delete_action, "delete", "list-remove"),
                (self.show_trash_action, "trash", "user-trash"),
            ],
            self.sort_button,
            self,
        )

    # ----------------------------------------------------------------- reading

    def visible_song_count(self) -> int:
        return self.proxy.rowCount()

    def visible_song_ids(self) -> list[str]:
        """The ids of the songs listed, top to bottom."""
        return [self.proxy.index(row, 0).data(SONG_ID_ROLE) for row in range(self.proxy.rowCount())]

    def selected_song_id(self) -> str:
        """The song selected in the list (the one the song actions act on), or ""."""
        index = self.list_view.currentIndex()
        return index.data(SONG_ID_ROLE) if index.isValid() else ""

    def sort_order(self) -> str:
        """How the songs are sorted: a key of `SORT_ORDERS` ("title", "artist", "updated", "created")."""
        return self.proxy.sort_order()

    def set_sort_order(self, order: str) -> None:
        """Sort by *order*, a key of `SORT_ORDERS`; anything else (an old setting) sorts by title."""
        if order not in SORT_ORDERS:
            order = DEFAULT_SORT_ORDER
        if order == self.proxy.sort_order():
            return
        self.proxy.set_sort_order(order)
        self.sort_button.show_order(order)
        current = self._proxy_index(self._current_song_id)
        if current.isValid():
            self.list_view.reveal(current)
        self.sort_order_changed.emit(order)

    # ---------------------------------------------------------------- selection

    def set_current(self, song_id: str) -> None:
        """Mark *song_id* as the open song, without asking to open it again."""
        self._current_song_id = song_id
        index = self._proxy_index(song_id)
        selection = self.list_view.selectionModel()
        self._syncing = True
        try:
            if index.isValid():
                if selection.currentIndex() != index or not selection.isSelected(index):
                    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.list_view.reveal(index)
            else:
                selection.clear()
        finally:
            self._syncing = False
        self._update_actions()

    def _proxy_index(self, song_id: str) -> QModelIndex:
        row = self.model.row_of(song_id) if song_id else -1
        return self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()

    def _reveal(self, song_id: str) -> None:
        """Make sure *song_id* is listed: a filter that hides it is cleared."""
        if self.model.row_of(song_id) >= 0 and not self._proxy_index(song_id).isValid():
            self.filter_edit.clear()

    # ------------------------------------------------------------------ dialogs

    def ask_song_details(self, song: Song | None, focus: str = "title") -> dict | None:
        """Ask for the details of a new song (None) or of *song*, the cursor in the field *focus*; the fields
        given, or None if cancelled.

        Returns the keys of `SongDialog.values()`. Tests replace this method.
        """
        dialog = SongDialog(song, self, focus=focus)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def ask_import_paths(self) -> list[str]:
        """Ask for files to import; their paths ([] if cancelled). Tests replace this method."""
        lyrics, articles = "*.txt *.lrc", "*.txt *.md *.markdown *.html *.htm"
        filters = ";;".join(
            (
                self.tr("Lyrics and articles ({patterns})").format(
                    patterns="*.txt *.lrc *.md *.markdown *.html *.htm"
                ),
                self.tr("Lyrics ({patterns})").format(patterns=lyrics),
                self.tr("Articles ({patterns})").format(patterns=articles),
                self.tr("All files ({patterns})").format(patterns="*"),
            )
        )
        return file_dialogs.open_file_names(self, self.tr("Import"), "", filters)

    def show_trash(self) -> SongTrashDialog:
        """Open (or raise) the dialog of the songs in the trash; it stays up to date while open."""
        if self.trash_dialog is None:
            self.trash_dialog = SongTrashDialog(self)
            self.trash_dialog.restore_requested.connect(self._on_trash_dialog_restore_requested)
        self.trash_dialog.show_songs(self._session.trashed_songs())
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        self.trash_dialog.activateWindow()
        return self.trash_dialog

    def context_menu(self) -> QMenu:
        """A new menu of the actions on songs, as the list's context menu shows them."""
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Song actions"))
        menu.addAction(self.new_song_action)
        menu.addAction(self.import_action)
        menu.addSeparator()
        menu.addActions([self.edit_details_action, self.rename_action, self.delete_action])
        menu.addSeparator()
        menu.addMenu(self.sort_menu)
        menu.addAction(self.show_trash_action)
        return menu

    def _warn(self, title: str, text: str) -> None:
        # Later, not now: a modal box shown while an item editor commits would make it commit again.
        QTimer.singleShot(0, self, lambda: QMessageBox.warning(self, title, text))

    # ------------------------------------------------------------ redraw from data

    def _update_model(self, update: Callable[[], None]) -> None:
        """Run *update* on the model, then open a neighbour if the open song left the list."""
        current = self._current_song_id
        was_listed = bool(current) and self.model.row_of(current) >= 0
        previous = self._proxy_index(current)
        previous_row = previous.row() if previous.isValid() else 0
        self._syncing = True  # Qt moves the current row as rows go: that is not the user's choice
        try:
            update()
        finally:
            self._syncing = False
        if was_listed and self.model.row_of(current) < 0:
            count = self.proxy.rowCount()
            neighbour = self.proxy.index(min(previous_row, count - 1), 0).data(SONG_ID_ROLE) if count else ""
            self.set_current("")
            self.song_requested.emit(neighbour)
        else:
            index = self._proxy_index(current)
            if index.isValid() and index != self.list_view.currentIndex():
                self.set_current(current)  # reselects and scrolls to it
            elif index.isValid() and index.row() != previous_row:
                self.list_view.reveal(index)  # it moved (renamed, re-sorted): keep it in sight
        self._after_model_change()

    def _after_model_change(self) -> None:
        keys = QKeySequence(NEW_SONG_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.list_view.set_placeholder_text(
            empty_song_list_text(self.proxy.rowCount(), self.proxy.filter_text(), keys)
        )
        self._update_actions()
        if self.trash_dialog is not None:
            self.trash_dialog.show_songs(self._session.trashed_songs())

    def _update_actions(self) -> None:
        selected = bool(self.selected_song_id())
        for action in self.song_actions:
            action.setEnabled(selected)

    # ----------------------------------------------------------------- events

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "toolbar"):
            self.toolbar.set_icons()

    def _on_filter_edit_list_requested(self) -> None:
        # Into the list, onto the open song or else the first one.
        self.list_view.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.list_view.currentIndex().isValid():
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))

    # -------------------------------------------------------------------- slots

    def _on_session_songs_changed(self) -> None:
        self._update_model(self.model.sync)

    def _on_session_song_changed(self, song_id: str) -> None:
        self._update_model(lambda: self.model.refresh_song(song_id))

    def _on_filter_edit_text_changed(self, text: str) -> None:
        # Filtering moves Qt's current row when the open song is hidden; that is not a choice.
        self._syncing = True
        try:
            self.proxy.set_filter_text(text)
        finally:
            self._syncing = False
        self.set_current(self._current_song_id)
        self._after_model_change()

    def _on_filter_edit_return_pressed(self) -> None:
        if self.proxy.rowCount():
            self.song_requested.emit(self.proxy.index(0, 0).data(SONG_ID_ROLE))

    def _on_list_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        song_id = current.data(SONG_ID_ROLE) if current.isValid() else None
        if song_id and song_id != self._current_song_id and not self._syncing:
            self.song_requested.emit(song_id)

    def _on_list_view_custom_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.context_menu()
        current = self.list_view.currentIndex()
        if not self.list_view.indexAt(pos).isValid() and current.isValid():
            pos = self.list_view.visualRect(current).bottomLeft()  # opened from the keyboard
        menu.exec(self.list_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _on_new_song_action_triggered(self) -> None:
        values = self.ask_song_details(None)
        if values is None:
            return
        song_id = self._session.song_edits.add(**values)
        if song_id:
            self._reveal(song_id)
            self.song_requested.emit(song_id)

    def _on_import_action_triggered(self) -> None:
        paths = self.ask_import_paths()
        if paths:
            self.importer.import_paths(paths)

    def _on_importer_song_imported(self, song_id: str) -> None:
        self._reveal(song_id)
        self.song_requested.emit(song_id)

    def _on_edit_details_action_triggered(self) -> None:
        song_id = self.selected_song_id()
        if song_id:
            self.edit_song_details(song_id)

    def edit_song_details(self, song_id: str, **ask) -> None:
        """Ask for song *song_id*'s details and save what changed; *ask*: `ask_song_details`'s options
        (focus="language": the cursor in the Language field)."""
        song = self._session.song(song_id)
        values = self.ask_song_details(song, **ask)
        if values is None:
            return
        changed = {name: value for name, value in values.items() if getattr(song, name) != value}
        if changed:
            self._session.song_edits.update(song_id, **changed)
            self._reveal(song_id)

    def _on_rename_action_triggered(self) -> None:
        index = self.list_view.currentIndex()
        if index.isValid():
            self.list_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.list_view.reveal(index)
            self.list_view.edit(index)

    def _on_title_delegate_rename_requested(self, song_id: str, text: str) -> None:
        title = normalise_line(text)
        if not title:
            self._warn(self.tr("Rename Song"), self.tr("A song needs a title. The song keeps its old one."))
            return
        if title != self._session.song(song_id).title:
            self._session.song_edits.update(song_id, title=title)
            self._reveal(song_id)

    def _on_delete_action_triggered(self) -> None:
        song_id = self.selected_song_id()
        if song_id:
            # The list then opens the next song (see _update_model); Edit › Undo brings it back.
            self._session.song_edits.delete(song_id)

    def _on_trash_dialog_restore_requested(self, song_id: str) -> None:
        self._session.song_edits.restore(song_id)
        if self.model.row_of(song_id) >= 0:
            self._reveal(song_id)
            self.song_requested.emit(song_id)
