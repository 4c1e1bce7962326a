"""The songs of the library sidebar: a list model kept in step with the session, and its sorted, filtered view."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from lyricpad.app.session import Session
from lyricpad.core.models import SongSummary
from lyricpad.core.search_query import haystack, parse
from lyricpad.core.text import sort_key

SONG_ID_ROLE = Qt.ItemDataRole.UserRole + 1

SORT_ORDERS = {
    "title": QT_TRANSLATE_NOOP("SongListModel", "Title"),
    "artist": QT_TRANSLATE_NOOP("SongListModel", "Artist"),
    "updated": QT_TRANSLATE_NOOP("SongListModel", "Recently changed"),
    "created": QT_TRANSLATE_NOOP("SongListModel", "Recently added"),
}
"""The orders the song list can be sorted in: key (saved in settings) -> label (English: translated, context
"SongListModel", where shown)."""
DEFAULT_SORT_ORDER = "title"


@dataclass(frozen=True)
class _Entry:
    """A listed song; its sort and search keys are worked out when first asked for (the library sorts
    the list: only a song that moves, and its neighbours, ever need them here)."""

    song: SongSummary

    @cached_property
    def title_key(self) -> str:
        return sort_key(self.song.title)

    @cached_property
    def artist_key(self) -> str:
        return sort_key(self.song.artist)

    @cached_property
    def search_text(self) -> str:
        """Title, artist and album, folded, one per line so no word spans two."""
        return haystack(self.song.title, self.song.artist, self.song.album)


def _before(left: _Entry, right: _Entry, order: str) -> bool:
    """Whether *left* is listed above *right* in *order*: the library's `SONG_ORDERS`, in Python."""
    if order in ("updated", "created"):
        # Newest first; songs changed at the same moment fall back to title order.
        newer = getattr(left.song, order), getattr(right.song, order)
        if newer[0] != newer[1]:
            return newer[0] > newer[1]
    return _key(left, order) < _key(right, order)


def _key(entry: _Entry, order: str) -> tuple:
    song = entry.song
    if order == "artist":
        # Songs without an artist come last rather than first.
        return (not entry.artist_key, entry.artist_key, entry.title_key, song.created, song.n)
    return (entry.title_key, entry.artist_key, song.created, song.n)


