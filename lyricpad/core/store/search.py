"""Full-text search over lyrics, translations, articles, quotes and notes, and the checks and rebuild of its index."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from lyricpad.core.errors import InvalidValue, NotALibrary, SearchIndexDamaged
from lyricpad.core.models import translation_title
from lyricpad.core.schema import FTS_COLUMNS, SCHEMA_VERSION
from lyricpad.core.search_query import Query, haystack, parse
from lyricpad.core.search_snippet import BLANK_LINES as _BLANK_LINES
from lyricpad.core.search_snippet import Snippet, cut, find_in
from lyricpad.core.store.common import Repository
from lyricpad.core.store.lenses import Tags

PANES = ("lyrics", "article", "translation")
"""Where text is searched: a song's lyrics (and title...), its articles, its translation (its text and notes)."""
STATUSES = ("needs_review", "orphaned")
MARKS = ("[", "]")
"""How a snippet marks the words found, unless the caller gives its own marks."""
_RANK = {
    "songs_fts": "bm25(songs_fts, 4.0, 2.0, 2.0, 1.0)",  # title, artist, album weigh more than lyrics
    "articles_fts": "bm25(articles_fts, 2.0, 1.0)",
    "annotations_fts": "bm25(annotations_fts)",
    "fragments_fts": "bm25(fragments_fts)",
    "translations_fts": "bm25(translations_fts)",
}
"""How each index ranks a match: FTS5's bm25 (smaller is better), a column's weight first."""
_TOP = "(SELECT j.value ->> 0 AS rowid, j.value ->> 1 AS rank FROM json_each(:top) j)"
"""The best matches of an index as ranked (a JSON list of [rowid, rank]), to join with their rows."""
_RANK_AHEAD = 200
"""Matches ranked at least, so that the next pages of a search come from its first ranking."""
_FEW_ROWS = 500
"""Up to this many annotations of the songs filtered by, the indexes are narrowed to their rows before ranking."""
_ARTIST = "lp_sort(s.artist) = lp_sort(:artist)"
_TAG_RANK = -1e9
"""Annotations tagged with a tag named by the search come before every text match (bm25 is negative)."""


@dataclass(frozen=True)
class SearchFilters:
    """What narrows a search besides its words; each is None/False when it does not narrow.

    *lens_id*, *tag* (a tag name, any case or accents, with or without its '#'), *has_note* and *status*
    are properties of annotations, so a search narrowed by them finds only annotations (notes, quotes,
    tags), no song or article text. *artist* is an artist's whole name, any case or accents.
    """

    lens_id: str | None = None
    tag: str | None = None
    song_id: str | None = None
    artist: str | None = None
    pane: str | None = None  # "lyrics", "article" or "translation" (its text and the notes on it)
    has_note: bool = False
    status: str | None = None  # "needs_review" or "orphaned"

    def __post_init__(self) -> None:
        if self.pane is not None and self.pane not in PANES:
            raise InvalidValue(f"the pane is one of {', '.join(PANES)}, not {self.pane!r}")
        if self.status is not None and self.status not in STATUSES:
            raise InvalidValue(f"the status is one of {', '.join(STATUSES)}, not {self.status!r}")
        if self.tag:  # as tags are stored: "#chorus" is the tag chorus
            tag = Tags.clean(self.tag)
            if not tag:
                raise InvalidValue(f"the tag {self.tag!r} is empty")
            object.__setattr__(self, "tag", tag)

    @property
    def annotations_only(self) -> bool:
        return bool(self.lens_id or self.tag or self.has_note or self.status)


@dataclass
class SearchPage:
    """One page of ranked hits (best first), whether more follow, and what to tell the user about the query."""

    hits: list[dict] = field(default_factory=list)
    more: bool = False
    note: str = ""


def _best_of_each(rows: list[tuple]) -> list[tuple]:
    """*rows* (kind, n, sub, rank) with one row per item (kind, n): the best ranked."""
    best: dict[tuple, tuple] = {}
    for row in rows:
        key = (row[0], row[1])
        if key not in best or row[3] < best[key][3]:
            best[key] = row
    return list(best.values())


