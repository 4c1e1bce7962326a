"""Checking a library for damage: its pages, links between items, search indexes, highlights on their words.

`check_library` only reads: it works on a worker's read-only connection (`Library.reader`) and on
a library of a newer lyricpad. What it finds, `lyricpad.core.repair` mends.

Annotations that need review or are orphaned keep the place they last had in a text that has
changed since (see `anchoring.reanchor`): only anchored fragments are held to their text, and
the proposals of those that need review.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lyricpad.core.anchoring import Anchor, Proposal
from lyricpad.core.errors import LibraryUnavailable
from lyricpad.core.markdown import rendered_text
from lyricpad.core.probe import page_problems, primary_code
from lyricpad.core.schema import FTS_COLUMNS
from lyricpad.core.search_index_check import search_index_damage
from lyricpad.core.store import Library
from lyricpad.core.text import LineIndex, line_count, lines_label

KINDS = {
    "pages": "Damaged pages or indexes (SQLite's integrity check)",
    "links": "Items that point at something missing",
    "search_index": "Search index out of step with the library",
    "anchors": "Highlights that are not on their words",
    "line_numbers": "Highlights with wrong line numbers",
    "proposals": "Proposed places outside their text",
    "translations": "Translations out of line with their lyrics",
}
"""Every kind of problem, in the order reports list them, with its heading."""

RECOVERED_TITLE = "Recovered notes"
"""The song a repair gives the articles and annotations whose song is missing."""

SUMMARY_ITEMS = 20
"""A summary lists this many problems of each kind (the JSON has them all)."""

ADVICE_PAGES = (
    "SQLite found damage in the library's pages or indexes, which lyricpad does not repair in place. "
    "Restore a backup made before the damage, or salvage what can still be read into a new library: "
    "open the library in the window (`lyricpad --library PATH`), which offers both when it finds its "
    "library damaged as it starts."
)

SEARCH_INDEX_NAMES = {
    "songs": "songs and lyrics",
    "articles": "articles",
    "annotations": "notes",
    "fragments": "highlighted quotes",
    "translations": "translations",
}

Progress = Callable[[int, int], object]
"""Called as progress(done, total); it may raise to stop the check (the exception goes through)."""


@dataclass(frozen=True)
class Problem:
    """One thing found wrong: its kind (a key of KINDS), where it is, what is wrong."""

    kind: str
    where: str
    what: str
    repairable: bool = True
    song_id: str | None = None
    annotation_id: str | None = None
    table: str | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class CheckReport:
    """What `check_library` found, and what it looked at."""

    library: str
    problems: tuple[Problem, ...]
    annotations: int = 0
    fragments: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def repairable(self) -> tuple[Problem, ...]:
        """Problems a repair mends (none of them when the pages are damaged: a repair refuses then)."""
        if self.pages_damaged:
            return ()
        return tuple(p for p in self.problems if p.repairable)

    @property
    def pages_damaged(self) -> bool:
        return any(p.kind == "pages" for p in self.problems)

    def by_kind(self) -> dict[str, list[Problem]]:
        """The problems grouped by kind, in the order of KINDS."""
        groups: dict[str, list[Problem]] = {kind: [] for kind in KINDS}
        for problem in self.problems:
            groups.setdefault(problem.kind, []).append(problem)
        return {kind: items for kind, items in groups.items() if items}

    def headline(self) -> str:
        """One sentence: fine, or how many problems and how many of them a repair mends."""
        if self.ok:
            return (
                f"No problems found in {self.library}: its pages, the links between its items, its "
                f"search index and {plural(self.annotations, 'highlight')} are as they should be."
            )
        total, mendable = len(self.problems), len(self.repairable)
        found = f"{plural(total, 'problem')} found in {self.library}"
        if self.pages_damaged:
            return f"{found}; the library's pages are damaged, so lyricpad does not repair it in place."
        if mendable == total:
            return f"{found}; {'it' if total == 1 else 'all of them'} can be repaired."
        if mendable == 0:
            return f"{found}; none of them can be repaired automatically."
        return f"{found}; {mendable} of them can be repaired."

    def summary(self, limit: int = SUMMARY_ITEMS) -> str:
        """The report for people: the headline, then each kind with its count and items."""
        details = self.details(limit)
        return f"{self.headline()}\n\n{details}" if details else self.headline()

    def details(self, limit: int = SUMMARY_ITEMS) -> str:
        """Each kind of problem with its count and items ("" when there is none)."""
        lines = []
        for kind, items in self.by_kind().items():
            mendable = kind != "pages" and not self.pages_damaged and all(p.repairable for p in items)
            lines.append("")
            lines.append(f"{KINDS.get(kind, kind)}: {len(items)}" + (" (repairable)" if mendable else ""))
            for problem in items[:limit]:
                text = str(problem) + ("" if problem.repairable or kind == "pages" else " (not repairable)")
                lines.append(textwrap.fill(text, 100, initial_indent="  - ", subsequent_indent="    "))
            if len(items) > limit:
                lines.append(f"  … and {len(items) - limit} more")
        if self.pages_damaged:
            lines += ["", textwrap.fill(ADVICE_PAGES, 100)]
        return "\n".join(lines[1:] if lines and lines[0] == "" else lines)

    def to_json(self) -> dict:
        return {
            "library": self.library,
            "ok": self.ok,
            "problem_count": len(self.problems),
            "repairable_count": len(self.repairable),
            "pages_damaged": self.pages_damaged,
            "checked": {"annotations": self.annotations, "fragments": self.fragments},
            "kinds": {
                kind: {
                    "title": KINDS.get(kind, kind),
                    "count": len(items),
                    "repairable": sum(p.repairable for p in items) if not self.pages_damaged else 0,
                }
                for kind, items in self.by_kind().items()
            },
            "problems": [p.to_json() for p in self.problems],
            "advice": ADVICE_PAGES if self.pages_damaged else None,
            **({"damaged": self.damage()} if self.pages_damaged else {}),
        }

    def damage(self) -> str:
        """The damaged pages in one sentence ("" when there is none), as the window and the CLI name them."""
        found = [p.what for p in self.problems if p.kind == "pages"][:3]
        return f"{self.library} is damaged (SQLite's check found: {' '.join(found)})" if found else ""


def plural(n: int, noun: str) -> str:
    return f"1 {noun}" if n == 1 else f"{n} {noun}s"


def _show(text: str, width: int = 40) -> str:
    """A quote as a report shows it: on one line, shortened, in quotation marks."""
    flat = " / ".join(text.split("\n"))
    return f"“{flat if len(flat) <= width else flat[: width - 1] + '…'}”"


# ------------------------------------------------------------------- reading


@dataclass
class Contents:
    """What the checks read, in one go: the texts, the annotations and their fragments."""

    songs: dict[str, tuple[str, str]]  # id -> (title, lyrics)
    articles: dict[str, tuple[str, str, str]]  # id -> (song id, title, Markdown body)
    annotations: list[tuple[str, str, str, str | None, str, bool, str]]
    # (id, song id, target, article id, status, deleted, note)
    fragments: dict[str, list[Anchor]]
    rendered: dict[str, str] = dataclasses.field(default_factory=dict)
    translations: dict[str, str] = dataclasses.field(default_factory=dict)  # song id -> translation text

    def text(self, target: str, article_id: str | None, song_id: str) -> str | None:
        """The text an annotation's offsets count over; None when it is missing (a links problem)."""
        if target == "lyrics":
            song = self.songs.get(song_id)
            return song[1] if song else None
        if target == "translation":
            # A song without a translation (removed) is text empty: its notes there are orphaned.
            return self.translations.get(song_id, "") if song_id in self.songs else None
        article = self.articles.get(article_id or "")
        if article is None or article[0] != song_id:
            return None
        if article_id not in self.rendered:
            self.rendered[article_id] = rendered_text(article[2])
        return self.rendered[article_id]

    def place(self, song_id: str, target: str, article_id: str | None) -> str:
        """'“Song”, lyrics' or '“Song”, article “Title”' for a report."""
        song = self.songs.get(song_id)
        name = f"“{song[0]}”" if song else f"song {song_id[:8]} (missing)"
        if target in ("lyrics", "translation"):
            return f"{name}, {target}"
        article = self.articles.get(article_id or "")
        return f"{name}, article “{article[1] or '(untitled)'}”" if article else f"{name}, an article"


