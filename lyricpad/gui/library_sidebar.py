"""The library sidebar: the songs, sorted and filtered as you type, and the actions that add, edit and trash them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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
from lyricpad.gui.song_dialog import SongDialog, SongTrashDialog

NEW_SONG_SHORTCUT = "Ctrl+N"
IMPORT_SHORTCUT = "Ctrl+O"
IMPORT_FILE_FILTER = (
    "Lyrics and articles (*.txt *.lrc *.md *.markdown *.html *.htm);;Lyrics (*.txt *.lrc);;"
    "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"
)
EDIT_DETAILS_SHORTCUT = "Ctrl+I"
RENAME_SHORTCUT = "F2"
DELETE_SHORTCUT = "Delete"
SHOW_TRASH_SHORTCUT = "Ctrl+Shift+T"

_SORT_MENU_TEXT = {
    "title": "&Title",
    "artist": "&Artist",
    "updated": "Recently &Changed",
    "created": "Recently A&dded",
}


# ------------------------------------------------------------------- icons


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


# ------------------------------------------------------------- list pieces


class SongListView(QListView):
    """A list view that says why it is empty (`placeholder_text`) where the songs would be."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._placeholder = ""

    def placeholder_text(self) -> str:
        return self._placeholder

    def set_placeholder_text(self, text: str) -> None:
        if text != self._placeholder:
            self._placeholder = text
            self.setAccessibleDescription(text)  # read out where sighted users see it
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self._placeholder or model is None or model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        rect = self.viewport().rect().adjusted(12, 18, -12, -12)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self._placeholder,
        )


