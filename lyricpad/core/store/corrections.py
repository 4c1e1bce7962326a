"""The user's corrections of the study view (a syllable count, a stress pattern, a rhyme letter, a
section boundary), each on one line of a song's lyrics, following its line through edits."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from lyricpad.core.errors import InvalidValue, NotFound
from lyricpad.core.line_map import LineMap, lyric_lines
from lyricpad.core.models import StoredCorrection
from lyricpad.core.store.common import Repository, new_id, now
from lyricpad.core.store.fields import CORRECTION
from lyricpad.core.study import CORRECTABLE, Correction
from lyricpad.core.text import normalise_line

MAX_SYLLABLES = 999
"""Most syllables a line may be said to have."""
_RHYME = re.compile(r"[A-Z]{1,2}")
_STRESS_MARK = frozenset("x/")

_COLUMNS, _read = CORRECTION.reader(())
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM study_corrections"


class CorrectionNotFound(NotFound):
    """No correction has that id."""


def clean_value(field: str, value: str | int) -> str:
    """A correction's value as stored: syllables "7", stress "x / x /", rhyme "B", section a name or ""."""
    if field not in CORRECTABLE:
        raise InvalidValue(f"{field!r} cannot be corrected (one of: {', '.join(CORRECTABLE)})")
    if field == "syllables":
        text = str(value).strip()
        if (
            not (text.isascii() and text.isdigit() and len(text) <= len(str(MAX_SYLLABLES)))
            or int(text) > MAX_SYLLABLES
        ):
            raise InvalidValue(f"a syllable count is a whole number from 0 to {MAX_SYLLABLES}, not {value!r}")
        return str(int(text))
    value = normalise_line(str(value))
    if field == "stress":
        marks = list(value.replace(" ", ""))
        if not marks or not set(marks) <= _STRESS_MARK:
            raise InvalidValue(f"a stress pattern is marks x (unstressed) and / (stressed), not {value!r}")
        return " ".join(marks)
    if field == "rhyme":
        letter = value.upper()
        if not _RHYME.fullmatch(letter):
            raise InvalidValue(f"a rhyme is one or two letters (A, B, ... AA), not {value!r}")
        return letter
    return value  # section: its name; "" says there is no boundary on this line


def _neighbours(lines: Sequence[str], index: int) -> tuple[str | None, str | None]:
    before = lines[index - 1] if index > 0 else None
    after = lines[index + 1] if index + 1 < len(lines) else None
    return before, after


