"""Importing a JSON or W3C export into a library: merged by id, the newer version of each item wins.

A merge is two stages. The whole file is read and checked first, into a plan of plain objects
with a decision for each item (merge_from_json, merge_from_w3c, merge_plan); a file that is not
JSON, has the wrong shape, comes from a newer lyricpad or points at lenses, songs or articles
that exist nowhere is refused with one message (`MergeRefused`) listing every problem, and
changes nothing. Then `apply_plan` writes the plan, in the same transaction as it was decided.
Importing the same file twice adds nothing; an item edited here after the file was written is
kept. Only the Library's public methods write. The user's quote-link decisions are placed on
the texts here like annotations, and written through `lib.links`, which detects links again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from lyricpad.core import livefiles
from lyricpad.core.anchoring import Anchor, EditMap, anchor_for_range, holds, placed_from_outside, reanchor
from lyricpad.core.errors import LyricpadError
from lyricpad.core.importers import size_label
from lyricpad.core.line_map import lyric_lines, map_lines
from lyricpad.core.markdown import render_article
from lyricpad.core.merge_from_json import plan_export, read_export
from lyricpad.core.merge_from_w3c import W3C_TYPES, plan_w3c, read_w3c
from lyricpad.core.merge_plan import (
    MAX_DEPTH,
    Decision,
    MergePlan,
    MergeRefused,
    MergeReport,
    Planned,
    PlannedAnnotation,
    PlannedLinkDecision,
    PlannedStudy,
    Problems,
    check_values,
    refuse,
)
from lyricpad.core.quotations import compare
from lyricpad.core.store.corrections import found_again
from lyricpad.core.store.link_computing import LinkDecision, lines_anchor, places_json
from lyricpad.core.store.reanchoring import reanchor_text
from lyricpad.core.text import LineIndex, normalise_text

__all__ = [
    "MAX_FILE_BYTES",
    "MergeRefused",
    "MergeReport",
    "apply_plan",
    "is_w3c",
    "load_file",
    "merge_file",
    "merge_json",
    "merge_w3c",
]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Files bigger than this are refused before they are read (like importers.MAX_IMPORT_BYTES for
text files): parsed, a JSON file takes many times its size in memory. A library of thousands of
annotated songs exports to a few MB."""


def _too_big(name: str, size: int) -> MergeRefused:
    return refuse(
        f"{name} is too big to import ({size_label(size)}; the limit is {size_label(MAX_FILE_BYTES)})"
    )


def _load(data) -> object:
    """Parsed JSON of *data* (its bytes, its text or already parsed), every value checked."""
    if isinstance(data, bytes | bytearray | str) and len(data) > MAX_FILE_BYTES:
        raise _too_big("the file", len(data))
    if isinstance(data, bytes | bytearray):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise refuse("the file is not UTF-8 text") from exc
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except RecursionError:
            # Python's parser recurses: a file nested far deeper than anything lyricpad writes.
            raise refuse(f"the file is nested deeper than {MAX_DEPTH} levels") from None
        except ValueError as exc:  # not JSON, or a number of thousands of digits
            if "int_max_str_digits" in str(exc) or "integer string conversion" in str(exc):
                raise refuse("the file holds a number too big to store (thousands of digits)") from None
            raise refuse(f"the file is not JSON ({exc})") from exc
    check_values(data)
    return data


