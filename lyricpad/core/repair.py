"""Repairing a library after a check: a backup first, then one transaction that loses no word.

Search indexes are rebuilt from the tables; links are mended (items whose song is gone move to a
new song "Recovered notes"); highlights off their words are found again by their quote, or need
review, or are kept orphaned with quote and note. Damaged pages are never repaired in place.
"""

from __future__ import annotations

import dataclasses
import textwrap
from dataclasses import dataclass
from pathlib import Path

from lyricpad.core.anchoring import EditMap, Proposal, reanchor
from lyricpad.core.backup import make_backup
from lyricpad.core.check import (
    ADVICE_PAGES,
    RECOVERED_TITLE,
    SEARCH_INDEX_NAMES,
    CheckReport,
    anchor_problems,
    check_library,
    plural,
    read_contents,
    scan,
)
from lyricpad.core.errors import LyricpadError
from lyricpad.core.models import Annotation
from lyricpad.core.store import Library, now
from lyricpad.core.text import LineIndex


class RepairRefused(LyricpadError):
    """A library cannot be repaired in place (its pages are damaged, or it is read-only)."""


class RepairFailed(LyricpadError):
    """A repair stopped on an error: its transaction was rolled back, so nothing was repaired."""


def mend_search_index(library: Library, tables: list[str], *, backup: Path | None = None) -> Path | None:
    """Rebuild damaged full-text indexes from the tables, after a backup of the library as it was
    (made now unless *backup* is one made already); returns that backup (None: an in-memory library)."""
    if backup is None and library.path is not None:
        backup = make_backup(library, reason="repair")
    library.search.rebuild(tables)
    return backup


@dataclass(frozen=True)
class RepairReport:
    """What `repair_library` did: the backup made first, each repair, and the check after it."""

    before: CheckReport
    backup: Path | None
    actions: tuple[str, ...]
    after: CheckReport | None
    recovered_song_id: str | None = None

    @property
    def ok(self) -> bool:
        """True when the check after the repair found nothing (unknown without that check: False)."""
        return self.after is not None and self.after.ok

    def summary(self) -> str:
        if self.backup is None:
            lines = ["Nothing was repaired: there was nothing a repair could mend."]
        else:
            lines = [
                f"Backed up the library first, to {self.backup}.",
                "",
                f"Repaired ({len(self.actions)}):",
            ]
            lines += [
                textwrap.fill(a, 100, initial_indent="  - ", subsequent_indent="    ") for a in self.actions
            ]
        if self.after is not None:
            lines += ["", "Checked again:", self.after.summary()]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "before": self.before.to_json(),
            "backup": str(self.backup) if self.backup else None,
            "repaired": list(self.actions),
            "recovered_song_id": self.recovered_song_id,
            "after": self.after.to_json() if self.after else None,
            "ok": self.ok,
        }


def repair_library(
    library: Library, report: CheckReport | None = None, *, check_after: bool = True
) -> RepairReport:
    """Back the library up, then repair in one transaction what *report* (default: a new check) found.

    Looked for again under the write lock, so a repair mends the library as it is, whatever
    changed since the report. Search indexes are rebuilt first (their triggers must work for
    the rest); links are mended (orphaned fragments and tag links removed, lenses that are
    gone dropped, items of a missing song moved to a new song "Recovered notes"); highlights
    are found again by their quote, or need review, or are orphaned with their quote and note.
    Refuses (RepairRefused) a library whose pages are damaged, or one open read-only.
    *check_after*: check again afterwards and put that report in the result.
    """
    if library.read_only:
        raise RepairRefused(f"nothing was repaired: {library.read_only}")
    report = report if report is not None else check_library(library)
    if report.pages_damaged:
        raise RepairRefused(f"nothing was repaired: {ADVICE_PAGES}")
    if not report.repairable:
        return RepairReport(report, None, (), report if check_after else None)
    backup = make_backup(library, reason="repair")
    actions: list[str] = []
    recovered: list[str] = []  # the id of "Recovered notes", once made
    try:
        with library.write():
            fresh = scan(library, None, pages=False, direct=True)
            _repair_search_index(library, fresh, actions)
            _repair_links(library, actions, recovered)
            _repair_anchors(library, actions)
    except LyricpadError as exc:
        raise RepairFailed(
            f"the repair failed, so nothing was repaired: {exc} (a backup was made first: {backup})"
        ) from exc
    after = check_library(library) if check_after else None
    return RepairReport(report, backup, tuple(actions), after, recovered[0] if recovered else None)


