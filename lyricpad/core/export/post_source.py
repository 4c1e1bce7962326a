"""An article's Markdown source mapped to its rendered text: where to put a footnote after a passage.

Article annotations count offsets over the rendered text (``render_article(body).text``), but a
post re-emits the source the author wrote. `ArticleSource` walks markdown-it's tokens (with the
block line maps) beside the rendered blocks and finds, for a rendered offset, the place in the
source right after that character where a footnote reference can go without breaking anything:
never inside a code span, a link, an image or an escape; after the closing ``*``/``**``/``~~`` of
emphasis that ends there. Every placement is checked by rendering the result again: the text
must be the old text with the references inserted, with the same blocks and spans. A passage
whose end cannot be placed exactly gets its reference at the end of its block, and failing that
in a paragraph of its own after the top-level block that holds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle

from lyricpad.core.export.commonmark import escape_text, safe_url
from lyricpad.core.markdown import RenderedArticle, render_article
from lyricpad.core.text import normalise_text

# What lyricpad.core.markdown renders with, but text_join off: escapes and entities stay
# `text_special` tokens that carry their source form (their markup), so they can be found.
_MD = MarkdownIt("commonmark", {"html": False}).enable(["strikethrough", "table"])
_MD.validateLink = lambda url: True
_MD.disable("text_join")
_QT_FRAME_MARKS = str.maketrans({"\ufdd0": "\ufffd", "\ufdd1": "\ufffd"})

_OPENERS = {"em_open", "strong_open", "s_open"}
_CLOSERS = {"em_close", "strong_close", "s_close"}


def source_of(body: str) -> str:
    """The article body as render_article reads it (LF line endings, NFC): what the post re-emits."""
    return normalise_text(body).translate(_QT_FRAME_MARKS)


@dataclass
class _BlockPlaces:
    """Where each rendered character of one block is in the source (None: a place no note can go)."""

    after: list[int | None] | None  # per character: the source offset right after it (None: unknown)
    top_end_line: int  # the line after the top-level block that holds this block


EDIT_ORDER = 10**6
"""Edits go after a reference at the same offset (a "\\" before "<" must not escape the "[")."""
BLOCK_ORDER = -10
FENCE_ORDER = -20
"""The closing line of a code block left open at the end goes before what the post adds there."""
"""Blocks inserted at a line's start go before any change to that line."""


@dataclass
class Insertion:
    """Text to insert at a source offset (in place of *replace* characters there)."""

    at: int
    text: str
    order: int = 0
    replace: int = 0


