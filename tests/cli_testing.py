"""Helpers shared by the command-line tests."""

from pathlib import Path

from lyricpad.core.store import Library


def data_dump(path: Path) -> list[str]:
    """Every row of the library as SQL, to compare before and after a refused command."""
    with Library.open(path) as lib:
        return [line for line in lib.db.conn.iterdump() if "_fts" not in line]
