"""Full-text search over lyrics, articles, quotes and notes, and the checks and rebuild of its index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from lyricpad.core.errors import InvalidValue, NotALibrary, SearchIndexDamaged
from lyricpad.core.schema import FTS_COLUMNS
from lyricpad.core.store.common import Repository
from lyricpad.core.text import normalise_line

MAX_SEARCH_TERMS = 32
"""The most words one search takes: each is matched in four indexes, and thousands take minutes."""


class Search(Repository):
    """The library's full-text search (`lib.search`)."""

    def find(self, query: str, limit: int = 50) -> list[dict]:
        """Full-text search over lyrics, article bodies, annotation quotes and notes.

        *query* is taken as plain words (every word must match, in any order), so
        no FTS syntax typed by a user can cause an error. More than `MAX_SEARCH_TERMS` words
        are refused (`InvalidValue`).
        """
        words = [w.replace('"', '""') for w in normalise_line(query).split()]
        if not words:
            return []
        if len(words) > MAX_SEARCH_TERMS:
            raise InvalidValue(
                f"a search takes up to {MAX_SEARCH_TERMS} words, not {len(words)}: "
                "give the few words that matter"
            )
        match = " ".join(f'"{w}"' for w in words)
        sql = """
        SELECT 'song' AS kind, s.id AS id, s.id AS song_id, s.title AS title,
               snippet(songs_fts, -1, '[', ']', '…', 12) AS snippet, bm25(songs_fts) AS rank
          FROM songs_fts JOIN songs s ON s.n = songs_fts.rowid
         WHERE songs_fts MATCH :q AND s.deleted = 0
        UNION ALL
        SELECT 'article', ar.id, ar.song_id, ar.title,
               snippet(articles_fts, -1, '[', ']', '…', 12), bm25(articles_fts)
          FROM articles_fts JOIN articles ar ON ar.n = articles_fts.rowid
          JOIN songs s ON s.id = ar.song_id
         WHERE articles_fts MATCH :q AND ar.deleted = 0 AND s.deleted = 0
        UNION ALL
        SELECT 'note', a.id, a.song_id, '',
               snippet(annotations_fts, -1, '[', ']', '…', 12), bm25(annotations_fts)
          FROM annotations_fts JOIN annotations a ON a.n = annotations_fts.rowid
          JOIN songs s ON s.id = a.song_id
         WHERE annotations_fts MATCH :q AND a.deleted = 0 AND s.deleted = 0
        UNION ALL
        SELECT 'quote', a.id, a.song_id, '',
               snippet(fragments_fts, -1, '[', ']', '…', 12), bm25(fragments_fts)
          FROM fragments_fts JOIN fragments f ON f.n = fragments_fts.rowid
          JOIN annotations a ON a.id = f.annotation_id JOIN songs s ON s.id = a.song_id
         WHERE fragments_fts MATCH :q AND a.deleted = 0 AND s.deleted = 0
        ORDER BY rank LIMIT :limit
        """
        try:
            rows = self._library.rows(sql, {"q": match, "limit": limit * 4})
        except NotALibrary as exc:
            damaged = self._library.read_quietly(self.problems)
            if damaged:
                how = (
                    "the newer lyricpad that wrote this read-only library can rebuild it"
                    if self._library.read_only
                    else "it can be rebuilt from your songs, articles and notes (`lyricpad check --repair`, "
                    "or File > Check Library)"
                )
                raise SearchIndexDamaged(
                    f"the library's search index is damaged, so it cannot be searched; {how}", sorted(damaged)
                ) from exc
            raise
        hits: dict[tuple[str, str], dict] = {}
        for row in rows:
            row.pop("rank")
            # An annotation over a repeated chorus matches once per fragment: keep the best.
            hits.setdefault((row["kind"], row["id"]), row)
        return list(hits.values())[:limit]

    def problems(self) -> dict[str, str]:
        """Full-text indexes that do not match their tables: table -> what FTS5's check says.

        FTS5's 'integrity-check' with rank 1 also compares the index with the table it indexes
        (a note changed while its trigger did not run shows up here).
        """
        problems = {}
        for table in FTS_COLUMNS:
            fts = f"{table}_fts"
            try:
                self._library.db.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.Error as exc:
                problems[table] = str(exc)
        return problems

    def rebuild(self, tables: Iterable[str] | None = None) -> list[str]:
        """Rebuild full-text indexes from their tables (all, or *tables*) in one transaction; returns them."""
        tables = list(FTS_COLUMNS if tables is None else tables)
        for table in tables:
            if table not in FTS_COLUMNS:
                raise InvalidValue(f"{table!r} has no full-text index")
        with self._library.write():
            for table in tables:
                fts = f"{table}_fts"
                self._empty_index(fts)
                self._library.db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        return tables

    def _empty_index(self, fts: str) -> None:
        """Give the index *fts* the storage of a new, empty index, so that 'rebuild' can open it.

        A damaged structure record stops FTS5 from opening the index at all ("vtable constructor
        failed"), 'rebuild' included. The rows of an empty index are copied from one made for the
        purpose, so they are in this SQLite's own format; 'rebuild' drops the old ones anyway.
        """
        self._library.db.execute("CREATE VIRTUAL TABLE temp.lp_empty_fts USING fts5(x)")
        try:
            self._library.db.execute(f"DELETE FROM {fts}_data")
            self._library.db.execute(f"DELETE FROM {fts}_idx")
            self._library.db.execute(
                f"INSERT INTO {fts}_data (id, block) SELECT id, block FROM temp.lp_empty_fts_data"
            )
        finally:
            self._library.db.execute("DROP TABLE temp.lp_empty_fts")
