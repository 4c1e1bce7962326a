"""Plain data objects read from the library; the store creates them, nobody else writes them."""

from __future__ import annotations

from dataclasses import dataclass, field

from lyricpad.core.anchoring import Anchor
from lyricpad.core.text import LineIndex

STATUSES = ("anchored", "needs_review", "orphaned")
TARGETS = ("lyrics", "article")


@dataclass(frozen=True)
class Lens:
    id: str
    name: str
    colour: str
    position: int

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "colour": self.colour, "position": self.position}


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
        return {
            "id": self.id,
            "song_id": self.song_id,
            "title": self.title,
            "author": self.author,
            "source": self.source,
            "published": self.published,
            "body": self.body,
            "created": self.created,
            "updated": self.updated,
        }


@dataclass(frozen=True)
class Song:
    id: str
    title: str
    artist: str
    album: str
    year: int | None
    language: str
    lyrics: str
    lyrics_format: str  # "plain" or "lrc"
    source_file: str
    line_times: list | None  # per line: a list of milliseconds from LRC, or None
    created: str
    updated: str
    deleted: bool = False
    lrc_tags: dict | None = None  # LRC header tags (ti, ar, offset..., unknown ones kept), as read
    word_times: list | None = None  # per line: None or [[ms, code-point offset in the line], ...]

    @property
    def display_name(self) -> str:
        return f"{self.title} — {self.artist}" if self.artist else self.title

    def to_json(self, *, lyrics: bool = False) -> dict:
        data = {
            "id": self.id,
            "title": self.title,
            "artist": self.artist,
            "album": self.album,
            "year": self.year,
            "language": self.language,
            "lyrics_format": self.lyrics_format,
            "source_file": self.source_file,
            "line_count": LineIndex(self.lyrics).line_count if self.lyrics else 0,
            "created": self.created,
            "updated": self.updated,
        }
        if lyrics:
            data["lyrics"] = self.lyrics
            data["line_times"] = self.line_times
            data["lrc_tags"] = self.lrc_tags
            data["word_times"] = self.word_times
        return data


@dataclass(frozen=True)
class Annotation:
    id: str
    song_id: str
    target: str  # "lyrics" or "article"
    article_id: str | None
    lens: Lens | None
    note: str
    status: str
    fragments: tuple[Anchor, ...]
    tags: tuple[str, ...] = field(default_factory=tuple)
    created: str = ""
    updated: str = ""
    deleted: bool = False

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
        first = self.first
        proposal = self.proposal
        return {
            "id": self.id,
            "song_id": self.song_id,
            "target": self.target,
            "article_id": self.article_id,
            "quote": first.quote,
            "note": self.note,
            "lens": self.lens.name if self.lens else None,
            "lens_id": self.lens.id if self.lens else None,
            "lens_colour": self.lens.colour if self.lens else None,
            "tags": list(self.tags),
            "status": self.status,
            "line_start": first.line_start,
            "line_end": first.line_end,
            "start": first.start,
            "end": first.end,
            "proposed_line_start": proposal.line_start if proposal else None,
            "proposed_line_end": proposal.line_end if proposal else None,
            "proposed_start": proposal.start if proposal else None,
            "proposed_end": proposal.end if proposal else None,
            "fragments": [f.to_dict() for f in self.fragments],
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
        }
