"""Songs: reading, adding, editing and trashing them (an edit of the lyrics re-anchors their annotations)."""

from __future__ import annotations

from lyricpad.core.errors import SongNotFound
from lyricpad.core.models import Song
from lyricpad.core.store.common import Repository, find_named, new_id, now
from lyricpad.core.store.fields import SONG
from lyricpad.core.store.reanchoring import reanchor_text


class Songs(Repository):
    """The library's songs (`lib.songs`)."""

    def all(self, *, include_deleted: bool = False) -> list[Song]:
        """Every song, sorted by title then artist (case-insensitively)."""
        where = "" if include_deleted else "WHERE deleted = 0"
        rows = self._library.rows(
            f"SELECT * FROM songs {where} ORDER BY lp_sort(title), lp_sort(artist), created"
        )
        return [SONG.from_row(r) for r in rows]

    def get(self, song_id: str) -> Song:
        row = self._library.row("SELECT * FROM songs WHERE id = ?", [song_id])
        if row is None:
            raise SongNotFound(f"no song with id {song_id}")
        return SONG.from_row(row)

    def resolve(self, ref: str) -> Song:
        """The song named by *ref*: an id, an unambiguous id prefix, or an exact title."""
        return SONG.from_row(find_named(self._library, "songs", "song", ref, SongNotFound, "deleted = 0"))

    def add(self, title: str, *, item_id: str | None = None, **fields) -> Song:
        """Create a song (with a new id, or *item_id*); text is normalised on the way in."""
        data = SONG.clean({"title": title, **fields})
        stamp = now()
        data.update(id=item_id or new_id(), created=stamp, updated=stamp)
        with self._library.write():
            self._library.db["songs"].insert(data)
            if data.get("lyrics"):
                self._library.links.text_changed(data["id"])  # articles kept under its id (a re-import)
            return self.get(data["id"])  # read in the same transaction: a failed read undoes the creation

    def update(self, song_id: str, **fields) -> Song:
        """Change a song's fields; a change of lyrics re-anchors the song's annotations."""
        data = SONG.clean(fields)
        data["updated"] = now()
        with self._library.write():
            old = self.get(song_id)
            self._library.update_row("songs", song_id, data)
            if "lyrics" in data:
                reanchor_text(self._library, song_id, "lyrics", None, old.lyrics, data["lyrics"])
            if {"lyrics", "title", "artist", "album"} & data.keys():
                self._library.links.text_changed(song_id)  # quote links follow the lyrics and the names
            return self.get(song_id)

    def set_deleted(self, song_id: str, deleted: bool = True) -> Song:
        """Move a song to the trash (or back); its articles and annotations are kept."""
        with self._library.write():
            self.get(song_id)
            self._library.update_row("songs", song_id, {"deleted": int(deleted), "updated": now()})
            return self.get(song_id)
