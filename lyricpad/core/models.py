"""Plain data objects read from the library; the store creates them, nobody else writes them."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from lyricpad.core.anchoring import Anchor
from lyricpad.core.quotations import Difference, lines_of
from lyricpad.core.study import Correction
from lyricpad.core.text import LineIndex

STATUSES = ("anchored", "needs_review", "orphaned")
LINK_ORIGINS = ("detected", "user")
LINK_STATUSES = ("anchored", "orphaned")
TARGETS = ("lyrics", "article", "translation")
"""What an annotation is on: the song's lyrics, one of its articles, or its translation (issue 19)."""


def fields_json(item, *, omit: tuple[str, ...] = ()) -> dict:
    """*item*'s fields (but *omit*), in the order its dataclass declares them: the command line's --json."""
    return {f.name: getattr(item, f.name) for f in fields(item) if f.name not in omit}


@dataclass(frozen=True)
class Lens:
    id: str
    name: str
    colour: str
    position: int

    def to_json(self) -> dict:
        return fields_json(self)


@dataclass(frozen=True)
class Article:
    id: str
    song_id: str
    title: str
    author: str
    source: str
    body: str
    position: int
    created: str
    updated: str
    deleted: bool = False
    published: str = ""  # the date the article gives for itself, as imported

    def to_json(self) -> dict:
        return fields_json(self, omit=("position", "deleted"))


LYRICS_FIELDS = ("lyrics", "line_times", "lrc_tags", "word_times")
"""A song's text and its timing: long, so the command line lists songs without them."""


@dataclass(frozen=True)
class SongDetails:
    """What names a song, first in both `Song` and `SongSummary` (so their JSON starts alike)."""

    id: str
    title: str
    artist: str
    album: str
    year: int | None
    language: str

    @property
    def display_name(self) -> str:
        return f"{self.title} — {self.artist}" if self.artist else self.title


@dataclass(frozen=True)
class Song(SongDetails):
    lyrics: str
    lyrics_format: str  # "plain" or "lrc"
    source_file: str
    line_times: list | None  # per line: a list of milliseconds from LRC, or None
    created: str
    updated: str
    deleted: bool = False
    lrc_tags: dict | None = None  # LRC header tags (ti, ar, offset..., unknown ones kept), as read
    word_times: list | None = None  # per line: None or [[ms, code-point offset in the line], ...]

    def to_json(self, *, lyrics: bool = False) -> dict:
        """The song as the command line prints it; the lyrics and their timing only when asked for."""
        data = fields_json(self, omit=("deleted",) if lyrics else ("deleted", *LYRICS_FIELDS))
        data["line_count"] = LineIndex(self.lyrics).line_count if self.lyrics else 0
        return data


@dataclass(frozen=True)
class SongSummary(SongDetails):
    """A song as lists show it: its details without the lyrics and their timing (cheap to read by the thousand).

    `line_count` is the lyrics' number of lines when the listing was asked for with them (else None);
    `n` the order the song was added in (the library's rowid), which breaks ties in every sort order.
    """

    lyrics_format: str
    source_file: str
    created: str
    updated: str
    line_count: int | None = None
    n: int = field(default=0, repr=False)

    def to_json(self) -> dict:
        """The same JSON as `Song.to_json()` (the song without its lyrics), when read with line counts."""
        data = dict(self.__dict__)  # its fields in declared order, as fields_json lists them, but faster
        del data["n"]  # the library's own row number, no part of the song
        return data


