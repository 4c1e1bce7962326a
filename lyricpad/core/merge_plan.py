"""What a merge will write, decided before anything is written, and the checks that gather a file's problems.

A merge reads a whole file into a `MergePlan` of plain objects, each item with its decision
against the library (new, newer than ours, or older so ours is kept); any problem found on the
way is gathered in `Problems`, so that a refusal lists them all and nothing is written.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TypeVar

from lyricpad.core.anchoring import Anchor
from lyricpad.core.errors import ImportRefused, NotFound
from lyricpad.core.models import Annotation, Article, Lens, Song, StoredCorrection, Translation

T = TypeVar("T")

MAX_LISTED = 20
"""A refusal names this many problems; the rest are counted (a broken file can have thousands)."""


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


NOTHING_CHANGED = "nothing was changed"


def refuse(message: str) -> MergeRefused:
    """The refusal of a whole file, as one line a user can read.

    A refusal of the library it wraps may say already that nothing was changed: said once.
    """
    if NOTHING_CHANGED in message:
        return MergeRefused(f"cannot import: {message}")
    return MergeRefused(f"cannot import: {message}; {NOTHING_CHANGED}")


MAX_DEPTH = 64
"""Deepest nesting of lists and objects a file may have (a lyricpad export needs 5)."""

INTEGERS = range(-(2**63), 2**63)
"""The integers SQLite can store (a bigger one would end an import in OverflowError)."""

_SURROGATE = re.compile("[\ud800-\udfff]")


def check_values(data) -> None:
    """Refuse parsed JSON nested deeper than MAX_DEPTH, holding an integer SQLite cannot store
    or a lone surrogate (text no file can hold) in any key or string, naming where.

    Walked with a stack, not by recursion: any depth is reported, never a RecursionError.
    """
    stack = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        where = path or "the file"
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                shown = (
                    where if len(where) <= 60 else where[:60] + "…"
                )  # a path of 64 steps says nothing more
                raise refuse(f"the file is nested deeper than {MAX_DEPTH} levels (at {shown})")
            pairs = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in pairs:
                if isinstance(key, str) and _SURROGATE.search(key):
                    raise refuse(f"{where} has a key that is not valid text (a lone surrogate)")
                if isinstance(value, list):
                    inner = f"{path}[{key}]"
                else:  # a key is the file's text: named so that it cannot break the message's line
                    text = str(key)
                    name = text if text.isidentifier() and len(text) <= 40 else repr(text[:40])
                    inner = f"{path}.{name}" if path else name
                stack.append((item, inner, depth + 1))
        elif isinstance(value, str) and _SURROGATE.search(value):
            raise refuse(f"{where} is not valid text (it holds a lone surrogate)")
        elif isinstance(value, int) and value not in INTEGERS:
            raise refuse(f"{where} is a number too big to store")


class Invalid(Exception):
    """One problem of one item; the item is left out of the plan and the problem is gathered."""


class Problems:
    """Every problem found in a file, each with where it is (item and index), refused together."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.found.append(f"{where}: {message}" if where else message)

    def refuse_if_any(self) -> None:
        """Raise MergeRefused naming the problems (the first MAX_LISTED) when there are any."""
        if not self.found:
            return
        if len(self.found) == 1:
            raise refuse(self.found[0])
        listed = "; ".join(f"({n}) {p}" for n, p in enumerate(self.found[:MAX_LISTED], 1))
        more = len(self.found) - MAX_LISTED
        tail = f"; and {more} more" if more > 0 else ""
        raise refuse(f"the file has {len(self.found)} problems: {listed}{tail}")


# ------------------------------------------------------------------ reading fields


def get(item: dict, key: str, kinds: type | tuple, what: str, *, optional: bool = False, default=None):
    """*item*[*key*] when it is of *kinds* (bool is never taken for int); Invalid otherwise."""
    if key not in item or item[key] is None:
        if optional:
            return default
        raise Invalid(f"{what} has no {key!r}")
    value = item[key]
    if not isinstance(value, kinds) or isinstance(value, bool) and kinds is not bool:
        raise Invalid(f"{what} has a {key!r} of the wrong kind")
    return value


def time(value, what: str) -> str:
    """An ISO 8601 time, as written in the file."""
    if not isinstance(value, str):
        raise Invalid(f"{what} has no valid time")
    try:
        datetime.fromisoformat(value)
    except ValueError as exc:
        raise Invalid(f"{what} has a time that is not ISO 8601: {value!r}") from exc
    return value


_UUID = re.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}")


def canonical_id(value: str) -> str | None:
    """*value* as the library writes ids (lower case 8-4-4-4-12), whether it came as `{...}`,
    `urn:uuid:...`, in upper case or without dashes; None when it is not a UUID."""
    text = value.strip().lower().removeprefix("urn:uuid:")
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    # Stricter than uuid.UUID, which would also take digits of other scripts and stray dashes.
    return str(uuid.UUID(text)) if _UUID.fullmatch(text) else None


