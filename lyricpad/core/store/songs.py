"""Songs: reading, adding, editing and trashing them (an edit of the lyrics re-anchors their annotations)."""

from __future__ import annotations

from difflib import SequenceMatcher

from lyricpad.core.errors import SongNotFound
from lyricpad.core.models import Song, SongSummary
from lyricpad.core.store.common import Repository, find_named, new_id, now
from lyricpad.core.store.fields import SONG
from lyricpad.core.store.reanchoring import follow_lines, reanchor_text
from lyricpad.core.text import normalise_line, sort_key

MAX_SUGGESTIONS = 5
"""Most close matches named when a song is not found."""
_NEAR = 0.6
"""Least likeness (difflib's ratio) for a title to be suggested for a misspelt one."""
_NEAR_START = 0.8
"""Least likeness of a typed title to the start of a longer one."""

_BY_TITLE = "lp_sort(title), lp_sort(artist), created, n"
SONG_ORDERS = {
    "title": _BY_TITLE,
    "artist": "lp_sort(artist) = '', lp_sort(artist), lp_sort(title), created, n",
    "updated": f"updated DESC, {_BY_TITLE}",
    "created": f"created DESC, {_BY_TITLE}",
}
"""The orders songs can be listed in -> SQL: case and accents ignored (`lp_sort`), ties broken by
creation, then by the order they were added in (`n`), so every order is total. "artist" lists the songs
without one last; "updated" and "created" list the newest first."""

_SUMMARY_COLUMNS = "id, title, artist, album, year, language, lyrics_format, source_file, created, updated"
_LINE_COUNT = (
    "CASE WHEN lyrics = '' THEN 0"
    " ELSE length(CAST(lyrics AS BLOB)) - length(CAST(replace(lyrics, char(10), '') AS BLOB)) + 1 END"
)
"""`LineIndex(lyrics).line_count` worked out by SQLite, without handing the lyrics to Python. Counted in
bytes (a line break is one): length() of text stops at a NUL, which lyrics may hold."""


class Songs(Repository):
    """The library's songs (`lib.songs`)."""

    def all(self, *, include_deleted: bool = False) -> list[Song]:
        """Every song, sorted by title then artist (case-insensitively)."""
        where = "" if include_deleted else "WHERE deleted = 0"
        rows = self._library.rows(f"SELECT * FROM songs {where} ORDER BY {_BY_TITLE}")
        return [SONG.from_row(r) for r in rows]

    def listing(self, order: str = "title", *, line_counts: bool = False) -> list[SongSummary]:
        """The songs not in the trash, without their lyrics, sorted by SQLite in *order* (a key of
        `SONG_ORDERS`); *line_counts* also counts each song's lyric lines (in SQL)."""
        if order not in SONG_ORDERS:
            raise ValueError(f"unknown song order {order!r}")
        count = _LINE_COUNT if line_counts else "NULL"
        rows = self._library.tuples(
            f"SELECT {_SUMMARY_COLUMNS}, {count}, n FROM songs WHERE deleted = 0 ORDER BY {SONG_ORDERS[order]}"
        )
        return [SongSummary(*row) for row in rows]

    def summary(self, song_id: str) -> SongSummary | None:
        """One song as `listing()` gives it (None when there is no such song or it is in the trash)."""
        rows = self._library.tuples(
            f"SELECT {_SUMMARY_COLUMNS}, NULL, n FROM songs WHERE id = ? AND deleted = 0", [song_id]
        )
        return SongSummary(*rows[0]) if rows else None

    def count(self) -> int:
        """How many songs are not in the trash (counted by SQLite, not read)."""
        return self._library.tuples("SELECT count(*) FROM songs WHERE deleted = 0")[0][0]

    def first_id(self) -> str:
        """The id of the first song in title order ("" when there is none)."""
        rows = self._library.tuples(f"SELECT id FROM songs WHERE deleted = 0 ORDER BY {_BY_TITLE} LIMIT 1")
        return rows[0][0] if rows else ""

    def get(self, song_id: str) -> Song:
        row = self._library.row("SELECT * FROM songs WHERE id = ?", [song_id])
        if row is None:
            raise SongNotFound(f"no song with id {song_id}")
        return SONG.from_row(row)

    def resolve(self, ref: str) -> Song:
        """The song named by *ref*: an id, an unambiguous id prefix, or an exact title (any case).

        A partial or misspelt title is refused, never guessed (a command may change the song it
        names), with the close matches named in the message.
        """
        try:
            row = find_named(self._library, "songs", "song", ref, SongNotFound, "deleted = 0")
        except SongNotFound as exc:
            near = self.close_matches(ref)
            if not near:
                raise
            choices = ", ".join(f"“{song.display_name}” ({song.id[:8]})" for song in near)
            raise SongNotFound(
                f"no song matches “{normalise_line(ref or '')}” exactly; did you mean: {choices}? "
                "(give the exact title or an id)"
            ) from exc
        return SONG.from_row(row)

    def close_matches(self, ref: str, limit: int = MAX_SUGGESTIONS) -> list[Song]:
        """Songs whose titles are near *ref*, best first: titles it begins, then titles it is
        inside, then titles it looks like (a typo); case and accents never count."""
        wanted = sort_key(normalise_line(ref or ""))
        if len(wanted) < 3:  # one or two letters are inside nearly every title
            return []
        ranked = []
        for song in self.all():
            names = [sort_key(song.title), sort_key(song.display_name)]
            if any(name.startswith(wanted) for name in names):
                rank = (0, 0.0)
            elif any(wanted in name for name in names):
                rank = (1, 0.0)
            else:
                likeness = max(_likeness(wanted, name) for name in names)
                if likeness < _NEAR:
                    continue
                rank = (2, -likeness)
            ranked.append((rank, len(song.title), sort_key(song.title), song.created, song))
        ranked.sort(key=lambda item: item[:4])
        return [item[-1] for item in ranked[:limit]]

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
        """Change a song's fields; a change of lyrics re-anchors the song's annotations, and its
        study corrections and translation follow their lines."""
        data = SONG.clean(fields)
        data["updated"] = now()
        with self._library.write():
            old = self.get(song_id)
            self._library.update_row("songs", song_id, data)
            if "lyrics" in data:
                reanchor_text(self._library, song_id, "lyrics", None, old.lyrics, data["lyrics"])
                follow_lines(self._library, song_id, old.lyrics, data["lyrics"])
            if {"lyrics", "title", "artist", "album"} & data.keys():
                self._library.links.text_changed(song_id)  # quote links follow the lyrics and the names
            return self.get(song_id)

    def set_deleted(self, song_id: str, deleted: bool = True) -> Song:
        """Move a song to the trash (or back); its articles and annotations are kept."""
        with self._library.write():
            self.get(song_id)
            self._library.update_row("songs", song_id, {"deleted": int(deleted), "updated": now()})
            return self.get(song_id)


def _likeness(wanted: str, title: str) -> float:
    """How alike a typed title and a song's are (0-1): the whole title, or as much of its start
    as was typed ("lantern on the watter" is a misspelt start of a longer title)."""
    best = SequenceMatcher(None, wanted, title).ratio()
    if len(wanted) >= 5 and len(title) > len(wanted) + 2:
        start = SequenceMatcher(None, wanted, title[: len(wanted)]).ratio()
        if start >= _NEAR_START:  # a short start is alike by chance more easily than a whole title
            best = max(best, start)
    return best
