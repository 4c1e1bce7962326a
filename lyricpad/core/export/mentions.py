"""What an exported annotation says about quote links: the lyric lines an article passage quotes,
and the articles that quote a highlighted lyric line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lyricpad.core.export import labels

if TYPE_CHECKING:
    from lyricpad.core.models import Annotation, QuoteLink


def quoted_lines(annotation: Annotation, links: Sequence[QuoteLink]) -> tuple[int, ...]:
    """The lyric lines quoted by the linked quotations that an article annotation's words overlap."""
    if annotation.target != "article" or annotation.status != "anchored":
        return ()  # the offsets of an annotation that lost its words say nothing about today's text
    lines: set[int] = set()
    for link in links:
        if link.article_id != annotation.article_id:
            continue
        if any(f.start < link.end and link.start < f.end for f in annotation.fragments):
            lines.update(link.lines)
    return tuple(sorted(lines))


def quoting_articles(annotation: Annotation, links: Sequence[QuoteLink]) -> list[str]:
    """The ids of the articles quoting a line of a lyric annotation, in the order of *links*."""
    if annotation.target != "lyrics" or annotation.status != "anchored":
        return []
    mine = {n for f in annotation.fragments for n in range(f.line_start, f.line_end + 1)}
    found: dict[str, None] = {}
    for link in links:
        if mine.intersection(link.lines):
            found.setdefault(link.article_id)
    return list(found)


def _runs(lines: Sequence[int]) -> list[tuple[int, int]]:
    """Runs of consecutive lines: (14, 14), (29, 30)."""
    runs: list[list[int]] = []
    for line in lines:
        if runs and line == runs[-1][1] + 1:
            runs[-1][1] = line
        else:
            runs.append([line, line])
    return [(first, last) for first, last in runs]


def _names(titles: Sequence[str]) -> str:
    """'“A”', '“A” and “B”', '“A”, “B” and “C”': article titles as a sentence names them."""
    shown = [f"“{title}”" if title else "an untitled article" for title in titles]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def mention(
    annotation: Annotation, links: Sequence[QuoteLink], titles: dict[str, str], sections: Sequence[str] = ()
) -> str:
    """The sentence an exported annotation gets about quote links ("" when none concerns it):
    "Quotes the lyrics: bridge, lines 29–30." for an article's, "Quoted in “Title”." for the lyrics'.
    *titles* maps article ids to titles; *sections* is `labels.sections` of the lyrics (without
    it, lines are named by number only); the sentence is plain text, to be escaped."""
    lines = quoted_lines(annotation, links)
    if lines:
        return f"Quotes the lyrics: {labels.places(list(sections), _runs(lines))}."
    quoting = quoting_articles(annotation, links)
    if quoting:
        return f"Quoted in {_names([titles.get(i, '') for i in quoting])}."
    return ""
