"""Markdown that cannot break its document: data escaped as literal text, notes re-written from their parse.

Quotes, titles, tags and lens names are *data*: `escape_text` and `escape_lines` make them literal
text that never becomes a heading, rule, list, quote, code block, table, link, footnote, entity or
HTML (`spaced_line` does the same for a line of the full lyrics, keeping its runs of spaces, which
chord lines need). Notes are Markdown: `render_note` parses a note with markdown-it and writes it again from
the parse tree, so emphasis, lists, links, quotes, code and tables stay, while every piece of text
in it is escaped again, raw HTML is literal text, unsafe links lose their target and headings
become bold paragraphs. What comes out is a list of lines that the caller indents or prefixes
(``> ``) as a whole, or writes as blocks of their own: nothing in a note can end the block it is
put in, and no note holds a heading, raw HTML or an open block that would take in what follows.

What gets published is also read by programs other than Markdown renderers: no template tag
("{{", "{%", "{#") is left for Hugo or Jekyll (even in code), no Dataview query for Obsidian, and a
note too deep for a Markdown parser is written flat rather than losing its words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

# Escaped wherever they are: they start emphasis, code, links, footnotes, HTML, tables, strikethrough;
# and braces, so that no "{{", "{%" or "{#" is left for Hugo or Jekyll (Liquid) to run when the
# Markdown is put in a site: "\\{\\#" renders as "{#" but is not a template tag ("{%": see escape_text).
_INLINE = re.compile(r"([\\`*_\[\]<|~{}]|(?<=\{)#)")
# Obsidian also reads #tags, ^block-ids, $math$, %%comments%% and ==highlights== anywhere.
_INLINE_OBSIDIAN = re.compile(r"([\\`*_\[\]<|~{}#^$%=])")
# The brace of a template opener ({{ {% {#) or closer (}} %} #}): kept out of code, where "\\{" is literal.
_TEMPLATE_BRACE = re.compile(r"\{(?=[{%#])|(?<=[}%#])\}")
PLAIN_LANGUAGES = frozenset(
    "text txt plain plaintext markdown md lrc abc python py javascript js typescript ts json yaml yml"
    " toml ini xml html css scss bash sh shell zsh console powershell ps1 bat c h cpp c++ hpp cs csharp"
    " java kotlin swift go rust rs ruby rb php perl lua r julia haskell scala sql diff patch latex tex"
    " makefile dockerfile nginx csv".split()
)
"""Info strings a code block keeps: languages to colour. Any other is dropped, since Obsidian
plugins (Dataview, Datacore, Tasks, Templater, run-js...) choose the blocks they run by it alone."""
# Dataview's inline queries: a code span starting with "=" (DQL) or "$=" (JavaScript) is run.
_INLINE_QUERY = re.compile(r"\s*\$?=")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Every character escape_text may change or escape: text with none of them comes out as it is.
_SPECIAL = re.compile(r"[\\`*_\[\]<|~{}&\x00\n\r]")
_SPECIAL_OBSIDIAN = re.compile(r"[\\`*_\[\]<|~{}#^$%=&\x00\n\r]")
# What makes a line a heading, quote, list item or setext underline when it starts the line.
_LINE_START = re.compile(r"[#>+=-]|\d{1,9}[.)]")
_DIGITS = re.compile(r"\d{1,9}")

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
"""Link schemes kept in notes; other targets (javascript:, data:, file:...) are dropped, their text kept."""


def escape_text(text: str, *, obsidian: bool = False) -> str:
    """One line of *text* as Markdown inline content that renders as exactly that text.

    A line break in *text* becomes a space: it would let the rest start a block of its own.
    """
    if (_SPECIAL_OBSIDIAN if obsidian else _SPECIAL).search(text) is None:
        return text  # nothing to escape (most quotes and titles): the work below would change nothing
    text = text.replace("\x00", "\ufffd")
    if "\n" in text or "\r" in text:
        text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    text = (_INLINE_OBSIDIAN if obsidian else _INLINE).sub(r"\\\1", text)
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if not obsidian and "\\{%" in text:
        # Jekyll's kramdown has no escape for "%" ("\\%" would show its backslash): an entity
        # renders "%" in every Markdown reader, and Liquid sees no "{%".
        text = text.replace("\\{%", "\\{&#37;")
    return text


def guard_line_start(line: str) -> str:
    """Escape what would make *line* (already escaped inline text) a block of its own."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if line[0].isdigit():
        digits = _DIGITS.match(line).end()
        return line[:digits] + "\\" + line[digits:]
    return "\\" + line