class SongListModel(QAbstractListModel):
    """One row per song not in the trash, displayed as "Title — Artist"; `SONG_ID_ROLE` gives its id.

    Rows are in the order of `order()` (one of `SORT_ORDERS`), as the library sorts them: the list
    is read once, without the lyrics, and never sorted here. Call `sync()` when the session says
    `songs_changed` and `refresh_song()` when it says `song_changed`: both change only the rows
    that differ (insert, remove, move, dataChanged), so views keep their selection and scroll
    position. The title is editable (EditRole), but `setData` writes nothing: a rename goes
    through the session like every change.
    """

    def __init__(self, session: Session, parent: QObject | None = None, *, order: str = DEFAULT_SORT_ORDER):
        super().__init__(parent)
        if order not in SORT_ORDERS:
            raise ValueError(f"unknown sort order {order!r}")
        self._session = session
        self._order = order
        self._entries: list[_Entry] = []
        self._rows: dict[str, int] = {}
        self.reload()

    # ------------------------------------------------------------------ updates

    def reload(self) -> None:
        """Read every song again from the session (a model reset: views lose their selection)."""
        self.beginResetModel()
        self._entries = [_Entry(song) for song in self._session.song_listing(self._order)]
        self._reindex()
        self.endResetModel()

    def order(self) -> str:
        """How the rows are sorted: a key of `SORT_ORDERS`."""
        return self._order

    def set_order(self, order: str) -> None:
        """Sort the rows by *order*, a key of `SORT_ORDERS` (raises ValueError for anything else):
        the library lists them again; a layout change, so views keep their selection."""
        if order not in SORT_ORDERS:
            raise ValueError(f"unknown sort order {order!r}")
        if order != self._order:
            self._order = order
            self.sync()

    def sync(self) -> None:
        """Bring the rows in line with the session's songs: remove, add, move and update only what differs."""
        listing = self._session.song_listing(self._order)
        songs = {song.id: song for song in listing}
        for row in reversed(range(len(self._entries))):
            if self._entries[row].song.id not in songs:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._entries[row]
                self.endRemoveRows()
        self._reindex()
        added = [song for song in listing if song.id not in self._rows]
        if added:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._entries.extend(_Entry(song) for song in added)
            self._reindex()
            self.endInsertRows()
        changed = {song.id for song in listing if self._entries[self._rows[song.id]].song != song}
        entries = {entry.song.id: entry for entry in self._entries}
        self._arrange([entries[song.id] if song.id not in changed else _Entry(song) for song in listing])
        for song_id in changed:
            index = self.index(self._rows[song_id], 0)
            self.dataChanged.emit(index, index, [])

    def refresh_song(self, song_id: str) -> None:
        """Read one song again: its row is updated in place, moved if its place in the order changed
        (added or removed if it came or went)."""
        song = self._session.song_summary(song_id)
        row = self._rows.get(song_id, -1)
        if song is None or row < 0:
            if song is not None or row >= 0:
                self.sync()
            return
        if self._entries[row].song == song:
            return
        entry = _Entry(song)
        others = self._entries[:row] + self._entries[row + 1 :]
        low, high = 0, len(others)  # the place among the others, found as the library would sort
        while low < high:
            middle = (low + high) // 2
            if _before(others[middle], entry, self._order):
                low = middle + 1
            else:
                high = middle
        self._entries[row] = entry
        if low != row:
            self._arrange([*others[:low], entry, *others[low:]])
        index = self.index(self._rows[song_id], 0)
        # No roles named: every role may have changed, and the proxy then filters the row again.
        self.dataChanged.emit(index, index, [])

    def _arrange(self, entries: list[_Entry]) -> None:
        """Put the rows in the order of *entries* (the same songs): one layout change, selection kept."""
        if [entry.song.id for entry in entries] == [entry.song.id for entry in self._entries]:
            self._entries = entries
            return
        self.layoutAboutToBeChanged.emit()
        moved = self.persistentIndexList()
        ids = [self._entries[index.row()].song.id for index in moved]
        self._entries = entries
        self._reindex()
        self.changePersistentIndexList(moved, [self.index(self._rows[song_id], 0) for song_id in ids])
        self.layoutChanged.emit()

    def _reindex(self) -> None:
        self._rows = {entry.song.id: row for row, entry in enumerate(self._entries)}

    # ------------------------------------------------------------------ reading

    def row_of(self, song_id: str) -> int:
        """The row showing *song_id*, or -1."""
        return self._rows.get(song_id, -1)

    def song_at(self, row: int) -> SongSummary:
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
    """The songs of a `SongListModel`, in its order, narrowed to those matching the filter text.

    The order is the source model's (the library sorts: by title or artist ignoring case and
    accents, or newest first); the filter matches every word it is given anywhere in the title,
    artist or album, also ignoring case and accents.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._query = parse("")
        self._filter_text = ""
        self.setDynamicSortFilter(True)  # never sorted here (no sort column): rows keep the source's order

    def sort_order(self) -> str:
        """One of the keys of `SORT_ORDERS`."""
        model = self.sourceModel()
        return model.order() if isinstance(model, SongListModel) else DEFAULT_SORT_ORDER

    def set_sort_order(self, order: str) -> None:
        """Sort by *order*, a key of `SORT_ORDERS` (raises ValueError for anything else)."""
        if order not in SORT_ORDERS:
            raise ValueError(f"unknown sort order {order!r}")
        self.sourceModel().set_order(order)  # a layout change: views keep their selection

    def filter_text(self) -> str:
        return self._filter_text

    def set_filter_text(self, text: str) -> None:
        """Show only the songs matching every word of *text* ("" shows them all)."""
        if text == self._filter_text:
            return
        self.beginFilterChange()
        self._filter_text = text
        self._query = parse(text, live=True)  # the engine of every search: words, "phrases", starts
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._query:
            return True
        return self._query.matches(self.sourceModel().entry(source_row).search_text)
