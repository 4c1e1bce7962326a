"""Reading W3C Web Annotations into a MergePlan: each annotation placed on a text of the library."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from lyricpad.core.anchoring import Anchor, anchor_for_range, find_occurrences, placed_from_outside, reanchor
from lyricpad.core.export.w3c import URN
from lyricpad.core.merge_plan import (
    Invalid,
    MergePlan,
    PlannedAnnotation,
    Problems,
    canonical_id,
    decide,
    duplicates,
    here_or_none,
    refuse,
    time,
)
from lyricpad.core.models import Annotation, Lens
from lyricpad.core.text import LineIndex, fold, normalise_line, normalise_text

W3C_TYPES = ("AnnotationCollection", "AnnotationPage", "Annotation")

Selectors = tuple[dict | None, dict | None]
"""A target's TextQuoteSelector and TextPositionSelector (either may be missing)."""


@dataclass(frozen=True)
class W3cAnnotation:
    """One annotation of the file as read, before it is placed on a text of the library."""

    where: str
    id: str
    what: str  # how messages name it
    notes: tuple[str, ...]
    tags: tuple[str, ...]
    lenses: tuple[tuple[object, str], ...]  # classifying bodies: (their id, their value)
    source: str  # the id of the text it is on
    targets: tuple[Selectors, ...]
    created: str | None
    updated: str | None


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _items(data) -> list[dict]:
    if isinstance(data, list):
        items = data
    elif not isinstance(data, dict):
        raise refuse("this is not W3C Web Annotation JSON")
    elif data.get("type") == "Annotation" or "target" in data:
        items = [data]
    elif data.get("type") == "AnnotationPage" or "items" in data:
        items = _as_list(data.get("items"))
    elif data.get("type") == "AnnotationCollection" or "first" in data:
        first = data.get("first")
        if not isinstance(first, dict):
            raise refuse("the annotation collection does not hold its annotations (only a link to them)")
        items = _as_list(first.get("items"))
    else:
        raise refuse("this is not W3C Web Annotation JSON (no annotation, page or collection)")
    if not all(isinstance(i, dict) for i in items):
        raise refuse("the annotations are not all JSON objects")
    return items


def read_w3c(data, problems: Problems) -> list[W3cAnnotation]:
    """The annotations of W3C JSON *data* (a collection, a page, one annotation or a list);
    what is wrong with them goes to *problems*."""
    found = []
    for index, item in enumerate(_items(data)):
        try:
            found.append(_annotation(item, f"items[{index}]"))
        except Invalid as exc:
            problems.add(f"items[{index}]", str(exc))
    return found


def _urn_id(value, what: str) -> str:
    if isinstance(value, dict):
        value = value.get("id")
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"{what} has no id")
    value = value.strip()
    found = canonical_id(value)
    if found is not None:
        return found
    if value.lower().startswith(URN):
        raise Invalid(f"{what} has an id that is not a UUID: {value[:80]!r}")
    # An annotation from another tool: the same IRI always gives the same id, so importing twice adds nothing.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, value))


def _selectors(target: dict, what: str) -> Selectors:
    quote = position = None
    for selector in _as_list(target.get("selector")):
        if not isinstance(selector, dict):
            continue
        if selector.get("type") == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
            quote = selector
        elif selector.get("type") == "TextPositionSelector":
            if not all(type(selector.get(k)) is int for k in ("start", "end")):
                raise Invalid(f"{what} has a TextPositionSelector without whole-number start and end")
            position = selector
    if quote is None and position is None:
        raise Invalid(f"{what} has a target with no TextQuoteSelector or TextPositionSelector")
    return quote, position


def _annotation(item: dict, where: str) -> W3cAnnotation:
    annotation_id = _urn_id(item.get("id"), "an annotation")
    what = f"the annotation {item.get('id')!r}"
    notes, tags, lenses = [], [], []
    if isinstance(item.get("bodyValue"), str):
        notes.append(item["bodyValue"])
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue  # a body that is a link to elsewhere carries nothing to import
        purpose = body.get("purpose", "commenting")
        if purpose == "tagging":
            tags.append(body["value"])
        elif purpose == "classifying":
            lenses.append((body.get("id"), body["value"]))
        else:
            notes.append(body["value"])
    targets = [t for t in _as_list(item.get("target")) if isinstance(t, dict)]
    if not targets:
        raise Invalid(f"{what} has no target that lyricpad can read")
    sources = {_urn_id(t.get("source"), what) for t in targets}
    if len(sources) != 1:
        raise Invalid(f"{what} points at several texts; a lyricpad annotation is on one text")
    updated = item.get("modified") or item.get("created")
    created = item.get("created") or updated
    return W3cAnnotation(
        where=where,
        id=annotation_id,
        what=what,
        notes=tuple(notes),
        tags=tuple(tags),
        lenses=tuple(lenses),
        source=sources.pop(),
        targets=tuple(_selectors(t, what) for t in targets),
        created=time(created, what) if created else None,
        updated=time(updated, what) if updated else None,
    )