class Search(Repository):
    """The library's full-text search (`lib.search`)."""

    def __init__(self, library):
        super().__init__(library)
        self._ranked: tuple | None = None  # (what was searched, how many were ranked, the ranking)

    def find(self, query: str | Query, limit: int = 50, **options) -> list[dict]:
        """The hits of one page of `page` (see there), as a list."""
        return self.page(query, limit=limit, **options).hits

    def page(
        self,
        query: str | Query,
        *,
        limit: int = 50,
        offset: int = 0,
        filters: SearchFilters | None = None,
        marks: tuple[str, str] = MARKS,
    ) -> SearchPage:
        """Hits *offset*..*offset+limit* of a full-text search of lyrics, articles, notes, quotes and tags.

        *query* is what the user typed (`search_query.parse` reads it: words, `prefix*`, `"phrases"`;
        nothing typed is an error). Hits are ranked by FTS5's bm25 in SQL and only the page is read
        further (its snippets, titles): the cost of a common word is ranking its matches, no more.
        Each hit: `kind` (song, translation, article, note, quote, tag), `where` (lyrics, title, article,
        translation (the song's translation, or a quote on it), note, tag),
        `id` (of the song (also for its translation), article or annotation), `song_id`, `song_title`, `artist`,
        `article_id`, `annotation_id`, `title` (a translation's: "Translation (German)"), `snippet` (~12 words
        from just before the hit, the words found between *marks*, blank lines collapsed) and where the
        snippet's first marked word is, for opening the hit there: `line` (1-based, in the lyrics,
        translation or article body: the pane of a quote) and `offset` (its
        code-point offset in that text); both None for a title, note or tag hit, an orphaned quote, and
        when no word could be marked.
        """
        parsed = query if isinstance(query, Query) else parse(query)
        filters = filters or SearchFilters()
        if limit < 1 or offset < 0:
            raise InvalidValue("a search page needs a limit of at least 1 and an offset of at least 0")
        if not parsed:
            return SearchPage(note=parsed.note())
        try:
            with self._library.snapshot():  # the ranking and the page's snippets see one moment
                return self._page(parsed, limit, offset, filters, marks)
        except NotALibrary as exc:
            self._raise_if_damaged(exc)
            raise

    def _page(self, query: Query, limit: int, offset: int, filters: SearchFilters, marks) -> SearchPage:
        need = offset + limit + 1
        # The ranking of the last search is kept while the library is unchanged: the next pages (scrolling,
        # F3 past the end) are read from it rather than ranking every match again.
        key = (query.fts(), filters, self._library.db.conn.total_changes, self._library.data_version())
        cached = self._ranked
        if cached is not None and cached[0] == key and need <= cached[1]:
            ranked = cached[2]
        else:
            need = max(need, _RANK_AHEAD)
            ranked = self._rank(query, filters, need)
            self._ranked = (key, need, ranked)
        page = ranked[offset : offset + limit + 1]
        hits = [self._hit(kind, n, sub, query, marks) for kind, n, sub, _rank in page[:limit]]
        return SearchPage([hit for hit in hits if hit], len(page) > limit, query.note())

    def _rank(self, query: Query, filters: SearchFilters, need: int) -> list[tuple]:
        """The *need* best matches (kind, n, sub, rank) of every place, best first."""
        places, params = self._places(query, filters)
        restrict = self._song_rows(filters)
        ranked: list[tuple] = []
        for fts, sql in places:
            # Filtered by what annotations hold (lens, tag, state), few of the best matches pass: join them all.
            first = None if filters.annotations_only and not restrict else need
            ranked += self._best(fts, sql, params, need, restrict.get(fts, ""), first)
        ranked.sort(key=lambda row: (row[3], row[0], row[1]))
        return ranked[:need]

    def _best(
        self, fts: str | None, sql: str, params: dict, need: int, restrict: str, first: int | None
    ) -> list[tuple]:
        """The *need* best rows of one place (or all it has), ranking first and joining only the best.

        bm25 of every match is the floor of a ranked search; joining every match to its song (to leave
        out the trash, or to filter) would cost as much again, so the ranking reads the index alone and
        only the best *k* are joined. When the filters leave too few of those, *k* grows once by what
        they let through; when they let through almost none, every match is joined in one query.
        *restrict* narrows the index to a song's (an artist's) rows before ranking: a few lookups.
        *first* is the first *k* (None: join every match at once).
        """
        if fts is None:  # tags: few, no index to rank by
            return self._library.tuples(sql.format(top=""), params)
        k = first
        for _round in range(3):
            if k is None:  # in one pass (SQLite flattens it): bm25 only of the matches the filters keep
                top = f"(SELECT rowid, {_RANK[fts]} AS rank FROM {fts} WHERE {fts} MATCH :q{restrict})"
                return _best_of_each(self._library.tuples(sql.format(top=top), params))
            best = self._library.tuples(
                f"SELECT rowid, {_RANK[fts]} AS r FROM {fts} WHERE {fts} MATCH :q{restrict} ORDER BY r LIMIT :k",
                {**params, "k": k},
            )
            rows = _best_of_each(
                self._library.tuples(sql.format(top=_TOP), {**params, "top": json.dumps(best)})
            )
            if len(best) < k or len(rows) >= need:
                return rows
            kept = len(rows) / len(best)
            k = None if kept < 0.25 or _round else int(k / kept * 1.5) + 1
        return rows

    def _song_rows(self, filters: SearchFilters) -> dict[str, str]:
        """Per index, a constraint to its rows of the song (the artist) filtered by, when they are few.

        FTS5 looks each rowid up on its own (fast for a song's hundred rows, slow for thousands), so an
        artist of many songs is filtered by joining the matches instead. {} when not narrowed so.
        """
        where = [w for w, v in (("s.id = :song_id", filters.song_id), (_ARTIST, filters.artist)) if v]
        if not where:
            return {}
        cond = " AND ".join(where)
        params = {"song_id": filters.song_id, "artist": filters.artist}
        rows = self._library.tuples(
            f"SELECT count(*) FROM annotations a JOIN songs s ON s.id = a.song_id WHERE {cond}", params
        )[0][0]
        if rows > _FEW_ROWS:
            return {}
        annotations = f"annotations a JOIN songs s ON s.id = a.song_id WHERE {cond}"
        return {
            "songs_fts": f" AND rowid IN (SELECT s.n FROM songs s WHERE {cond})",
            "articles_fts": f" AND rowid IN (SELECT ar.n FROM articles ar JOIN songs s ON s.id = ar.song_id WHERE {cond})",
            "annotations_fts": f" AND rowid IN (SELECT a.n FROM {annotations})",
            "fragments_fts": " AND rowid IN (SELECT f.n FROM fragments f WHERE f.annotation_id IN"
            f" (SELECT a.id FROM {annotations}))",
            "translations_fts": f" AND rowid IN (SELECT tr.n FROM translations tr JOIN songs s ON s.id = tr.song_id"
            f" WHERE {cond})",
        }

    def _places(self, query: Query, filters: SearchFilters) -> tuple[list[tuple[str | None, str]], dict]:
        """Per place searched, its index and a SELECT (kind, n, sub, rank) of its best `{top}` matches
        narrowed by *filters*; and their parameters."""
        params: dict = {"q": query.fts()}
        songs = ["s.deleted = 0"]
        if filters.song_id:
            songs.append("s.id = :song_id")
            params["song_id"] = filters.song_id
        if filters.artist:
            songs.append(_ARTIST)
            params["artist"] = filters.artist

        def of_song(column: str) -> tuple[str, str]:
            """The join and condition keeping rows whose song (named by *column*) is kept."""
            return f" JOIN songs s ON s.id = {column}", " AND ".join(songs)

        notes = ["a.deleted = 0"]
        if filters.pane:
            notes.append("a.target = :pane")
            params["pane"] = filters.pane
        if filters.lens_id:
            notes.append("a.lens_id = :lens_id")
            params["lens_id"] = filters.lens_id
        if filters.tag:
            notes.append(
                "EXISTS (SELECT 1 FROM annotation_tags t JOIN tags g ON g.id = t.tag_id"
                " WHERE t.annotation_id = a.id AND lp_sort(g.name) = lp_sort(:tag))"
            )
            params["tag"] = filters.tag
        if filters.has_note:
            notes.append("a.note != ''")
        if filters.status:
            notes.append("a.status = :status")
            params["status"] = filters.status
        join, kept = of_song("a.song_id")
        note_where = " AND ".join([*notes, kept])
        places: list[tuple[str | None, str]] = []
        if not filters.annotations_only and filters.pane in (None, "lyrics"):
            places.append(
                (
                    "songs_fts",
                    "SELECT 'song', s.n, s.n, t.rank FROM {top} t JOIN songs s ON s.n = t.rowid"
                    f" WHERE {' AND '.join(songs)}",
                )
            )
        # The texts kept with their song: pane (and kind of hit), table, its alias, a condition of its own.
        for pane, table, alias, own in (
            ("translation", "translations", "tr", ""),
            ("article", "articles", "ar", "ar.deleted = 0 AND "),
        ):
            if not filters.annotations_only and filters.pane in (None, pane):
                text_join, text_kept = of_song(f"{alias}.song_id")
                places.append(
                    (
                        f"{table}_fts",
                        f"SELECT '{pane}', {alias}.n, {alias}.n, t.rank FROM {{top}} t"
                        f" JOIN {table} {alias} ON {alias}.n = t.rowid{text_join} WHERE {own}{text_kept}",
                    )
                )
        places.append(
            (
                "annotations_fts",
                f"SELECT 'note', a.n, a.n, t.rank FROM {{top}} t JOIN annotations a ON a.n = t.rowid{join}"
                f" WHERE {note_where}",
            )
        )
        # An annotation over a repeated chorus matches once per fragment: `_best` keeps its best.
        places.append(
            (
                "fragments_fts",
                "SELECT 'quote', a.n, f.n, t.rank FROM {top} t JOIN fragments f ON f.n = t.rowid"
                f" JOIN annotations a ON a.id = f.annotation_id{join} WHERE {note_where}",
            )
        )
        tags = self._tags_named(query)
        if tags:
            names = ", ".join(f":tag{i}" for i in range(len(tags)))
            params.update({f"tag{i}": tag_n for i, tag_n in enumerate(tags)})
            places.append(
                (
                    None,
                    f"SELECT 'tag', a.n, min(g.n), {_TAG_RANK} FROM tags g"
                    " JOIN annotation_tags t ON t.tag_id = g.id JOIN annotations a ON a.id = t.annotation_id"
                    f"{join} WHERE g.n IN ({names}) AND {note_where} GROUP BY a.n",
                )
            )
        return places, params

    def _tags_named(self, query: Query) -> list[int]:
        """The tags whose names hold every term of *query* (tags are few: matched here, not by an index)."""
        return [
            n for n, name in self._library.tuples("SELECT n, name FROM tags") if query.matches(haystack(name))
        ]

    def _hit(self, kind: str, n: int, sub: int, query: Query, marks: tuple[str, str]) -> dict | None:
        """The hit ranked as (*kind*, *n*, *sub*), read with its snippet (None if it went meanwhile).

        One plain read by rowid per hit; the snippet is cut in Python (`search_snippet`), never by FTS5's
        snippet(), which scores the whole text again (seconds for a song of 20,000 lines).
        """
        head = "s.title AS song_title, s.artist AS artist"
        if kind == "song":
            row = self._library.row(
                f"SELECT s.id AS id, s.id AS song_id, {head}, s.title AS title, s.album AS album,"
                " s.lyrics AS text FROM songs s WHERE s.n = :n",
                {"n": n},
            )
            if row:
                self._song_snippet(row, query, marks)
        elif kind == "article":
            row = self._library.row(
                f"SELECT ar.id AS id, ar.song_id AS song_id, {head}, ar.title AS title, ar.id AS article_id,"
                " NULL AS annotation_id, ar.body AS text, 'article' AS \"where\""
                " FROM articles ar JOIN songs s ON s.id = ar.song_id WHERE ar.n = :n",
                {"n": n},
            )
            if row:
                snippet = cut(row.pop("text"), query, marks)
                if snippet.offset is None and find_in(row["title"], query):  # found in its title alone
                    snippet = Snippet(cut(row["title"], query, marks).text)
                self._place(row, snippet)
        elif kind == "translation":
            row = self._library.row(
                f"SELECT s.id AS id, s.id AS song_id, {head}, tr.language AS language, NULL AS article_id,"
                " NULL AS annotation_id, tr.text AS text, 'translation' AS \"where\""
                " FROM translations tr JOIN songs s ON s.id = tr.song_id WHERE tr.n = :n",
                {"n": n},
            )
            if row:
                row["title"] = translation_title(row.pop("language"))
                self._place(
                    row, cut(row.pop("text"), query, marks)
                )  # line i of the translation is lyric line i's
        else:
            row = self._annotation_hit(kind, n, sub, query, marks)
        if row:
            row["kind"] = kind
        return row

    def _song_snippet(self, row: dict, query: Query, marks: tuple[str, str]) -> None:
        """A song's hit is in its lyrics when a word is found there, else in its title, artist or album."""
        lyrics, album = row.pop("text"), row.pop("album")
        snippet = cut(lyrics, query, marks)
        row.update(article_id=None, annotation_id=None)
        if snippet.offset is not None or not any(
            find_in(f, query) for f in (row["title"], row["artist"], album)
        ):
            row["where"] = "lyrics"
            self._place(row, snippet)
            return
        shown = next((f for f in (row["title"], row["artist"], album) if find_in(f, query)), row["title"])
        row.update(where="title", snippet=cut(shown, query, marks).text, line=None, offset=None)

    @staticmethod
    def _place(row: dict, snippet: Snippet, line: int = 1, offset: int = 0) -> None:
        """*row* given *snippet* and where its first marked word is (in a text starting at *line*, *offset*)."""
        row["snippet"] = snippet.text
        row["line"] = None if snippet.line is None else line + snippet.line - 1
        row["offset"] = None if snippet.offset is None else offset + snippet.offset

    def _annotation_hit(
        self, kind: str, n: int, sub: int, query: Query, marks: tuple[str, str]
    ) -> dict | None:
        head = (
            "SELECT a.id AS id, a.song_id AS song_id, s.title AS song_title, s.artist AS artist, '' AS title,"
            " a.article_id AS article_id, a.id AS annotation_id, a.target AS target"
        )
        joins = "JOIN songs s ON s.id = a.song_id"
        args = {"n": n, "sub": sub}
        if kind == "note":
            row = self._library.row(f"{head}, a.note AS text FROM annotations a {joins} WHERE a.n = :n", args)
            if row:
                row.update(
                    where="note", line=None, offset=None, snippet=cut(row.pop("text"), query, marks).text
                )
        elif kind == "quote":
            row = self._library.row(
                f"{head}, f.quote AS text, f.line_start AS line_start, f.char_start AS char_start,"
                f" a.status = 'orphaned' AS orphaned FROM fragments f JOIN annotations a ON a.id = f.annotation_id"
                f" {joins} WHERE f.n = :sub",
                args,
            )
            if row:
                # Where the quote is in its pane, unless it lost its words (then the annotation says more).
                snippet = cut(row.pop("text"), query, marks)
                line, offset = row.pop("line_start"), row.pop("char_start")
                orphaned = row.pop("orphaned")
                row["where"] = row["target"]
                self._place(row, snippet if not orphaned else Snippet(snippet.text), line, offset)
        else:
            row = self._library.row(
                f"{head}, g.name AS tag, a.note AS note FROM annotations a {joins}, tags g"
                " WHERE a.n = :n AND g.n = :sub",
                args,
            )
            if row:
                note = row.pop("note")
                shown = f"{marks[0]}#{row.pop('tag')}{marks[1]}"
                if note:
                    shown += " " + _BLANK_LINES.sub("\n", note[:80])
                row.update(where="tag", line=None, offset=None, snippet=shown)
        if row:
            row.pop("target")
        return row

    def _raise_if_damaged(self, exc: NotALibrary) -> None:
        damaged = self._library.read_quietly(self.problems)
        if damaged:
            newer = (self._library.read_quietly(lambda: self._library.schema_version) or 0) > SCHEMA_VERSION
            how = (
                "the newer lyricpad that wrote this read-only library can rebuild it"
                if newer  # not a worker's read-only connection on a library of this version
                else "it can be rebuilt from your songs, articles and notes (`lyricpad check --repair`, "
                "or File > Check Library)"
            )
            raise SearchIndexDamaged(
                f"the library's search index is damaged, so it cannot be searched; {how}", sorted(damaged)
            ) from exc

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