def _repair_search_index(library: Library, report: CheckReport, actions: list[str]) -> None:
    tables = [p.table for p in report.problems if p.kind == "search_index" and p.table]
    if tables:
        library.search.rebuild(tables)
        actions += [
            f"rebuilt the search index of {SEARCH_INDEX_NAMES.get(t, t)} from the {t}" for t in tables
        ]


def _recovered_song(library: Library, recovered: list[str]) -> str:
    if not recovered:
        recovered.append(library.songs.add(RECOVERED_TITLE).id)
    return recovered[0]


def _repair_links(library: Library, actions: list[str], recovered: list[str]) -> None:
    db = library.db
    gone = db.execute(
        "UPDATE annotations SET lens_id = NULL WHERE lens_id IS NOT NULL AND lens_id NOT IN (SELECT id FROM lenses)"
    ).rowcount
    if gone:
        actions.append(f"left {plural(gone, 'annotation')} whose lens is gone without a lens")
    removed = db.execute(
        "DELETE FROM annotation_tags WHERE annotation_id NOT IN (SELECT id FROM annotations)"
        " OR tag_id NOT IN (SELECT id FROM tags)"
    ).rowcount
    if removed:
        actions.append(f"removed {plural(removed, 'tag link')} of annotations or tags that no longer exist")
    removed = db.execute(
        "DELETE FROM fragments WHERE annotation_id NOT IN (SELECT id FROM annotations)"
    ).rowcount
    if removed:
        actions.append(
            f"removed {plural(removed, 'highlighted passage')} of annotations that no longer exist"
        )
    homeless = [
        (row[0], row[1])
        for row in db.execute("SELECT id, title FROM articles WHERE song_id NOT IN (SELECT id FROM songs)")
    ]
    if homeless:
        song_id = _recovered_song(library, recovered)
        for article_id, title in homeless:
            db.execute(
                "UPDATE articles SET song_id = ?, updated = ? WHERE id = ?", [song_id, now(), article_id]
            )
            actions.append(
                f"moved the article “{title or '(untitled)'}”, whose song is gone, to “{RECOVERED_TITLE}”"
            )
    removed = db.execute("DELETE FROM quote_links WHERE article_id NOT IN (SELECT id FROM articles)").rowcount
    db.execute("DELETE FROM quote_link_texts WHERE article_id NOT IN (SELECT id FROM articles)")
    if removed:
        actions.append(f"removed {plural(removed, 'quote link')} of articles that no longer exist")
    moved = db.execute(
        "UPDATE quote_links SET song_id = (SELECT song_id FROM articles WHERE articles.id = quote_links.article_id)"
        " WHERE song_id IS NOT (SELECT song_id FROM articles WHERE articles.id = quote_links.article_id)"
    ).rowcount
    if moved:
        actions.append(f"gave {plural(moved, 'quote link')} the song of their article")
    rows = db.execute(
        "SELECT a.id, a.song_id, a.target, a.article_id, ar.song_id, s.id IS NOT NULL FROM annotations a"
        " LEFT JOIN articles ar ON ar.id = a.article_id LEFT JOIN songs s ON s.id = a.song_id"
        " WHERE s.id IS NULL OR (a.target = 'article' AND (ar.id IS NULL OR ar.song_id != a.song_id))"
    ).fetchall()
    for annotation_id, _song_id, target, _article_id, article_song, song_exists in rows:
        annotation = library.annotations.get(annotation_id)
        if target == "article" and article_song is not None:
            changed = dataclasses.replace(annotation, song_id=article_song)
            what = "gave annotation {id} the song of its article"
        else:
            changed = dataclasses.replace(
                annotation,
                song_id=annotation.song_id if song_exists else _recovered_song(library, recovered),
                target="lyrics",
                article_id=None,
                status="orphaned",
                fragments=tuple(dataclasses.replace(f, proposal=None) for f in annotation.fragments),
            )
            if song_exists:
                what = "kept annotation {id}, whose article is gone, as orphaned with its quote and note"
            else:
                what = f"moved annotation {{id}}, whose song is gone, to “{RECOVERED_TITLE}” (orphaned, quote and note kept)"
        library.snapshots.restore_annotation(dataclasses.replace(changed, updated=now()))
        actions.append(what.format(id=annotation_id[:8]))


