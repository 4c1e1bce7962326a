"""A song's printable handout: HTML for Qt's rich text with numbered lyrics, highlights, notes and a legend.

The handout is for a student's desk: the full lyrics numbered as lyricpad counts lines (section
headers and blank lines included), each highlight drawn in a light tint of its lens colour with a
small number after it, the numbered notes below the lyrics, a legend of the lenses printed, and
optionally the article (its highlights drawn the same way) with the notes on it.

The HTML keeps to what ``QTextDocument`` lays out well, since `lyricpad.app.handout` prints it
through Qt: tables (a note card each), ``bgcolor``, inline ``style`` with fonts, colours,
margins and ``white-space``, and ``<sup>``. A lyric line is one paragraph, its number inline;
``-qt-user-state`` tells the printer which blocks to keep whole or with what follows. Everything typed by a user is data: escaped, its control characters shown as ``\\x1b``;
notes are Markdown rendered with raw HTML off, links kept only for http(s) and mailto, images as
their alt text (a printed page fetches nothing), headings as bold paragraphs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from markdown_it import MarkdownIt

from lyricpad.core.errors import InvalidValue
from lyricpad.core.export.commonmark import safe_url
from lyricpad.core.export.labels import is_header_line, places, sections
from lyricpad.core.export.study_marks import line_mark, section_label, section_starts, song_study
from lyricpad.core.markdown import Block, render_article
from lyricpad.core.models import Annotation, Article, Lens, Song
from lyricpad.core.practice import clock_text
from lyricpad.core.text import show_controls

PAPERS = ("a4", "letter")
"""Paper sizes a handout is laid out for."""
TINT = 0.62
"""How far a lens colour is mixed with white for a highlight's background: dark colours stay legible on paper."""
LYRICS_FONT = "'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace"
TEXT_FONT = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
KEEP_WHOLE = 1
"""A block's state (Qt's ``-qt-user-state``) asking the printer never to split it between pages: a lyric line."""
KEEP_WITH_NEXT = 2
"""A block's state asking the printer to keep it on the page of what follows: a heading, a section header."""
NUMBER_WIDTH = 4
"""Characters for a lyric line's number (a song has fewer than 10 000 lines), right-aligned with no-break spaces."""
HANG = 38
"""Pixels a wrapped lyric line is indented by: the width of its number and the gap after it."""
_STUDY_STYLE = f".m {{ font-family: {TEXT_FONT}; font-size: 8pt; font-weight: normal; color: #4a4a4a; }}\n"
"""How a line's syllable count and rhyme letter (``⟨8 · A⟩``) print after its words: small, apart from them
(in the style sheet only when the handout shows them: without, the handout is what it was)."""
_MONTHS = "January February March April May June July August September October November December".split()
_COLOUR = re.compile(r"#?([0-9a-fA-F]{6})")
_STYLE = f"""
body {{ font-family: {TEXT_FONT}; font-size: 10pt; color: #1d1d1d; }}
p {{ margin-top: 0px; margin-bottom: 5px; }}
h1 {{ font-size: 18pt; margin-bottom: 2px; -qt-user-state: {KEEP_WITH_NEXT}; }}
h2 {{ font-size: 13pt; margin-top: 16px; margin-bottom: 6px; -qt-user-state: {KEEP_WITH_NEXT}; }}
.by {{ font-size: 11pt; color: #333333; margin-top: 0px; margin-bottom: 2px; }}
.date {{ font-size: 8.5pt; color: #666666; margin-top: 0px; }}
.n {{ font-family: {LYRICS_FONT}; font-size: 8pt; font-weight: normal; color: #8a8a8a; }}
.l {{ font-family: {LYRICS_FONT}; font-size: 9.5pt; white-space: pre-wrap; margin: 0px 0px 1px {HANG}px;
  text-indent: -{HANG}px; -qt-user-state: {KEEP_WHOLE}; }}
.s {{ font-family: {LYRICS_FONT}; font-size: 9.5pt; white-space: pre-wrap; margin: 0px 0px 1px {HANG}px;
  text-indent: -{HANG}px; -qt-user-state: {KEEP_WITH_NEXT}; }}
.h {{ font-weight: bold; color: #444444; }}
.k {{ font-family: {TEXT_FONT}; font-size: 10.5pt; font-weight: bold; color: #222222; }}
.legend {{ font-size: 8.5pt; color: #333333; }}
.where {{ font-size: 8.5pt; color: #555555; margin-bottom: 3px; }}
.quote {{ font-style: italic; color: #333333; }}
.tags {{ font-size: 8.5pt; color: #666666; }}
.a {{ margin-bottom: 8px; }}
"""


