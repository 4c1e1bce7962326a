"""Markdown exports that get published: template syntax inert for Hugo and Jekyll, Obsidian plugins kept out, deep notes kept whole.

String checks always; a real Hugo (or Jekyll) site is built when the program is installed.
"""

import html
import re
import shutil
import subprocess

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from test_export_markdown import assert_fast_paths_agree, song_with, split_front_matter, top_level, with_note

from lyricpad.core.export import commonmark, export_markdown

PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
FOOTNOTE_PARSER = (
    MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
)

TEMPLATE = '{{% param "x" %}} {{< nope >}} {{ .Site.Title }} {% include f.html %} {# c #} a %} b }} c #} {{{'
"""Hugo shortcodes and actions, Liquid tags and output, Jinja comments, and closers on their own."""
OPENERS = re.compile(r"\{[{%#]")
FIELDS = ("note", "lines", "title", "tag", "lens", "article_title", "artist")


def rendered_text(body: str, parser: MarkdownIt = PARSER) -> str:
    """What a reader sees of *body*: its HTML with the tags taken off and entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", parser.render(body)))


def outside_footnotes(text: str, parser: MarkdownIt) -> list[str]:
    """The document's top-level block structure, front matter and footnote definitions left out."""
    _, body = split_front_matter(text)
    return [t.type for t in parser.parse(body) if t.level == 0 and not t.type.startswith("footnote")]


def template_note(text: str = TEMPLATE) -> str:
    """*text* as prose, in a code span, in a fence and in a table cell."""
    return f"{text}\n\n`{text}`\n\n```\n{text}\n  {text}\n```\n\n| h |\n| - |\n| `{text}` {text} |"


# ------------------------------------------------------------------ template syntax


@pytest.mark.parametrize("footnotes", [False, True])
@pytest.mark.parametrize("field", FIELDS)
def test_template_syntax_is_inert_in_the_blog_profile(field, footnotes):
    value = template_note() if field == "note" else TEMPLATE
    lib, song_id = song_with(**{field: value})
    # A lens name shows where it groups the annotations (a blog caption names only the place).
    group_by = "lens" if field == "lens" else "pane"
    text = export_markdown(lib, song_id, profile="blog", footnotes=footnotes, group_by=group_by)
    meta, body = split_front_matter(text)
    assert not OPENERS.search(body), [line for line in body.split("\n") if OPENERS.search(line)]
    # The front matter reads back the same, and holds no opener either (a template may print it).
    assert not OPENERS.search(text)
    assert meta["title"] == (TEMPLATE if field == "title" else "Plain")
    assert meta["artist"] == (TEMPLATE if field == "artist" else "Someone")
    shown = TEMPLATE
    if field == "tag":  # the library keeps a tag as one word
        shown = TEMPLATE.replace(" ", "-")
        assert meta["tags"] == [shown]
    # Markdown still shows the very characters typed: in text, code spans, code blocks and cells.
    seen = rendered_text(body, FOOTNOTE_PARSER if footnotes else PARSER)
    # Tags are in the front matter only; the article's title is its heading and its annotation's place.
    expected = {"note": 5 * 3, "tag": 0, "lens": 1, "article_title": 2, "lines": 1, "title": 1, "artist": 1}
    assert seen.count(shown) >= expected[field], seen
    plain = export_markdown(*song_with(), profile="blog", footnotes=footnotes, group_by=group_by)
    parser = FOOTNOTE_PARSER if footnotes else PARSER
    note = value if field == "note" else "plain note"
    assert outside_footnotes(text, parser) == with_note(plain, note, parser)


def test_template_syntax_in_links_is_inert():
    note = '[{{ x }}](https://e.example/{{x}} "{% t %}") ![{# i #}](/{%i%}.png "{{ t }}")'
    lib, song_id = song_with(note=note)
    _, body = split_front_matter(export_markdown(lib, song_id))
    assert not OPENERS.search(body)
    tokens = [t for block in PARSER.parse(body) if block.children for t in block.children]
    links = [t.attrs for t in tokens if t.type in ("link_open", "image")]
    assert [a["title"] for a in links] == ["{% t %}", "{{ t }}"] * 3
    assert not any("{" in str(a.get("href", "")) + str(a.get("src", "")) for a in links)
    assert rendered_text(body).count("{{ x }}") == 3
    alts = ["".join(c.content for c in t.children) for t in tokens if t.type == "image"]
    assert alts == ["{# i #}"] * 3