@dataclass(frozen=True)
class Annotation:
    id: str
    song_id: str
    target: str  # "lyrics", "article" or "translation" (the song's translation)
    article_id: str | None
    lens: Lens | None
    note: str
    status: str
    fragments: tuple[Anchor, ...]
    tags: tuple[str, ...] = field(default_factory=tuple)
    created: str = ""
    updated: str = ""
    deleted: bool = False
    time_ms: int | None = None  # a time in the song the note is about (milliseconds), or None

    @property
    def first(self) -> Anchor:
        return self.fragments[0]

    @property
    def quote(self) -> str:
        return self.first.quote

    @property
    def proposal(self):
        """The first proposed place of a needs_review annotation (None when none was found)."""
        return next((f.proposal for f in self.fragments if f.proposal), None)

    def to_json(self) -> dict:
        """The annotation as the command line prints it: its first place and proposal spelled out."""
        first = self.first
        proposal = self.proposal
        lens = self.lens
        return {
            **fields_json(self, omit=("lens", "fragments", "tags")),
            "quote": first.quote,
            "lens": lens.name if lens else None,
            "lens_id": lens.id if lens else None,
            "lens_colour": lens.colour if lens else None,
            "tags": list(self.tags),
            "line_start": first.line_start,
            "line_end": first.line_end,
            "start": first.start,
            "end": first.end,
            "proposed_line_start": proposal.line_start if proposal else None,
            "proposed_line_end": proposal.line_end if proposal else None,
            "proposed_start": proposal.start if proposal else None,
            "proposed_end": proposal.end if proposal else None,
            "fragments": [f.to_dict() for f in self.fragments],
        }


@dataclass(frozen=True)
class QuoteLink:
    """A quotation in an article linked to the lyric lines it quotes (found by lyricpad, or made by the user)."""

    id: str
    song_id: str
    article_id: str
    start: int  # code points in the rendered article text
    end: int
    quote: str  # rendered_text[start:end]: the article's words as written
    places: tuple[tuple[int, int], ...]  # 1-based inclusive lyric line ranges, every occurrence
    score: float  # 0..1 (1.0 for an exact quotation)
    misquoted: bool
    differences: tuple[Difference, ...]
    origin: str  # "detected" or "user"
    status: str = "anchored"  # "orphaned": a user link whose words are gone (kept, not drawn)

    @property
    def lines(self) -> tuple[int, ...]:
        return lines_of(self.places)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "lines": list(self.lines),
            "places": [[first, last] for first, last in self.places],
            "score": self.score,
            "misquoted": self.misquoted,
            "differences": [d.to_json() for d in self.differences],
            "origin": self.origin,
            "status": self.status,
        }


CORRECTION_STATUSES = ("anchored", "orphaned")


@dataclass(frozen=True)
class StoredCorrection:
    """A user's correction of the study view as the library keeps it: on a line, found again by its text.

    *line* is 1-based in the lyrics as they are now (for an orphaned one: where its line last
    was). *line_text*, *before_text* and *after_text* are the line's text and its neighbours'
    (None at either end) when it was last anchored: what finds the line again after an edit.
    """

    id: str
    song_id: str
    line: int
    line_text: str
    before_text: str | None
    after_text: str | None
    field: str  # one of study.CORRECTABLE
    value: str
    status: str  # "anchored" or "orphaned" (its line changed or went: kept, not applied)
    created: str
    updated: str

    def as_correction(self) -> Correction:
        """The correction as the study view applies it."""
        return Correction(self.line, self.field, self.value)

    def to_json(self) -> dict:
        return fields_json(self)


@dataclass(frozen=True)
class Translation:
    """A song's translation: one line per line of its lyrics (line i translates lyric line i)."""

    song_id: str
    language: str  # as given ("de", "German"...); "" when not said
    text: str
    updated: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def title(self) -> str:
        """ "Translation (German)", or "Translation" when its language is not said: how lists and
        exports name it and the notes on it."""
        return translation_title(self.language)

    def to_json(self) -> dict:
        return fields_json(self)


def translation_title(language: str) -> str:
    """ "Translation (German)" for "de" (or "German", "Deutsch"); "Translation" for ""."""
    from lyricpad.core.languages import language_name

    return f"Translation ({language_name(language)})" if language.strip() else "Translation"


@dataclass(frozen=True)
class StudyData:
    """What of a song's study data an undo of a lyrics edit writes back: its corrections and translation."""

    corrections: tuple[StoredCorrection, ...] = ()
    translation: Translation | None = None
