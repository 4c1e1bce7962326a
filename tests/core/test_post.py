"""The post: an article's own Markdown with the author's notes, parsed back with markdown-it and its footnote plugin.

Golden files live in tests/data/expected/post_*. After an intended change of the output,
regenerate them with ``LYRICPAD_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/core/test_post.py``
and review the diff.
"""

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from test_export_markdown import HOSTILE

from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.demo import DEMO_ARTICLE, demo_id
from lyricpad.core.errors import ArticleNotFound, InvalidValue
from lyricpad.core.export import export_json, export_markdown, render_post
from lyricpad.core.export.post_html import sanitise
from lyricpad.core.markdown import render_article, rendered_text
from lyricpad.core.merge import merge_json
from lyricpad.core.store import Library

EXPECTED = Path(__file__).parent.parent / "data" / "expected"
FIXED_TIME = "2024-05-01T12:00:00.000+00:00"
FIXED_DATE = "2024-05-01T12:00:00+00:00"  # as front matter writes it: to the second
# html on: any raw HTML in a post shows up as html tokens, which these tests look for.
PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
ARTICLE = demo_id("article")
ID_COMMENT = re.compile(r"<!-- lyricpad:annotation [0-9a-f-]{36} -->\n?")


def post_library() -> Library:
    """The demo library with every time fixed (its ids are fixed already)."""
    demo = Library.open(None)
    text = json.dumps(export_json(demo, exported=FIXED_TIME))
    text = re.sub(r'"\d{4}-\d\d-\d\dT[^"]*"', f'"{FIXED_TIME}"', text)
    lib = Library.open(None, seed_demo=False)
    merge_json(lib, json.loads(text))
    return lib


def split(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 3)
    return yaml.safe_load(text[4:end]), text[end + 5 :]


def all_tokens(tokens):
    for token in tokens:
        yield token
        yield from all_tokens(token.children or [])


def inline_text(children) -> str:
    out = []
    for token in children:
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type == "image":
            out.append(inline_text(token.children or []))
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def references(body: str) -> list[tuple[str, str]]:
    """(the paragraph's text before it, the label) for each footnote reference, in order."""
    found = []
    for token in all_tokens(PARSER.parse(body)):
        if token.type != "inline":
            continue
        children = token.children or []
        for n, child in enumerate(children):
            if child.type == "footnote_ref":
                found.append((inline_text(children[:n]), child.meta["label"]))
    return found


def blocks_read(markdown: str) -> list[tuple]:
    """Each block's text and inline styling as a reader's parser sees it (footnotes left out)."""
    found, in_footnotes = [], False
    for token in PARSER.parse(markdown):
        in_footnotes = (
            in_footnotes or token.type == "footnote_block_open"
        ) and token.type != "footnote_block_close"
        if token.type == "inline" and not in_footnotes:
            kinds = [t.type for t in all_tokens(token.children or []) if t.type != "footnote_ref"]
            kinds = [k for n, k in enumerate(kinds) if not (k == "text" and kinds[n - 1 : n] == ["text"])]
            found.append((inline_text(token.children or []), " ".join(kinds)))
        elif token.type in ("fence", "code_block") and not in_footnotes:
            found.append((token.content, token.type))
    return [block for block in found if block[0].strip()]


def article_with(body: str, passages: list[str], *, note: str = "A note.") -> tuple[Library, str]:
    """A library with one article holding *body*, one annotation (with *note*) on each passage."""
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("Song", artist="Someone", lyrics="[Verse]\none\ntwo\nthree")
    article = lib.articles.add(song.id, "An article", body)
    text = rendered_text(body)
    for passage in passages:
        lib.annotations.add(
            song.id, anchors_for_quote(text, passage, 1), target="article", article_id=article.id, note=note
        )
    return lib, article.id


# ------------------------------------------------------------------ golden files

GOLDEN = [
    ("post_blog_footnotes.md", {}),
    ("post_blog_inline.md", {"notes": "inline"}),
    ("post_blog_none.md", {"notes": "none"}),
    ("post_blog_ids.md", {"ids": True}),
    ("post_obsidian_footnotes.md", {"profile": "obsidian", "notes": "footnotes"}),
    ("post_obsidian_inline.md", {"profile": "obsidian", "notes": "inline", "show_lens": True}),
    ("post_obsidian_none.md", {"profile": "obsidian", "notes": "none"}),
    ("post_fragment.html", {"fmt": "html"}),
    ("post_page.html", {"fmt": "html", "page": True, "notes": "inline"}),
]