def load_file(path: str | os.PathLike) -> object:
    """The parsed JSON of a file to merge (MergeRefused when missing, too big or not JSON)."""
    path = Path(path)
    try:
        livefiles.refuse_held(path, "import it")  # never opened: that would unlock the library
        info = livefiles.require_regular(path, "a file")
    except livefiles.PathRefused as exc:
        raise refuse(str(exc)) from None
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(path.name, info.st_size)
    try:
        with open(path, "rb", opener=livefiles.open_nonblocking) as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)  # it may have grown since stat()
    except OSError as exc:
        raise refuse(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(path.name, len(raw))
    return _load(raw)


def is_w3c(data) -> bool:
    """True when parsed JSON looks like W3C Web Annotations rather than a lyricpad export."""
    if isinstance(data, list):
        return True
    return isinstance(data, dict) and ("@context" in data or data.get("type") in W3C_TYPES)


def merge_file(library, path: str | os.PathLike) -> MergeReport:
    """Merge a lyricpad JSON export or a W3C Web Annotation file, whichever *path* holds."""
    data = load_file(path)
    return merge_w3c(library, data) if is_w3c(data) else merge_json(library, data)


def merge_json(library, data) -> MergeReport:
    """Merge a lyricpad JSON export (a dict, or its text) into *library* by id; the newer `updated` wins.

    Lenses are matched by id, then by name; a local lens is never changed. Songs and articles
    whose text changed are re-anchored as an edit would; annotations made on another version
    of a text are placed on this one the same way.
    """
    problems = Problems()
    found = read_export(_load(data), problems)
    return _merged(library, problems, lambda: plan_export(library, found, problems))


def merge_w3c(library, data) -> MergeReport:
    """Merge W3C Web Annotations (a collection, a page, one annotation or a list) into *library*.

    Targets must be texts of this library (``urn:uuid:`` of a song for its lyrics, or of an
    article), as lyricpad's W3C export writes them. Annotations are placed by their selectors:
    at the TextPositionSelector when it still holds the quote, else where the quote is found
    with its context (else needs review or orphaned). Bodies: commenting/describing (or no
    purpose) -> the note, tagging -> tags, classifying -> the lens (by id, then by name).
    The newer of `modified` (or `created`) and the local `updated` wins.
    """
    from lyricpad.core.store import now

    problems = Problems()
    found = read_w3c(_load(data), problems)
    stamp = now()
    return _merged(library, problems, lambda: plan_w3c(library, found, problems, stamp))


def _merged(library, problems: Problems, plan: Callable[[], MergePlan]) -> MergeReport:
    """Decide the plan and write it in one transaction, unless the file has any problem."""
    try:
        with library.write():
            # Decided inside the transaction that writes it: what it compares with cannot change.
            decided = plan()
            problems.refuse_if_any()
            return apply_plan(library, decided)
    except MergeRefused:
        raise
    except LyricpadError as exc:
        raise refuse(str(exc)) from exc


# ------------------------------------------------------------------ writing


def apply_plan(library, plan: MergePlan) -> MergeReport:
    """Write a checked *plan* (inside the caller's transaction); what was done, counted."""
    report = MergeReport(warnings=list(plan.warnings))
    for _ in range(plan.matched_lenses):
        report.count("lenses", "unchanged")
    for lens in plan.new_lenses:
        library.lenses.restore(lens)
        report.count("lenses", "added")
    for planned in plan.songs:
        _write_text_item(library, planned, "songs", report)
    for planned in plan.articles:
        _write_text_item(library, planned, "articles", report)
    # Translations before annotations: notes on a translation are placed on it.
    _write_translations(library, plan.translations, report)
    texts: dict[tuple, tuple[str, LineIndex]] = {}  # written above: unchanged while annotations are
    for planned in plan.annotations:
        _write_annotation(library, planned, report, texts)
    _write_link_decisions(library, plan.link_decisions, report)
    _write_corrections(library, plan.corrections, report)
    if plan.tags:
        # Tags no annotation uses are in the file's list only; a name that is no tag is passed over.
        library.tags.ensure(name for name in plan.tags if library.tags.clean(name))
    return report


_OUTCOME = {Decision.NEW: "added", Decision.NEWER: "updated", Decision.KEPT: "unchanged"}


def _write_text_item(library, planned: Planned, kind: str, report: MergeReport) -> None:
    """Write a song or an article; a newer text re-anchors what is here first, as an edit would."""
    item, local = planned.item, planned.local
    if planned.decision is Decision.NEWER:
        if kind == "songs" and normalise_text(item.lyrics) != local.lyrics:
            library.songs.update(item.id, lyrics=item.lyrics)
        elif kind == "articles" and normalise_text(item.body) != local.body:
            library.articles.update(item.id, body=item.body)
    if planned.decision is not Decision.KEPT:
        if kind == "songs":
            library.snapshots.restore_song(item)
        else:
            library.snapshots.restore_article(item)
            if local is not None and local.song_id != item.song_id:
                _move_annotations(library, item)
    report.count(kind, _OUTCOME[planned.decision])


def _move_annotations(library, article) -> None:
    """An article moved to another song by the file takes its annotations along (an annotation
    on an article belongs to the article's song; left behind, it would point at neither)."""
    for annotation in library.annotations.where("a.article_id = ?", [article.id]):
        if annotation.song_id != article.song_id:
            library.snapshots.restore_annotation(replace(annotation, song_id=article.song_id))


def _write_annotation(
    library, planned: PlannedAnnotation, report: MergeReport, texts: dict[tuple, tuple[str, LineIndex]]
) -> None:
    annotation = planned.annotation
    if planned.decision is not Decision.KEPT:
        if not planned.placed:
            target = (annotation.song_id, annotation.target, annotation.article_id)
            if target not in texts:  # an article's text is rendered, a line index built: once a text
                text = _target_text(library, *target)
                texts[target] = text, LineIndex(text)
            text, index = texts[target]
            status, fragments = _fit(annotation.fragments, annotation.status, text, index, planned.made_on)
            annotation = replace(annotation, status=status, fragments=fragments)
        library.snapshots.restore_annotation(annotation)
    report.count("annotations", _OUTCOME[planned.decision])


def _target_text(library, song_id: str, target: str, article_id: str | None) -> str:
    """The text an annotation of the file is placed on; a song with no translation has an empty
    one (its notes there are kept, orphaned, as when a translation is removed)."""
    if target == "translation" and library.translations.get(song_id) is None:
        return ""
    return library.annotations.target_text(song_id, target, article_id)


def _fit(
    fragments, status: str, text: str, index: LineIndex, old_text: str | None
) -> tuple[str, tuple[Anchor, ...]]:
    """Fragments (and status) placed on *text*, re-anchored when they were made on another text.

    Whatever the path, the result is checked against *text* (placed_from_outside): a file
    carrying the very same text may still point past its end or at other words.
    """
    if old_text != text and not (status == "anchored" and all(holds(f, text) for f in fragments)):
        edit = None
        if old_text is not None and all(holds(f, old_text) for f in fragments):
            edit = EditMap(old_text, text)
        result = reanchor(fragments, status if edit else "needs_review", text, edit, index)
        status, fragments = result.status, result.fragments
    return placed_from_outside(status, fragments, text, index)


# ------------------------------------------------------------------ quote-link decisions


def _write_link_decisions(library, planned: list[PlannedLinkDecision], report: MergeReport) -> None:
    """Place the file's decisions on the texts here and write them, an article's at once.

    A decision whose words are not here is kept, orphaned (never dropped): it is placed again
    whenever its texts change, and the report says how many.
    """
    by_article: dict[str, list[PlannedLinkDecision]] = {}
    leaving: dict[str, set[str]] = {}
    for item in planned:
        if item.outcome is Decision.KEPT:
            report.count("link_decisions", "unchanged")
            continue
        by_article.setdefault(item.decision.article_id, []).append(item)
        if item.moved_from is not None:
            leaving.setdefault(item.moved_from, set()).add(item.decision.id)
    for article_id, ids in leaving.items():  # an id is free before it is written on its new article
        kept = tuple(d for d in library.links.decisions(article_id) if d.id not in ids)
        library.links.restore_decisions(article_id, kept)
    orphaned = 0
    for article_id, items in by_article.items():
        article = library.articles.get(article_id)
        song = library.songs.get(article.song_id)
        texts = _Texts(render_article(article.body).text, song.lyrics)
        decisions = {d.id: d for d in library.links.decisions(article_id)}
        for item in items:
            decisions[item.decision.id] = _placed_decision(item, song.id, texts)
            report.count("link_decisions", _OUTCOME[item.outcome])
        library.links.restore_decisions(article_id, tuple(decisions.values()))
        ids = {item.decision.id for item in items}
        orphaned += sum(d.id in ids and d.status != "anchored" for d in library.links.decisions(article_id))
    if orphaned:
        report.warnings.append(
            f"{orphaned} of the file's quote-link decisions were kept orphaned: their words are not in "
            "the articles or lyrics here (they come back if the words do)"
        )


class _Texts:
    """An article's rendered text and its song's lyrics here, each with its line index."""

    def __init__(self, rendered: str, lyrics: str):
        self.rendered, self.rendered_index = rendered, LineIndex(rendered)
        self.lyrics, self.lyrics_index = lyrics, LineIndex(lyrics)


def _found(anchor: Anchor, text: str, index: LineIndex, made_on: str | None) -> tuple[Anchor | None, Anchor]:
    """Where the words of *anchor* (from a file, made on *made_on*) are in *text*, None when they
    are not found; and either way an anchor that fits in *text*, to store."""
    status, (placed,) = _fit((anchor,), "anchored", text, index, made_on)
    if status == "anchored":
        return placed, placed
    if placed.proposal is not None:  # as lib.links does: a link may take its words' likeliest place
        found = anchor_for_range(text, placed.proposal.start, placed.proposal.end, index)
        return found, found
    return None, placed


def _lines_hint(item: PlannedLinkDecision, text: str) -> Anchor:
    """The link's lyric side as an anchor over *text*: at its line numbers when *text* has them."""
    decision = item.decision
    index = LineIndex(text)
    start, end = 0, len(decision.lines_quote)
    if decision.first_line is not None and decision.last_line <= index.line_count:
        start, end = index.line_span(decision.first_line)[0], index.line_span(decision.last_line)[1]
    return Anchor(start, end, decision.lines_quote, decision.lines_prefix, decision.lines_suffix, 1, 1, 1)


def _placed_decision(item: PlannedLinkDecision, song_id: str, texts: _Texts) -> LinkDecision:
    """The file's decision as stored here: placed on the texts, or orphaned where its words are not."""
    decision = item.decision
    made_on_article, made_on_lyrics = item.made_on
    art, article_side = _found(decision.article, texts.rendered, texts.rendered_index, made_on_article)
    lyrics_side = lyr = None
    places, score, misquoted, differences = "[]", 1.0, False, ()
    if decision.kind == "link":
        old = made_on_lyrics
        if old is not None and not holds(_lines_hint(item, old), old):
            old = None  # the file's lines are not its own lyrics' lines: found by their text alone
        hint = _lines_hint(item, texts.lyrics if old is None else old)
        lyr, lyrics_side = _found(hint, texts.lyrics, texts.lyrics_index, old)
        if lyr is not None:
            first, last = texts.lyrics_index.lines_of_range(lyr.start, lyr.end)
            lyr = lyrics_side = lines_anchor(texts.lyrics, first, last, texts.lyrics_index)
            places = places_json(((first, last),))
            if art is not None:  # worked out as lib.links does, so that following it changes nothing
                score, misquoted, differences = compare(art.quote, texts.lyrics, first, last)
    anchored = art is not None and (decision.kind == "unlink" or lyr is not None)
    return LinkDecision.made(
        id=decision.id,
        song_id=song_id,
        article_id=decision.article_id,
        kind=decision.kind,
        article=article_side,
        lyrics=lyrics_side,
        places=places,
        score=score,
        misquoted=misquoted,
        differences=differences,
        status="anchored" if anchored else "orphaned",
        created=decision.created,
        updated=decision.updated,
    )


# ------------------------------------------------------------------ study corrections and translations


def _write_corrections(library, planned: list[PlannedStudy], report: MergeReport) -> None:
    """Place the file's corrections on the lyrics here by their line's text (as an edit would), and write them.

    One whose line is not here (or has that correction already) is kept, orphaned.
    """
    orphaned = 0
    for item in planned:
        if item.decision is not Decision.KEPT:
            correction = item.item
            lines = lyric_lines(library.songs.get(correction.song_id).lyrics)
            taken = library.corrections.taken(correction.song_id, but=correction.id)
            placed = found_again(correction, lines, taken)
            orphaned += placed.status == "orphaned" and correction.status == "anchored"
            library.corrections.put(placed)
        report.count("study_corrections", _OUTCOME[item.decision])
    if orphaned:
        report.warnings.append(
            f"{orphaned} of the file's study corrections were kept orphaned: their lines are not in "
            "the lyrics here (they come back if the lines do)"
        )


def _write_translations(library, planned: list[PlannedStudy], report: MergeReport) -> None:
    """Write the file's translations, their lines moved with the lyric lines where the lyrics here differ;
    the notes here on a replaced translation follow their words into it, as an edit would."""
    for item in planned:
        if item.decision is not Decision.KEPT:
            translation = item.item
            here = normalise_text(library.songs.get(translation.song_id).lyrics)
            lines = translation.text.split("\n")
            if item.made_on is not None and normalise_text(item.made_on) != here:
                moved = map_lines(lyric_lines(normalise_text(item.made_on)), lyric_lines(here))
                lines = [lines[i] if i is not None and i < len(lines) else "" for i in moved.old_of()]
            before = library.translations.get(translation.song_id)
            library.translations.restore(translation.song_id, replace(translation, text="\n".join(lines)))
            if before is not None:
                reanchor_text(
                    library, translation.song_id, "translation", None, before.text, "\n".join(lines)
                )
        report.count("translations", _OUTCOME[item.decision])