def escape_line(line: str, *, obsidian: bool = False) -> str:
    """One line of data as a Markdown line: indentation and trailing spaces dropped, then escaped."""
    return guard_line_start(escape_text(line.strip(), obsidian=obsidian))


def escape_lines(text: str, *, obsidian: bool = False, hard_break: str = "\\") -> list[str]:
    """Multi-line data as Markdown lines: paragraphs for blank-line-separated groups, line breaks kept.

    Returns lines with "" between paragraphs; each line but the last of a paragraph ends with
    *hard_break* ("\\" for CommonMark, two spaces for Obsidian).
    """
    if "\n" not in text:  # one line (most quotes): one paragraph of it, or nothing
        line = escape_line(text, obsidian=obsidian)
        return [line] if line else []
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            if out:
                out.append("")
            out.extend(line + hard_break for line in paragraph[:-1])
            out.append(paragraph[-1])
            paragraph.clear()

    for raw in text.split("\n"):
        line = escape_line(raw, obsidian=obsidian)
        if line:
            paragraph.append(line)
        else:
            flush()
    flush()
    return out


_NBSP = "\u00a0"
_SPACE_RUN = re.compile(r"( {2,})")


def spaced_line(line: str, *, obsidian: bool = False, mark: str = "") -> str:
    """One line of the full lyrics keeping its spacing (chords over the words): runs of spaces
    become non-breaking spaces, which Markdown neither collapses nor strips; *mark* (``**``)
    wraps the words. Every other character is escaped as `escape_text` does."""
    line = line.expandtabs().rstrip()
    words = line.lstrip(" ")
    indent = len(line) - len(words)
    parts = _SPACE_RUN.split(words)
    text = "".join(
        _NBSP * len(p) if n % 2 else escape_text(p, obsidian=obsidian) for n, p in enumerate(parts)
    )
    if not indent:
        text = guard_line_start(text)
    if mark:
        text = f"{mark}{text}{mark}"  # inside the indent: a mark next to a space would not open
    # Readers strip the spaces (non-breaking ones too) that open a paragraph: an entity stays.
    return "&nbsp;" + _NBSP * (indent - 1) + text if indent else text


def code_span(content: str) -> str:
    """*content* as an inline code span, whatever backticks it holds."""
    content = content.replace("\n", " ")
    runs = {len(run) for run in re.findall(r"`+", content)}
    size = 1
    while size in runs:
        size += 1
    fence = "`" * size
    if (
        content.startswith("`")
        or content.endswith("`")
        or (content[:1] == content[-1:] == " " and content.strip())
    ):
        content = f" {content} "
    return f"{fence}{content}{fence}"


def safe_url(url: str, *, image: bool = False) -> str | None:
    """*url* written so it cannot end a link destination, or None when its scheme is not safe."""
    url = url.strip()
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    if scheme and scheme not in SAFE_SCHEMES:
        return None
    if image and scheme == "mailto":
        return None
    for char, code in (
        *(("\\", "%5C"), (" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")),
        *(("{", "%7B"), ("}", "%7D")),
    ):
        url = url.replace(char, code)
    return "".join(ch if ch >= " " and ch != "\x7f" else f"%{ord(ch):02X}" for ch in url)


def inert_code_span(content: str) -> str:
    """*content* as code spans whose text is *content*, with no template opener or closer in them.

    Backslash escapes do not work in code, so the brace of each "{{", "{%", "{#", "}}", "%}" or
    "#}" is written outside the code, escaped: the reader sees the same characters.
    """
    parts: list[str] = []
    start = 0
    for match in _TEMPLATE_BRACE.finditer(content):
        if match.start() > start:
            parts.append(code_span(content[start : match.start()]))
        parts.append("\\" + match[0])
        start = match.end()
    if start < len(content):
        parts.append(code_span(content[start:]))
    return "".join(parts)


def _parser() -> MarkdownIt:
    # Raw HTML stays text (then escaped); markdown-it's own link check already turns
    # javascript:, vbscript:, file: and most data: targets back into text.
    return MarkdownIt("commonmark", {"html": False}).enable(["strikethrough", "table"])


