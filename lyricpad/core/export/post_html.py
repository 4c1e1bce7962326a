"""A post as sanitised HTML: a fragment to paste into a CMS, or a self-contained page.

The blog Markdown of the post is rendered with markdown-it (raw HTML off, so anything that looks
like HTML in the article or a note is text), footnote references and the footnotes list are
written here (no plugin needed at run time), images become their alt text (nothing is fetched),
and the result goes through a whitelist of tags and attributes: no script, no style, no event
attribute, no link but http, https, mailto and relative ones.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

from lyricpad.core.export.commonmark import SAFE_SCHEMES
from lyricpad.core.export.markdown import ID_COMMENT
from lyricpad.core.export.post import Post

_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 em strong s del code pre blockquote ul ol li a hr br "
    "table thead tbody tr th td sup section".split()
)
_VOID = frozenset({"hr", "br"})
_DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "svg", "math"})
_ALIGN = re.compile(r"text-align:(left|right|center)")
_LANGUAGE = re.compile(r"language-[\w+#.-]{1,40}")
_IDENT = re.compile(r"(?:fn|fnref)-[0-9a-z]{1,8}-[a-z]+\d+|footnotes|footnote-ref|footnote-backref")
_ID_TEXT = re.compile(r"&lt;!-- lyricpad:annotation ([0-9A-Za-z-]{1,64}) --&gt;\n?")

PAGE_CSS = """body{max-width:42rem;margin:2rem auto;padding:0 1rem;font-family:Georgia,serif;line-height:1.6;color:#222}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#444}
pre{overflow-x:auto;background:#f5f5f5;padding:.5rem}code{font-family:monospace}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25rem .5rem}
.byline{color:#666;font-style:italic}.footnotes{font-size:.9em;color:#444}"""


def _safe_href(url: str) -> bool:
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    return not scheme or scheme in SAFE_SCHEMES


def _reference_rule(state, silent: bool) -> bool:
    """``[^lp1]``, for the labels of this post only, as a footnote reference."""
    labels = state.env.get("lyricpad_labels", {})
    if not labels or not state.src.startswith("[^", state.pos):
        return False
    end = state.src.find("]", state.pos + 2, state.posMax + 1)
    if end < 0:
        return False
    label = state.src[state.pos + 2 : end]
    if label not in labels:
        return False
    if not silent:
        token = state.push("lyricpad_ref", "", 0)
        token.meta = {"label": label, "number": labels[label]}
    state.pos = end + 1
    return True


def anchor_key(article_id: str) -> str:
    """The part of a footnote's anchor naming its article (the id's first 8 letters and digits).

    Two posts pasted on one page would otherwise both have an "fn-lp1", and a reader following
    the second post's reference would land in the first post's footnotes.
    """
    return re.sub(r"[^0-9a-z]", "", article_id.lower())[:8] or "post"


def _render_reference(renderer, tokens, idx, options, env) -> str:
    meta = tokens[idx].meta
    anchor, number = f"{env['lyricpad_anchor']}-{meta['label']}", meta["number"]
    return f'<sup class="footnote-ref"><a href="#fn-{anchor}" id="fnref-{anchor}">{number}</a></sup>'


def _render_image(renderer, tokens, idx, options, env) -> str:
    # An image is its alt text: a post never makes the reader's browser fetch anything.
    return html.escape("".join(t.content for t in tokens[idx].children or []), quote=False)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["strikethrough", "table"])
    md.inline.ruler.before("link", "lyricpad_ref", _reference_rule)
    md.add_render_rule("lyricpad_ref", _render_reference)
    md.add_render_rule("image", _render_image)
    return md


_MD = _parser()


class _Whitelist(HTMLParser):
    """HTML written again with only the tags and attributes a post may have."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self.skipping += 1
        if self.skipping or tag not in _TAGS:
            return
        kept = []
        for name, value in attrs:
            value = value or ""
            if (
                (name == "href" and tag == "a" and _safe_href(value))
                or (name == "title" and tag == "a")
                or (name == "start" and tag == "ol" and value.isdigit())
                or (name == "style" and tag in ("th", "td") and _ALIGN.fullmatch(value))
                or (name == "class" and tag == "code" and _LANGUAGE.fullmatch(value))
                or (
                    name in ("id", "class")
                    and tag in ("a", "sup", "li", "section")
                    and _IDENT.fullmatch(value)
                )
            ):
                kept.append(f' {name}="{html.escape(value)}"')
        self.out.append(f"<{tag}{''.join(kept)}>")

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _DROPPED_WITH_CONTENT:
            self.skipping -= 1

    def handle_endtag(self, tag) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self.skipping = max(0, self.skipping - 1)
            return
        if not self.skipping and tag in _TAGS and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data) -> None:
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))


def sanitise(fragment: str) -> str:
    """*fragment* with every tag and attribute not on the whitelist taken out (text kept)."""
    parser = _Whitelist()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


def _footnotes(post: Post, ids: bool) -> str:
    items = []
    key = anchor_key(post.article.id)
    for note in post.footnotes:
        body = sanitise(_MD.render("\n".join(note.lines))).rstrip("\n")
        back = f'<a href="#fnref-{key}-{note.label}" class="footnote-backref">↩</a>'
        if body.endswith("</p>"):
            body = f"{body[:-4]} {back}</p>"
        else:
            body = f"{body}\n<p>{back}</p>"
        comment = ID_COMMENT.format(id=note.annotation.id) + "\n" if ids else ""
        items.append(f'{comment}<li id="fn-{key}-{note.label}">{body}</li>')
    return '<section class="footnotes">\n<hr>\n<ol>\n' + "\n".join(items) + "\n</ol>\n</section>\n"


_OPENING_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>\n", re.S)
_REFERENCE_HTML = re.compile(r'<sup class="footnote-ref">.*?</sup>')


def _plain(text: str) -> str:
    """*text* as a reader compares titles: no case, no markup, single spaces."""
    return " ".join(text.split()).casefold()


def _headed(body: str, title: str, byline: str) -> str:
    """The page's title and byline, then *body*.

    An article that opens with its own title as a heading keeps that heading, which then stands
    for the page's title (the byline goes after it): the reader sees the title once.
    """
    meta = f'<p class="byline">{html.escape(byline)}</p>\n' if byline else ""
    opening = _OPENING_HEADING.match(body)
    if opening:
        text = html.unescape(re.sub(r"<[^>]*>", "", _REFERENCE_HTML.sub("", opening[2])))
        if _plain(text) == _plain(title):
            return body[: opening.end()] + meta + body[opening.end() :]
    return f"<h1>{html.escape(title)}</h1>\n" + meta + body


def post_html(post: Post, *, ids: bool = False, page: bool = False) -> str:
    """The post's body (and footnotes) as sanitised HTML; a whole page when *page*."""
    labels = {note.label: n for n, note in enumerate(post.footnotes, 1)}
    env = {"lyricpad_labels": labels, "lyricpad_anchor": anchor_key(post.article.id)}
    body = sanitise(_MD.render(post.body, env))
    if ids:  # the aside's id comments, which markdown-it (raw HTML off) left as text
        body = _ID_TEXT.sub(lambda m: ID_COMMENT.format(id=m[1]) + "\n", body)
    if post.footnotes:
        body += _footnotes(post, ids)
    if not page:
        return body
    title = html.escape(post.article.title or post.song.title)
    byline = " · ".join(p for p in (post.song.title, post.song.artist) if p)
    lang = (
        f' lang="{html.escape(post.song.language)}"'
        if re.fullmatch(r"[A-Za-z-]{2,16}", post.song.language or "")
        else ""
    )
    return (
        f'<!doctype html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{PAGE_CSS}\n</style>\n</head>\n<body>\n<article>\n"
        + _headed(body, post.article.title or post.song.title, byline)
        + "</article>\n</body>\n</html>\n"
    )
