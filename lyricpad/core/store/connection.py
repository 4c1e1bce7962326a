"""The library's connection, with the few sqlite-utils methods the store uses, without importing it.

Importing sqlite-utils costs ~65 ms, most of a CLI command's start. Opening a library whose
schema is current, reading it and changing rows need only `execute`, `query`, `atomic`,
`rollback` and `close`, which behave here as sqlite-utils 4's do on a connection without
implicit transactions (`isolation_level=None`, as every library connection is). Anything else
(`db["songs"].insert(...)`, migrations, `table_names()`...) goes to a real
`sqlite_utils.Database` on the same connection, made the first time it is needed.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from collections.abc import Generator, Iterator, Sequence
from typing import Any


class Connection:
    """An SQLite connection as the store uses it (a subset of `sqlite_utils.Database`)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils = None
        # What sqlite_utils.Database does as it wraps a connection: kept, so triggers behave the same.
        conn.execute("PRAGMA recursive_triggers=on;")

    @property
    def utils(self):
        """The `sqlite_utils.Database` of this connection (sqlite-utils is imported the first time)."""
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._utils

    def __getitem__(self, table: str):
        return self.utils[table]

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None) -> sqlite3.Cursor:
        if parameters is not None:
            return self.conn.execute(sql, parameters)
        return self.conn.execute(sql)

    def query(self, sql: str, params: Sequence | dict[str, Any] | None = None) -> Iterator[dict]:
        """Every row of *sql* as a dict (the statement runs at once, rows are fetched lazily)."""
        cursor = self.conn.execute(sql, params) if params is not None else self.conn.execute(sql)
        if cursor.description is None:
            raise ValueError("query() can only be used with SQL that returns rows")
        keys = _dedupe([d[0] for d in cursor.description])
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    @contextlib.contextmanager
    def atomic(self) -> Generator[Connection, None, None]:
        """A transaction; nested in one, a savepoint (as sqlite-utils' `atomic`)."""
        if self.conn.in_transaction:
            savepoint = f"lyricpad_{secrets.token_hex(16)}"
            self.conn.execute(f"SAVEPOINT {savepoint};")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # an error may have ended the whole transaction
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint};")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint};")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


def _dedupe(keys: list[str]) -> list[str]:
    """Column names made unique as sqlite-utils does ("id", "id_2"...), skipping names taken."""
    taken = set(keys)
    if len(taken) == len(keys):
        return keys
    seen: set[str] = set()
    unique = []
    for key in keys:
        if key in seen:
            name, n = key, 2
            while name in seen or name in taken:
                name = f"{key}_{n}"
                n += 1
            key = name
        seen.add(key)
        unique.append(key)
    return unique