# ------------------------------------------------------------------ against the library


class _Placing:
    """The library's lenses and texts, each read once while a file's annotations are placed."""

    def __init__(self, library):
        self.library = library
        lenses = library.lenses.all()
        self.lens_by_id = {lens.id: lens for lens in lenses}
        self.lens_by_name = {fold(lens.name): lens for lens in lenses}
        self.texts: dict[tuple, tuple[str, LineIndex]] = {}

    def lens(self, found: W3cAnnotation, warnings: list[str]) -> Lens | None:
        """The lens of the last classifying body that names one here (by id, then by name)."""
        lens = None
        for body_id, value in found.lenses:
            match = None
            if isinstance(body_id, str) and canonical_id(body_id):
                match = self.lens_by_id.get(canonical_id(body_id))
            match = match or self.lens_by_name.get(fold(normalise_line(value)))
            if match is None:
                warnings.append(f"{found.what}: no lens named {value!r} here; imported without a lens")
            lens = match or lens
        return lens

    def text(self, key: tuple[str, str, str | None]) -> tuple[str, LineIndex]:
        if key not in self.texts:
            text = self.library.annotations.target_text(key[1], key[0], key[2])
            self.texts[key] = (text, LineIndex(text))
        return self.texts[key]


def plan_w3c(library, found: list[W3cAnnotation], problems: Problems, stamp: str) -> MergePlan:
    """What merging the annotations *found* into *library* writes; unknown texts go to *problems*.

    Annotations are placed by their selectors: at the TextPositionSelector when it still holds
    the quote, else where the quote is found with its context (else needs review or orphaned).
    An annotation with no time in the file (*stamp* is given it) never replaces one here.
    """
    plan = MergePlan()
    placing = _Placing(library)
    duplicates(problems, "annotation", (a.id for a in found))
    for item in found:
        try:
            plan.annotations.append(_planned(library, placing, item, stamp, plan.warnings))
        except Invalid as exc:
            problems.add(item.where, str(exc))
    return plan


def _planned(
    library, placing: _Placing, item: W3cAnnotation, stamp: str, warnings: list[str]
) -> PlannedAnnotation:
    """The annotation *item* placed on its text here, and what to do with it (Invalid: it cannot be)."""
    song = here_or_none(lambda: library.songs.get(item.source))
    article = None if song else here_or_none(lambda: library.articles.get(item.source))
    if song is None and article is None:
        raise Invalid(
            f"{item.what} is on a text that is not in this library ({URN}{item.source}); "
            "import the JSON export of its song first"
        )
    key = ("lyrics", song.id, None) if song else ("article", article.song_id, article.id)
    try:
        status, fragments = _placed(*placing.text(key), item.targets)
    except Invalid as exc:
        raise Invalid(f"{item.what}: {exc}") from exc
    annotation = Annotation(
        id=item.id,
        song_id=key[1],
        target=key[0],
        article_id=key[2],
        lens=placing.lens(item, warnings),
        note="\n\n".join(item.notes),
        status=status,
        fragments=fragments,
        tags=tuple(dict.fromkeys(t for t in item.tags if library.tags.clean(t))),
        created=item.created or stamp,
        updated=item.updated or stamp,
    )
    local = here_or_none(lambda: library.annotations.get(item.id))
    decision = decide(local, annotation.updated, untimed=item.updated is None)
    return PlannedAnnotation(annotation, decision, placed=True)


def _placed(text: str, index: LineIndex, targets) -> tuple[str, tuple[Anchor, ...]]:
    """The status and fragments of an annotation whose targets have *targets* selectors, on *text*."""
    placed = [_fragment(text, index, *selectors) for selectors in targets]
    fragments = tuple(f for f, _ in placed)
    if all(exact for _, exact in placed):
        return "anchored", fragments
    result = reanchor(fragments, "needs_review", text, None, index)
    return placed_from_outside(result.status, result.fragments, text, index)


def _fragment(text: str, index: LineIndex, quote: dict | None, position: dict | None) -> tuple[Anchor, bool]:
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
        raise Invalid("a W3C target selects no text")
    prefix = normalise_text(str(quote.get("prefix") or ""))
    suffix = normalise_text(str(quote.get("suffix") or ""))
    start = min(max(position["start"], 0), len(text)) if position else 0
    # The W3C model: the quote with exactly its prefix and suffix; the first such place (the nearest
    # to the position given) when several remain.
    matches = [
        s
        for s in find_occurrences(text, exact)
        # Compared in place: slicing the text at every occurrence made a long song take minutes.
        if s >= len(prefix)
        and text.startswith(prefix, s - len(prefix))
        and text.startswith(suffix, s + len(exact))
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
