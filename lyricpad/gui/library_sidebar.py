"""The library sidebar: the songs, filtered as you type; choosing one asks to open it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from lyricpad.app.session import Session
from lyricpad.app.song_list_model import SONG_ID_ROLE, SongListModel


class LibrarySidebar(QWidget):
    """A filter box over the list of songs; emits `song_requested(song_id)`."""

    song_requested = Signal(str)
    """The user chose a song to open."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Library")
        self._current_song_id = ""
        self._syncing = False
        self.model = SongListModel(session, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter songs")
        self.filter_edit.setAccessibleName("Filter songs")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_edit_return_pressed)
        self.list_view = QListView(self)
        self.list_view.setAccessibleName("Songs")
        self.list_view.setModel(self.proxy)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Long titles wrap onto a second line rather than hiding behind a scroll bar.
        self.list_view.setWordWrap(True)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setSpacing(2)
        self.list_view.selectionModel().currentChanged.connect(self._on_list_view_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list_view, 1)

    def visible_song_count(self) -> int:
        return self.proxy.rowCount()

    def set_current(self, song_id: str) -> None:
        """Mark *song_id* as the open song, without asking to open it again."""
        self._current_song_id = song_id
        row = self.model.row_of(song_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        selection = self.list_view.selectionModel()
        self._syncing = True
        try:
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.list_view.scrollTo(index)
            else:
                selection.clear()
        finally:
            self._syncing = False

    def _on_filter_edit_text_changed(self, text: str) -> None:
        # Filtering moves Qt's current row when the open song is hidden; that is not a choice.
        self._syncing = True
        try:
            self.proxy.setFilterFixedString(text.strip())
        finally:
            self._syncing = False
        self.set_current(self._current_song_id)

    def _on_filter_edit_return_pressed(self) -> None:
        if self.proxy.rowCount():
            self.song_requested.emit(self.proxy.index(0, 0).data(SONG_ID_ROLE))

    def _on_list_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        song_id = current.data(SONG_ID_ROLE) if current.isValid() else None
        if song_id and song_id != self._current_song_id and not self._syncing:
            self.song_requested.emit(song_id)