_MD = _parser()
# A note with none of these, no indented or list-like line and no hard break is one plain paragraph.
_PLAIN_NOTE_BLOCKERS = re.compile(r"[\\`*_\[\]<>&|~!{}]|\n\s*\n|  \n|^\s|\n\s|(?m:^(?:[#+=-]|\d{1,9}[.)]))")
# Whitespace but " " and "\n", and control characters: str.strip() and markdown-it differ on some.
_ODD_SPACE = re.compile(r"[^\S \n]|[\x00-\x09\x0b-\x1f\x7f-\x9f]")

# Anything that could start a block other than a paragraph (or end one, or make it a table's
# header: a delimiter row starts with |, : or -): the full parser is needed.
_BLOCK_SYNTAX = re.compile(r"\n\s*\n|(?m:^\s*(?:[#>+=*_~`|:<\[-]|\d{1,9}[.)])|^(?: {4}|\s*\t))")


class _NoteWriter:
    def __init__(self, obsidian: bool) -> None:
        self.obsidian = obsidian
        self.hard_break = "  " if obsidian else "\\"
        self.oneline = False

    # ------------------------------------------------------------- blocks

    def blocks(self, nodes, *, tight: bool = False) -> list[str]:
        lines: list[str] = []
        for node in nodes:
            block = self.block(node, tight)
            if not block:
                continue
            if lines and not tight:
                lines.append("")
            lines.extend(block)
        return lines

    def block(self, node, tight: bool) -> list[str]:
        kind = node.type
        if kind == "paragraph":
            return self.inline_lines(node.children[0] if node.children else None)
        if kind == "heading":
            # A note's heading must not become a heading of the document: it is bold text.
            text = " ".join(self.inline_lines(node.children[0] if node.children else None, oneline=True))
            return [f"**{text}**"] if text else []
        if kind in ("fence", "code_block"):
            return self.code(node)
        if kind == "hr":
            return ["***"]  # never "---": under a paragraph line that would make a heading
        if kind == "blockquote":
            return [f"> {line}" if line else ">" for line in self.blocks(node.children)]
        if kind in ("bullet_list", "ordered_list"):
            return self.list(node)
        if kind == "table":
            return self.table(node)
        return self.data_lines(node.content or "")

    def data_lines(self, text: str) -> list[str]:
        return escape_lines(text, obsidian=self.obsidian, hard_break=self.hard_break)

    def code(self, node) -> list[str]:
        content = node.content[:-1] if node.content.endswith("\n") else node.content
        if not self.obsidian and _TEMPLATE_BRACE.search(content):
            # A site generator reads template tags inside code blocks too, and nothing can be
            # escaped there: the lines are written as code spans, the braces outside them.
            return self.code_lines(content)
        longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
        fence = "`" * max(3, longest + 1)
        info = ""
        if node.type == "fence":
            info = re.sub(r"[^\w+#.-]", "", (node.info or "").split(" ")[0])
            if info.lower() not in PLAIN_LANGUAGES:
                info = ""  # without it the code is only shown, never run by a plugin
        body = content.split("\n") if content else []
        return [fence + info, *body, fence]

    def code_lines(self, content: str) -> list[str]:
        lines = [line for line in content.split("\n") if line.strip()]
        out = []
        for line in lines:
            spans = inert_code_span(line)
            # A line opening with three backticks would start a fenced block: that one is plain text.
            out.append(spans if not spans.startswith("```") else guard_line_start(escape_text(line)))
        return [line + self.hard_break for line in out[:-1]] + out[-1:]

    def list(self, node) -> list[str]:
        ordered = node.type == "ordered_list"
        number = int(node.attrs.get("start", 1)) if ordered else 0
        items = node.children
        tight = all(
            getattr(child, "hidden", False)
            for item in items
            for child in item.children
            if child.type == "paragraph"
        )
        lines: list[str] = []
        for item in items:
            marker = f"{number}." if ordered else "-"
            number += 1
            inner = self.blocks(item.children, tight=tight)
            if lines and not tight:
                lines.append("")
            if not inner:
                lines.append(marker)
                continue
            pad = " " * (len(marker) + 1)
            lines.append(f"{marker} {inner[0]}" if inner[0] else marker)
            lines.extend(pad + line if line else "" for line in inner[1:])
        return lines

    def table(self, node) -> list[str]:
        rows: list[list[str]] = []
        aligns: list[str] = []
        for section in node.children:
            for row in section.children:
                cells = []
                for cell in row.children:
                    cells.append(
                        " ".join(self.inline_lines(cell.children[0] if cell.children else None, cell=True))
                    )
                    if section.type == "thead":
                        style = str(cell.attrs.get("style", ""))
                        aligns.append(
                            ":---:"
                            if "center" in style
                            else ":---"
                            if "left" in style
                            else "---:"
                            if "right" in style
                            else "---"
                        )
                rows.append(cells)
        if not rows:
            return []
        width = len(aligns) or len(rows[0])
        aligns = aligns or ["---"] * width

        def row_line(cells: list[str]) -> str:
            cells = (cells + [""] * width)[:width]
            return "| " + " | ".join(cells) + " |"

        return [row_line(rows[0]), row_line(aligns), *(row_line(r) for r in rows[1:])]

    # ------------------------------------------------------------- inline

    def inline_lines(self, inline, *, oneline: bool = False, cell: bool = False) -> list[str]:
        if inline is None:
            return []
        self.oneline = oneline or cell
        text = self.inline(inline.children, cell)
        return [guard_line_start(line) for line in text.split("\n")]

    def inline(self, nodes, cell: bool) -> str:
        parts: list[str] = []
        for node in nodes:
            kind = node.type
            if kind in ("text", "text_special"):
                parts.append(escape_text(node.content, obsidian=self.obsidian))
            elif kind == "softbreak":
                parts.append(" " if self.oneline else "\n")
            elif kind == "hardbreak":
                parts.append(" " if self.oneline else self.hard_break + "\n")
            elif kind in ("em", "strong", "s"):
                mark = {"em": "*", "strong": "**", "s": "~~"}[kind]
                parts.append(f"{mark}{self.inline(node.children, cell)}{mark}")
            elif kind == "code_inline" and self.obsidian and _INLINE_QUERY.match(node.content):
                parts.append(escape_text(node.content, obsidian=True))  # shown, never run by Dataview
            elif kind == "code_inline":
                span = code_span(node.content) if self.obsidian else inert_code_span(node.content)
                parts.append(span.replace("|", "\\|") if cell else span)
            elif kind == "link":
                text = self.inline(node.children, cell)
                url = safe_url(str(node.attrs.get("href", "")))
                if url is None:
                    parts.append(text)
                else:
                    parts.append(f"[{text}]({url}{self.title(node)})")
            elif kind == "image":
                alt = escape_text(node.content.replace("\n", " "), obsidian=self.obsidian)
                url = safe_url(str(node.attrs.get("src", "")), image=True)
                parts.append(alt if url is None else f"![{alt}]({url}{self.title(node)})")
            else:
                parts.append(escape_text(node.content.replace("\n", " "), obsidian=self.obsidian))
        return "".join(parts)

    @staticmethod
    def title(node) -> str:
        title = str(node.attrs.get("title", "") or "")
        if not title:
            return ""
        # Every punctuation character escaped: quotes, braces (templates) and %% (Obsidian comments).
        title = re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(title.split()))
        return f' "{title}"'


