"""A song's translation: one per song, line-aligned with its lyrics, its lines following theirs through edits."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from lyricpad.core.errors import InvalidValue
from lyricpad.core.line_map import LineMap, lyric_lines
from lyricpad.core.models import Translation
from lyricpad.core.store.common import Repository, now
from lyricpad.core.store.fields import TRANSLATION
from lyricpad.core.store.reanchoring import reanchor_text
from lyricpad.core.text import normalise_text

_COLUMNS, _read = TRANSLATION.reader(())
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM translations"


class Translations(Repository):
    """Songs' translations (`lib.translations`): line i of a translation belongs to lyric line i."""

    def get(self, song_id: str) -> Translation | None:
        """The song's translation, or None when it has none."""
        rows = self._library.tuples(f"{_SELECT} WHERE song_id = ?", [song_id])
        return _read(rows[0]) if rows else None

    def set(self, song_id: str, lines: Sequence[str], *, language: str = "") -> Translation:
        """Store (or replace) the song's translation: exactly one line per line of its lyrics.

        Notes on the translation follow their words into the new text (as on edited lyrics)."""
        # Normalised before counting: the stored text is, and U+2028, VT, FF, NEL or a lone CR would
        # become line breaks there, one translation line spread over two lyric lines.
        lines = [normalise_text(line) for line in lines]
        if any("\n" in line for line in lines):
            raise InvalidValue("a line of a translation cannot hold a line break")
        with self._library.write():
            count = len(lyric_lines(self._library.songs.get(song_id).lyrics))
            if count == 0:
                raise InvalidValue("the song has no lyrics to translate")
            if len(lines) != count:
                raise InvalidValue(
                    f"a translation needs one line per line of the lyrics: {len(lines)} lines given, "
                    f"the lyrics have {count}"
                )
            before = self.get(song_id)
            text = "\n".join(lines)
            self._put(Translation(song_id, language, text, now()))
            self._reanchor(song_id, before.text if before else "", text)
            return self.get(song_id)

    def remove(self, song_id: str) -> bool:
        """Erase the song's translation; False when it had none. Its notes are kept, orphaned (quote and
        note intact): a translation stored again finds their words again."""
        with self._library.write():
            before = self.get(song_id)
            if before is None:
                return False
            self._library.db.execute("DELETE FROM translations WHERE song_id = ?", [song_id])
            self._reanchor(song_id, before.text, "")
            return True

    def restore(self, song_id: str, translation: Translation | None) -> None:
        """Write back a translation read earlier exactly as it was (None: the song had none).

        Its annotations are not touched: undo writes back their snapshots too."""
        with self._library.write():
            if translation is None:
                self._library.db.execute("DELETE FROM translations WHERE song_id = ?", [song_id])
            else:
                self._put(dataclasses.replace(translation, song_id=song_id))

    def follow(self, song_id: str, moved: LineMap) -> None:
        """After an edit of the lyrics (inside its transaction): each translation line goes with its
        lyric line (changed or not); an inserted lyric line gets an empty one, a deleted one takes its own along."""
        translation = self.get(song_id)
        if translation is None:
            return
        old = translation.lines
        lines = [old[i] if i is not None and i < len(old) else "" for i in moved.old_of()]
        text = "\n".join(lines)
        if not lines:
            # No lyrics left: nothing to translate. Kept, empty, rather than lost: an undo brings
            # the lyrics back with it (and `set` replaces it).
            text = ""
        if text != translation.text:
            self._put(dataclasses.replace(translation, text=text, updated=now()))
            self._reanchor(song_id, translation.text, text)

    def _reanchor(self, song_id: str, old: str, new: str) -> None:
        reanchor_text(self._library, song_id, "translation", None, old, new)

    def _put(self, translation: Translation) -> None:
        row = TRANSLATION.to_row(translation)
        columns = ", ".join(row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "song_id")
        self._library.db.execute(
            f"INSERT INTO translations ({columns}) VALUES ({', '.join('?' * len(row))})"
            f" ON CONFLICT(song_id) DO UPDATE SET {updates}",
            list(row.values()),
        )
