"""Articles from HTML: saved web pages through trafilatura, pasted HTML through a small converter; both sanitised.

Nothing in the HTML is fetched or run: scripts, event handlers, styles, frames, objects, images
and forms are removed before anything reads the page, and the Markdown that comes out keeps only
http(s) and mailto links and no image. trafilatura is imported on first use, so that the
command line starts fast.
"""

from __future__ import annotations

import re
from copy import deepcopy

import lxml.html
from lxml import etree
from lxml_html_clean import Cleaner

from lyricpad.core.errors import ImportRefused
from lyricpad.core.furniture import byline_author
from lyricpad.core.text import fold, normalise_text

SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")
"""Links kept in imported Markdown; any other target (javascript:, data:, file:, relative) keeps only its text."""
KILLED_TAGS = (
    "img", "picture", "source", "video", "audio", "track", "svg", "math", "canvas", "noscript",
    "template", "map", "area", "base", "iframe", "frame", "frameset", "object", "embed", "applet",
    "button", "select", "input", "textarea",
)  # fmt: skip
"""Elements dropped with their content: nothing in them is text of the article or safe to keep."""
KEPT_ATTRIBUTES = frozenset({"href", "title", "alt", "lang", "class", "id", "name", "content", "property",
                             "itemprop", "datetime", "rel", "charset"})  # fmt: skip
"""The only attributes left on the page (trafilatura reads class and id, and meta tags, for its work)."""
PARAGRAPH_WORDS = 8
"""A pasted line of at least this many words is a paragraph: pasted HTML that loses one is not used."""

_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=True,
    links=True,
    meta=False,  # trafilatura reads title, author and date from meta tags; they run nothing
    page_structure=False,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    annoying_tags=True,
    kill_tags=KILLED_TAGS,
    remove_unknown_tags=False,
    safe_attrs_only=True,
    safe_attrs=KEPT_ATTRIBUTES,
)

