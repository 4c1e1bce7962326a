"""Computing quote links: detection run on an article, the user's decisions followed through the texts' changes.

Pure: nothing here reads or writes the library (`lib.links`, in links.py, does), so a read-only
connection can compute the same links in memory.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING

from lyricpad.core.anchoring import (
    Anchor,
    EditMap,
    anchor_for_lines,
    anchor_for_range,
    fuzz,
    holds,
    reanchor,
)
from lyricpad.core.errors import InvalidAnchor
from lyricpad.core.markdown import render_article
from lyricpad.core.models import Article, QuoteLink, Song
from lyricpad.core.quotations import DETECTOR_VERSION, Difference, compare, detect_links
from lyricpad.core.store.common import now
from lyricpad.core.text import LineIndex

if TYPE_CHECKING:
    from lyricpad.core.quotations import QuoteMatch

_LINK_NAMESPACE = uuid.UUID("3b0f8a52-7c1e-4d7a-9a55-1f0e6c2d9b34")


def detected_link_id(article_id: str, quote: str, index: int) -> str:
    """The id of a detected link: the same each time the same quotation is found, so recomputing keeps it.

    *index* counts the earlier quotations of the article with the same words (0 for the first).
    """
    words = " ".join(quote.casefold().split())
    return str(uuid.uuid5(_LINK_NAMESPACE, f"{article_id}\n{words}\n{index}"))


def digest(*texts: str) -> str:
    """A digest of *texts* (told apart, so ("ab", "") and ("a", "b") differ)."""
    hashed = hashlib.sha256()
    for text in texts:
        data = text.encode("utf-8", "surrogatepass")
        hashed.update(len(data).to_bytes(8, "big"))
        hashed.update(data)
    return hashed.hexdigest()


def song_digest(song: Song) -> str:
    """What of a song its links depend on: its lyrics, and the names never taken for quotations."""
    return digest(song.lyrics, song.title, song.artist, song.album)


@dataclass(frozen=True)
class LinkDecision:
    """One of the user's decisions as stored: a link made by hand ("link") or an unlink of a detected link.

    The article side is an anchor over the rendered article; a link's lyric side an anchor of
    whole lines over the lyrics. Undo writes these back exactly as they were read.
    """

    id: str
    song_id: str
    article_id: str
    kind: str  # "link" or "unlink"
    char_start: int
    char_end: int
    quote: str
    prefix: str
    suffix: str
    places: str  # JSON: [[first, last], ...]
    lyrics_start: int | None
    lyrics_end: int | None
    lyrics_quote: str
    lyrics_prefix: str
    lyrics_suffix: str
    score: float
    misquoted: int
    differences: str  # JSON: [{"quote", "lyrics"}, ...]
    status: str  # "anchored" or "orphaned"
    created: str
    updated: str

    @classmethod
    def from_row(cls, row: dict) -> LinkDecision:
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    def to_row(self) -> dict:
        return {**asdict(self), "origin": "user"}

    @classmethod
    def made(
        cls,
        *,
        id: str,
        song_id: str,
        article_id: str,
        kind: str,
        article: Anchor,
        lyrics: Anchor | None,
        places: str,
        score: float,
        misquoted: bool,
        differences,
        status: str,
        created: str,
        updated: str,
    ) -> LinkDecision:
        """A decision of its two sides as anchors (*lyrics* None for an unlink, or lines not found)."""
        return cls(
            id=id,
            song_id=song_id,
            article_id=article_id,
            kind=kind,
            char_start=article.start,
            char_end=article.end,
            quote=article.quote,
            prefix=article.prefix,
            suffix=article.suffix,
            places=places,
            lyrics_start=lyrics.start if lyrics else None,
            lyrics_end=lyrics.end if lyrics else None,
            lyrics_quote=lyrics.quote if lyrics else "",
            lyrics_prefix=lyrics.prefix if lyrics else "",
            lyrics_suffix=lyrics.suffix if lyrics else "",
            score=float(score),
            misquoted=int(bool(misquoted)),
            differences=differences_json(differences),
            status=status,
            created=created,
            updated=updated,
        )

    @property
    def article_anchor(self) -> Anchor:
        return Anchor(self.char_start, self.char_end, self.quote, self.prefix, self.suffix, 1, 1, 1)

    @property
    def lyrics_anchor(self) -> Anchor | None:
        if self.lyrics_start is None:
            return None
        return Anchor(
            self.lyrics_start,
            self.lyrics_end,
            self.lyrics_quote,
            self.lyrics_prefix,
            self.lyrics_suffix,
            1,
            1,
            1,
        )


def places_json(places) -> str:
    return json.dumps([[first, last] for first, last in places])


def differences_json(differences) -> str:
    return json.dumps([d.to_json() for d in differences], ensure_ascii=False)


def link_from_row(row: dict) -> QuoteLink:
    """A stored link (detected, or a decision of kind "link") as the rest of lyricpad sees it."""
    return QuoteLink(
        id=row["id"],
        song_id=row["song_id"],
        article_id=row["article_id"],
        start=row["char_start"],
        end=row["char_end"],
        quote=row["quote"],
        places=tuple((first, last) for first, last in json.loads(row["places"])),
        score=float(row["score"]),
        misquoted=bool(row["misquoted"]),
        differences=tuple(Difference(d["quote"], d["lyrics"]) for d in json.loads(row["differences"])),
        origin=row["origin"],
        status=row["status"],
    )


QUOTE_LIKENESS_MIN = 50.0
"""A side of a link mapped through an edit stays there only when its text is still more like the
old quote than this (rapidfuzz ratio, 0-100); else it is other words (a character diff can
keep a line's last letters as another line's), and the link goes only where its exact words
are found again in their context."""


class _Text:
    """A text the links were computed on, and what it is now: anchors follow from one to the other.

    A link points at a place, so an anchor that held on the old text moves with the edit (its
    ends mapped through the diff). Anything else (the old text unknown, an orphaned decision)
    is found again only where its exact words stand in their context: never at a likely place,
    which could be other lines altogether (the same words in another chorus).
    """

    def __init__(self, old: str | None, new: str):
        self.old = None if old == new else old
        self.new = new
        self.index = LineIndex(new)
        self._edit: EditMap | None = None

    def _mapped(self, anchor: Anchor) -> tuple[int, int] | None:
        """[start, end) of *anchor* moved through the edit, when it held on the old text; else None."""
        if self.old is None or not holds(anchor, self.old):
            return None
        if self._edit is None:
            self._edit = EditMap(self.old, self.new)
        return self._edit.map(anchor.start), self._edit.map(anchor.end, end=True)

    def _found(self, anchor: Anchor) -> Anchor | None:
        """*anchor*'s exact words in their context on the new text (re-anchoring certain of it), or None."""
        if self.old is None and holds(anchor, self.new):
            return anchor_for_range(self.new, anchor.start, anchor.end, self.index)
        edit = None
        if self.old is not None:
            if self._edit is None:
                self._edit = EditMap(self.old, self.new)
            edit = self._edit
        status = "anchored" if self.old is not None and holds(anchor, self.old) else "orphaned"
        result = reanchor((anchor,), status, self.new, edit, self.index, self.old)
        return result.fragments[0] if result.status == "anchored" else None

    def follow(self, anchor: Anchor) -> Anchor | None:
        """An article-side anchor on the new text, or None when its words are gone."""
        mapped = self._mapped(anchor)
        if mapped is None:
            return self._found(anchor)
        start, end = mapped
        quote = self.new[start:end]
        if end > start and quote.strip() and fuzz.ratio(anchor.quote, quote) > QUOTE_LIKENESS_MIN:
            return anchor_for_range(self.new, start, end, self.index)
        return self._found(anchor)  # other words there now: only their exact words, elsewhere

    def follow_lines(self, anchor: Anchor) -> Anchor | None:
        """A lyric-side anchor on the new text, widened to whole lines; None when its lines are gone."""
        mapped = self._mapped(anchor)
        if mapped is not None:
            start, end = mapped
            quote = self.new[start:end]
            # Likeness before widening: a few letters kept of a deleted line would pass once widened.
            if end > start and quote.strip() and fuzz.ratio(anchor.quote, quote) > QUOTE_LIKENESS_MIN:
                moved = self._whole_lines(start, end)
                if moved is not None:
                    return moved
        # Not held before, deleted, or other words there now: only its exact words, elsewhere.
        found = self._found(anchor)
        return None if found is None else self._whole_lines(found.start, found.end)

    def _whole_lines(self, start: int, end: int) -> Anchor | None:
        first, last = self.index.lines_of_range(start, end)
        try:
            return lines_anchor(self.new, first, last, self.index)
        except InvalidAnchor:
            return None  # only blank lines there now


