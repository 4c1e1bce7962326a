"""The commands on quote links: links (list them), link (make one by hand) and unlink."""

from __future__ import annotations

from lyricpad.cli.output import print_json, say
from lyricpad.core.anchoring import find_occurrences
from lyricpad.core.errors import InvalidAnchor
from lyricpad.core.markdown import rendered_text
from lyricpad.core.models import Article, QuoteLink, Song
from lyricpad.core.store import Library
from lyricpad.core.text import LineIndex, normalise_text

# Typographic quotation marks and apostrophes read as the plain ones, so that a quote typed in a
# terminal ('don't', "word") finds the article's “word” and don’t.
_QUOTE_MARKS = str.maketrans(
    {mark: "'" for mark in "\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4"}
    | {mark: '"' for mark in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}
)


def _loose(text: str) -> tuple[str, list[int]]:
    """*text* with case, quotation-mark style and whitespace runs folded away, and for each of its
    characters the offset in *text* it came from (casefolding may turn one character into two)."""
    chars: list[str] = []
    origin: list[int] = []
    after_space = False
    for offset, char in enumerate(text):
        if char.isspace():
            if not after_space:
                chars.append(" ")
                origin.append(offset)
            after_space = True
            continue
        after_space = False
        for folded in char.translate(_QUOTE_MARKS).casefold():
            chars.append(folded)
            origin.append(offset)
    return "".join(chars), origin


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """The spans [start, end) of *text* where *quote* is: exactly if it is there, else ignoring
    case, the style of quotation marks and apostrophes, and how whitespace is written."""
    quote = normalise_text(quote).strip()
    if not quote:
        return []
    exact = find_occurrences(text, quote)
    if exact:
        return [(start, start + len(quote)) for start in exact]
    folded, origin = _loose(text)
    wanted = _loose(quote)[0]
    spans: list[tuple[int, int]] = []
    for start in find_occurrences(folded, wanted):
        end = start + len(wanted)
        # A match must begin and end on whole characters of the text (not inside "ß" -> "ss").
        if start > 0 and origin[start - 1] == origin[start]:
            continue
        if end < len(origin) and origin[end] == origin[end - 1]:
            continue
        span = (origin[start], origin[end - 1] + 1)
        if span not in spans:
            spans.append(span)
    return spans


def _number(value: int) -> str:
    """A number given on the command line, as an error message shows it (a huge one abridged)."""
    text = str(value)
    return text if len(text) <= 12 else f"{text[:6]}…({len(text)} digits)"


def _elided(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _lines(places) -> str:
    """'line 2', 'lines 29-30', or for several places 'lines 12, 26'."""
    spans = [f"{first}" if first == last else f"{first}-{last}" for first, last in places]
    single = len(places) == 1 and places[0][0] == places[0][1]
    return ("line " if single else "lines ") + ", ".join(spans)


def _difference(difference) -> str:
    if not difference.lyrics:
        return f"“{difference.quote}” added"
    if not difference.quote:
        return f"“{difference.lyrics}” left out"
    return f"“{difference.quote}” for “{difference.lyrics}”"


def describe_link(link: QuoteLink, width: int = 60) -> str:
    """One line: short id, lines, score, misquotation, origin, status and the quote (elided)."""
    parts = [link.id[:8], _lines(link.places), f"score {link.score:.2f}"]
    if link.misquoted:
        shown = "; ".join(_difference(d) for d in link.differences[:3])
        more = f"; {len(link.differences) - 3} more" if len(link.differences) > 3 else ""
        parts.append(f"misquoted ({shown}{more})" if shown else "misquoted")
    parts.append(link.origin)
    if link.status != "anchored":
        parts.append(f"[{link.status}]")
    parts.append(f"“{_elided(' '.join(link.quote.split()), width)}”")
    return "  ".join(parts)


def _title(article: Article) -> str:
    return f"“{article.title}”" if article.title else "(untitled)"


def cmd_links(library: Library, args) -> int:
    song = library.songs.resolve(args.song_ref)
    article = library.articles.resolve(args.article, song.id) if args.article else None
    links = library.links.for_song(song.id, article.id if article else None, include_orphaned=True)
    if args.json:
        print_json([link.to_json() for link in links])
        return 0
    place = f"The article {_title(article)} of {song.display_name}" if article else song.display_name
    if not links:
        say(f"{place} has no linked quotations.")
        return 0
    say(f"{place}: {len(links)} linked quotation(s)")
    titles = {a.id: _title(a) for a in library.articles.for_song(song.id)}
    heading = None
    for link in links:
        if link.article_id != heading:
            heading = link.article_id
            say(f"\nArticle: {titles.get(heading, '(untitled)')}")
        say(describe_link(link))
    return 0


def _check_lines(song: Song, first: int, last: int) -> None:
    if not song.lyrics.strip():
        raise InvalidAnchor(f"{song.display_name} has no lyrics to link a quotation to")
    count = LineIndex(song.lyrics).line_count
    if last > count:
        asked = _number(first) if first == last else f"{_number(first)}-{_number(last)}"
        raise InvalidAnchor(f"--lines {asked}: the lyrics of {song.display_name} have lines 1-{count}")


def _span(text: str, quote: str, occurrence: int | None, where: str) -> tuple[int, int]:
    spans = find_quote(text, quote)
    shown = _elided(" ".join(quote.split()), 60)
    if not spans:
        raise InvalidAnchor(
            f"the quote “{shown}” is not in {where} (looked for as written, then ignoring case, "
            "quotation-mark style and spacing)"
        )
    if occurrence is None:
        if len(spans) > 1:
            raise InvalidAnchor(
                f"the quote “{shown}” occurs {len(spans)} times in {where}: "
                f"pass --occurrence 1-{len(spans)} to choose one"
            )
        return spans[0]
    if occurrence > len(spans):
        times = "once" if len(spans) == 1 else f"{len(spans)} times"
        raise InvalidAnchor(
            f"--occurrence {_number(occurrence)}: the quote “{shown}” occurs {times} in {where}"
        )
    return spans[occurrence - 1]


def cmd_link(library: Library, args) -> int:
    song = library.songs.resolve(args.song_ref)
    article = library.articles.resolve(args.article, song.id)
    where = f"the article {_title(article)}"
    first, last = args.lines
    _check_lines(song, first, last)
    start, end = _span(rendered_text(article.body), args.quote, args.occurrence, where)
    link = library.links.link(article.id, start, end, first, last)
    if args.json:
        print_json(link.to_json())
    else:
        say(f"Linked a quotation in {where} to the lyrics of {song.display_name}:")
        say(describe_link(link))
    return 0


def cmd_unlink(library: Library, args) -> int:
    link = library.links.resolve(args.link_ref)
    article = library.articles.get(link.article_id)
    song = library.songs.get(link.song_id)
    library.links.unlink(link.id)
    if args.json:
        print_json(link.to_json())
    else:
        say(f"Unlinked a quotation in the article {_title(article)} of {song.display_name}:")
        say(describe_link(link))
    return 0
