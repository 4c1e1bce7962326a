"""The list of songs shown in the library sidebar, read from the session."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from lyricpad.app.session import Session
from lyricpad.core.models import Song

SONG_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SongListModel(QAbstractListModel):
    """One row per song, displayed as "Title — Artist"; `SONG_ID_ROLE` gives the song's id."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._songs: list[Song] = []
        self.reload()

    def reload(self) -> None:
        """Read the songs again from the session."""
        self.beginResetModel()
        self._songs = self._session.songs()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._songs)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._songs):
            return None
        song = self._songs[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return song.display_name
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [song.display_name, song.album, str(song.year) if song.year else ""]
            return "\n".join(d for d in details if d)
        if role == SONG_ID_ROLE:
            return song.id
        return None

    def row_of(self, song_id: str) -> int:
        """The row showing *song_id*, or -1."""
        for row, song in enumerate(self._songs):
            if song.id == song_id:
                return row
        return -1