@pytest.mark.parametrize(("name", "options"), GOLDEN, ids=[name for name, _ in GOLDEN])
def test_golden(name, options):
    text = render_post(post_library(), ARTICLE, **options)
    path = EXPECTED / name
    if os.environ.get("LYRICPAD_REGENERATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8")


# ------------------------------------------------------------------ the demo post


def test_the_demo_post_is_the_article_with_one_footnote_after_each_noted_passage():
    lib = post_library()
    text = render_post(lib, ARTICLE)
    meta, body = split(text)
    article = lib.articles.get(ARTICLE)
    noted = [a for a in lib.annotations.for_song(article.song_id) if a.target == "article" and a.note]
    assert meta == {
        "title": article.title,
        "artist": "The Hollow Pines",
        "song": "Lanterns on the Water",
        "tags": sorted(t for a in noted for t in a.tags),
        "date": FIXED_DATE,
        "lyricpad_id": ARTICLE,
    }
    tokens = PARSER.parse(body)
    # One footnote per noted annotation, each reference right after its passage.
    refs = references(body)
    definitions = [t for t in tokens if t.type == "footnote_open"]
    assert len(refs) == len(definitions) == len(noted) == 2
    quotes = sorted((a.first.end, a.first.quote) for a in noted)
    for (before, _label), (_end, quote) in zip(refs, quotes, strict=True):
        assert before.endswith(quote)
    # The article's blocks, in order, as the author wrote them (the caption added after the quote).
    rendered = render_article(DEMO_ARTICLE)
    paragraphs = [rendered.text[b.start : b.end].replace("\n", " ") for b in rendered.blocks]
    posted, in_footnotes = [], False
    for token in tokens:
        in_footnotes = (
            in_footnotes or token.type == "footnote_block_open"
        ) and token.type != "footnote_block_close"
        if token.type == "inline" and not in_footnotes:
            posted.append(inline_text(token.children))
    caption = "— bridge, lines 29–30"
    quote = "If the dark is only distance, then the distance is a road,"
    assert posted[posted.index(quote) + 1] == caption
    posted.remove(caption)
    assert posted == paragraphs
    # Only single-level quotes; no HTML at all in the blog profile without ids.
    depth = max(t.level for t in tokens if t.type == "blockquote_open")
    assert depth == 0
    assert not [t for t in all_tokens(tokens) if t.type in ("html_block", "html_inline")]


def test_the_body_is_the_source_with_only_references_and_the_caption_added():
    text = render_post(post_library(), ARTICLE)
    _, body = split(text)
    body = body[: body.index("\n[^lp1]:")]
    body = re.sub(r"\[\^lp\d+\]", "", body).replace("\n*— bridge, lines 29–30*\n", "")
    assert body.strip() == DEMO_ARTICLE.strip()


def test_ids_put_one_comment_before_each_note():
    for notes in ("footnotes", "inline"):
        _, body = split(render_post(post_library(), ARTICLE, notes=notes, ids=True))
        html = [t.content for t in all_tokens(PARSER.parse(body)) if t.type.startswith("html")]
        assert len(html) == 2 and all(ID_COMMENT.fullmatch(h) for h in html), html
        assert len(references(body)) == (2 if notes == "footnotes" else 0)


def test_inline_notes_are_asides_after_their_paragraph():
    _, body = split(render_post(post_library(), ARTICLE, notes="inline"))
    assert "[^" not in body
    before, _, after = body.partition("*Note:* Compare the Outro")
    assert before.rstrip().endswith("the message still unanswered.") and after


def test_no_notes():
    _, body = split(render_post(post_library(), ARTICLE, notes="none"))
    assert "[^" not in body and "Note:" not in body and "Compare the Outro" not in body