class Corrections(Repository):
    """The study view's corrections (`lib.corrections`): at most one per song, line and field."""

    def set(self, song_id: str, line: int, field: str, value: str | int) -> StoredCorrection:
        """Correct *field* on *line* (1-based) of the song's lyrics; replaces a correction there."""
        value = clean_value(field, value)
        with self._library.write():
            lines = lyric_lines(self._library.songs.get(song_id).lyrics)
            if type(line) is not int or not 1 <= line <= len(lines):
                raise InvalidValue(f"the song has no line {line} (it has {len(lines)})")
            before, after = _neighbours(lines, line - 1)
            existing = self._anchored(song_id, line, field)
            stamp = now()
            item = StoredCorrection(
                id=existing.id if existing else new_id(),
                song_id=song_id,
                line=line,
                line_text=lines[line - 1],
                before_text=before,
                after_text=after,
                field=field,
                value=value,
                status="anchored",
                created=existing.created if existing else stamp,
                updated=stamp,
            )
            self._library.put_row("study_corrections", CORRECTION.to_row(item))
            return self.get(item.id)

    def remove(self, song_id: str, line: int, field: str) -> bool:
        """Take back the correction of *field* on *line*; False when there was none."""
        with self._library.write():
            existing = self._anchored(song_id, line, field)
            if existing is None:
                return False
            self.delete(existing.id)
            return True

    def delete(self, correction_id: str) -> None:
        """Erase one correction, anchored or orphaned."""
        with self._library.write():
            deleted = self._library.db.execute("DELETE FROM study_corrections WHERE id = ?", [correction_id])
            if deleted.rowcount == 0:
                raise CorrectionNotFound(f"no correction with id {correction_id}")

    def get(self, correction_id: str) -> StoredCorrection:
        found = self._where("id = ?", [correction_id])
        if not found:
            raise CorrectionNotFound(f"no correction with id {correction_id}")
        return found[0]

    def for_song(self, song_id: str) -> list[Correction]:
        """The song's anchored corrections as the study view applies them (lines as they are now)."""
        return [c.as_correction() for c in self.stored(song_id, status="anchored")]

    def orphaned(self, song_id: str) -> list[StoredCorrection]:
        """The song's corrections whose line changed or went: kept, not applied."""
        return self.stored(song_id, status="orphaned")

    def stored(self, song_id: str, *, status: str | None = None) -> list[StoredCorrection]:
        """The song's corrections as stored (both statuses unless *status*), by line then field."""
        if status is None:
            return self._where("song_id = ?", [song_id])
        return self._where("song_id = ? AND status = ?", [song_id, status])

    def restore(self, song_id: str, corrections: Iterable[StoredCorrection]) -> None:
        """Make the song's corrections exactly *corrections* (snapshots read earlier: undo, redo)."""
        with self._library.write():
            self._library.db.execute("DELETE FROM study_corrections WHERE song_id = ?", [song_id])
            for item in corrections:
                self._library.put_row("study_corrections", CORRECTION.to_row(item))

    def follow(
        self, song_id: str, old_lines: Sequence[str], new_lines: Sequence[str], moved: LineMap
    ) -> None:
        """After an edit of the lyrics (inside its transaction): each correction follows its line.

        A line whose text is unchanged keeps its corrections (under its new number); one that
        changed or went leaves them orphaned. An orphaned correction whose line's text is back,
        once in the lyrics (or once with the same neighbours), is anchored there again.
        """
        items = self.stored(song_id)
        if not items:
            return
        taken: set[tuple[int, str]] = set()
        results: dict[str, StoredCorrection] = {}
        lost: list[StoredCorrection] = []
        for item in items:
            i = item.line - 1
            if item.status == "anchored" and i < len(old_lines) and old_lines[i] == item.line_text:
                j = moved.new_of[i]
                if j is not None and moved.same[i] and (j + 1, item.field) not in taken:
                    results[item.id] = _placed(item, new_lines, j)
                    taken.add((j + 1, item.field))
                    continue
            lost.append(item)
        lost.sort(key=lambda c: c.updated, reverse=True)  # the newest finds its line first
        # Only a line this edit wrote can be a lost line come back: the others were there before.
        old_of = moved.old_of()
        fresh = {j for j, i in enumerate(old_of) if i is None or not moved.same[i]}
        for item in lost:
            orphan = dataclasses.replace(item, status="orphaned")
            results[item.id] = found_again(orphan, new_lines, taken, among=fresh)
        self._write_moved([results[c.id] for c in items if results[c.id] != c])

    def _write_moved(self, changed: list[StoredCorrection]) -> None:
        # In two steps: first every moved one off the anchored lines, so that no two are ever
        # anchored on one line and field in between (the table's unique index would refuse it).
        db, stamp = self._library.db, now()
        for item in changed:
            db.execute("UPDATE study_corrections SET status = 'orphaned' WHERE id = ?", [item.id])
        for item in changed:
            row = CORRECTION.to_row(dataclasses.replace(item, updated=stamp))
            del row["id"], row["created"]
            self._library.update_row("study_corrections", item.id, row)

    def put(self, item: StoredCorrection) -> None:
        """Write one correction exactly as given (a merge places it first with `found_again`)."""
        with self._library.write():
            self._library.put_row("study_corrections", CORRECTION.to_row(item))

    def taken(self, song_id: str, *, but: str | None = None) -> set[tuple[int, str]]:
        """The (line, field) pairs of the song's anchored corrections (but the one with id *but*)."""
        return {(c.line, c.field) for c in self.stored(song_id, status="anchored") if c.id != but}

    def _anchored(self, song_id: str, line: int, field: str) -> StoredCorrection | None:
        found = self._where(
            "song_id = ? AND line = ? AND field = ? AND status = 'anchored'", [song_id, line, field]
        )
        return found[0] if found else None

    def _where(self, where: str, params: Sequence) -> list[StoredCorrection]:
        rows = self._library.tuples(f"{_SELECT} WHERE {where} ORDER BY line, field, created, id", params)
        return [_read(row) for row in rows]


def _placed(item: StoredCorrection, lines: Sequence[str], index: int) -> StoredCorrection:
    before, after = _neighbours(lines, index)
    return dataclasses.replace(
        item, line=index + 1, line_text=lines[index], before_text=before, after_text=after, status="anchored"
    )


def found_again(
    item: StoredCorrection,
    lines: Sequence[str],
    taken: set[tuple[int, str]],
    *,
    among: set[int] | None = None,
) -> StoredCorrection:
    """*item* anchored on the line of *lines* that holds its line's text, else orphaned.

    An anchored *item* stays on its own line while that line holds its text; otherwise it goes
    to the one line with that text, or of several, the one whose neighbours are also the same.
    A (line, field) in *taken* has that correction already: it is passed over; one found is added.
    *among*: the only lines (0-based) it may be found again on (after an edit: the lines it wrote).
    """
    index = _line_of(item, lines, taken, among)
    if index is None:
        return dataclasses.replace(item, status="orphaned")
    taken.add((index + 1, item.field))
    return _placed(item, lines, index)


def _line_of(
    item: StoredCorrection, lines: Sequence[str], taken: set[tuple[int, str]], among: set[int] | None
) -> int | None:
    i = item.line - 1
    if item.status == "anchored" and i < len(lines) and lines[i] == item.line_text:
        if (item.line, item.field) not in taken:
            return i
    if not item.line_text.strip():
        return None  # a blank line is anywhere: nothing tells which one it was
    places = [
        j
        for j, text in enumerate(lines)
        if text == item.line_text and (j + 1, item.field) not in taken and (among is None or j in among)
    ]
    if len(places) <= 1:
        return places[0] if places else None

    def fit(j: int) -> int:
        before, after = _neighbours(lines, j)
        return (before == item.before_text) + (after == item.after_text)

    best = max(fit(j) for j in places)
    chosen = [j for j in places if fit(j) == best]
    return chosen[0] if best and len(chosen) == 1 else None
