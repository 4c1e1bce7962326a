"""The songs of the library sidebar: a list model kept in step with the session, and its sorted, filtered view."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from lyricpad.app.session import Session
from lyricpad.core.errors import SongNotFound
from lyricpad.core.models import Song
from lyricpad.core.text import sort_key

SONG_ID_ROLE = Qt.ItemDataRole.UserRole + 1

SORT_ORDERS = {
    "title": "Title",
    "artist": "Artist",
    "updated": "Recently changed",
    "created": "Recently added",
}
"""The orders the song list can be sorted in: key (saved in settings) -> label (shown)."""
DEFAULT_SORT_ORDER = "title"


@dataclass(frozen=True)
class _Entry:
    """A song with its sort and search keys worked out once, not at every comparison."""

    song: Song
    title_key: str
    artist_key: str
    search_text: str  # title, artist and album, folded, one per line so no word spans two

    @classmethod
    def of(cls, song: Song) -> _Entry:
        title, artist = sort_key(song.title), sort_key(song.artist)
        return cls(song, title, artist, "\n".join((title, artist, sort_key(song.album))))


class SongListModel(QAbstractListModel):
    """One row per song not in the trash, displayed as "Title — Artist"; `SONG_ID_ROLE` gives its id.

    Rows are in no particular order (view them through `SongFilterProxyModel`). Call
    `sync()` when the session says `songs_changed` and `refresh_song()` when it says
    `song_changed`: both change only the rows that differ (insert, remove, dataChanged),
    so views keep their selection and scroll position. The title is editable (EditRole),
    but `setData` writes nothing: a rename goes through the session like every change.
    """

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._entries: list[_Entry] = []
        self._rows: dict[str, int] = {}
        self.reload()

    # ------------------------------------------------------------------ updates

    def reload(self) -> None:
        """Read every song again from the session (a model reset: views lose their selection)."""
        self.beginResetModel()
        self._entries = [_Entry.of(song) for song in self._session.songs()]
        self._reindex()
        self.endResetModel()

    def sync(self) -> None:
        """Bring the rows in line with the session's songs: remove, update and add only what differs."""
        songs = {song.id: song for song in self._session.songs()}
        for row in reversed(range(len(self._entries))):
            if self._entries[row].song.id not in songs:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._entries[row]
                self.endRemoveRows()
        self._reindex()
        for row, entry in enumerate(self._entries):
            self._replace(row, songs[entry.song.id])
        added = [song for song_id, song in songs.items() if song_id not in self._rows]
        if added:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._entries.extend(_Entry.of(song) for song in added)
            self._reindex()
            self.endInsertRows()

    def refresh_song(self, song_id: str) -> None:
        """Read one song again: its row is updated in place (added or removed if it came or went)."""
        try:
            song = self._session.song(song_id)
        except SongNotFound:
            song = None
        row = self._rows.get(song_id, -1)
        if song is None or song.deleted or row < 0:
            if (song is not None and not song.deleted) or row >= 0:
                self.sync()
            return
        self._replace(row, song)

    def _replace(self, row: int, song: Song) -> None:
        if self._entries[row].song == song:
            return
        self._entries[row] = _Entry.of(song)
        index = self.index(row, 0)
        # No roles named: every role may have changed, and the proxy then sorts and filters again.
        self.dataChanged.emit(index, index, [])

    def _reindex(self) -> None:
        self._rows = {entry.song.id: row for row, entry in enumerate(self._entries)}

    # ------------------------------------------------------------------ reading

    def row_of(self, song_id: str) -> int:
        """The row showing *song_id*, or -1."""
        return self._rows.get(song_id, -1)

    def song_at(self, row: int) -> Song:
        return self._entries[row].song

    def entry(self, row: int) -> _Entry:
        """The song of *row* with its sort and search keys (for `SongFilterProxyModel`)."""
        return self._entries[row]

    # ------------------------------------------------------------- Qt's model API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        song = self._entries[index.row()].song
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return song.display_name
        if role == Qt.ItemDataRole.EditRole:
            return song.title
        if role == Qt.ItemDataRole.ToolTipRole:
            year = str(song.year) if song.year else ""
            album = f"{song.album} ({year})" if song.album and year else song.album or year
            return "\n".join(d for d in (song.display_name, album, song.language) if d)
        if role == SONG_ID_ROLE:
            return song.id
        return None


class SongFilterProxyModel(QSortFilterProxyModel):
    """The songs of a `SongListModel` in the chosen order, narrowed to those matching the filter text.

    Sorting by title or artist ignores case and accents; the filter matches every word
    it is given anywhere in the title, artist or album, also ignoring case and accents.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._sort_order = DEFAULT_SORT_ORDER
        self._words: list[str] = []
        self._filter_text = ""
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def sort_order(self) -> str:
        """One of the keys of `SORT_ORDERS`."""
        return self._sort_order

    def set_sort_order(self, order: str) -> None:
        """Sort by *order*, a key of `SORT_ORDERS` (raises ValueError for anything else)."""
        if order not in SORT_ORDERS:
            raise ValueError(f"unknown sort order {order!r}")
        if order == self._sort_order:
            return
        self._sort_order = order
        self.invalidate()  # a layout change: views keep their selection

    def filter_text(self) -> str:
        return self._filter_text

    def set_filter_text(self, text: str) -> None:
        """Show only the songs matching every word of *text* ("" shows them all)."""
        if text == self._filter_text:
            return
        self.beginFilterChange()
        self._filter_text = text
        self._words = sort_key(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        haystack = self.sourceModel().entry(source_row).search_text
        return all(word in haystack for word in self._words)

    def lessThan(
        self,
        source_left: QModelIndex | QPersistentModelIndex,
        source_right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        model = self.sourceModel()
        left, right = model.entry(source_left.row()), model.entry(source_right.row())
        if self._sort_order in ("updated", "created"):
            # Newest first; songs changed at the same moment fall back to title order.
            newer = getattr(left.song, self._sort_order), getattr(right.song, self._sort_order)
            if newer[0] != newer[1]:
                return newer[0] > newer[1]
        return self._key(left) < self._key(right)

    def _key(self, entry: _Entry) -> tuple:
        song = entry.song
        if self._sort_order == "artist":
            # Songs without an artist come last rather than first.
            return (not entry.artist_key, entry.artist_key, entry.title_key, song.created, song.id)
        return (entry.title_key, entry.artist_key, song.created, song.id)