def test_obsidian_writes_inline_notes_as_callouts_with_block_ids_and_lenses_only_when_asked():
    lib = post_library()
    plain = render_post(lib, ARTICLE, profile="obsidian", notes="inline")
    assert plain.count("> [!note] Note [↗](lyricpad://song/") == 2 and "[!note] Question" not in plain
    assert len(re.findall(r"^\^lp-[0-9a-f-]{36}$", plain, re.MULTILINE)) == 2 and "<!--" not in plain
    assert "[^" not in plain
    named = render_post(lib, ARTICLE, profile="obsidian", notes="inline", show_lens=True)
    assert "> [!note] Question [↗](lyricpad://" in named and "> [!note] Reference [↗](lyricpad://" in named
    assert "[^lp1]: *Question:* Is *water" in render_post(lib, ARTICLE, show_lens=True)
    assert "*Reference:* Compare" in render_post(lib, ARTICLE, notes="inline", show_lens=True)


def test_obsidian_footnotes_are_footnotes_obsidian_reads():
    lib = post_library()
    _, body = split(render_post(lib, ARTICLE, profile="obsidian", notes="footnotes"))
    tokens = PARSER.parse(body)
    assert len(references(body)) == len([t for t in tokens if t.type == "footnote_open"]) == 2
    assert "[!note]" not in body and not re.search(r"^\^lp-", body, re.MULTILINE)
    assert blocks_read(body) == blocks_read(
        render_post(lib, ARTICLE, notes="footnotes").split("\n---\n", 1)[1]
    )
    named = render_post(lib, ARTICLE, profile="obsidian", notes="footnotes", show_lens=True)
    assert "[^lp1]: *Question:* Is *water" in named


def test_the_same_library_gives_the_same_bytes_and_the_date_is_the_articles_last_change():
    lib = post_library()
    assert render_post(lib, ARTICLE) == render_post(lib, ARTICLE)
    article = lib.articles.update(ARTICLE, title="A new title")
    meta, _ = split(render_post(lib, ARTICLE))
    assert meta["date"] != FIXED_DATE and article.updated.startswith(meta["date"][:19])
    # To the second, with its offset: the digest export's form (the article is the song's last change).
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", meta["date"]), meta["date"]
    digest, _ = split(export_markdown(lib, article.song_id))
    assert meta["date"] == digest["date"]


def test_no_golden_post_has_a_run_of_blank_lines():
    for name, _ in GOLDEN:
        text = (EXPECTED / name).read_text(encoding="utf-8")
        assert "\n\n\n" not in text, name


@pytest.mark.parametrize("profile", ["blog", "obsidian"])
@pytest.mark.parametrize(
    "body",
    [
        "Intro.\n\n- one item\n- two passage item\n\nafter",
        "Intro.\n\n1. one item\n\n2. two passage item\n\n## After",
        "Intro.\n\n- one\n  - two passage item\n\n\n\nafter",
        "- one item\n- two passage item\n",
    ],
    ids=["tight", "loose", "nested", "last"],
)
def test_an_aside_after_a_list_has_one_blank_line_before_it(body, profile):
    lib, article_id = article_with(body, ["two passage"])
    _, posted = split(render_post(lib, article_id, notes="inline", profile=profile))
    mark = "> [!note]" if profile == "obsidian" else "*Note:* A note."
    before, found, _ = posted.partition(mark)
    assert found and before.endswith("two passage item\n\n") and "\n\n\n" not in before, posted
    # The list is still the author's list, and the aside a block of its own after it, outside it.
    read = blocks_read(posted)
    added = [block for block in read if block[0].startswith(("Note:", "[!note]", "^lp-"))]
    assert len(added) == (2 if profile == "obsidian" else 1), read
    assert [block for block in read if block not in added] == blocks_read(body)
    opened = [t for t in PARSER.parse(posted) if t.type in ("paragraph_open", "blockquote_open")]
    inline = [t for t in PARSER.parse(posted) if t.type == "inline"]
    note_level = next(
        t.level for t, i in zip(opened, inline, strict=False) if i.content.startswith(("*Note:*", "[!note]"))
    )
    assert note_level == 0


