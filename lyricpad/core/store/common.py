"""What the store's repositories share: ids, times, and finding a row named by id or title."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from lyricpad.core.errors import AmbiguousReference
from lyricpad.core.text import normalise_line

if TYPE_CHECKING:
    from lyricpad.core.store.library import Library

MIN_ID_PREFIX = 4
"""Shortest id prefix accepted where a song or article is named by id."""


def now() -> str:
    """The current time as an ISO 8601 UTC string with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    return str(uuid.uuid4())


class Repository:
    """One entity's reads and writes; it writes in its library's transaction (`write()`)."""

    def __init__(self, library: Library):
        self._library = library


def find_named(
    library: Library, table: str, kind: str, ref: str, not_found: type, where: str, params=()
) -> dict:
    """The one row of *table* named by *ref*: an id, an exact title (any case), or an id prefix."""
    ref = (ref or "").strip()
    if not ref:
        raise not_found(f"no {kind} given")
    rows = library.rows(f"SELECT * FROM {table} WHERE id = ? AND {where}", [ref, *params])
    if not rows:
        rows = library.rows(
            f"SELECT * FROM {table} WHERE title = ? AND {where}", [normalise_line(ref), *params]
        )
    if not rows:
        rows = library.rows(
            f"SELECT * FROM {table} WHERE lp_fold(title) = lp_fold(?) AND {where}",
            [normalise_line(ref), *params],
        )
    if not rows and len(ref) >= MIN_ID_PREFIX:
        rows = library.rows(
            f"SELECT * FROM {table} WHERE substr(id, 1, ?) = ? AND {where}",
            [len(ref), ref.lower(), *params],
        )
    if not rows:
        raise not_found(
            f"no {kind} matches {ref!r} (give an exact title, an id, or the first {MIN_ID_PREFIX}+ characters of an id)"
        )
    if len(rows) > 1:
        choices = ", ".join(f"{r['id'][:8]} {r['title']!r}" for r in rows[:5])
        raise AmbiguousReference(f"{ref!r} matches {len(rows)} {kind}s: {choices}; give an id")
    return rows[0]