@pytest.mark.parametrize(
    "note", ["{{", "{%", "{#", "a{{b", "`{{`", "``{ {`` {{", "```\n{{\n```", "{\n{ x", "}}"]
)
@pytest.mark.parametrize("obsidian", [False, True])
def test_fast_paths_never_keep_an_opener(note, obsidian):
    assert_fast_paths_agree(note, obsidian)
    if not obsidian:
        assert not OPENERS.search("\n".join(commonmark.render_note(note)))


def hugo_site(tmp_path, post: str):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "SITE-TITLE-LEAK"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
        '[params]\nx = "PARAM-LEAK"\n',
        encoding="utf-8",
    )
    layout = "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n"
    (site / "layouts" / "_default" / "single.html").write_text(layout, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text(layout, encoding="utf-8")
    (site / "layouts" / "index.html").write_text(layout, encoding="utf-8")
    (site / "content" / "post.md").write_text(post, encoding="utf-8")
    return site


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed (scripts/setup installs it)")
@pytest.mark.parametrize("footnotes", [False, True])
def test_a_real_hugo_site_shows_the_braces_and_no_parameter(tmp_path, footnotes):
    lib, song_id = song_with(
        note=template_note(), lines=TEMPLATE, title=TEMPLATE, tag=TEMPLATE, lens=TEMPLATE
    )
    site = hugo_site(tmp_path, export_markdown(lib, song_id, footnotes=footnotes))
    result = subprocess.run(
        ["hugo", "--quiet", "--source", str(site), "--destination", str(tmp_path / "public")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "public" / "post" / "index.html").read_text(encoding="utf-8")
    assert "PARAM-LEAK" not in page and "SITE-TITLE-LEAK" not in page
    seen = html.unescape(re.sub(r"<[^>]*>", "", page)).replace("“", '"').replace("”", '"')  # typographer
    assert seen.count(TEMPLATE) >= 5 * 3 + 3, seen


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed (scripts/setup installs it)")
def test_a_real_hugo_site_shows_the_digest_as_readers_should_see_it(tmp_path):
    """One level of quotes, no id comment (Hugo would print "raw HTML omitted"), chord spacing kept."""
    lib, song_id = song_with(
        lines="x\n\n  Am    G\nwords under it", note="> a quote in the note\n\nmy reading"
    )
    site = hugo_site(tmp_path, export_markdown(lib, song_id, full_lyrics=True))
    result = subprocess.run(
        ["hugo", "--quiet", "--source", str(site), "--destination", str(tmp_path / "public")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "public" / "post" / "index.html").read_text(encoding="utf-8")
    assert "<!--" not in page and "raw HTML" not in page
    assert not re.search(r"<blockquote>\s*<blockquote>", page)
    assert "<p>my reading</p>" in page  # the commentary is a paragraph of the post, not a quote
    seen = html.unescape(re.sub(r"<[^>]*>", "", page))
    assert "\u00a0\u00a0Am\u00a0\u00a0\u00a0\u00a0G" in seen, seen


@pytest.mark.skipif(
    shutil.which("jekyll") is None, reason="jekyll is not installed (no Ruby gems in the test setup)"
)
def test_a_real_jekyll_site_shows_the_braces_and_no_variable(tmp_path):
    lib, song_id = song_with(
        note=template_note(), lines=TEMPLATE, title=TEMPLATE, tag=TEMPLATE, lens=TEMPLATE
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "_config.yml").write_text('title: "SITE-TITLE-LEAK"\nx: "PARAM-LEAK"\n', encoding="utf-8")
    (site / "f.html").write_text("INCLUDE-LEAK", encoding="utf-8")
    (site / "post.md").write_text(export_markdown(lib, song_id), encoding="utf-8")
    result = subprocess.run(
        ["jekyll", "build", "--quiet", "--source", str(site), "--destination", str(tmp_path / "public")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "public" / "post.html").read_text(encoding="utf-8")
    assert "LEAK" not in page
    assert html.unescape(re.sub(r"<[^>]*>", "", page)).count(TEMPLATE) >= 5 * 3 + 2


# ------------------------------------------------------------------ Obsidian

OBSIDIAN_NOTE = (
    "```dataviewjs\ndv.paragraph('PWNED')\n```\n\n"
    "```DataView\nLIST FROM #x\n```\n\n"
    "~~~dataviewjs extra\ndv.el('b', 'x')\n~~~\n\n"
    "%%hidden%% ![[embed]] [[link]] and `$= dv.current()` and `= this.file.name`\n\n"
    "a line with a block id ^block-id\n\n"
    '[t](https://e.example "%%c%% [[w]]")'
)


@pytest.mark.parametrize("profile", ["obsidian", "blog"])
def test_obsidian_plugins_and_syntax_stay_visible_text(profile):
    lib, song_id = song_with(note=OBSIDIAN_NOTE)
    text = export_markdown(lib, song_id, profile=profile)
    _, body = split_front_matter(text)
    tokens = PARSER.parse(body)
    fences = [t for t in tokens if t.type == "fence"]
    # Dataview runs a fenced block by its info string only: none is left that names a query.
    assert [t.info for t in fences] == ["", "", ""] * 3
    assert "dv.paragraph('PWNED')\n" in [t.content for t in fences]
    assert not re.search(r"(?im)^(?:>\s*)*(?:`{3,}|~{3,})\s*(?:dataview|query|tasks|base)", body)
    if profile == "obsidian":
        codes = [c.content for t in tokens if t.children for c in t.children if c.type == "code_inline"]
        assert not [c for c in codes if c.strip().startswith(("=", "$="))], codes
        outside_code = re.sub(r"`[^`\n]*`", "", body)
        assert not re.search(r"(?<!\\)%%|(?<!\\)\[\[|(?<!\\)\^block-id", outside_code)
    seen = rendered_text(body)
    for piece in (
        "%%hidden%% ![[embed]] [[link]] and $= dv.current() and = this.file.name",
        "block id ^block-id",
    ):
        assert seen.count(piece) == 3, seen
    assert top_level(text) == with_note(export_markdown(*song_with(), profile=profile), OBSIDIAN_NOTE)


@pytest.mark.parametrize("profile", ["obsidian", "blog"])
@pytest.mark.parametrize(
    "label, kept",
    [
        ("datacorejs", False),
        ("datacorejsx", False),
        ("run-js", False),
        ("templater", False),
        ("chart", False),
        ("DataviewJS", False),
        ("python", True),
        ("lrc", True),
    ],
)
def test_a_code_block_keeps_only_a_language_label(profile, label, kept):
    lib, song_id = song_with(note=f"```{label}\nrun(this)\n```")
    _, body = split_front_matter(export_markdown(lib, song_id, profile=profile))
    fences = [t for t in PARSER.parse(body) if t.type == "fence" and t.content == "run(this)\n"]
    assert [t.info for t in fences] == [label if kept else ""] * len(fences) and fences


def test_a_jekyll_tag_is_written_without_a_backslash_before_its_percent():
    # kramdown (Jekyll) has no escape for "%": "\%" would show as a backslash and a percent sign.
    lib, song_id = song_with(note="Jekyll: {% include f.html %} and {{% param x %}}")
    _, body = split_front_matter(export_markdown(lib, song_id, profile="blog"))
    assert "\\%" not in body and "{%" not in body
    assert rendered_text(body).count("Jekyll: {% include f.html %} and {{% param x %}}") == 3


# ------------------------------------------------------------------ deep notes


def deep_quote(depth: int) -> str:
    return "\n".join(">" * level + f" quoteword{level}" for level in range(1, depth + 1))


def deep_list(depth: int) -> str:
    return "\n".join("  " * level + f"- listword{level}" for level in range(depth))


@pytest.mark.parametrize(
    "profile, footnotes", [("blog", False), ("blog", True), ("obsidian", False)]
)  # Obsidian has no footnotes
@pytest.mark.parametrize(
    "note", [deep_quote(n) for n in (5, 15, 17, 19, 25, 200)] + [deep_list(n) for n in (5, 8, 9, 12, 25, 200)]
)
def test_a_deep_note_keeps_every_word(note, profile, footnotes):
    lib, song_id = song_with(note=f"first {note}\n\nlast")
    text = export_markdown(lib, song_id, profile=profile, footnotes=footnotes)
    _, body = split_front_matter(text)
    parser = FOOTNOTE_PARSER if footnotes else PARSER
    seen = rendered_text(body, parser)
    words = re.findall(r"(?:quote|list)word\d+", note)
    for word in words:
        assert len(re.findall(rf"\b{word}\b", seen)) == 3, word
    plain = export_markdown(*song_with(), profile=profile, footnotes=footnotes)
    assert outside_footnotes(text, parser) == with_note(plain, f"first {note}\n\nlast", parser)