def test_bad_options_and_articles_are_refused():
    lib = post_library()
    for options in (
        {"profile": "tumblr"},
        {"notes": "margin"},
        {"fmt": "pdf"},
        {"fmt": "html", "profile": "obsidian"},
    ):
        with pytest.raises(InvalidValue):
            render_post(lib, ARTICLE, **options)
    with pytest.raises(ArticleNotFound):
        render_post(lib, "no-such-article")
    lib.articles.set_deleted(ARTICLE)
    with pytest.raises(InvalidValue, match="trash"):
        render_post(lib, ARTICLE)


# ------------------------------------------------------------------ articles of every shape

SHAPES = [
    ("A plain paragraph with a passage in it.", "a passage", "A plain paragraph with a passage"),
    ("Emphasis *spanning the passage end* here.", "the passage end", "Emphasis spanning the passage end"),
    ("Emphasis *spanning the passage* end here.", "passage end", "Emphasis spanning the passage end"),
    ("**Strong words**s and more.", "Strong words", "Strong words"),
    ("A [linked passage](https://example.com) here.", "linked pass", "A linked passage"),
    ("Some `code in it` and after.", "code in", "Some code in it"),
    ("# A heading passage\n\nBody.", "heading passage", "A heading passage"),
    ("Setext heading\n===\n\nBody.", "Setext", "Setext"),
    ("- one item\n- two passage item\n  lazy line\n\nafter", "two passage", "two passage"),
    ("1. first\n2. second passage\n\n   more in the item", "more in", "more in"),
    ("> quoted passage here\n> and more\n\nafter", "quoted passage", "quoted passage"),
    ("> > deep quoted words\n\nafter", "deep quoted", "deep quoted"),
    ("| a | b |\n|---|---|\n| cell passage | x |\n", "cell passage", "cell passage"),
    ("Wow! Next.", "Wow!", "Wow!"),
    ("A lone \\ backslash here.", "A lone \\", "A lone \\"),
    ("Before (paren) after.", "Before", "Before"),
    ("A [shortcut] link.\n\n[shortcut]: https://example.com", "shortcut", "A shortcut"),
    ("Line one\\\nline two passage.", "line two", "Line one line two"),
    ("Word&amp;entity and \\*escaped\\*", "&entity", "Word&entity"),
    ("Image ![alt words](https://example.com/i.png) after.", "alt wo", "Image alt words"),
    ("_under_score words", "_under_", None),
    ("```\ncode block passage\n```\n\nafter", "block passage", None),
]


@pytest.mark.parametrize(("body", "passage", "before"), SHAPES, ids=[s[0][:24] for s in SHAPES])
def test_a_reference_follows_its_passage_and_nothing_else_changes(body, passage, before):
    lib, article_id = article_with(body, [passage])
    _, posted = split(render_post(lib, article_id))
    refs = references(posted)
    assert len(refs) == 1
    if before is not None:  # right after the passage (after the code span, link or image holding its end)
        assert refs[0][0].endswith(before), refs
    # Read by a parser with footnotes, the post has the article's blocks and spans.
    assert blocks_read(posted) == blocks_read(body)


def test_many_passages_in_one_article_each_get_their_reference():
    body = Path(EXPECTED.parent / "post_article.md").read_text(encoding="utf-8")
    words = sorted(set(re.findall(r"[A-Za-z]{5,}", rendered_text(body))))[:40]
    lib, article_id = article_with(body, words)
    _, posted = split(render_post(lib, article_id))
    refs = references(posted)
    assert len(refs) == len(words)
    assert len({label for _, label in refs}) == len(words)
    assert not [t for t in all_tokens(PARSER.parse(posted)) if t.type.startswith("html")]


def test_a_linked_quotation_gets_a_readable_caption_in_place_of_an_old_one():
    lyrics = "[Chorus]\nthe river runs\nunder the bridge"
    body = "Intro.\n\n> the river runs\n> under the bridge\n\n— lines 2-3\n\nAfter."
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("Song", artist="Someone", lyrics=lyrics)
    article = lib.articles.add(song.id, "On it", body)
    assert lib.links.for_song(song.id)
    _, posted = split(render_post(lib, article.id))
    assert "*— chorus, lines 2–3*" not in posted and "— chorus, lines 2–3\n" in posted
    assert "lines 2-3" not in posted


# ------------------------------------------------------------------ hostile text


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.comments.append(data)