def lines_anchor(lyrics: str, first: int, last: int, index: LineIndex | None = None) -> Anchor:
    """The anchor of whole lyric lines first..last, blank lines at either end left out; refused when impossible."""
    if not lyrics.strip():
        raise InvalidAnchor("the song has no lyrics; there are no lines to link to")
    if not (isinstance(first, int) and isinstance(last, int)):
        raise InvalidAnchor(f"lines {first}-{last} are not line numbers")
    return anchor_for_lines(lyrics, first, last, index=index, doing="link to", has_lines="the lyrics have")


def article_anchor(rendered: str, start: int, end: int) -> Anchor:
    """The anchor of [start, end) of a rendered article; refused when the span is not text of it."""
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(rendered):
        raise InvalidAnchor(
            f"the span {start}-{end} is not a stretch of the article's text (0-{len(rendered)}): "
            "nothing to link"
        )
    if not rendered[start:end].strip():
        raise InvalidAnchor(f"the span {start}-{end} of the article is blank; there is nothing to link")
    return anchor_for_range(rendered, start, end)


@dataclass
class Computed:
    """An article's links computed on its current texts: what to store (or to show, read-only)."""

    article: Article
    decisions: list[LinkDecision]
    changed: list[LinkDecision]  # the decisions that moved or changed status
    detected: list[dict]  # rows of quote_links
    texts: dict  # the row of quote_link_texts

    def links(self) -> list[QuoteLink]:
        rows = [*self.detected, *(d.to_row() for d in self.decisions if d.kind == "link")]
        return sorted((link_from_row(r) for r in rows), key=text_order)


