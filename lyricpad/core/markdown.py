"""Articles as the reader sees them: Markdown rendered to the plain text that article annotations anchor to.

Article annotations count code points over ``render_article(body).text``. The window draws the
same text (``lyricpad.gui.article_document`` builds its Qt document from a ``RenderedArticle``)
and the CLI prints and anchors over it, so both agree without Qt being loaded here.

The rules, chosen to match what the window shows and what Qt's ``QTextDocument.toPlainText()``
gives for it:

- Blocks (paragraphs, headings, list items, code blocks, table rows, rules) are joined by one
  ``"\\n"``; spacing between them is layout, not text.
- A soft line break is a space; a hard break (backslash or two spaces at the end of a line) is a
  ``"\\n"`` inside its block. A code block keeps its lines, joined by ``"\\n"`` inside one block.
- List bullets and numbers are not text: the window draws them beside the item, as a browser does,
  so a selection never takes them. ``Block.item`` says what the marker is.
- A table row is one block, its cells separated by a tab.
- A thematic break (``---``) is an empty block, drawn as a rule.
- Raw HTML is shown as the literal text it is, never interpreted; entities are decoded.
- An image is its alt text (nothing is fetched); a link is its text, its target kept only as data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from lyricpad.core.text import normalise_text

if TYPE_CHECKING:  # markdown-it is imported when an article is first rendered, not with this module
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BULLETS = ("•", "◦", "▪")
"""Bullets by list depth (the last one repeats deeper down), as Qt draws disc, circle and square."""

_INLINE_KINDS = {
    "em": "emphasis",
    "strong": "strong",
    "s": "strikethrough",
    "link": "link",
}

# Qt turns these into block boundaries when text is inserted; they are noncharacters anyway.
_QT_FRAME_MARKS = str.maketrans({"\ufdd0": "\ufffd", "\ufdd1": "\ufffd"})


@dataclass(frozen=True)
class ListItem:
    """What makes a block the start of a list item: which list, how deep, and its marker."""

    list_id: int  # items of one list share it; lists are numbered in document order
    depth: int  # 1 for a top-level list
    ordered: bool
    number: int  # the item's number in an ordered list, 0 for a bullet
    delimiter: str  # "." or ")" after an ordered number; the source bullet character otherwise

    @property
    def marker(self) -> str:
        """The bullet or number drawn beside the item (not part of the text)."""
        if self.ordered:
            return f"{self.number}{self.delimiter}"
        return BULLETS[min(self.depth, len(BULLETS)) - 1]


@dataclass(frozen=True)
class Block:
    """One block of the rendered text: ``text[start:end]``, which may hold "\\n" line breaks."""

    kind: str  # "paragraph", "heading", "code", "table_row" or "rule"
    start: int
    end: int
    level: int = 0  # heading level, 1-6
    quote_depth: int = 0  # how many block quotes hold the block
    list_depth: int = 0  # how many lists hold the block (its indentation)
    item: ListItem | None = None  # set when the block starts a list item
    language: str = ""  # a fenced code block's info string
    table_id: int = -1  # rows of one table share it
    header: bool = False  # a table's header row


@dataclass(frozen=True)
class Span:
    """Inline styling over ``text[start:end]``; spans may nest and overlap block boundaries never."""

    kind: str  # "emphasis", "strong", "strikethrough", "code", "link" or "image"
    start: int
    end: int
    href: str = ""  # a link's target or an image's source: data only, never followed or fetched


@dataclass(frozen=True)
class RenderedArticle:
    """An article as the reader sees it: its plain text, its blocks and its inline spans."""

    text: str
    blocks: tuple[Block, ...] = field(default=())
    spans: tuple[Span, ...] = field(default=())


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The one parser: built (and markdown-it imported) when the first article is rendered."""
    from markdown_it import MarkdownIt

    # With HTML off, markdown-it leaves raw HTML as text: shown literally, never interpreted.
    md = MarkdownIt("commonmark", {"html": False}).enable(["strikethrough", "table"])
    # Links never navigate, so no target is dangerous: keep javascript: and the like as links
    # (their text styled, the target inert data) rather than showing their Markdown source.
    md.validateLink = lambda url: True
    return md