def item_id(item: dict, what: str, key: str = "id", *, optional: bool = False) -> str | None:
    """The UUID in *item*[*key*] (its id, or a reference to another item), written as the library
    writes ids, so that one item in another spelling is the same item (Invalid: not a UUID)."""
    value = get(item, key, str, what, optional=optional)
    if value is None:
        return None
    found = canonical_id(value)
    if found is None:
        named = "an id" if key == "id" else f"a {key!r}"
        raise Invalid(f"{what} has {named} that is not a UUID: {value[:80]!r}")
    return found


def here_or_none(read: Callable[[], T]) -> T | None:
    """What *read* returns from the library, or None when the library has no such item."""
    try:
        return read()
    except NotFound:
        return None


def _instant(value: str) -> datetime:
    stamp = datetime.fromisoformat(value)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def newer(theirs: str, ours: str) -> bool:
    """Whether the file's time *theirs* is after the library's *ours*."""
    try:
        return _instant(theirs) > _instant(ours)
    except ValueError:
        return theirs > ours


def duplicates(problems: Problems, kind: str, ids) -> None:
    """Gather a problem for each id the file holds more than once."""
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            problems.add("", f"the file has the same {kind} id twice ({value})")
        seen.add(value)


# ------------------------------------------------------------------ the plan


class Decision(StrEnum):
    """What the merge does with one item of the file, compared with the library."""

    NEW = "new"  # not here: added
    NEWER = "newer"  # here, and the file's version is newer: updated
    KEPT = "older-kept"  # here, and ours is as new or newer: left unchanged


def decide(local, updated: str, *, untimed: bool = False) -> Decision:
    """The decision for an item whose version here is *local* (None when not here)."""
    if local is None:
        return Decision.NEW
    if untimed or not newer(updated, local.updated):
        return Decision.KEPT
    return Decision.NEWER


@dataclass(frozen=True)
class Planned:
    """A song or article of the file, the library's version of it, and what to do."""

    item: Song | Article
    local: Song | Article | None
    decision: Decision


@dataclass(frozen=True)
class PlannedAnnotation:
    """An annotation of the file and what to do with it.

    *placed*: its fragments are already placed on the library's text (W3C). Otherwise they are
    placed when written, on the text as it is then, from *made_on*: the text they were made on
    (the file's version of it, None when the file does not hold it).
    """

    annotation: Annotation
    decision: Decision
    made_on: str | None = None
    placed: bool = False


@dataclass(frozen=True)
class FileLinkDecision:
    """One of the user's quote-link decisions as a file holds it, every field checked for its kind.

    The article side is *article* (offsets over the rendered article, with its quote and
    context); a link's lyric side is its lines' text (*lines_quote*, with its context) and the
    line numbers it was on (*first_line*, *last_line*: a hint, None when the file has none).
    """

    id: str
    article_id: str
    kind: str  # "link" or "unlink"
    article: Anchor
    first_line: int | None  # a link's lyric side (an unlink has none)
    last_line: int | None
    lines_quote: str
    lines_prefix: str
    lines_suffix: str
    status: str
    created: str
    updated: str


@dataclass(frozen=True)
class PlannedLinkDecision:
    """A decision of the file and what to do with it; placed on the library's texts when written.

    *made_on*: the file's rendered article and the file's lyrics of its song (None when the
    file does not hold them). *moved_from*: the article that holds it here, when another.
    """

    decision: FileLinkDecision
    outcome: Decision
    made_on: tuple[str | None, str | None] = (None, None)
    moved_from: str | None = None


@dataclass(frozen=True)
class PlannedStudy:
    """A study correction or a translation of the file and what to do with it; placed on the
    song's lyrics here when written, from *made_on*: the file's lyrics of its song (None when
    the file does not hold the song)."""

    item: StoredCorrection | Translation
    decision: Decision
    made_on: str | None = None


@dataclass
class MergePlan:
    """Everything a merge writes, all checked; written by `merge.apply_plan` in one transaction."""

    new_lenses: list[Lens] = field(default_factory=list)
    matched_lenses: int = 0  # lenses of the file that are here already (by id or name): unchanged
    songs: list[Planned] = field(default_factory=list)
    articles: list[Planned] = field(default_factory=list)
    annotations: list[PlannedAnnotation] = field(default_factory=list)
    link_decisions: list[PlannedLinkDecision] = field(default_factory=list)
    corrections: list[PlannedStudy] = field(default_factory=list)
    translations: list[PlannedStudy] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # tags no annotation uses may come only in this list
    warnings: list[str] = field(default_factory=list)