def text_order(link: QuoteLink):
    return (link.start, link.end, link.origin != "user")


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def _follow_decision(decision: LinkDecision, article_text: _Text, lyrics: _Text, song: Song) -> LinkDecision:
    """*decision* on the current texts: its sides moved with their words, orphaned when some are gone."""
    data: dict = {"song_id": song.id}
    art = article_text.follow(decision.article_anchor)
    if art is not None:
        data.update(
            char_start=art.start, char_end=art.end, quote=art.quote, prefix=art.prefix, suffix=art.suffix
        )
    lyr = None
    if decision.kind == "link":
        lyr = lyrics.follow_lines(decision.lyrics_anchor)
        if lyr is not None:
            data.update(
                lyrics_start=lyr.start,
                lyrics_end=lyr.end,
                lyrics_quote=lyr.quote,
                lyrics_prefix=lyr.prefix,
                lyrics_suffix=lyr.suffix,
            )
    anchored = art is not None and (decision.kind == "unlink" or lyr is not None)
    data["status"] = "anchored" if anchored else "orphaned"
    if anchored and decision.kind == "link":
        first, last = lyrics.index.lines_of_range(lyr.start, lyr.end)
        score, misquoted, differences = compare(art.quote, song.lyrics, first, last)
        data.update(
            places=places_json(((first, last),)),
            score=float(score),
            misquoted=int(bool(misquoted)),
            differences=differences_json(differences),
        )
    followed = replace(decision, **data)
    return followed if followed == decision else replace(followed, updated=now())


def compute(song: Song, article: Article, texts: dict | None, decisions: list[LinkDecision]) -> Computed:
    """The article's links on the current texts: its decisions followed, detection run again (writes nothing)."""
    rendered = render_article(article.body)
    article_text = _Text(texts["rendered"] if texts else None, rendered.text)
    lyrics = _Text(texts["lyrics"] if texts else None, song.lyrics)
    followed = [_follow_decision(d, article_text, lyrics, song) for d in decisions]
    covered = [(d.char_start, d.char_end) for d in followed if d.status == "anchored"]
    matches: list[QuoteMatch] = (
        detect_links(song.lyrics, rendered, title=song.title, names=(song.artist, song.album))
        if song.lyrics.strip()
        else []
    )
    stamp = now()
    seen: dict[str, int] = {}
    detected = []
    for match in matches:
        quotation = match.quotation
        words = " ".join(quotation.text.casefold().split())
        index = seen.get(words, 0)
        seen[words] = index + 1
        if _overlaps(quotation.start, quotation.end, covered):
            continue  # the user decided about this text: their decision wins
        detected.append(
            {
                "id": detected_link_id(article.id, quotation.text, index),
                "song_id": song.id,
                "article_id": article.id,
                "origin": "detected",
                "kind": "link",
                "char_start": quotation.start,
                "char_end": quotation.end,
                "quote": quotation.text,
                "places": places_json(match.places),
                "score": float(match.score),
                "misquoted": int(bool(match.misquoted)),
                "differences": differences_json(match.differences),
                "status": "anchored",
                "created": stamp,
                "updated": stamp,
            }
        )
    texts_row = {
        "article_id": article.id,
        "song_digest": song_digest(song),
        "body_digest": digest(article.body),
        "detector": DETECTOR_VERSION,
        "lyrics": song.lyrics,
        "rendered": rendered.text,
        "updated": stamp,
    }
    changed = [new for old, new in zip(decisions, followed, strict=True) if new != old]
    return Computed(article, followed, changed, detected, texts_row)


def fresh(song: Song, article: Article, texts: dict | None) -> bool:
    return (
        texts is not None
        and texts["detector"] == DETECTOR_VERSION
        and texts["body_digest"] == digest(article.body)
        and texts["song_digest"] == song_digest(song)
    )