def read_contents(library: Library) -> Contents:
    conn = library.db.conn
    songs = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, title, lyrics FROM songs")}
    articles = {
        r[0]: (r[1], r[2], r[3]) for r in conn.execute("SELECT id, song_id, title, body FROM articles")
    }
    annotations = [
        (r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6])
        for r in conn.execute(
            "SELECT id, song_id, target, article_id, status, deleted, note FROM annotations ORDER BY n"
        )
    ]
    fragments: dict[str, list[Anchor]] = {}
    for row in conn.execute(
        "SELECT annotation_id, char_start, char_end, quote, prefix, suffix, line_start, line_end, occurrence,"
        " proposed_start, proposed_end, proposed_line_start, proposed_line_end"
        " FROM fragments ORDER BY annotation_id, position"
    ):
        proposal = None if row[9] is None else Proposal(row[9], row[10], row[11], row[12])
        fragments.setdefault(row[0], []).append(Anchor(*row[1:9], proposal=proposal))
    translations = dict(conn.execute("SELECT song_id, text FROM translations").fetchall())
    return Contents(songs, articles, annotations, fragments, translations=translations)


# -------------------------------------------------------------------- checks


def _page_problems(library: Library) -> list[Problem]:
    try:
        found = [row[0] for row in library.db.conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        if not _is_corrupt(exc):
            raise LibraryUnavailable(f"could not check {library.path}: {exc}") from exc
        return [Problem("pages", "", f"SQLite's check could not finish: {exc}", repairable=False)]
    # Newer SQLite also checks FTS5 indexes here; those are the search index's, found below.
    return [Problem("pages", "", line, repairable=False) for line in page_problems(found)]


def _search_index_problems(library: Library, *, direct: bool) -> list[Problem]:
    """FTS5's own check of each search index against its table: *direct* on this connection (inside
    a repair's write transaction), else on a private copy (`search_index_damage`)."""
    problems = library.search.problems() if direct else search_index_damage(library)
    return [
        Problem(
            "search_index",
            f"the search index of {SEARCH_INDEX_NAMES.get(table, table)}",
            f"it does not match the {table} it indexes (FTS5's check says: {message}); "
            "a repair rebuilds it from them",
            table=table,
        )
        for table, message in sorted(problems.items(), key=lambda item: list(FTS_COLUMNS).index(item[0]))
    ]


def _link_problems(library: Library, contents: Contents) -> list[Problem]:
    """Rows pointing at rows that are gone (PRAGMA foreign_key_check), and annotations on another song's article."""
    conn = library.db.conn
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for table, _rowid, parent, _fkid in conn.execute("PRAGMA foreign_key_check").fetchall():
        seen.add((table, parent))
    handled = {
        ("fragments", "annotations"),
        ("annotation_tags", "annotations"),
        ("annotation_tags", "tags"),
        ("annotations", "songs"),
        ("annotations", "articles"),
        ("annotations", "lenses"),
        ("articles", "songs"),
        ("quote_links", "songs"),
        ("quote_links", "articles"),
        ("quote_link_texts", "articles"),
    }
    if ("fragments", "annotations") in seen:
        for annotation_id, quote in conn.execute(
            "SELECT annotation_id, quote FROM fragments WHERE annotation_id NOT IN (SELECT id FROM annotations)"
        ):
            problems.append(
                Problem(
                    "links",
                    f"highlighted passage {_show(quote)}",
                    f"its annotation {annotation_id[:8]} no longer exists (a repair removes the passage: "
                    "it has no note of its own)",
                    annotation_id=annotation_id,
                    table="fragments",
                )
            )
    if {("annotation_tags", "annotations"), ("annotation_tags", "tags")} & seen:
        for annotation_id, _tag_id in conn.execute(
            "SELECT annotation_id, tag_id FROM annotation_tags"
            " WHERE annotation_id NOT IN (SELECT id FROM annotations) OR tag_id NOT IN (SELECT id FROM tags)"
        ):
            problems.append(
                Problem(
                    "links",
                    f"a tag link of annotation {annotation_id[:8]}",
                    "its annotation or its tag no longer exists (a repair removes the link)",
                    annotation_id=annotation_id,
                    table="annotation_tags",
                )
            )
    for article_id, (song_id, title, _body) in contents.articles.items():
        if song_id not in contents.songs:
            problems.append(
                Problem(
                    "links",
                    f"article “{title or '(untitled)'}” ({article_id[:8]})",
                    f"its song {song_id[:8]} no longer exists (a repair moves it to a new song "
                    f"“{RECOVERED_TITLE}”)",
                    song_id=song_id,
                    table="articles",
                )
            )
    lens_ids = {row[0] for row in conn.execute("SELECT id FROM lenses")}
    lens_of = dict(conn.execute("SELECT id, lens_id FROM annotations WHERE lens_id IS NOT NULL").fetchall())
    for annotation_id, song_id, target, article_id, _status, _deleted, note in contents.annotations:
        what = None
        article = contents.articles.get(article_id or "")
        if song_id not in contents.songs and (article is None or article[0] not in contents.songs):
            what = f"its song {song_id[:8]} no longer exists (a repair moves it to a new song “{RECOVERED_TITLE}”)"
        elif target == "article" and article is None:
            what = (
                f"its article {(article_id or '')[:8]} no longer exists (a repair keeps it, orphaned, "
                "with its quote and note)"
            )
        elif target == "article" and article[0] != song_id:
            what = "its article belongs to another song (a repair gives it the article's song)"
        elif annotation_id in lens_of and lens_of[annotation_id] not in lens_ids:
            what = "its lens no longer exists (a repair leaves it without a lens, as deleting a lens does)"
        if what:
            problems.append(
                Problem(
                    "links",
                    f"{contents.place(song_id, target, article_id)}, annotation {annotation_id[:8]}"
                    + (f" (note {_show(note, 30)})" if note.strip() else ""),
                    what,
                    song_id=song_id,
                    annotation_id=annotation_id,
                    table="annotations",
                )
            )
    problems += _quote_link_problems(conn, seen)
    for table, parent in sorted(seen - handled):
        problems.append(
            Problem(
                "links",
                f"rows of {table}",
                f"they point at rows of {parent} that no longer exist",
                repairable=False,
                table=table,
            )
        )
    return problems


def _quote_link_problems(conn, seen: set[tuple[str, str]]) -> list[Problem]:
    """Quote links (and the texts they were computed on) whose article or song is gone."""
    problems: list[Problem] = []
    if ("quote_links", "articles") in seen or ("quote_link_texts", "articles") in seen:
        for article_id, count in conn.execute(
            "SELECT article_id, count(*) FROM (SELECT article_id FROM quote_links UNION ALL"
            " SELECT article_id FROM quote_link_texts) WHERE article_id NOT IN (SELECT id FROM articles)"
            " GROUP BY article_id"
        ):
            problems.append(
                Problem(
                    "links",
                    f"quote links of article {article_id[:8]} ({plural(count, 'row')})",
                    "their article no longer exists (a repair removes them: the quotations they "
                    "linked are gone with it)",
                    table="quote_links",
                )
            )
    if ("quote_links", "songs") in seen:
        for article_id, count in conn.execute(
            "SELECT article_id, count(*) FROM quote_links WHERE song_id NOT IN (SELECT id FROM songs)"
            " AND article_id IN (SELECT id FROM articles) GROUP BY article_id"
        ):
            problems.append(
                Problem(
                    "links",
                    f"quote links of article {article_id[:8]} ({plural(count, 'row')})",
                    "their song no longer exists (a repair gives them their article's song)",
                    table="quote_links",
                )
            )
    return problems


def anchor_problems(
    status: str, fragments: Sequence[Anchor], text: str, index: LineIndex
) -> list[tuple[int, str, str]]:
    """What is wrong with an annotation's fragments over *text*: (fragment index, kind, what) each.

    Anchored fragments must hold their quote at their offsets, with the line numbers those
    offsets give; proposals (of annotations that need review) must lie within the text, with
    their line numbers. The stored place of a non-anchored fragment is where it last was,
    in an older text, so it is not held to this one.
    """
    if not fragments:
        return [(0, "anchors", "it has no highlighted text at all (no fragment), so it cannot be placed")]
    found = []
    size = len(text)
    for i, frag in enumerate(fragments):
        if status == "anchored":
            if not 0 <= frag.start < frag.end <= size:
                found.append((i, "anchors", f"its quote {_show(frag.quote)} points past the end of the text"))
            elif text[frag.start : frag.end] != frag.quote:
                where = lines_label(*index.lines_of_range(frag.start, frag.end))
                found.append(
                    (
                        i,
                        "anchors",
                        f"its quote {_show(frag.quote)} is not on its words: it points at "
                        f"{_show(text[frag.start : frag.end])} ({where})",
                    )
                )
            else:
                lines = index.lines_of_range(frag.start, frag.end)
                if (frag.line_start, frag.line_end) != lines:
                    found.append(
                        (
                            i,
                            "line_numbers",
                            f"its lines are stored as {lines_label(frag.line_start, frag.line_end)}, "
                            f"but its place is on {lines_label(*lines)}",
                        )
                    )
        elif status == "needs_review" and frag.proposal is not None:
            p = frag.proposal
            if None in (p.start, p.end, p.line_start, p.line_end) or not 0 <= p.start < p.end <= size:
                found.append((i, "proposals", "the place proposed for it points past the end of the text"))
            elif (p.line_start, p.line_end) != index.lines_of_range(p.start, p.end):
                found.append(
                    (
                        i,
                        "proposals",
                        f"the lines of its proposed place are stored as {lines_label(p.line_start, p.line_end)}, "
                        f"but it is on {lines_label(*index.lines_of_range(p.start, p.end))}",
                    )
                )
    return found


def _translation_problems(contents: Contents) -> list[Problem]:
    """A translation holds one line per lyric line: one with more or fewer is misaligned from some line on."""
    problems = []
    for song_id, text in contents.translations.items():
        song = contents.songs.get(song_id)
        if song is None:
            continue  # a links problem
        lyric, given = line_count(song[1]), text.count("\n") + 1
        if lyric and given != lyric:
            problems.append(
                Problem(
                    "translations",
                    contents.place(song_id, "translation", None),
                    f"the translation has {given} lines, the lyrics {lyric}: store it again to realign it",
                    repairable=False,
                    song_id=song_id,
                    table="translations",
                )
            )
    return problems


def _anchor_report(contents: Contents, progress: Progress | None, done: int, total: int) -> list[Problem]:
    problems = []
    indexes: dict[tuple[str, str], LineIndex] = {}
    for number, (annotation_id, song_id, target, article_id, status, deleted, _note) in enumerate(
        contents.annotations, 1
    ):
        if progress is not None and number % 200 == 0:
            progress(done + number, total)
        text = contents.text(target, article_id, song_id)
        if text is None:
            continue  # its song or article is missing: a links problem
        key = (song_id, article_id or target)
        if key not in indexes:
            indexes[key] = LineIndex(text)
        fragments = contents.fragments.get(annotation_id, [])
        for i, kind, what in anchor_problems(status, fragments, text, indexes[key]):
            where = f"{contents.place(song_id, target, article_id)}, annotation {annotation_id[:8]}"
            if len(fragments) > 1:
                where += f", passage {i + 1} of {len(fragments)}"
            if deleted:
                where += " (in the trash)"
            problems.append(
                Problem(
                    kind,
                    where,
                    what,
                    repairable=bool(fragments),
                    song_id=song_id,
                    annotation_id=annotation_id,
                    table="fragments",
                )
            )
    return problems


def check_library(library: Library, progress: Progress | None = None) -> CheckReport:
    """Check the library, changing nothing: pages and indexes, links, search indexes, highlights.

    Works on a read-only connection (a worker's `Library.reader()`, a library of a newer
    lyricpad). Everything is read in one read transaction, so the report is of one moment.
    """
    with library.snapshot():
        return scan(library, progress, pages=True, direct=False)


def check_pages(library: Library) -> str:
    """SQLite's integrity_check of every page and index, changing nothing: "" when the library is
    sound, else one sentence naming the damage. It reads the whole file: the window runs it in the
    background on a worker's connection (`Library.reader`), the CLI in `lyricpad check`."""
    with library.snapshot():
        return CheckReport(
            str(library.path) if library.path else "the in-memory library", tuple(_page_problems(library))
        ).damage()


def scan(library: Library, progress: Progress | None, *, pages: bool, direct: bool) -> CheckReport:
    """The checks of `check_library`, in the caller's transaction; *pages*: run PRAGMA integrity_check,
    *direct*: ask FTS5 on this connection (it may write: a repair's transaction) rather than on a copy."""
    name = str(library.path) if library.path else "the in-memory library"
    if progress is not None:
        progress(0, 0)
    if pages:
        damaged = _page_problems(library)
        # What the library's first write would check (`write_gate`): a repair need not check again.
        library.gate.settle(CheckReport(name, tuple(damaged)).damage())
        if damaged:  # nothing else can be trusted, nor repaired in place
            return CheckReport(name, tuple(damaged))
    try:
        return _check_contents(library, name, progress, direct=direct)
    except sqlite3.DatabaseError as exc:
        if _is_corrupt(exc):  # a damaged page quick_check did not see at opening
            return CheckReport(
                name, (Problem("pages", "", f"SQLite could not read the library: {exc}", False),)
            )
        raise LibraryUnavailable(f"could not check {name}: {exc}") from exc


def _is_corrupt(exc: sqlite3.Error) -> bool:
    code = primary_code(exc)
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _check_contents(library: Library, name: str, progress: Progress | None, *, direct: bool) -> CheckReport:
    count = library.db.conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    total = count + 4
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    problems: list[Problem] = []
    step()
    contents = read_contents(library)
    problems += _link_problems(library, contents)
    problems += _translation_problems(contents)
    step()
    problems += _search_index_problems(library, direct=direct)
    step()
    problems += _anchor_report(contents, progress, done, total)
    done += count
    step()
    order = list(KINDS)
    problems.sort(key=lambda p: order.index(p.kind) if p.kind in order else len(order))
    return CheckReport(
        name,
        tuple(problems),
        annotations=len(contents.annotations),
        fragments=sum(len(f) for f in contents.fragments.values()),
    )