class _Renderer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.spans: list[Span | None] = []  # None: an empty span, or one still open
        self.quote_depth = 0
        self.lists: list[dict] = []  # open lists, innermost last
        self.list_count = 0
        self.pending_item: ListItem | None = None  # an item whose first block is still to come
        self.table_count = 0
        self.in_thead = False
        self.cells_in_row = 0
        self.in_row = False

    # ------------------------------------------------------------------ text

    def append(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def begin_block(self) -> tuple[int, ListItem | None]:
        if self.blocks:
            self.append("\n")
        item, self.pending_item = self.pending_item, None
        return self.length, item

    def end_block(self, kind: str, start: int, item: ListItem | None, **fields) -> None:
        self.blocks.append(
            Block(
                kind,
                start,
                self.length,
                quote_depth=self.quote_depth,
                # An item's first block may come after a nested list opened (``- - x``).
                list_depth=item.depth if item else len(self.lists),
                item=item,
                **fields,
            )
        )

    def empty_block(self) -> None:
        """An item with no block of its own (``-`` alone, or ``- - x``) still gets its line."""
        start, item = self.begin_block()
        self.end_block("paragraph", start, item)

    # ---------------------------------------------------------------- blocks

    def render(self, tokens: list[Token]) -> None:
        block_start: tuple[int, ListItem | None] | None = None
        for token in tokens:
            kind = token.type
            if kind in ("paragraph_open", "heading_open"):
                block_start = self.begin_block()
            elif kind == "paragraph_close":
                self.end_block("paragraph", *block_start)
            elif kind == "heading_close":
                self.end_block("heading", *block_start, level=int(token.tag[1:]))
            elif kind == "inline":
                self.inline(token.children or [])
            elif kind in ("fence", "code_block"):
                start, item = self.begin_block()
                content = token.content[:-1] if token.content.endswith("\n") else token.content
                self.append(content)
                language = token.info.strip().split(" ")[0] if kind == "fence" else ""
                self.end_block("code", start, item, language=language)
            elif kind == "hr":
                start, item = self.begin_block()
                self.end_block("rule", start, item)
            elif kind == "blockquote_open":
                self.quote_depth += 1
            elif kind == "blockquote_close":
                self.quote_depth -= 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.list_count += 1
                ordered = kind == "ordered_list_open"
                start_number = int(token.attrs.get("start", 1)) if ordered else 0
                self.lists.append({"id": self.list_count, "ordered": ordered, "next": start_number})
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                if self.pending_item is not None:
                    self.empty_block()
                current = self.lists[-1]
                self.pending_item = ListItem(
                    list_id=current["id"],
                    depth=len(self.lists),
                    ordered=current["ordered"],
                    number=current["next"],
                    delimiter=token.markup[-1:] if current["ordered"] else token.markup,
                )
                if current["ordered"]:
                    current["next"] += 1
            elif kind == "list_item_close":
                if self.pending_item is not None:
                    self.empty_block()
            elif kind == "table_open":
                self.table_count += 1
            elif kind == "thead_open":
                self.in_thead = True
            elif kind == "thead_close":
                self.in_thead = False
            elif kind == "tr_open":
                block_start = self.begin_block()
                self.cells_in_row = 0
                self.in_row = True
            elif kind in ("th_open", "td_open"):
                if self.cells_in_row:
                    self.append("\t")
                self.cells_in_row += 1
            elif kind == "tr_close":
                self.in_row = False
                self.end_block("table_row", *block_start, table_id=self.table_count, header=self.in_thead)

    # ---------------------------------------------------------------- inline

    def inline_text(self, text: str) -> None:
        text = text.replace("\n", " ")
        if self.in_row:  # cells are split at tabs, so a tab inside a cell is a space
            text = text.replace("\t", " ")
        self.append(text)

    def inline(self, children: list[Token]) -> None:
        # (kind, start, href, slot): a span takes its place in the list when it opens, so that
        # spans over the same text come outer first.
        open_spans: list[tuple[str, int, str, int]] = []
        for token in children:
            kind = token.type
            if kind in ("text", "text_special"):
                self.inline_text(token.content)
            elif kind == "softbreak":
                self.append(" ")
            elif kind == "hardbreak":
                self.append("\n")
            elif kind == "code_inline":
                start = self.length
                self.inline_text(token.content)
                self._close_span("code", start, "")
            elif kind == "image":
                start = self.length
                self.inline_text(_plain(token.children or []))
                self._close_span("image", start, str(token.attrs.get("src", "")))
            elif kind.endswith("_open") and kind[:-5] in _INLINE_KINDS:
                href = str(token.attrs.get("href", ""))
                open_spans.append((_INLINE_KINDS[kind[:-5]], self.length, href, len(self.spans)))
                self.spans.append(None)
            elif kind.endswith("_close") and kind[:-6] in _INLINE_KINDS and open_spans:
                self._close_span(*open_spans.pop())
        while open_spans:  # never happens with markdown-it, but a span must not leak into the next block
            self._close_span(*open_spans.pop())

    def _close_span(self, kind: str, start: int, href: str, slot: int | None = None) -> None:
        span = Span(kind, start, self.length, href) if self.length > start else None
        if slot is None:
            self.spans.append(span)
        else:
            self.spans[slot] = span

    def result(self) -> RenderedArticle:
        spans = sorted((s for s in self.spans if s is not None), key=lambda s: (s.start, -s.end))
        return RenderedArticle("".join(self.parts), tuple(self.blocks), tuple(spans))


def _plain(children: list[Token]) -> str:
    """The plain text of inline tokens: an image's alt text."""
    parts = []
    for token in children:
        if token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(_plain(token.children or []))
        else:
            parts.append(token.content.replace("\n", " "))
    return "".join(parts)


@lru_cache(maxsize=32)
def render_article(markdown: str) -> RenderedArticle:
    """Render an article's *markdown* to the text, blocks and spans the reader sees."""
    source = normalise_text(markdown).translate(_QT_FRAME_MARKS)
    renderer = _Renderer()
    renderer.render(_parser().parse(source))
    return renderer.result()


def rendered_text(markdown: str) -> str:
    """The text of *markdown* as rendered for reading (what offsets of article annotations count over)."""
    return render_article(markdown).text