_DESTINATION = r"(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)"  # CommonMark: <...>, or balanced parentheses
_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(" + _DESTINATION + r"(?:\s+\"[^\"\n]*\")?\)")
_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(" + _DESTINATION + r"(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
_RAW_TAG = re.compile(
    r"</?(?:script|style|iframe|object|embed|img|link|meta|svg|form|input|base|frame|frameset|applet|audio|video|source|math)\b[^>]*>"
    r"|<[A-Za-z][^>]*\son[a-z]+\s*=[^>]*>",
    re.IGNORECASE,
)
_META_REFRESH = re.compile(r"refresh", re.IGNORECASE)
_WORDS = re.compile(r"[^\W_]+")


def _safe_url(url: str) -> bool:
    return url.strip().strip("<>").strip().lower().startswith(SAFE_LINK_SCHEMES)


def _canonical_url(tree) -> str:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and _safe_url(link.get("href", "")):
            return " ".join(link.get("href").split())
    return ""


_VOID_HTML5 = re.compile(r"</?(?:embed|source|track|wbr|keygen|param)\b[^>]*>", re.IGNORECASE)
"""HTML5 empty elements libxml2's HTML parser does not know as empty: it would put everything after
an <embed> inside it (and the cleaner would then drop the rest of the page with it). They hold no
text, and are removed before parsing."""


def _sanitised_tree(html: str):
    """The page parsed and cleaned: no script, handler, style, frame, object, image or form left."""
    html = _VOID_HTML5.sub("", html.strip())
    if not html:
        return None
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for meta in list(tree.iter("meta")):
        if _META_REFRESH.search(meta.get("http-equiv", "")):
            meta.drop_tree()
    _CLEANER(tree)
    for element in list(tree.iter("a")):
        if not _safe_url(element.get("href", "")):
            element.drop_tag()  # its words stay, as text
    return tree


def sanitise_markdown(markdown: str) -> str:
    """*markdown* without images, raw HTML that could run or load anything, and links that are not http(s)/mailto."""
    markdown = _IMAGE.sub("", markdown)
    markdown = _LINK.sub(lambda m: m.group(0) if _safe_url(m.group(2)) else m.group(1), markdown)
    markdown = _AUTOLINK.sub(lambda m: m.group(0) if _safe_url(m.group(1)) else "", markdown)
    return _RAW_TAG.sub("", markdown)


def _extract(tree, *, recall: bool) -> tuple[str, object]:
    import trafilatura  # noqa: PLC0415  (heavy: only when a page is imported)
    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    # Its timer uses signals, which only work on the main thread; imports may run on a worker.
    config.set("DEFAULT", "extraction_timeout", "0")
    options = dict(include_links=True, include_formatting=True, include_images=False, include_comments=False)
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, favor_recall=recall, config=config, output_format="python", **options
    )
    markdown = trafilatura.extract(
        deepcopy(tree),
        output_format="markdown",
        with_metadata=False,
        favor_recall=recall,
        config=config,
        **options,
    )
    return markdown or "", document


def html_to_article(html: str, base_name: str):
    """A saved web page as an article (an `ImportedText` of format "html"): its main text as Markdown.

    trafilatura finds the main text (output_format="markdown", with links and formatting) and the
    title, author, date and URL. *base_name* (the file name) is the source when the page names no
    http(s) URL and the title when it has none. Raises `ImportRefused` when no text is found.
    """
    from lyricpad.core.importers import ImportedText, article_parts  # noqa: PLC0415  (importers imports us)

    label = f"“{base_name}”"
    try:
        canonical = _canonical_url(lxml.html.document_fromstring(html.strip() or "<p></p>"))
    except (etree.ParserError, ValueError):
        canonical = ""
    tree = _sanitised_tree(normalise_text(html))
    markdown, document = ("", None) if tree is None else _extract(tree, recall=False)
    if tree is not None and not markdown.strip():
        markdown, document = _extract(tree, recall=True)
    markdown = normalise_text(sanitise_markdown(markdown)).strip("\n")
    if not markdown.strip():
        raise ImportRefused(f"{label} holds no article text that lyricpad can find.")

    def meta(name: str) -> str:
        value = getattr(document, name, None) if document is not None else None
        return " ".join(str(value).split()) if value else ""

    url = canonical or meta("url")
    stem = base_name.rsplit(".", 1)[0] if "." in base_name else base_name
    title, body, furniture = article_parts(
        markdown, meta("title") or None, fallback=stem, site=meta("sitename")
    )
    return ImportedText(
        kind="article",
        text=body,
        title=title,
        author=meta("author") or byline_author(furniture),
        date=meta("date"),
        source=url if _safe_url(url) else base_name,
        format="html",
        furniture=furniture,
    )


# Pasted HTML: the user chose every word, so it is converted whole rather than extracted.

_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure",
           "figcaption", "table", "tr", "dl", "dt", "dd", "address", "center", "body", "html"}  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_EMPHASIS = {
    "em": "*",
    "i": "*",
    "cite": "*",
    "strong": "**",
    "b": "**",
    "del": "~~",
    "s": "~~",
    "strike": "~~",
}
_SKIPPED = {"head", "title", "script", "style"}


def _inline(element) -> str:
    """The Markdown of *element*'s content on one line (line breaks kept as "\\n")."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_inline_element(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _inline_element(element) -> str:
    tag = element.tag.lower()
    if tag in _SKIPPED:
        return ""
    if tag == "br":
        return "\n"
    text = _inline(element)
    if tag in _EMPHASIS and text.strip():
        marker = _EMPHASIS[tag]
        lead, core, trail = re.match(r"(\s*)(.*?)(\s*)$", text, re.S).groups()
        return f"{lead}{marker}{core}{marker}{trail}"
    if tag == "code" and text.strip():
        return f"`{text}`"
    if tag == "a" and text.strip() and _safe_url(element.get("href", "")):
        return f"[{text.strip()}]({element.get('href').strip()})"
    return text


def _squash(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n")


def _blocks(element, out: list[str], quote: int = 0) -> None:
    """Append the Markdown blocks of *element* to *out*."""
    prefix = "> " * quote
    pending = [element.text or ""]

    def flush() -> None:
        text = _squash("".join(pending))
        if text.strip():
            out.append("\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n")))
        pending.clear()

    for child in element:
        if not isinstance(child.tag, str):
            pending.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if tag in _SKIPPED:
            pass
        elif tag in _HEADINGS:
            flush()
            text = " ".join(_inline(child).split())
            if text:
                out.append(f"{prefix}{'#' * _HEADINGS[tag]} {text}")
        elif tag == "blockquote":
            flush()
            _blocks(child, out, quote + 1)
        elif tag in ("ul", "ol"):
            flush()
            number = 0
            items = []
            for item in child:
                if isinstance(item.tag, str) and item.tag.lower() == "li":
                    number += 1
                    marker = f"{number}." if tag == "ol" else "-"
                    text = " ".join(_inline(item).split())
                    if text:
                        items.append(f"{prefix}{marker} {text}")
            if items:
                out.append("\n".join(items))
        elif tag == "pre":
            flush()
            code = (child.text_content() or "").strip("\n")
            if code.strip():
                out.append("\n".join(prefix + line for line in ["```", *code.split("\n"), "```"]))
        elif tag == "hr":
            flush()
            out.append(f"{prefix}---")
        elif tag in _BLOCKS or tag == "li":
            flush()
            _blocks(child, out, quote)
        else:
            pending.append(_inline_element(child))
        pending.append(child.tail or "")
    flush()


def html_fragment_to_markdown(html: str) -> str:
    """Pasted HTML as Markdown keeping headings, quotes, lists, emphasis and safe links; sanitised."""
    tree = _sanitised_tree(html)
    if tree is None:
        return ""
    body = tree.find(".//body")
    out: list[str] = []
    _blocks(body if body is not None else tree, out)
    return normalise_text(sanitise_markdown("\n\n".join(out)))


def _keeps_every_paragraph(markdown: str, plain: str) -> bool:
    words = " ".join(_WORDS.findall(fold(markdown)))
    for line in plain.split("\n"):
        found = _WORDS.findall(fold(line))
        if len(found) >= PARAGRAPH_WORDS and " ".join(found) not in words:
            return False
    return True


def article_from_clipboard(html: str | None, plain: str):
    """A pasted article (`ImportedText`): from the clipboard's HTML when it has some, else its plain text.

    The HTML keeps headings, quotes and emphasis; it is sanitised like a saved page. It is used only
    when it keeps every paragraph of the plain text. Page furniture is detected, not removed.
    Raises `ImportRefused` when there is no text at all.
    """
    from lyricpad.core.importers import ImportedText, article_parts  # noqa: PLC0415

    plain_text = normalise_text(plain or "").strip("\n")
    markdown = html_fragment_to_markdown(html) if html and html.strip() else ""
    if markdown.strip() and _keeps_every_paragraph(markdown, plain_text):
        text, text_format = markdown, "html"
    elif plain_text.strip():
        text, text_format = plain_text, "plain"
    else:
        raise ImportRefused("The clipboard holds no text to paste.")
    title, body, furniture = article_parts(text, None, fallback="", guess_title=text_format == "plain")
    return ImportedText(
        kind="article",
        text=body,
        title=title,
        author=byline_author(furniture),  # "By Jo Writer" under the title names the author
        format=text_format,
        furniture=furniture,
    )
