"""What an exported annotation says about quote links: the lyric lines an article passage quotes,
and the articles that quote a highlighted lyric line."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lyricpad.core.export import labels

if TYPE_CHECKING:
    from lyricpad.core.models import Annotation, QuoteLink


class Mentions:
    """A song's quote links indexed once (by lyric line, and by article offset), so that asking
    about each of thousands of annotations does not go through every link again."""

    def __init__(self, links: Sequence[QuoteLink], titles: dict[str, str], sections: Sequence[str] = ()):
        """*titles* maps article ids to titles; *sections* is `labels.sections` of the lyrics
        (without it, lines are named by number only)."""
        self._titles = titles
        self._sections = list(sections)
        self._by_line: dict[int, list[int]] = {}  # lyric line -> positions in *links*
        self._article_of: list[str] = []
        # Per article: its links' (start, end, lines) sorted by start, and the longest link.
        by_article: dict[str, list[tuple[int, int, tuple[int, ...]]]] = {}
        for position, link in enumerate(links):
            lines = link.lines
            self._article_of.append(link.article_id)
            for line in lines:
                self._by_line.setdefault(line, []).append(position)
            by_article.setdefault(link.article_id, []).append((link.start, link.end, lines))
        self._spans: dict[str, tuple[list[int], list[tuple[int, int, tuple[int, ...]]], int]] = {}
        for article_id, spans in by_article.items():
            spans.sort(key=lambda span: span[0])
            longest = max(end - start for start, end, _ in spans)
            self._spans[article_id] = ([start for start, _, _ in spans], spans, longest)

    def quoted_lines(self, annotation: Annotation) -> tuple[int, ...]:
        """The lyric lines quoted by the linked quotations that an article annotation's words overlap."""
        if annotation.target != "article" or annotation.status != "anchored":
            return ()  # the offsets of an annotation that lost its words say nothing about today's text
        found = self._spans.get(annotation.article_id)
        if found is None:
            return ()
        starts, spans, longest = found
        lines: set[int] = set()
        for f in annotation.fragments:
            # Only links starting before the fragment ends, and not so long before it starts
            # that even the longest link would end before it, can overlap it.
            for i in range(bisect_left(starts, f.start - longest), bisect_left(starts, f.end)):
                start, end, quoted = spans[i]
                if f.start < end and start < f.end:
                    lines.update(quoted)
        return tuple(sorted(lines))

    def quoting_articles(self, annotation: Annotation) -> list[str]:
        """The ids of the articles quoting a line of a lyric annotation, in the order of the links."""
        if annotation.target != "lyrics" or annotation.status != "anchored":
            return []
        positions: set[int] = set()
        for f in annotation.fragments:
            for line in range(f.line_start, f.line_end + 1):
                positions.update(self._by_line.get(line, ()))
        return list(dict.fromkeys(self._article_of[p] for p in sorted(positions)))

    def sentence(self, annotation: Annotation) -> str:
        """The sentence an exported annotation gets about quote links ("" when none concerns it):
        "Quotes the lyrics: bridge, lines 29–30." for an article's, "Quoted in “Title”." for the
        lyrics'; plain text, to be escaped."""
        lines = self.quoted_lines(annotation)
        if lines:
            return f"Quotes the lyrics: {labels.places(self._sections, _runs(lines))}."
        quoting = self.quoting_articles(annotation)
        if quoting:
            return f"Quoted in {_names([self._titles.get(i, '') for i in quoting])}."
        return ""


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
    """The sentence one exported annotation gets about quote links (see `Mentions.sentence`; a
    writer of many annotations builds one `Mentions` for them all)."""
    return Mentions(links, titles, sections).sentence(annotation)
