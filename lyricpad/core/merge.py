"""Importing a JSON or W3C export into a library: merged by id, the newer version of each item wins.

Everything is checked before anything is written, and the whole merge is one transaction: a file
that is not JSON, has the wrong shape, comes from a newer lyricpad or points at lenses, songs or
articles that exist nowhere is refused with one message (`MergeRefused`) and changes nothing.
Importing the same file twice adds nothing; an item edited here after the file was written is
kept. Only the Library's public methods write.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from lyricpad.core import livefiles
from lyricpad.core.anchoring import Anchor, EditMap, Proposal, anchor_for_range, find_occurrences, reanchor
from lyricpad.core.errors import ImportRefused, LyricpadError, NotFound
from lyricpad.core.export.json_format import FORMAT, VERSION
from lyricpad.core.export.w3c import URN
from lyricpad.core.markdown import rendered_text
from lyricpad.core.models import STATUSES, TARGETS, Annotation, Article, Lens, Song
from lyricpad.core.text import LineIndex, fold, normalise_line, normalise_text

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Largest file merge_file reads."""


class MergeRefused(ImportRefused):
    """A JSON or W3C file cannot be merged into the library; nothing was changed."""


@dataclass
class MergeReport:
    """What a merge did: items added, updated (the file's version was newer) and left unchanged."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def count(self, kind: str, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        counts = self.by_kind.setdefault(kind, {"added": 0, "updated": 0, "unchanged": 0})
        counts[outcome] += 1

    def __str__(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"


# ------------------------------------------------------------------ checking


def _refuse(message: str) -> MergeRefused:
    return MergeRefused(f"cannot import: {message}; nothing was changed")


def _load(data) -> object:
    if isinstance(data, bytes | bytearray):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _refuse("the file is not UTF-8 text") from exc
    if isinstance(data, str):
        try:
            return json.loads(data)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise _refuse(f"the file is not JSON ({exc})") from exc
    return data


def load_file(path: str | os.PathLike) -> object:
    """The parsed JSON of a file to merge (MergeRefused when missing, too big or not JSON)."""
    path = Path(path)
    try:
        livefiles.refuse_held(path, "import it")  # never opened: that would unlock the library
        info = livefiles.require_regular(path, "a file")
    except livefiles.PathRefused as exc:
        raise _refuse(str(exc)) from None
    if info.st_size > MAX_FILE_BYTES:
        raise _refuse(f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        with open(path, "rb", opener=livefiles.open_nonblocking) as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)  # it may have grown since stat()
    except OSError as exc:
        raise _refuse(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise _refuse(f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return _load(raw)


def is_w3c(data) -> bool:
    """True when parsed JSON looks like W3C Web Annotations rather than a lyricpad export."""
    if isinstance(data, list):
        return True
    return isinstance(data, dict) and ("@context" in data or data.get("type") in _W3C_TYPES)


def merge_file(library, path: str | os.PathLike) -> MergeReport:
    """Merge a lyricpad JSON export or a W3C Web Annotation file, whichever *path* holds."""
    data = load_file(path)
    return merge_w3c(library, data) if is_w3c(data) else merge_json(library, data)


def _get(item: dict, key: str, kinds: type | tuple, what: str, *, optional: bool = False, default=None):
    if key not in item or item[key] is None:
        if optional:
            return default
        raise _refuse(f"{what} has no {key!r}")
    value = item[key]
    if not isinstance(value, kinds) or isinstance(value, bool) and kinds is not bool:
        raise _refuse(f"{what} has a {key!r} of the wrong kind")
    return value


def _time(value, what: str) -> str:
    if not isinstance(value, str):
        raise _refuse(f"{what} has no valid time")
    try:
        datetime.fromisoformat(value)
    except ValueError as exc:
        raise _refuse(f"{what} has a time that is not ISO 8601: {value!r}") from exc
    return value


def _instant(value: str) -> datetime:
    stamp = datetime.fromisoformat(value)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _newer(theirs: str, ours: str) -> bool:
    try:
        return _instant(theirs) > _instant(ours)
    except ValueError:
        return theirs > ours


def _items(data: dict, key: str) -> list[dict]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _refuse(f"{key!r} is not a list of objects")
    return items


def _id(item: dict, what: str) -> str:
    value = _get(item, "id", str, what).strip().lower()
    try:
        uuid.UUID(value)
    except ValueError as exc:
        raise _refuse(f"{what} has an id that is not a UUID: {value!r}") from exc
    return value


def _song(item: dict) -> Song:
    what = f"the song {item.get('title', item.get('id'))!r}"
    text = lambda key: _get(item, key, str, what, optional=True, default="")  # noqa: E731
    return Song(
        id=_id(item, what),
        title=_get(item, "title", str, what),
        artist=text("artist"),
        album=text("album"),
        year=_get(item, "year", int, what, optional=True),
        language=text("language"),
        lyrics=text("lyrics"),
        lyrics_format=_get(item, "lyrics_format", str, what, optional=True, default="plain"),
        source_file=text("source_file"),
        line_times=item.get("line_times"),
        created=_time(item.get("created"), what),
        updated=_time(item.get("updated"), what),
        deleted=bool(_get(item, "deleted", bool, what, optional=True, default=False)),
        lrc_tags=item.get("lrc_tags"),
        word_times=item.get("word_times"),
    )


def _article(item: dict) -> Article:
    what = f"the article {item.get('title', item.get('id'))!r}"
    text = lambda key: _get(item, key, str, what, optional=True, default="")  # noqa: E731
    return Article(
        id=_id(item, what),
        song_id=_get(item, "song_id", str, what).lower(),
        title=text("title"),
        author=text("author"),
        source=text("source"),
        body=text("body"),
        position=_get(item, "position", int, what, optional=True, default=0),
        created=_time(item.get("created"), what),
        updated=_time(item.get("updated"), what),
        deleted=bool(_get(item, "deleted", bool, what, optional=True, default=False)),
        published=text("published"),
    )


def _fragment(item, what: str) -> Anchor:
    if not isinstance(item, dict):
        raise _refuse(f"{what} has a fragment that is not an object")
    ints = {key: _get(item, key, int, what) for key in ("start", "end", "line_start", "line_end")}
    if not 0 <= ints["start"] < ints["end"] or not 1 <= ints["line_start"] <= ints["line_end"]:
        raise _refuse(f"{what} has a fragment with an impossible range")
    proposal = item.get("proposal")
    if proposal is not None:
        if not isinstance(proposal, dict):
            raise _refuse(f"{what} has a proposal that is not an object")
        proposal = Proposal(
            *(_get(proposal, k, int, what) for k in ("start", "end", "line_start", "line_end"))
        )
    return Anchor(
        quote=_get(item, "quote", str, what),
        prefix=_get(item, "prefix", str, what, optional=True, default=""),
        suffix=_get(item, "suffix", str, what, optional=True, default=""),
        occurrence=_get(item, "occurrence", int, what, optional=True, default=1),
        proposal=proposal,
        **ints,
    )


def _annotation(item: dict, lenses: dict[str, Lens]) -> Annotation:
    what = f"the annotation {item.get('id')!r}"
    target = _get(item, "target", str, what)
    status = _get(item, "status", str, what, optional=True, default="anchored")
    if target not in TARGETS or status not in STATUSES:
        raise _refuse(f"{what} has an unknown target or status")
    article_id = _get(item, "article_id", str, what, optional=True)
    if (target == "article") != (article_id is not None):
        raise _refuse(f"{what} must name its article exactly when it is on an article")
    fragments = _get(item, "fragments", list, what)
    if not fragments:
        raise _refuse(f"{what} has no fragment of text")
    tags = _get(item, "tags", list, what, optional=True, default=[])
    if not all(isinstance(t, str) for t in tags):
        raise _refuse(f"{what} has tags that are not text")
    lens_id = _get(item, "lens_id", str, what, optional=True)
    if lens_id is not None and lens_id.lower() not in lenses:
        raise _refuse(f"{what} has the lens {lens_id!r}, which is neither in the file nor in this library")
    return Annotation(
        id=_id(item, what),
        song_id=_get(item, "song_id", str, what).lower(),
        target=target,
        article_id=article_id.lower() if article_id else None,
        lens=lenses[lens_id.lower()] if lens_id else None,
        note=_get(item, "note", str, what, optional=True, default=""),
        status=status,
        fragments=tuple(_fragment(f, what) for f in fragments),
        tags=tuple(tags),
        created=_time(item.get("created"), what),
        updated=_time(item.get("updated"), what),
        deleted=bool(_get(item, "deleted", bool, what, optional=True, default=False)),
    )


def _find(getter: Callable, item_id: str):
    try:
        return getter(item_id)
    except NotFound:
        return None


# ------------------------------------------------------------------ writing


def _fit(fragments, status: str, text: str, old_text: str | None) -> tuple[str, tuple[Anchor, ...]]:
    """Fragments (and status) placed on *text*, re-anchored when they were made on another text."""
    if old_text == text or (
        status == "anchored" and all(text[f.start : f.end] == f.quote for f in fragments)
    ):
        return status, tuple(fragments)
    edit = None
    if old_text is not None and all(old_text[f.start : f.end] == f.quote for f in fragments):
        edit = EditMap(old_text, text)
    result = reanchor(fragments, status if edit else "needs_review", text, edit)
    return result.status, result.fragments


def _write_annotation(library, annotation: Annotation, local: Annotation | None, old_text, report) -> None:
    text = library.target_text(annotation.song_id, annotation.target, annotation.article_id)
    status, fragments = _fit(annotation.fragments, annotation.status, text, old_text)
    library.restore_annotation_snapshot(replace(annotation, status=status, fragments=fragments))
    report.count("annotations", "added" if local is None else "updated")


def _guarded(library, report: MergeReport, work: Callable[[], None]) -> MergeReport:
    try:
        with library.write():
            work()
    except MergeRefused:
        raise
    except LyricpadError as exc:
        raise _refuse(str(exc)) from exc
    return report


def merge_json(library, data) -> MergeReport:
    """Merge a lyricpad JSON export (a dict, or its text) into *library* by id; the newer `updated` wins.

    Lenses are matched by id, then by name; a local lens is never changed. Songs and articles
    whose text changed are re-anchored as an edit would; annotations made on another version
    of a text are placed on this one the same way.
    """
    data = _load(data)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse('this is not a lyricpad JSON export (no "format": "lyricpad")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse("the export has no valid format version")
    if version > VERSION:
        raise _refuse(
            f"the export was written by a newer lyricpad (format version {version}; this one reads up to {VERSION})"
        )
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _refuse("'tags' is not a list of text")

    report = MergeReport()
    local_lenses = library.lenses()
    lens_map: dict[str, Lens] = {lens.id: lens for lens in local_lenses}
    by_name = {fold(lens.name): lens for lens in local_lenses}
    new_lenses: list[Lens] = []
    next_position = max((lens.position for lens in local_lenses), default=-1) + 1
    for item in _items(data, "lenses"):
        what = f"the lens {item.get('name', item.get('id'))!r}"
        lens_id = _id(item, what)
        name = normalise_line(_get(item, "name", str, what))
        colour = _get(item, "colour", str, what)
        if lens_id in lens_map:
            report.count("lenses", "unchanged")
        elif fold(name) in by_name:
            lens_map[lens_id] = by_name[fold(name)]
            report.count("lenses", "unchanged")
        else:
            lens = Lens(lens_id, name, colour, next_position)
            next_position += 1
            new_lenses.append(lens)
            lens_map[lens_id] = by_name[fold(name)] = lens

    songs = [_song(item) for item in _items(data, "songs")]
    articles = [_article(item) for item in _items(data, "articles")]
    annotations = [_annotation(item, lens_map) for item in _items(data, "annotations")]
    for kind, items in (("song", songs), ("article", articles), ("annotation", annotations)):
        if len({i.id for i in items}) != len(items):
            raise _refuse(f"the file has the same {kind} id twice")

    file_songs = {s.id: s for s in songs}
    file_articles = {a.id: a for a in articles}
    local_songs = {i: _find(library.song, i) for i in {*file_songs, *(a.song_id for a in articles)}}
    local_songs |= {
        a.song_id: _find(library.song, a.song_id) for a in annotations if a.song_id not in local_songs
    }
    article_ids = {*file_articles, *(a.article_id for a in annotations if a.article_id)}
    local_articles = {i: _find(library.article, i) for i in article_ids}
    local_annotations = {a.id: _find(library.annotation, a.id) for a in annotations}

    def known_song(song_id: str) -> bool:
        return song_id in file_songs or local_songs.get(song_id) is not None

    for article in articles:
        if not known_song(article.song_id):
            raise _refuse(
                f"the article {article.title!r} belongs to a song that is neither in the file nor here"
            )
    for annotation in annotations:
        if not known_song(annotation.song_id):
            raise _refuse(f"the annotation {annotation.id} is on a song that is neither in the file nor here")
        if annotation.article_id:
            article = file_articles.get(annotation.article_id) or local_articles.get(annotation.article_id)
            if article is None:
                raise _refuse(
                    f"the annotation {annotation.id} is on an article that is neither in the file nor here"
                )
            if article.song_id != annotation.song_id:
                raise _refuse(f"the annotation {annotation.id} is on an article of another song")

    def work() -> None:
        for lens in new_lenses:
            library.restore_lens(lens)
            report.count("lenses", "added")
        for song in songs:
            local = local_songs.get(song.id)
            if local is None:
                library.restore_song_snapshot(song)
                report.count("songs", "added")
            elif _newer(song.updated, local.updated):
                if normalise_text(song.lyrics) != local.lyrics:
                    library.update_song(song.id, lyrics=song.lyrics)  # re-anchors what is here
                library.restore_song_snapshot(song)
                report.count("songs", "updated")
            else:
                report.count("songs", "unchanged")
        for article in articles:
            local = local_articles.get(article.id)
            if local is None:
                library.restore_article_snapshot(article)
                report.count("articles", "added")
            elif _newer(article.updated, local.updated):
                if normalise_text(article.body) != local.body:
                    library.update_article(article.id, body=article.body)
                library.restore_article_snapshot(article)
                report.count("articles", "updated")
            else:
                report.count("articles", "unchanged")
        for annotation in annotations:
            local = local_annotations[annotation.id]
            if local is not None and not _newer(annotation.updated, local.updated):
                report.count("annotations", "unchanged")
                continue
            if annotation.target == "lyrics":
                source = file_songs.get(annotation.song_id)
                old_text = source.lyrics if source else None
            else:
                source = file_articles.get(annotation.article_id)
                old_text = rendered_text(source.body) if source else None
            _write_annotation(library, annotation, local, old_text, report)
        # Tags no annotation uses are in the file's list only; a name that is no tag is passed over.
        library.ensure_tags(name for name in tags if library.clean_tag(name))

    return _guarded(library, report, work)


# ---------------------------------------------------------------------- W3C

_W3C_TYPES = ("AnnotationCollection", "AnnotationPage", "Annotation")


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _w3c_items(data) -> list[dict]:
    if isinstance(data, list):
        items = data
    elif not isinstance(data, dict):
        raise _refuse("this is not W3C Web Annotation JSON")
    elif data.get("type") == "Annotation" or "target" in data:
        items = [data]
    elif data.get("type") == "AnnotationPage" or "items" in data:
        items = _as_list(data.get("items"))
    elif data.get("type") == "AnnotationCollection" or "first" in data:
        first = data.get("first")
        if not isinstance(first, dict):
            raise _refuse("the annotation collection does not hold its annotations (only a link to them)")
        items = _as_list(first.get("items"))
    else:
        raise _refuse("this is not W3C Web Annotation JSON (no annotation, page or collection)")
    if not all(isinstance(i, dict) for i in items):
        raise _refuse("the annotations are not all JSON objects")
    return items


def _urn_id(value, what: str) -> str:
    if isinstance(value, dict):
        value = value.get("id")
    if not isinstance(value, str) or not value.strip():
        raise _refuse(f"{what} has no id")
    value = value.strip()
    if value.lower().startswith(URN):
        try:
            return str(uuid.UUID(value[len(URN) :]))
        except ValueError:
            pass
    # An annotation from another tool: the same IRI always gives the same id, so importing twice adds nothing.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, value))


def _w3c_selectors(target: dict, what: str) -> tuple[dict | None, dict | None]:
    quote = position = None
    for selector in _as_list(target.get("selector")):
        if not isinstance(selector, dict):
            continue
        if selector.get("type") == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
            quote = selector
        elif selector.get("type") == "TextPositionSelector":
            if not all(type(selector.get(k)) is int for k in ("start", "end")):
                raise _refuse(f"{what} has a TextPositionSelector without whole-number start and end")
            position = selector
    if quote is None and position is None:
        raise _refuse(f"{what} has a target with no TextQuoteSelector or TextPositionSelector")
    return quote, position


def _w3c_fragment(
    text: str, index: LineIndex, quote: dict | None, position: dict | None
) -> tuple[Anchor, bool]:
    """An anchor for one target on *text*, and whether it sits exactly where the selectors say."""
    if position is not None:
        start, end = position["start"], position["end"]
        if 0 <= start < end <= len(text) and (
            quote is None or text[start:end] == normalise_text(quote["exact"])
        ):
            if text[start:end].strip():
                return anchor_for_range(text, start, end, index), True
    exact = normalise_text(quote["exact"]) if quote else ""
    if not exact.strip():
        raise ImportRefused("a W3C target selects no text")
    prefix = normalise_text(str(quote.get("prefix") or ""))
    suffix = normalise_text(str(quote.get("suffix") or ""))
    start = min(max(position["start"], 0), len(text)) if position else 0
    # The W3C model: the quote with exactly its prefix and suffix; the first such place (the nearest
    # to the position given) when several remain.
    matches = [
        s
        for s in find_occurrences(text, exact)
        if text[:s].endswith(prefix) and text[s + len(exact) :].startswith(suffix)
    ]
    if matches:
        best = min(matches, key=lambda s: abs(s - start)) if position else matches[0]
        return anchor_for_range(text, best, best + len(exact), index), True
    line = index.line_of(min(start, max(len(text) - 1, 0)))
    fragment = Anchor(
        start=start,
        end=start + len(exact),
        quote=exact,
        prefix=prefix,
        suffix=suffix,
        line_start=line,
        line_end=line,
        occurrence=1,
    )
    return fragment, False


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

    data = _load(data)
    items = _w3c_items(data)
    report = MergeReport()
    lenses = library.lenses()
    lens_by_id = {lens.id: lens for lens in lenses}
    lens_by_name = {fold(lens.name): lens for lens in lenses}
    stamp = now()
    planned: list[tuple[Annotation, Annotation | None]] = []
    untimed: set[str] = set()  # no time in the file: never taken as newer than what is here
    texts: dict[tuple, tuple[str, LineIndex]] = {}
    for item in items:
        annotation_id = _urn_id(item.get("id"), "an annotation")
        what = f"the annotation {item.get('id')!r}"
        notes, tags, lens = [], [], None
        if isinstance(item.get("bodyValue"), str):
            notes.append(item["bodyValue"])
        for body in _as_list(item.get("body")):
            if not isinstance(body, dict) or not isinstance(body.get("value"), str):
                continue  # a body that is a link to elsewhere carries nothing to import
            purpose = body.get("purpose", "commenting")
            if purpose == "tagging":
                tags.append(body["value"])
            elif purpose == "classifying":
                found = None
                body_id = body.get("id")
                if isinstance(body_id, str) and body_id.lower().startswith(URN):
                    found = lens_by_id.get(body_id[len(URN) :].lower())
                found = found or lens_by_name.get(fold(normalise_line(body["value"])))
                if found is None:
                    report.warnings.append(
                        f"{what}: no lens named {body['value']!r} here; imported without a lens"
                    )
                lens = found or lens
            else:
                notes.append(body["value"])
        targets = [t for t in _as_list(item.get("target")) if isinstance(t, dict)]
        if not targets:
            raise _refuse(f"{what} has no target that lyricpad can read")
        sources = {_urn_id(t.get("source"), what) for t in targets}
        if len(sources) != 1:
            raise _refuse(f"{what} points at several texts; a lyricpad annotation is on one text")
        source = sources.pop()
        song = _find(library.song, source)
        article = None if song else _find(library.article, source)
        if song is None and article is None:
            raise _refuse(
                f"{what} is on a text that is not in this library ({URN}{source}); import the JSON export of its song first"
            )
        target, song_id, article_id = (
            ("lyrics", song.id, None) if song else ("article", article.song_id, article.id)
        )
        key = (target, song_id, article_id)
        if key not in texts:
            text = library.target_text(song_id, target, article_id)
            texts[key] = (text, LineIndex(text))
        text, index = texts[key]
        try:
            placed = [_w3c_fragment(text, index, *_w3c_selectors(t, what)) for t in targets]
        except ImportRefused as exc:
            raise _refuse(f"{what}: {exc}") from exc
        fragments = tuple(f for f, _ in placed)
        status = "anchored"
        if not all(exact for _, exact in placed):
            result = reanchor(fragments, "needs_review", text, None, index)
            status, fragments = result.status, result.fragments
        updated = item.get("modified") or item.get("created")
        if not updated:
            untimed.add(annotation_id)
        created = item.get("created") or updated
        annotation = Annotation(
            id=annotation_id,
            song_id=song_id,
            target=target,
            article_id=article_id,
            lens=lens,
            note="\n\n".join(notes),
            status=status,
            fragments=fragments,
            tags=tuple(dict.fromkeys(t for t in tags if library.clean_tag(t))),
            created=_time(created, what) if created else stamp,
            updated=_time(updated, what) if updated else stamp,
        )
        planned.append((annotation, _find(library.annotation, annotation_id)))
    if len({a.id for a, _ in planned}) != len(planned):
        raise _refuse("the file has the same annotation id twice")

    def work() -> None:
        for annotation, local in planned:
            if local is not None and (
                annotation.id in untimed or not _newer(annotation.updated, local.updated)
            ):
                report.count("annotations", "unchanged")
                continue
            library.restore_annotation_snapshot(annotation)
            report.count("annotations", "added" if local is None else "updated")

    return _guarded(library, report, work)