# ------------------------------------------------------------- fast paths

# A note already written the way `_NoteWriter` would write it comes out unchanged, and most notes
# are: prose, *emphasis*, **strong**, [links](https://...) and "- " lists. `_is_canonical` proves
# that cheaply for a conservative subset of such notes; every other note is parsed. The subset:
# - blocks separated by exactly one blank line, each a paragraph or a tight "- " list, never two
#   lists in a row (they would make one loose list);
# - every line (of a paragraph, or of a list item after "- ") starts with a letter, so it cannot
#   start a block, and ends with no whitespace, so it has no hard break and nothing to strip;
# - inline, only text with no character that escape_text escapes, no "<" (autolinks), no entity,
#   no control character; `*` and `**` only as emphasis opened after a space or the line start
#   and closed before a space, the line end or punctuation (so each run can only open, or only
#   close, and the pairs cannot be matched any other way); "[text](http(s)://plain-url)" links.
# tests/core/test_export_markdown.py checks with hypothesis that this gives what the parse gives.


def _canonical_line(obsidian: bool) -> re.Pattern:
    special = r"\x00-\x1f\x7f-\x9f\\`*_\[\]<&|~{}" + (r"#^$%=" if obsidian else "")
    text = rf"(?:[^{special}]|&(?!#?[0-9A-Za-z]+;))"
    word = r"[^\W_]"
    emphasis = rf"(?<![^ ])(?P<mark>\*\*?){word}(?:{text}*{word})?(?P=mark)(?![^ .,;:!?)])"
    link = rf"(?<!!)\[{text}+\]\(https?://[a-z0-9.-]+(?:/[A-Za-z0-9/._~?=#-]*)?\)"
    return re.compile(rf"(?:- )?[^\W\d_](?:{text}|{emphasis}|{link})*(?<!\s)")