def _text(text: str) -> str:
    """Data as HTML text: escaped, control characters visible (a printed page cannot act on them)."""
    return html.escape(show_controls(text), quote=True)


def tint(colour: str, amount: float = TINT) -> str:
    """*colour* ("#rrggbb") mixed with white by *amount*, as "#rrggbb"; grey for a colour it cannot read."""
    match = _COLOUR.fullmatch(colour.strip())
    rgb = [int(match[1][i : i + 2], 16) for i in (0, 2, 4)] if match else [150, 150, 150]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb)


def _mix(colours: Sequence[str]) -> str:
    """The average of "#rrggbb" colours: overlapping highlights show both."""
    rgb = [[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in colours]
    return "#" + "".join(f"{round(sum(c[k] for c in rgb) / len(rgb)):02x}" for k in range(3))


def _date(stamp: str) -> str:
    """An ISO time as a reader's date ("7 December 2026"), the same in every locale."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"


# ------------------------------------------------------------------- notes


@lru_cache(maxsize=1)
def _note_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["strikethrough", "table"])
    md.validateLink = lambda url: safe_url(url) is not None
    rules = md.renderer.rules

    def image(tokens, idx, options, env):
        return _text(tokens[idx].content)  # the alt text: nothing is fetched, not even a local file

    def heading_open(tokens, idx, options, env):
        return "<p><b>"

    def heading_close(tokens, idx, options, env):
        return "</b></p>\n"

    rules["image"] = image
    rules["heading_open"] = heading_open
    rules["heading_close"] = heading_close
    return md


def note_html(note: str) -> str:
    """A note's Markdown as safe HTML: raw HTML shown as text, only safe links, no image, no heading."""
    return _note_parser().render(show_controls(note)).strip()


# ---------------------------------------------------------------- segments


@dataclass(frozen=True)
class _Mark:
    """One highlighted range of a text, with its note's number and its lens tint."""

    start: int
    end: int
    number: int
    colour: str


def _runs(text: str, offset: int, marks: Iterable[_Mark], styles: Iterable[tuple[int, int, str]] = ()) -> str:
    """*text* (starting at *offset* in its document) as HTML, cut where a highlight or a style begins or ends.

    Each run gets the mixed tint of the highlights over it and the inline styles over it; a
    highlight's number follows its last character (superscript).
    """
    end = offset + len(text)
    marks = [m for m in marks if m.start < end and m.end > offset]
    styles = [s for s in styles if s[0] < end and s[1] > offset]
    cuts = {offset, end}
    for m in marks:
        cuts.update(p for p in (m.start, m.end) if offset < p < end)
    for s in styles:
        cuts.update(p for p in (s[0], s[1]) if offset < p < end)
    points = sorted(cuts)
    out: list[str] = []
    for a, b in zip(points, points[1:], strict=False):
        piece = text[a - offset : b - offset]
        over = [m for m in marks if m.start <= a and m.end >= b]
        css = [s[2] for s in styles if s[0] <= a and s[1] >= b]
        if over:
            css.append(f"background-color: {_mix([m.colour for m in over])}")
        body = _text(piece)
        out.append(f'<span style="{"; ".join(css)}">{body}</span>' if css else body)
        numbers = sorted({m.number for m in marks if m.end == b})
        if numbers:
            out.append(_sup(numbers))
    return "".join(out)


def _sup(numbers: Iterable[int]) -> str:
    return f'<sup><span class="k">{",".join(str(n) for n in numbers)}</span></sup>'


def _marks(annotations: Sequence[Annotation], numbers: dict[str, int], text: str) -> list[_Mark]:
    """The highlights of *annotations* over *text*: each fragment, its end pulled back before a line break."""
    found: list[_Mark] = []
    for annotation in annotations:
        if annotation.id not in numbers:
            continue
        colour = tint(annotation.lens.colour if annotation.lens else "")
        for f in annotation.fragments:
            start, end = max(0, f.start), min(len(text), f.end)
            while end > start and text[end - 1] == "\n":  # a whole line's range ends with its break
                end -= 1
            if end > start:
                found.append(_Mark(start, end, numbers[annotation.id], colour))
    return found


def _placed(annotations: Iterable[Annotation]) -> list[Annotation]:
    """Anchored annotations with a place, in text order."""
    placed = [a for a in annotations if a.status == "anchored" and a.fragments]
    return sorted(placed, key=lambda a: (a.fragments[0].start, a.fragments[0].end, a.created, a.id))


# ------------------------------------------------------------------ a song


class _Handout:
    def __init__(self, library, song: Song, articles: Sequence[Article], paper: str, study: bool = False):
        self.song = song
        self.study_view = song_study(library, song) if study else None  # the scheme letters and syllables
        self.paper = paper
        self.articles = list(articles)
        every = [a for a in library.annotations.for_song(song.id) if not a.deleted and a.fragments]
        self.all_articles = {a.id: a for a in library.articles.for_song(song.id)}
        self.annotations = [a for a in every if a.target == "lyrics" or a.article_id in self.all_articles]
        self.lyrics_annotations = [a for a in self.annotations if a.target == "lyrics"]
        self.sections = sections(song.lyrics)
        self.numbers: dict[str, int] = {}
        for annotation in _placed(self.lyrics_annotations):
            self.numbers[annotation.id] = len(self.numbers) + 1
        self.unplaced = [a for a in self.lyrics_annotations if a.id not in self.numbers]

    def number(self, annotations: Iterable[Annotation]) -> None:
        for annotation in annotations:
            self.numbers.setdefault(annotation.id, len(self.numbers) + 1)

    # ------------------------------------------------------------- header

    def date(self) -> str:
        stamps = [self.song.updated, *(a.updated for a in self.all_articles.values())]
        stamps += [a.updated for a in self.annotations]
        return _date(max(stamps))

    def header(self) -> list[str]:
        song = self.song
        out = [f"<h1>{_text(song.title or 'Untitled')}</h1>"]
        details = " · ".join(str(x) for x in (song.artist, song.album, song.year) if x)
        if details:
            out.append(f'<p class="by">{_text(details)}</p>')
        out.append(f'<p class="date">Last changed {_text(self.date())}</p>')
        return out

    def legend(self, annotations: Iterable[Annotation]) -> list[str]:
        lenses: dict[str, Lens] = {}
        for annotation in annotations:
            if annotation.lens is not None:
                lenses.setdefault(annotation.lens.id, annotation.lens)
        if not lenses:
            return []
        cells = []
        for lens in sorted(lenses.values(), key=lambda lens: (lens.position, lens.name)):
            cells.append(f'<td width="14" bgcolor="{tint(lens.colour)}">&nbsp;</td>')
            cells.append(f'<td class="legend">{_text(lens.name)}&nbsp;&nbsp;&nbsp;</td>')
        return [
            '<table class="legend" cellspacing="2" cellpadding="1"><tr>'
            '<td class="legend">Lenses:&nbsp;</td>' + "".join(cells) + "</tr></table>"
        ]

    # ------------------------------------------------------------- lyrics

    def lyrics(self) -> list[str]:
        text = self.song.lyrics
        if not text.strip():
            return ["<h2>Lyrics</h2>", "<p><i>This song has no lyrics yet.</i></p>"]
        marks = _marks(self.lyrics_annotations, self.numbers, text)
        # One paragraph a line, its number inline: a printer splits a table row between pages (the
        # number at one page's foot, the words on the next), but never the first line of a paragraph.
        out = ["<h2>Lyrics</h2>"]
        offset = 0
        view = self.study_view
        starts = section_starts(view) if view else {}
        for number, line in enumerate(text.split("\n"), 1):
            section = starts.get(number)
            if section is not None and section.header_line != number:  # a section found, or a user's boundary
                blank = "&nbsp;" * (NUMBER_WIDTH + 2)
                name = _text(section_label(section))
                out.append(
                    f'<p class="s"><span class="n">{blank}</span><span class="h"><i>{name}</i></span></p>'
                )
            if not line.strip():
                out.append('<p class="l">&nbsp;</p>')
            else:
                label = "&nbsp;" * (NUMBER_WIDTH - len(str(number))) + f"{number}&nbsp;&nbsp;"
                runs = _runs(line, offset, marks)
                study_mark = line_mark(view.lines[number - 1]) if view else ""
                if study_mark:
                    runs += f'<span class="m">&nbsp;&nbsp;{_text(study_mark)}</span>'
                if is_header_line(line):
                    out.append(
                        f'<p class="s"><span class="n">{label}</span><span class="h">{runs}</span></p>'
                    )
                else:
                    out.append(f'<p class="l"><span class="n">{label}</span>{runs}</p>')
            offset += len(line) + 1
        return out

    # -------------------------------------------------------------- notes

    def where(self, annotation: Annotation) -> str:
        spans = [(f.line_start, f.line_end) for f in annotation.fragments]
        label = places(self.sections, spans)
        return label[:1].upper() + label[1:]

    def note_rows(self, annotations: Sequence[Annotation]) -> list[str]:
        """One card (a one-row table: the printer keeps a table shorter than a page on one page) a note."""
        rows = []
        for annotation in annotations:
            lens = annotation.lens
            colour = tint(lens.colour) if lens else "#eeeeee"
            number = self.numbers.get(annotation.id)
            # An article's lines are not numbered on paper: its notes go by their number in the text.
            parts = [_text(self.where(annotation))] if annotation.target == "lyrics" else []
            if annotation.time_ms is not None:  # a note made while practising: when, as the digest says it
                parts.append(_text(f"at {clock_text(annotation.time_ms)}"))
            if lens:
                parts.append(_text(lens.name))
            if annotation.status == "needs_review":
                parts.append("<i>needs review: its words were edited</i>")
            elif annotation.status == "orphaned":
                parts.append("<i>its words are no longer in the text</i>")
            quotes = " … ".join(
                _text(q) for q in dict.fromkeys(f.quote.strip() for f in annotation.fragments)
            )
            body = [f'<p class="where">{" · ".join(parts)}</p>'] if parts else []
            body.append(f'<p class="quote">“{quotes}”</p>')
            if annotation.note.strip():
                body.append(note_html(annotation.note))
            if annotation.tags:
                body.append(f'<p class="tags">{_text(" ".join("#" + t for t in annotation.tags))}</p>')
            label = f"<b>{number}</b>" if number else "–"
            rows.append(
                '<table width="100%" cellspacing="0" cellpadding="3" style="margin-bottom: 6px">'
                f'<tr><td width="26" align="center" bgcolor="{colour}">{label}</td>'
                f"<td>{''.join(body)}</td></tr></table>"
            )
        return rows

    def notes(self) -> list[str]:
        rows = self.note_rows(_placed(self.lyrics_annotations) + self.unplaced)
        if not rows:
            return []
        return ["<h2>Notes</h2>", *rows]

    # ------------------------------------------------------------ article

    def article(self, article: Article) -> list[str]:
        annotations = [a for a in self.annotations if a.target == "article" and a.article_id == article.id]
        self.number(_placed(annotations))
        rendered = render_article(article.body)
        marks = _marks(annotations, self.numbers, rendered.text)
        styles = [(s.start, s.end, _SPAN_STYLES[s.kind]) for s in rendered.spans if s.kind in _SPAN_STYLES]
        title = article.title or "Article"
        blocks = list(rendered.blocks)
        heading = _text(title)
        if (
            blocks
            and blocks[0].kind == "heading"
            and _same(rendered.text[blocks[0].start : blocks[0].end], title)
        ):
            # The body opens with the title as its heading: printed once, as the heading, its highlights kept.
            first = blocks.pop(0)
            heading = _runs(rendered.text[first.start : first.end], first.start, marks, styles)
        out = ["<hr />", f"<h2>{heading}</h2>"]
        if article.author:
            out.append(f'<p class="by">{_text(article.author)}</p>')
        out += _article_blocks(rendered.text, blocks, marks, styles)
        ordered = _placed(annotations) + [a for a in annotations if a.id not in self.numbers]
        rows = self.note_rows(ordered)
        if rows:
            out += [f"<h2>Notes on “{_text(title)}”</h2>", *rows]
        return out

    def printed(self) -> list[Annotation]:
        """The annotations this handout shows: the song's, and those of the articles it prints."""
        shown = {a.id for a in self.articles}
        return [a for a in self.annotations if a.target == "lyrics" or a.article_id in shown]

    def document(self) -> str:
        body = [*self.header(), *self.legend(self.printed()), *self.lyrics(), *self.notes()]
        for article in self.articles:
            body += self.article(article)
        title = _text(self.song.display_name)
        style = _STYLE + (_STUDY_STYLE if self.study_view else "")
        return "\n".join(
            [
                "<!DOCTYPE html>",
                "<html>",
                "<head>",
                '<meta charset="utf-8" />',
                f'<meta name="generator" content="lyricpad handout ({self.paper})" />',
                f"<title>{title}</title>",
                f"<style>@page {{ size: {'A4' if self.paper == 'a4' else 'letter'}; }}{style}</style>",
                "</head>",
                "<body>",
                *body,
                "</body>",
                "</html>",
                "",
            ]
        )


_SPAN_STYLES = {
    "emphasis": "font-style: italic",
    "strong": "font-weight: bold",
    "strikethrough": "text-decoration: line-through",
    "code": f"font-family: {LYRICS_FONT}",
}
"""How the article's inline spans print (links print as their text: a handout is read on paper)."""


def _same(heading: str, title: str) -> bool:
    """Whether an article's first heading is its title, give or take case, spaces and punctuation."""

    def key(text: str) -> str:
        return "".join(c for c in text.casefold() if c.isalnum())

    return key(heading) == key(title)


def _article_blocks(text: str, blocks: Sequence[Block], marks: list[_Mark], styles: list) -> list[str]:
    out: list[str] = []
    table: int | None = None
    for block in blocks:
        if block.kind == "table_row":
            if table != block.table_id:
                if table is not None:
                    out.append("</table>")
                out.append('<table cellspacing="0" cellpadding="3" border="1">')
                table = block.table_id
            cells, start = [], block.start
            for cell in text[block.start : block.end].split("\t"):
                tag = "th" if block.header else "td"
                cells.append(f"<{tag}>{_runs(cell, start, marks, styles)}</{tag}>")
                start += len(cell) + 1
            out.append("<tr>" + "".join(cells) + "</tr>")
            continue
        if table is not None:
            out.append("</table>")
            table = None
        indent = 24 * (block.quote_depth + block.list_depth)
        style = f"margin-left: {indent}px" if indent else ""
        if block.quote_depth:
            style += "; color: #333333; font-style: italic"
        runs = _runs(text[block.start : block.end], block.start, marks, styles).replace("\n", "<br />")
        attrs = f' style="{style.strip("; ")}"' if style else ""
        if block.kind == "heading":
            out.append(f'<p class="a"{attrs}><b>{runs}</b></p>')
        elif block.kind == "code":
            out.append(f'<pre style="font-family: {LYRICS_FONT}; font-size: 8.5pt">{runs}</pre>')
        elif block.kind == "rule":
            out.append("<hr />")
        else:
            marker = f"{_text(block.item.marker)}&nbsp;" if block.item else ""
            out.append(f'<p class="a"{attrs}>{marker}{runs}</p>')
    if table is not None:
        out.append("</table>")
    return out


def handout_html(
    library,
    song_id: str,
    *,
    article_id: str | None = None,
    include_article: bool = False,
    paper: str = "a4",
    study: bool = False,
) -> str:
    """The handout of the song *song_id* as one HTML document (see the module's docstring).

    With *article_id*, that article of the song follows the notes, with its own highlights and
    notes; with *include_article* and no *article_id*, every article of the song does. *paper*
    ("a4" or "letter") is the page size it is laid out for. With *study*, each lyric line ends with
    its syllable count and rhyme letter (``⟨8 · A⟩``, see `study_marks`), and a section the
    lyrics have no header for (found by the study view, or a user's boundary) gets its name.
    """
    if paper not in PAPERS:
        raise InvalidValue(f"unknown paper size {paper!r}; choose one of {', '.join(PAPERS)}")
    song = library.songs.get(song_id)
    if article_id is not None:
        article = library.articles.get(article_id)
        if article.song_id != song.id:
            raise InvalidValue(f"the article {article.title!r} is not about {song.display_name!r}")
        articles = [article]
    elif include_article:
        articles = library.articles.for_song(song.id)
    else:
        articles = []
    return _Handout(library, song, articles, paper, study).document()