def assert_safe_html(text: str) -> None:
    collector = TagCollector()
    collector.feed(text)
    allowed = set("p h1 h2 h3 h4 h5 h6 em strong s code pre blockquote ul ol li a hr br sup section".split())
    allowed |= {"table", "thead", "tbody", "tr", "th", "td"}
    allowed |= {"html", "head", "meta", "title", "style", "body", "article"}  # the page's frame
    for tag, attrs in collector.tags:
        assert tag in allowed, tag
        for name, value in attrs:
            assert not name.startswith("on") and name != "src", (tag, name)
            if name == "href":
                assert re.match(r"(https?:|mailto:|#)", value or ""), value
    assert all(re.fullmatch(r" lyricpad:annotation [0-9a-f-]{36} ", c) for c in collector.comments)
    assert text.count("<style>") <= 1


HOSTILE_ARTICLE = "\n\n".join(h for h in HOSTILE if "```" not in h and "~~~" not in h) + "\n\nlast words here"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_notes_and_titles_stay_inert(hostile):
    lib, article_id = article_with("Some words of the article.\n\nMore words.", ["words of"], note=hostile)
    lib.articles.update(article_id, title=hostile or "x")
    lens = lib.lenses.add(f"lens {hostile}"[:40], "#112233")
    annotation = lib.annotations.for_song(lib.articles.get(article_id).song_id)[0]
    lib.annotations.set_lens(annotation.id, lens.id)
    lib.annotations.set_tags(annotation.id, [f"t{hostile}"])
    for options in ({}, {"notes": "inline"}, {"ids": True}, {"profile": "obsidian", "show_lens": True}):
        text = render_post(lib, article_id, **options)
        meta, body = split(text)
        assert meta["lyricpad_id"] == article_id
        tokens = list(all_tokens(PARSER.parse(body)))
        html = [t.content for t in tokens if t.type.startswith("html")]
        assert all(ID_COMMENT.fullmatch(h) for h in html) and (options.get("ids") or not html), html
        assert not [t for t in tokens if t.type == "heading_open"]
        for token in tokens:
            for attr in ("href", "src"):
                target = str((token.attrs or {}).get(attr, ""))
                assert not target.lower().startswith(("javascript:", "data:", "vbscript:", "file:"))
    for options in ({}, {"page": True, "ids": True, "notes": "inline"}):
        assert_safe_html(render_post(lib, article_id, fmt="html", **options))


def test_a_hostile_article_stays_what_the_window_shows():
    lib, article_id = article_with(HOSTILE_ARTICLE, ["last words"], note="<script>x</script>")
    text = render_post(lib, article_id)
    _, body = split(text)
    tokens = list(all_tokens(PARSER.parse(body)))
    assert not [t for t in tokens if t.type.startswith("html")]
    for token in tokens:
        for attr in ("href", "src"):
            target = str((token.attrs or {}).get(attr, ""))
            assert not target.lower().startswith(("javascript:", "data:", "vbscript:", "file:"))
    assert "](javascript:" not in body and "](data:" not in body
    outside_code = re.sub(r"`[^`]*`|```.*?```|~~~.*?~~~", "", body, flags=re.S)
    assert not re.search(r"\{\{|\{%|\{#", outside_code)
    assert references(body)[-1][0].endswith("last words")
    assert_safe_html(render_post(lib, article_id, fmt="html", page=True))


def test_what_follows_a_code_block_left_open_is_not_code():
    body = "Words.\n\n```\ncode passage\n" + "\n\n".join(HOSTILE)
    lib, article_id = article_with(body, ["code passage"], note="A note.")
    _, posted = split(render_post(lib, article_id))
    tokens = PARSER.parse(posted)
    assert not [t for t in tokens if t.type == "fence" and "[^lp1]" in t.content]
    assert len(references(posted)) == 1 and [t for t in tokens if t.type == "footnote_block_open"]
    without = posted.rsplit("\n\n[^lp1]:", 1)[0].replace("\n\n[^lp1]\n", "\n")
    assert render_article(without).text == render_article(body).text