_CANONICAL_LINE = {False: _canonical_line(False), True: _canonical_line(True)}


def _is_canonical(note: str, obsidian: bool) -> bool:
    line = _CANONICAL_LINE[obsidian].fullmatch
    after_list = False
    for block in note.split("\n\n"):
        lines = block.split("\n")
        is_list = lines[0].startswith("- ")
        if (is_list and after_list) or not all(
            line(text) and text.startswith("- ") == is_list for text in lines
        ):
            return False
        after_list = is_list
    return True


# markdown-it stops reading blocks nested deeper than its maxNesting (20 by default) and drops the
# rest of the note; a reader's parser does the same to a note that is deep once put in its quote,
# callout or footnote. A note that deep is written flat, as literal lines: no word is lost.
MAX_NOTE_DEPTH = _MD.options.maxNesting - 6


def _render_parsed(note: str, obsidian: bool) -> tuple[str, ...]:
    """What `render_note` gives, always through the full parse (the fast paths must agree with it)."""
    tokens = _MD.parse(note)
    if any(token.level >= MAX_NOTE_DEPTH for token in tokens):
        return tuple(_NoteWriter(obsidian).data_lines(note))
    return tuple(_NoteWriter(obsidian).blocks(SyntaxTreeNode(tokens).children))


@lru_cache(maxsize=4096)
def _render_note(note: str, obsidian: bool) -> tuple[str, ...]:
    if _is_canonical(note, obsidian):
        return tuple(note.split("\n"))
    if _ODD_SPACE.search(note):
        return _render_parsed(note, obsidian)
    if not _PLAIN_NOTE_BLOCKERS.search(note) and not (obsidian and re.search(r"[#^$%=]", note)):
        # A plain sentence or two: no parse needed.
        return tuple(guard_line_start(line.strip()) for line in note.strip().split("\n") if line.strip())
    if not _BLOCK_SYNTAX.search(note):
        # One paragraph of inline Markdown (or nothing): the inline parser alone is much faster.
        note = note.strip()
        if not note:
            return ()
        tokens = _MD.parseInline(note)
        return tuple(_NoteWriter(obsidian).inline_lines(SyntaxTreeNode(tokens).children[0]))
    return _render_parsed(note, obsidian)


def render_note(note: str, *, obsidian: bool = False) -> list[str]:
    """A note's Markdown written again safely, as lines to be indented or prefixed as one block.

    Blocks are separated by empty lines; no line is indented at the top level, so a prefix such
    as "> " on every line keeps the whole note inside its quote or callout.
    """
    # Line endings as markdown-it reads them: a lone "\r" must not pass a fast path as text.
    note = note.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    return list(_render_note(note, obsidian))


# How a note's first line starts a block other than a paragraph (see render_note).
NOTE_BLOCK_START = re.compile(r"[-+>`~|]|\*\*\*$|\d{1,9}[.)]")


def footnote_definition(label: str, lines: list[str] | tuple[str, ...]) -> list[str]:
    """A footnote ``[label]: ...`` holding a note's Markdown *lines* (label with its ``^``)."""
    if NOTE_BLOCK_START.match(lines[0]):
        # Beside the label, a list's items would be indented from the label's column: the next
        # lines (indented 4) would fall out of the list. A block starts on its own line.
        return [f"[{label}]:", *(f"    {line}" if line else "" for line in lines)]
    return [f"[{label}]: {lines[0]}", *(f"    {line}" if line else "" for line in lines[1:])]