class SongTitleDelegate(QStyledItemDelegate):
    """Edits a song's title in place; a finished edit is an intent (`rename_requested`), never a write."""

    rename_requested = Signal(str, str)
    """The user typed a new title (second argument, as typed) for the song (first argument, id)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName("Song title")
        editor.setFrame(True)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        song_id = index.data(SONG_ID_ROLE)
        if song_id:
            self.rename_requested.emit(song_id, editor.text())


# ----------------------------------------------------------------- sidebar


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

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Library")
        self._session = session
        self._current_song_id = ""
        self._syncing = False
        self.trash_dialog: SongTrashDialog | None = None

        self.importer = ImportController(session, self)
        """Imports files, drops and pastes (the window shares it: `importer.import_paths`)."""
        self.importer.song_imported.connect(self._on_importer_song_imported)

        self.model = SongListModel(session, self)
        self.proxy = SongFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter songs")
        self.filter_edit.setAccessibleName("Filter songs")
        self.filter_edit.setToolTip(
            "Title, artist or album; Esc clears, Enter opens the first song, Down goes to the list"
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_edit_return_pressed)
        self.filter_edit.installEventFilter(self)

        self.list_view = SongListView(self)
        self.list_view.setAccessibleName("Songs")
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
        self._build_sort_button()
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

        session.songs_changed.connect(self._on_session_songs_changed)
        session.song_changed.connect(self._on_session_song_changed)
        session.current_song_changed.connect(self._on_session_current_song_changed)
        self.set_current(session.current_song_id)
        self._after_model_change()

    # ------------------------------------------------------------------ build

    def _action(
        self,
        text: str,
        accessible_name: str,
        shortcut: str,
        slot: Callable[[], None],
        *,
        owner: QWidget | None = None,
        status_tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(accessible_name)
        action.setShortcut(QKeySequence(shortcut))
        if owner is not None:
            # Keys that mean something else in text (Delete, F2) act only in the list itself.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            owner.addAction(action)
        else:
            self.addAction(action)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{accessible_name} ({keys})")
        action.setStatusTip(status_tip or accessible_name)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_song_action = self._action(
            "&New Song…",
            "New song",
            NEW_SONG_SHORTCUT,
            self._on_new_song_action_triggered,
            status_tip="Add a song to the library",
        )
        self.import_action = self._action(
            "&Import…",
            "Import file",
            IMPORT_SHORTCUT,
            self._on_import_action_triggered,
            status_tip="Import lyrics (.txt, .lrc: new songs) or articles of the open song (.txt, .md, .html)",
        )
        self.edit_details_action = self._action(
            "Edit &Details…",
            "Edit song details",
            EDIT_DETAILS_SHORTCUT,
            self._on_edit_details_action_triggered,
            status_tip="Change the title, artist, album, year or language of the selected song",
        )
        self.rename_action = self._action(
            "&Rename",
            "Rename song",
            RENAME_SHORTCUT,
            self._on_rename_action_triggered,
            owner=self.list_view,
            status_tip="Edit the title of the selected song in the list",
        )
        self.delete_action = self._action(
            "&Delete Song",
            "Delete song",
            DELETE_SHORTCUT,
            self._on_delete_action_triggered,
            owner=self.list_view,
            status_tip="Move the selected song to the trash (Edit › Undo brings it back)",
        )
        self.show_trash_action = self._action(
            "Show &Trash…",
            "Show trash",
            SHOW_TRASH_SHORTCUT,
            self._on_show_trash_action_triggered,
            status_tip="See the songs in the trash and restore them",
        )
        self.song_actions = [self.edit_details_action, self.rename_action, self.delete_action]
        """The actions on the selected song: enabled only while a song is selected."""

    def _build_sort_button(self) -> None:
        self.sort_menu = QMenu("&Sort Songs By", self)
        self.sort_menu.setAccessibleName("Sort songs by")
        self._sort_group = QActionGroup(self)
        self._sort_group.setExclusive(True)
        self.sort_actions: dict[str, QAction] = {}
        for key, label in SORT_ORDERS.items():
            action = QAction(_SORT_MENU_TEXT[key], self._sort_group)
            action.setCheckable(True)
            action.setData(key)
            action.setToolTip(f"Sort songs by {label.lower()}")
            action.setChecked(key == self.proxy.sort_order())
            self.sort_menu.addAction(action)
            self.sort_actions[key] = action
        self._sort_group.triggered.connect(self._on_sort_group_triggered)
        self.sort_button = QToolButton(self)
        self.sort_button.setMenu(self.sort_menu)
        self.sort_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sort_button.setAccessibleName("Sort songs")
        self.sort_button.setAutoRaise(True)
        self._update_sort_button()

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Song actions", self)
        self.toolbar.setAccessibleName("Song actions")
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in (
            self.new_song_action,
            self.import_action,
            self.edit_details_action,
            self.rename_action,
            self.delete_action,
        ):
            self.toolbar.addAction(action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.show_trash_action)
        for action in (*self.song_actions, self.new_song_action, self.import_action, self.show_trash_action):
            self.toolbar.widgetForAction(action).setAccessibleName(action.objectName())
        self._set_icons()

    def _set_icons(self) -> None:
        palette = self.palette()
        for action, kind, theme in (
            (self.new_song_action, "new", "list-add"),
            (self.import_action, "import", "document-import"),
            (self.edit_details_action, "details", "document-properties"),
            (self.rename_action, "rename", "edit-rename"),
            (self.delete_action, "delete", "list-remove"),
            (self.show_trash_action, "trash", "user-trash"),
        ):
            action.setIcon(glyph_icon(kind, palette, theme))
        self.sort_button.setIcon(glyph_icon("sort", palette, "view-sort"))

    def _update_sort_button(self) -> None:
        label = SORT_ORDERS[self.proxy.sort_order()]
        self.sort_button.setToolTip(f"Sort songs: {label.lower()}")
        self.sort_button.setAccessibleDescription(f"Sorted by {label.lower()}")

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
        self.sort_actions[order].setChecked(True)
        self._update_sort_button()
        current = self._proxy_index(self._current_song_id)
        if current.isValid():
            self.list_view.scrollTo(current)
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
                self.list_view.scrollTo(index)
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

    def ask_song_details(self, song: Song | None) -> dict | None:
        """Ask for the details of a new song (None) or of *song*; the fields given, or None if cancelled.

        Returns the keys of `SongDialog.values()`. Tests replace this method.
        """
        dialog = SongDialog(song, self)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def ask_import_paths(self) -> list[str]:
        """Ask for files to import; their paths ([] if cancelled). Tests replace this method."""
        return file_dialogs.open_file_names(self, "Import", "", IMPORT_FILE_FILTER)

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
        menu.setAccessibleName("Song actions")
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
                self.list_view.scrollTo(index)  # it moved (renamed, re-sorted): keep it in sight
        self._after_model_change()

    def _after_model_change(self) -> None:
        if self.proxy.rowCount():
            text = ""
        elif self.proxy.filter_text().strip():
            text = f"No songs match “{self.proxy.filter_text().strip()}”"
        else:
            keys = QKeySequence(NEW_SONG_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            text = f"No songs yet.\nNew Song… ({keys}) adds one."
        self.list_view.set_placeholder_text(text)
        self._update_actions()
        if self.trash_dialog is not None:
            self.trash_dialog.show_songs(self._session.trashed_songs())

    def _update_actions(self) -> None:
        selected = bool(self.selected_song_id())
        for action in self.song_actions:
            action.setEnabled(selected)

    # ----------------------------------------------------------------- events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key == Qt.Key.Key_Escape and self.filter_edit.text():
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # ours, not a window shortcut's
                else:
                    self.filter_edit.clear()
                return True
            if key == Qt.Key.Key_Down and event.type() == QEvent.Type.KeyPress and self.proxy.rowCount():
                self._enter_list()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "toolbar"):
            self._set_icons()

    def _enter_list(self) -> None:
        """Move the focus from the filter into the list, onto the open song or else the first one."""
        self.list_view.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.list_view.currentIndex().isValid():
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))

    # -------------------------------------------------------------------- slots

    def _on_session_songs_changed(self) -> None:
        self._update_model(self.model.sync)

    def _on_session_song_changed(self, song_id: str) -> None:
        self._update_model(lambda: self.model.refresh_song(song_id))

    def _on_session_current_song_changed(self, song_id: str) -> None:
        self.set_current(song_id)

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

    def _on_sort_group_triggered(self, action: QAction) -> None:
        self.set_sort_order(action.data())

    def _on_new_song_action_triggered(self) -> None:
        values = self.ask_song_details(None)
        if values is None:
            return
        song_id = self._session.add_song(**values)
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
        if not song_id:
            return
        song = self._session.song(song_id)
        values = self.ask_song_details(song)
        if values is None:
            return
        changed = {name: value for name, value in values.items() if getattr(song, name) != value}
        if changed:
            self._session.update_song(song_id, **changed)
            self._reveal(song_id)

    def _on_rename_action_triggered(self) -> None:
        index = self.list_view.currentIndex()
        if index.isValid():
            self.list_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.list_view.scrollTo(index)
            self.list_view.edit(index)

    def _on_title_delegate_rename_requested(self, song_id: str, text: str) -> None:
        title = normalise_line(text)
        if not title:
            self._warn("Rename Song", "A song needs a title. The song keeps its old one.")
            return
        if title != self._session.song(song_id).title:
            self._session.update_song(song_id, title=title)
            self._reveal(song_id)

    def _on_delete_action_triggered(self) -> None:
        song_id = self.selected_song_id()
        if song_id:
            # The list then opens the next song (see _update_model); Edit › Undo brings it back.
            self._session.delete_song(song_id)

    def _on_show_trash_action_triggered(self) -> None:
        self.show_trash()

    def _on_trash_dialog_restore_requested(self, song_id: str) -> None:
        self._session.restore_song(song_id)
        if self.model.row_of(song_id) >= 0:
            self._reveal(song_id)
            self.song_requested.emit(song_id)