@dataclass
class ArticleSource:
    """An article's source, its rendering, and the source place after each rendered character."""

    source: str
    rendered: RenderedArticle = field(init=False)
    lines: list[str] = field(init=False)
    line_starts: list[int] = field(init=False)
    places: list[_BlockPlaces] = field(init=False)
    top_blocks: list[tuple[int, int, str]] = field(init=False)  # (first line, end line, token type)
    edits: list[Insertion] = field(init=False)
    """What must change for the post to show what the window shows: raw HTML and template tags
    made literal, unsafe links and images made their text. None changes the rendered text."""

    def __post_init__(self) -> None:
        self.edits = []
        self.rendered = render_article(self.source)
        self.lines = self.source.split("\n")
        self.line_starts = []
        offset = 0
        for line in self.lines:
            self.line_starts.append(offset)
            offset += len(line) + 1
        self.places, self.top_blocks = _map_blocks(self)

    # ------------------------------------------------------------- lookups

    def block_index(self, offset: int) -> int | None:
        """The rendered block holding the character before *offset* (an end offset)."""
        for index, block in enumerate(self.rendered.blocks):
            if block.start < offset <= block.end:
                return index
        return None

    def exact_point(self, end: int) -> tuple[int, int] | None:
        """The source offset right after rendered character end-1, and the rendered offset it is at.

        The rendered offset is *end*, or the end of the code span, link or image that holds it.
        None when there is no such place.
        """
        index = self.block_index(end)
        if index is None or self.places[index].after is None:
            return None
        block = self.rendered.blocks[index]
        after = self.places[index].after
        at = end - 1 - block.start
        point = after[at]
        if point is None:
            return None
        while at + 1 < len(after) and after[at + 1] == point:
            at += 1
        return point, block.start + at + 1

    def block_end_point(self, end: int) -> tuple[int, int] | None:
        """The source offset after the last character of the block holding rendered offset *end*,
        and the rendered offset it is at."""
        index = self.block_index(end)
        if index is None or self.places[index].after is None:
            return None
        block = self.rendered.blocks[index]
        for at in range(len(self.places[index].after) - 1, -1, -1):
            point = self.places[index].after[at]
            if point is not None:
                return point, block.start + at + 1
        return None

    def top_block_end(self, offset: int) -> int:
        """The line after the top-level block (paragraph, list, quote, table...) holding *offset*."""
        index = self.block_index(offset)
        if index is None:
            index = max((i for i, b in enumerate(self.rendered.blocks) if b.start <= offset), default=None)
        return self.places[index].top_end_line if index is not None else len(self.lines)

    def passage_end(self, start: int, end: int) -> int:
        """*end* moved back over trailing whitespace of the passage (a reference follows a word)."""
        text = self.rendered.text
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        return end

    # ------------------------------------------------------------- editing

    def candidates(self, start: int, end: int, ref: str, order: int) -> list[tuple[list[Insertion], int]]:
        """Ways to put *ref* after the passage start..end, best first: (insertions, rendered offset).

        Right after the passage (after a shortcut reference link's "[]" when it ends one), else at
        the end of its block. Each must still be checked with `keeps_structure`.
        """
        end = self.passage_end(start, end)
        found = []
        for place in (self.exact_point(end), self.block_end_point(end)):
            if place is None or any(at == place[1] for _, at in found):
                continue
            point, at = place
            found.append((self.reference_insertions(point, ref, order), at))
            if self.source[point - 1 : point] == "]":  # "[link][^1]" would be a full reference
                found.append((self.reference_insertions(point, "[]" + ref, order), at))
        return found

    def reference_insertions(self, point: int, ref: str, order: int) -> list[Insertion]:
        """*ref* at source offset *point*, with what keeps it a reference there."""
        text = ref
        backslashes = 0
        while point - backslashes > 0 and self.source[point - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2:  # a literal backslash before it would escape its "["
            text = "\\" + text
        out = []
        if not backslashes and point > 0 and self.source[point - 1] == "!":
            out.append(Insertion(point - 1, "\\", order))  # "![^1]" would read as an image
        if self.source[point : point + 1] == "(":
            text += "\\"  # "[^1](x)" would be a link
        out.append(Insertion(point, text, order))
        return out


def apply(source: str, insertions: list[Insertion]) -> str:
    """*source* with each insertion made (several at one offset in their order)."""
    parts, last = [], 0
    for ins in sorted(insertions, key=lambda i: (i.at, i.order)):
        parts.append(source[last : ins.at])
        parts.append(ins.text)
        last = ins.at + ins.replace
    parts.append(source[last:])
    return "".join(parts)


def keeps_structure(old: RenderedArticle, new_source: str, refs: list[tuple[int, str]]) -> bool:
    """Whether *new_source* renders as *old* with each (offset, text) of *refs* inserted, nothing else."""
    new = render_article(new_source)
    refs = sorted(refs)
    expected, last, starts, shift = [], 0, [], 0
    for offset, text in refs:
        expected.append(old.text[last:offset])
        starts.append((offset + shift, len(text)))
        expected.append(text)
        shift += len(text)
        last = offset
    expected.append(old.text[last:])
    if new.text != "".join(expected):
        return False

    def back(x: int) -> int:
        return x - sum(min(size, x - at) for at, size in starts if at < x)

    def blocks(r: RenderedArticle, f):
        return [
            (b.kind, f(b.start), f(b.end), b.level, b.quote_depth, b.list_depth, b.item) for b in r.blocks
        ]

    def spans(r: RenderedArticle, f):
        # A link or image to an unsafe target is its text in the post (see ArticleSource.edits).
        kept = [s for s in r.spans if s.kind not in ("link", "image") or _safe(s)]
        return sorted((s.kind, f(s.start), f(s.end), s.href) for s in kept)

    same = lambda x: x  # noqa: E731
    return blocks(new, back) == blocks(old, same) and spans(new, back) == spans(old, same)


def _safe(span) -> bool:
    return safe_url(span.href, image=span.kind == "image") is not None


# ------------------------------------------------------------------ the walk


def _map_blocks(src: ArticleSource) -> tuple[list[_BlockPlaces], list[tuple[int, int, str]]]:
    """Per rendered block, in the order lyricpad.core.markdown makes them, its source places."""
    tokens = _MD.parse(src.source)
    found: list[_BlockPlaces] = []
    top_blocks: list[tuple[int, int, str]] = []
    top_end = len(src.lines)
    pending_item = False
    row: list | None = None
    row_line = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if token.level == 0 and token.nesting >= 0 and token.map:
            top_end = token.map[1]
            top_blocks.append((token.map[0], token.map[1], kind))
        if kind in ("paragraph_open", "heading_open"):
            pending_item = False
            inline = tokens[i + 1]
            setext = kind == "heading_open" and not token.markup.startswith("#")
            after = _inline_places(src, inline, heading=kind == "heading_open" and not setext)
            found.append(_BlockPlaces(after, top_end))
            i += 3
            continue
        if kind == "fence" and token.level == 0 and not _closed(src.lines, token):
            # It runs to the end: closed there, so that what the post adds after it is not code.
            close = ("" if src.source.endswith("\n") else "\n") + token.markup + "\n"
            src.edits.append(Insertion(len(src.source), close, FENCE_ORDER))
        if kind in ("fence", "code_block", "hr"):
            pending_item = False
            found.append(_BlockPlaces(None, top_end))
        elif kind == "list_item_open":
            if pending_item:
                found.append(_BlockPlaces(None, top_end))
            pending_item = True
        elif kind == "list_item_close" and pending_item:
            found.append(_BlockPlaces(None, top_end))
            pending_item = False
        elif kind == "tr_open":
            pending_item = False
            row, row_line = [], token.map[0] if token.map else -1
        elif kind == "inline" and row is not None:
            row.append(token)
        elif kind == "tr_close":
            found.append(_row_places(src, row or [], row_line, top_end))
            row = None
        i += 1
    if len(found) != len(src.rendered.blocks):  # never expected: then no place is trusted
        found = [_BlockPlaces(None, len(src.lines))] * len(src.rendered.blocks)
    return found, top_blocks


def _closed(lines: list[str], fence) -> bool:
    last = lines[fence.map[1] - 1].strip() if fence.map and fence.map[1] - 1 > fence.map[0] else ""
    return bool(last) and set(last) == {fence.markup[0]} and len(last) >= len(fence.markup)


def _row_places(src: ArticleSource, cells: list, line: int, top_end: int) -> _BlockPlaces:
    if line < 0:
        return _BlockPlaces(None, top_end)
    after: list[int | None] = []
    column = 0
    text = src.lines[line]
    for n, cell in enumerate(cells):
        if n:
            after.append(None)  # the tab between cells
        found = text.find(cell.content, column) if cell.content else -1
        edits: list[tuple[int, int, str]] = []
        walked = _walk(cell.children or [], cell.content, edits) if found >= 0 else None
        width = len(_rendered_inline(cell.children or []))
        if walked is None:
            after.extend([None] * width)
            continue
        base = src.line_starts[line] + found
        after.extend(None if p is None else base + p for p in walked)
        src.edits.extend(Insertion(base + start, text, EDIT_ORDER, end - start) for start, end, text in edits)
        column = found + len(cell.content)
    return _BlockPlaces(after, top_end)


def _inline_places(src: ArticleSource, inline, *, heading: bool) -> list[int | None] | None:
    content = inline.content
    edits: list[tuple[int, int, str]] = []
    walked = _walk(inline.children or [], content, edits)
    if walked is None or not inline.map:
        return None
    starts = _content_line_starts(src, content, inline.map[0], heading)
    if starts is None:
        return None
    line_offsets = []
    offset = 0
    for line in content.split("\n"):
        line_offsets.append(offset)
        offset += len(line) + 1

    def to_source(p: int) -> int:
        # p is an offset in content; its line is the last one starting at or before it.
        n = 0
        while n + 1 < len(line_offsets) and line_offsets[n + 1] <= p:
            n += 1
        return starts[n] + (p - line_offsets[n])

    for start, end, text in edits:
        src.edits.append(Insertion(to_source(start), text, EDIT_ORDER, to_source(end) - to_source(start)))
    return [None if p is None else to_source(p) for p in walked]


def _content_line_starts(src: ArticleSource, content: str, first: int, heading: bool) -> list[int] | None:
    """The source offset where each line of an inline token's content starts (its prefix skipped)."""
    starts = []
    for n, line in enumerate(content.split("\n")):
        number = first + n
        if number >= len(src.lines):
            return None
        text = src.lines[number]
        if heading:
            column = text.find(line)
        else:
            stripped, wanted = text.rstrip(), line.rstrip()
            column = len(stripped) - len(wanted) if stripped.endswith(wanted) else -1
            if column >= 0 and text[column:].rstrip() != wanted:
                column = -1
        if column < 0:
            return None
        starts.append(src.line_starts[number] + column)
    return starts


def _rendered_inline(children) -> str:
    """The rendered text of inline tokens, as lyricpad.core.markdown renders it (lengths are what count)."""
    out = []
    for token in children:
        if token.type in ("text", "text_special", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type == "image":
            out.append(_alt(token.children or []))
    return "".join(out)


def _alt(children) -> str:
    parts = []
    for token in children:
        if token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(_alt(token.children or []))
        else:
            parts.append(token.content.replace("\n", " "))
    return "".join(parts)


def _walk(children, content: str, edits: list | None = None) -> list[int | None] | None:
    """Per rendered character of an inline token, the offset in its content right after it.

    Characters of a code span, a link's text or an image's alt text give the offset after the
    whole construct; whitespace of line breaks gives None. None when the tokens cannot be found.
    The (start, end, text) changes the post needs are added to *edits* (see ArticleSource.edits).
    """
    edits = [] if edits is None else edits
    out: list[int | None] = []
    closers: dict[int, int] = {}
    links: list[tuple[int, int | None]] = []  # (first character, end of an autolink)
    opened: list[tuple[int, bool]] = []  # each open link's "[" and whether its target is unsafe
    cursor = 0
    for token in children:
        kind = token.type
        if kind == "text":
            if links and links[-1][1] is not None:  # an autolink's text is its normalised URL
                out.extend([None] * len(token.content))
                continue
            at = content.find(token.content, cursor)
            if at < 0:
                return None
            out.extend(range(at + 1, at + len(token.content) + 1))
            cursor = at + len(token.content)
            edits.extend((at + n, at + n + size, text) for n, size, text in _literal_edits(token.content))
        elif kind == "text_special":
            markup = token.markup or token.content
            at = content.find(markup, cursor)
            if at < 0:
                return None
            cursor = at + len(markup)
            if markup == token.content:  # a backslash that escapes nothing: plain text
                out.extend(range(at + 1, cursor + 1))
            else:
                out.extend([None] * (len(token.content) - 1) + [cursor])
        elif kind in ("softbreak", "hardbreak"):
            at = content.find("\n", cursor)
            if at < 0:
                return None
            out.append(None)
            cursor = at + 1
        elif kind == "code_inline":
            at = content.find(token.markup, cursor)
            close = _closing_run(content, at + len(token.markup), len(token.markup)) if at >= 0 else -1
            if close < 0:
                return None
            cursor = close + len(token.markup)
            out.extend([cursor] * len(token.content))
        elif kind in _OPENERS or kind in _CLOSERS:
            at = content.find(token.markup, cursor)
            if at < 0:
                return None
            cursor = at + len(token.markup)
            if kind in _CLOSERS:
                closers[at] = cursor
        elif kind == "link_open":
            if token.markup == "autolink":
                at = content.find("<", cursor)
                end = content.find(">", at) + 1 if at >= 0 else 0
                if at < 0 or end <= 0:
                    return None
                links.append((len(out), end))
                if safe_url(str(token.attrs.get("href", ""))) is None:
                    edits.append((at, end, escape_text(content[at + 1 : end - 1])))
            else:
                at = content.find("[", cursor)
                if at < 0:
                    return None
                cursor = at + 1
                links.append((len(out), None))
                opened.append((at, safe_url(str(token.attrs.get("href", ""))) is None))
        elif kind == "link_close":
            if not links:
                return None
            first, end = links.pop()
            if end is None:
                bracket = content.find("]", cursor)
                end = _link_end(content, bracket)
                at, unsafe = opened.pop()
                if unsafe and end >= 0:  # the text stays, the link goes
                    edits.extend([(at, at + 1, ""), (bracket, end, "")])
            if end < 0:
                return None
            out[first:] = [end] * (len(out) - first)
            cursor = end
        elif kind == "image":
            at = content.find("![", cursor)
            label_end = _label_end(content, at + 1) if at >= 0 else -1
            end = _link_end(content, label_end) if label_end >= 0 else -1
            if end < 0:
                return None
            cursor = end
            alt = _alt(token.children or [])
            out.extend([end] * len(alt))
            if safe_url(str(token.attrs.get("src", "")), image=True) is None:
                edits.append((at, end, escape_text(alt)))
        else:
            return None
    # A reference that would go just before closing emphasis goes after it.
    for n, point in enumerate(out):
        while point is not None and point in closers:
            point = closers[point]
        out[n] = point
    return out


_RAW_HTML = re.compile(r"<(?=[A-Za-z/!?])")
_TEMPLATE = re.compile(r"\{[{%#]|[}%#]\}")


def _literal_edits(text: str) -> list[tuple[int, int, str]]:
    """(offset, length, replacement) making raw HTML and template tags of *text* literal."""
    found = [(m.start(), 0, "\\") for m in _RAW_HTML.finditer(text)]
    if _TEMPLATE.search(text):
        # Every brace escaped, "{%" as "\{&#37;" and "{#" as "\{\#": no "{{", "{%" or "{#" is left
        # for Hugo or Jekyll to run (as commonmark.escape_text does for data).
        for n, char in enumerate(text):
            if char in "{}":
                found.append((n, 0, "\\"))
            elif char == "%" and n and text[n - 1] == "{":
                found.append((n, 1, "&#37;"))
            elif char == "#" and n and text[n - 1] == "{":
                found.append((n, 0, "\\"))
    return found


def _closing_run(content: str, start: int, size: int) -> int:
    """Where the closing backtick run of exactly *size* starts, from *start*."""
    at = start
    while True:
        at = content.find("`" * size, at)
        if at < 0:
            return -1
        end = at + size
        if (at == 0 or content[at - 1] != "`") and (end >= len(content) or content[end] != "`"):
            return at
        while end < len(content) and content[end] == "`":
            end += 1
        at = end


def _label_end(content: str, start: int) -> int:
    """The "]" closing the bracket at *start* (nesting and escapes followed), or -1."""
    depth = 0
    at = start
    while at < len(content):
        char = content[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return at
        at += 1
    return -1


def _skip_space(content: str, at: int) -> int:
    while at < len(content) and content[at] in " \t\n":
        at += 1
    return at


def _link_end(content: str, bracket: int) -> int:
    """The end of a link or image whose text ends at the "]" at *bracket*: after "(...)" or "[ref]"."""
    if bracket < 0:
        return -1
    at = bracket + 1
    if content[at : at + 1] == "(":
        at = _skip_space(content, at + 1)
        if content[at : at + 1] != ")":
            dest = parseLinkDestination(content, at, len(content))
            if dest.ok:
                at = _skip_space(content, dest.pos)
                title = parseLinkTitle(content, at, len(content))
                if title.ok:
                    at = _skip_space(content, title.pos)
        return at + 1 if content[at : at + 1] == ")" else -1
    if content[at : at + 1] == "[":
        close = content.find("]", at)
        return close + 1 if close >= 0 else -1
    return at