def test_html_images_are_their_alt_text_and_links_stay_safe():
    body = (
        "See ![a picture](https://example.com/i.png) and [a site](https://example.com) or [x](javascript:y)."
    )
    lib, article_id = article_with(body, ["a picture"])
    text = render_post(lib, article_id, fmt="html")
    assert "<img" not in text and "example.com/i.png" not in text and "a picture" in text
    assert '<a href="https://example.com">a site</a>' in text and "javascript" not in text
    assert_safe_html(text)


def test_the_whitelist_keeps_only_what_a_post_may_have():
    dirty = (
        '<p onclick="x">a <a href="javascript:x" onmouseover="y">l</a> <a href="https://e.com" style="x">m</a>'
        '<img src="https://e.com/i.png"><script>evil()</script><style>p{}</style><iframe src="x">f</iframe>'
        '<td style="text-align:left;background:url(x)">c</td><code class="language-py x">k</code></p>'
    )
    assert sanitise(dirty) == '<p>a <a>l</a> <a href="https://e.com">m</a><td>c</td><code>k</code></p>'


def test_html_has_the_footnotes_with_back_links():
    text = render_post(post_library(), ARTICLE, fmt="html")
    assert text.count('class="footnote-ref"') == 2 and text.count('class="footnote-backref"') == 2
    assert '<a href="#fn-05c56de1-lp1" id="fnref-05c56de1-lp1">1</a>' in text
    assert '<li id="fn-05c56de1-lp1">' in text and '<a href="#fnref-05c56de1-lp1" class' in text
    assert "<!--" not in text
    assert_safe_html(text)
    page = render_post(post_library(), ARTICLE, fmt="html", page=True)
    assert page.startswith("<!doctype html>") and '<meta charset="utf-8">' in page
    assert "<title>Lanterns on the Water: a close reading</title>" in page


class AnchorCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and str(attrs.get("href", "")).startswith("#"):
            self.hrefs.append(attrs["href"][1:])
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1[-1] += data


def anchors(text: str) -> AnchorCollector:
    collector = AnchorCollector()
    collector.feed(text)
    return collector


def test_two_fragments_on_one_page_keep_their_own_footnote_anchors():
    lib, first = article_with("Some words here.\n\nMore words there.", ["words here", "words there"])
    song_id = lib.articles.get(first).song_id
    second = lib.articles.add(song_id, "Another", "Some words here.\n\nMore words there.").id
    for passage in ("words here", "words there"):
        quote = anchors_for_quote(rendered_text("Some words here.\n\nMore words there."), passage, 1)
        lib.annotations.add(song_id, quote, target="article", article_id=second, note="Another note.")
    one, two = render_post(lib, first, fmt="html"), render_post(lib, second, fmt="html")
    page = anchors(one + two)
    assert len(page.ids) == 8 and len(set(page.ids)) == 8, page.ids  # 2 refs + 2 notes, twice
    # Every reference leads to its own article's note, every back-link to its own reference.
    assert sorted(page.hrefs) == sorted(page.ids)
    for text, article_id in ((one, first), (two, second)):
        own = anchors(text)
        assert set(own.hrefs) == set(own.ids)
        assert all(f"-{article_id[:8]}-" in anchor for anchor in own.ids)


@pytest.mark.parametrize(
    ("opening", "once"),
    [
        ("# An article\n\n", True),
        ("#   an  ARTICLE  \n\n", True),
        ("An *Article*\n===\n\n", True),
        ("## An article\n\n", True),
        ("# An article, continued\n\n", False),
        ("", False),
        ("Intro.\n\n# An article\n\n", False),
    ],
)
def test_a_page_shows_the_title_once(opening, once):
    lib, article_id = article_with(f"{opening}Some words here.", ["words here"])
    page = render_post(lib, article_id, fmt="html", page=True)
    collected = anchors(page)
    body = page[page.index("<article>") :]
    titles = [t for t in re.findall(r"<h[1-6]>(.*?)</h[1-6]>", body) if "article" in t.casefold()]
    if once:
        assert len(titles) == 1, titles
        # The byline follows the title, the article's words follow the byline.
        assert re.search(r"</h[1-6]>\n<p class=\"byline\">Song · Someone</p>\n<p>Some words", body), body
    else:
        assert collected.h1[0] == "An article" and body.index("<h1>An article</h1>") < body.index("byline")
        assert len(titles) == (1 if not opening else 2)
    assert_safe_html(page)
