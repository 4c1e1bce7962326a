"""The search indexes' own check runs on a private copy, which a cancel stops between two steps."""

from __future__ import annotations

import sqlite3

import pytest
from library_testing import damage_search_index

from lyricpad.core.search_index_check import search_index_damage


def test_a_sound_library_has_no_damaged_index(library):
    assert search_index_damage(library) == {}


def test_a_damaged_index_is_found_on_the_copy_and_the_library_is_left_as_it_was(library):
    with library.write():
        damage_search_index(library)
    before = library.db.conn.total_changes
    assert list(search_index_damage(library)) == ["annotations"]
    assert library.db.conn.total_changes == before


def test_a_cancel_stops_the_copy(library):
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return True

    with pytest.raises(sqlite3.OperationalError, match="the copy was interrupted"):
        search_index_damage(library, cancelled)
    assert asked  # looked at between the copy's steps, before FTS5 was asked anything