def repaired_annotation(
    annotation: Annotation, text: str, index: LineIndex | None = None
) -> Annotation | None:
    """*annotation* with its fragments mended over *text*, or None when nothing is wrong (or nothing can be done).

    A fragment off its words is looked for again by its quote and context (as after an edit):
    found for certain, it is anchored there; else the annotation needs review, with the place
    found proposed; else it is orphaned. Quote and note are always kept. Wrong line numbers
    are computed again from the offsets; proposals outside the text are dropped (an
    annotation left with no proposal is orphaned).
    """
    index = index or LineIndex(text)
    problems = anchor_problems(annotation.status, annotation.fragments, text, index)
    if not problems or not annotation.fragments:
        return None
    status, fragments = annotation.status, list(annotation.fragments)
    if any(kind == "anchors" for _, kind, _ in problems):
        try:
            # An edit that changed nothing: fragments still on their words stay (step 1), the others
            # are looked for by quote and context (steps 2 and 3).
            result = reanchor(fragments, "anchored", text, EditMap(text, text), index)
            status, fragments = result.status, list(result.fragments)
        except LyricpadError:  # a quote that cannot be a highlight (blank): keep it, orphaned
            status, fragments = "orphaned", [dataclasses.replace(f, proposal=None) for f in fragments]
    else:
        for i, kind, _ in problems:
            frag = fragments[i]
            if kind == "line_numbers":
                first, last = index.lines_of_range(frag.start, frag.end)
                fragments[i] = dataclasses.replace(frag, line_start=first, line_end=last)
            elif kind == "proposals":
                p = frag.proposal
                if None in (p.start, p.end) or not 0 <= p.start < p.end <= len(text):
                    fragments[i] = dataclasses.replace(frag, proposal=None)
                else:
                    proposal = Proposal(p.start, p.end, *index.lines_of_range(p.start, p.end))
                    fragments[i] = dataclasses.replace(frag, proposal=proposal)
        if status == "needs_review" and not any(f.proposal for f in fragments):
            status = "orphaned"
    return dataclasses.replace(annotation, status=status, fragments=tuple(fragments), updated=now())


def _repair_anchors(library: Library, actions: list[str]) -> None:
    contents = read_contents(library)
    indexes: dict[tuple[str, str], LineIndex] = {}
    for annotation_id, song_id, target, article_id, status, _deleted, _note in contents.annotations:
        text = contents.text(target, article_id, song_id)
        fragments = contents.fragments.get(annotation_id, [])
        if text is None or not fragments:
            continue
        key = (song_id, article_id or target)  # the lyrics and the translation are two texts
        if key not in indexes:
            indexes[key] = LineIndex(text)
        mended = repaired_annotation(library.annotations.get(annotation_id), text, indexes[key])
        if mended is None:
            continue
        library.snapshots.restore_annotation(mended)
        where = contents.place(song_id, target, article_id)
        kinds = {kind for _, kind, _ in anchor_problems(status, fragments, text, indexes[key])}
        if mended.status == "anchored" and kinds == {"line_numbers"}:
            how = "its line numbers computed again from its place"
        elif mended.status == "anchored":
            how = "re-anchored on its words"
        elif mended.status == status and kinds == {"proposals"}:
            how = "its proposed places mended (those outside the text dropped)"
        elif mended.status == "needs_review":
            how = "set to need review, with the place found for it proposed"
        else:
            how = "orphaned: its words were not found; its quote and note are kept"
        actions.append(f"{where}, annotation {annotation_id[:8]}: {how}")
