"""Markdown export: golden files per profile, hostile text parsed back with markdown-it, front matter through YAML.

Golden files live in tests/data/expected/. After an intended change of the output, regenerate them
with ``LYRICPAD_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/core/test_export_markdown.py``
and review the diff before committing.
"""

import functools
import json
import os
import re
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from lyricpad.core.anchoring import Proposal, anchor_for_lines, anchors_for_quote
from lyricpad.core.errors import InvalidValue
from lyricpad.core.export import commonmark, export_json, export_library_markdown, export_markdown
from lyricpad.core.export.markdown import existing_song_files, yaml_quote
from lyricpad.core.merge import merge_json
from lyricpad.core.store import Library

EXPECTED = Path(__file__).parent.parent / "data" / "expected"
FIXED_TIME = "2024-05-01T12:00:00.000+00:00"
PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
FOOTNOTE_PARSER = (
    MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
)

HOSTILE = [
    "# x",
    "---",
    "===",
    "> q",
    "1. a",
    "- a",
    "```",
    "~~~",
    "    four-space indent",
    "<script>alert(1)</script>",
    "</blockquote>",
    "[a](javascript:x)",
    "[r]: u",
    "| a |",
    "[^1]",
    "<!-- -->",
    "* * *",
    "+ b",
    "2) c",
    "&copy; &#60;",
    "<https://example.com>",
    "![i](javascript:x)",
    "[[wiki]] #tag ^block %%c%% ==h== $m$",
    "> [!note] x",
    "a\\",
    "\x00",
    "- a\n  ***",
    "````\n```\nx\n```\n````",
    "![i](data:image/png;base64,iVBORw0KGgo=)",
    '{{% param "x" %}} {% include f.html %} {# c #}',
    "```dataviewjs\ndv.paragraph('x')\n```",
]


# ------------------------------------------------------------------ helpers


def golden_library() -> Library:
    """The demo library with fixed ids and times, LRC times, and one annotation of each status."""
    demo = Library.open(None)
    data = export_json(demo, exported=FIXED_TIME)
    text = json.dumps(data)
    ids = [s["id"] for s in data["songs"]] + [a["id"] for a in data["articles"]]
    ids += [a["id"] for a in data["annotations"]]
    for n, old in enumerate(ids):
        text = text.replace(old, str(uuid.uuid5(uuid.NAMESPACE_DNS, f"golden-{n}.lyricpad")))
    text = re.sub(r'"\d{4}-\d\d-\d\dT[^"]*"', f'"{FIXED_TIME}"', text)
    data = json.loads(text)
    song = data["songs"][0]
    song["line_times"] = [None, [12400], [15000, 95000]] + [None] * (song["lyrics"].count("\n") - 2)
    lib = Library.open(None, seed_demo=False)
    merge_json(lib, data)
    lyrics = lib.songs.get(song["id"]).lyrics
    review = anchor_for_lines(lyrics, 3, 3)
    orphan = anchors_for_quote(lyrics, "the salt gets in", 1)[0]
    for n, (fragment, status, note) in enumerate(
        [
            (
                review.__class__(**{**review.__dict__, "proposal": Proposal(review.start, review.end, 3, 3)}),
                "needs_review",
                "Gulls *counting* boats.",
            ),
            (orphan, "orphaned", "Salt as time."),
        ]
    ):
        annotation = lib.annotations.add(song["id"], [fragment], note=note, tags=["review"], status=status)
        lib.snapshots.restore_annotation(
            annotation.__class__(
                **{
                    **annotation.__dict__,
                    "id": str(uuid.uuid5(uuid.NAMESPACE_DNS, f"golden-extra-{n}.lyricpad")),
                    "created": FIXED_TIME,
                    "updated": FIXED_TIME,
                }
            )
        )
        lib.snapshots.purge_annotation(annotation.id)
    return lib


def split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 3)
    return yaml.safe_load(text[4:end]), text[end + 5 :]


def top_level(text: str) -> list[str]:
    """The document's top-level block structure (front matter taken off)."""
    _, body = split_front_matter(text)
    return [t.type for t in PARSER.parse(body) if t.level == 0]


def all_tokens(tokens):
    for token in tokens:
        yield token
        yield from all_tokens(token.children or [])


def blocks(text: str, parser: MarkdownIt = PARSER) -> list[str]:
    """The top-level block structure of an export, front matter and footnote definitions left out."""
    _, body = split_front_matter(text)
    return [t.type for t in parser.parse(body) if t.level == 0 and not t.type.startswith("footnote")]


def note_blocks(note: str) -> list[str]:
    """The top-level blocks of a blog note written alone: all it may add to an export."""
    return [t.type for t in PARSER.parse("\n".join(commonmark.render_note(note))) if t.level == 0]


def with_note(plain: str, note: str, parser: MarkdownIt = PARSER) -> list[str]:
    """The structure of *plain* (an export of `song_with()`) once its notes hold *note*: in the blog
    profile each note's paragraph becomes the note's own blocks, in Obsidian notes stay in callouts."""
    _, body = split_front_matter(plain)
    tokens = parser.parse(body)
    out: list[str] = []
    skip = False
    for n, token in enumerate(tokens):
        if token.level or token.type.startswith("footnote"):
            continue
        if token.type == "paragraph_open" and tokens[n + 1].content == "plain note":
            out += note_blocks(note)
            skip = True
        elif skip and token.type == "paragraph_close":
            skip = False
        else:
            out.append(token.type)
    return out


def assert_inert(text: str, annotations: int, parser: MarkdownIt = PARSER) -> None:
    """No HTML but the id comments, no link or image to an unsafe target, no heading in a note."""
    _, body = split_front_matter(text)
    tokens = list(all_tokens(parser.parse(body)))
    html = [t.content for t in tokens if t.type in ("html_block", "html_inline")]
    assert all(re.fullmatch(r"<!-- lyricpad:annotation [0-9a-f-]{36} -->\n", h) for h in html), html
    for token in tokens:
        for attr in ("href", "src"):
            target = str(token.attrs.get(attr, "")) if token.attrs else ""
            assert not target.lower().startswith(("javascript:", "data:", "vbscript:", "file:")), target
    headings = [t for t in tokens if t.type == "heading_open"]
    assert all(t.level == 0 for t in headings)  # none inside a quote or callout
    assert all(t.markup.startswith("#") for t in headings)  # no text made a heading by a line under it


def song_with(
    lines: str = "plain words here",
    *,
    note: str = "plain note",
    title: str = "Plain",
    tag: str = "tag",
    lens: str = "Lensy",
    article_title: str = "An article",
    artist: str = "Someone",
):
    lib = Library.open(None, seed_demo=False)
    lyrics = f"first line\n{lines}\nlast line"
    song = lib.songs.add(title, artist=artist, album=title, lyrics=lyrics)
    lens_id = lib.lenses.add(lens, "#112233").id
    lib.annotations.add(song.id, [anchor_for_lines(lyrics, 2, 2)], lens_id=lens_id, note=note, tags=[tag])
    lib.annotations.add(song.id, [anchor_for_lines(lyrics, 1, 1)], note=note)
    article = lib.articles.add(song.id, article_title, "Some words of an article.")
    text = lib.annotations.target_text(song.id, "article", article.id)
    lib.annotations.add(
        song.id,
        anchors_for_quote(text, "words", 1),
        target="article",
        article_id=article.id,
        note=note,
        tags=[tag],
    )
    return lib, song.id


# ------------------------------------------------------------------ golden files


CASES = {
    "blog.md": {"profile": "blog"},
    "blog_by_lens_full_lyrics.md": {"profile": "blog", "group_by": "lens", "full_lyrics": True},
    "blog_footnotes.md": {"profile": "blog", "footnotes": True},
    "obsidian.md": {"profile": "obsidian"},
    "obsidian_by_lens_full_lyrics.md": {"profile": "obsidian", "group_by": "lens", "full_lyrics": True},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):
    lib = golden_library()
    text = export_markdown(lib, lib.songs.all()[0].id, **CASES[name])
    path = EXPECTED / name
    if os.environ.get("LYRICPAD_REGENERATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == path.read_bytes()


def test_golden_library_has_every_status():
    lib = golden_library()
    statuses = {a.status for a in lib.annotations.for_song(lib.songs.all()[0].id)}
    assert statuses == {"anchored", "needs_review", "orphaned"}


def test_export_is_deterministic_and_lf_only():
    lib = golden_library()
    song_id = lib.songs.all()[0].id
    first = export_markdown(lib, song_id)
    assert first == export_markdown(lib, song_id)
    assert "\r" not in first and first.endswith("\n") and not first.endswith("\n\n")


def stamp(lib: Library, table: str, row_id: str, when: str) -> None:
    """Date a row as if it was last changed *when* (the store dates every change now)."""
    with lib.write():
        lib.update_row(table, row_id, {"updated": when})


@pytest.mark.parametrize("profile", ["blog", "obsidian"])
def test_the_date_is_the_songs_last_change_so_an_unchanged_song_exports_the_same_bytes(tmp_path, profile):
    lib, song_id = song_with()
    rows = [("songs", song_id)] + [("articles", a.id) for a in lib.articles.for_song(song_id)]
    rows += [("annotations", a.id) for a in lib.annotations.for_song(song_id)]
    for table, row_id in rows:
        stamp(lib, table, row_id, "2021-03-04T05:06:07.000+00:00")
    first = export_markdown(lib, song_id, profile=profile)
    assert split_front_matter(first)[0]["date"] == "2021-03-04T05:06:07+00:00"
    folder = export_library_markdown(lib, tmp_path, profile=profile)
    again = export_library_markdown(lib, tmp_path, profile=profile)
    assert folder == again and again[0].read_text("utf-8") == first
    # Each part of the song dates it: its article, an annotation, one moved to the trash.
    article = lib.articles.for_song(song_id)[0]
    stamp(lib, "articles", article.id, "2022-01-01T00:00:00.000+00:00")
    assert (
        split_front_matter(export_markdown(lib, song_id, profile=profile))[0]["date"]
        == "2022-01-01T00:00:00+00:00"
    )
    binned = lib.annotations.for_song(song_id)[0]
    lib.annotations.set_deleted(binned.id)
    stamp(lib, "annotations", binned.id, "2023-01-01T00:00:00.000+00:00")
    text = export_markdown(lib, song_id, profile=profile)
    assert split_front_matter(text)[0]["date"] == "2023-01-01T00:00:00+00:00" and binned.id not in text


# ------------------------------------------------------------------ content


def test_demo_export_carries_every_annotation_id_and_marks_status():
    lib = golden_library()
    song_id = lib.songs.all()[0].id
    annotations = lib.annotations.for_song(song_id)
    blog = export_markdown(lib, song_id, ids=True)
    obsidian = export_markdown(lib, song_id, profile="obsidian", ids=True)
    for annotation in annotations:
        assert f"<!-- lyricpad:annotation {annotation.id} -->" in blog
        assert f"\n^lp-{annotation.id}\n" in obsidian
    assert export_markdown(lib, song_id, profile="obsidian") == obsidian  # block ids are always there
    assert "**Needs review:**" in blog and "proposed place: verse 1, line 3." in blog
    assert "**Orphaned:**" in blog
    assert "*verse 1, line 2 (0:12.40)*" in blog and "(0:15.00, 1:35.00)*" in blog


@pytest.mark.parametrize("options", [{}, {"footnotes": True}, {"group_by": "lens", "full_lyrics": True}])
def test_a_blog_export_is_written_for_readers(options):
    """No HTML comment, quotes one level deep, commentary as paragraphs, places readers understand."""
    lib = golden_library()
    song_id = lib.songs.all()[0].id
    text = export_markdown(lib, song_id, **options)
    parser = FOOTNOTE_PARSER if options else PARSER
    tokens = list(all_tokens(parser.parse(split_front_matter(text)[1])))
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    assert all(t.level == 0 for t in tokens if t.type == "blockquote_open")  # no "> >"
    quotes = [t.content for t in tokens if t.type == "inline" and t.level == 2]  # a paragraph in a quote
    assert "The harbour lights are folding up their wings," in quotes
    top_paragraphs = [t.content for t in tokens if t.type == "inline" and t.level == 1]
    captions = [p for p in top_paragraphs if p.startswith("*") and p.endswith(("*", "]"))]
    assert "*verse 1, line 2 (0:12.40)*" in " ".join(captions[1:])  # the byline first
    assert "*chorus, lines 8, 22 and 35*" in " ".join(captions)
    assert "*in the article “Lanterns on the Water: a close reading”*" in " ".join(captions)
    assert not re.search(r"Question|Imagery|discussion|personification|Line \d", " ".join(captions))
    if not options:
        assert any(p.startswith("Lamps as birds settling") for p in top_paragraphs)  # not in a quote
    with_ids = export_markdown(lib, song_id, ids=True, **options)
    assert with_ids.count("<!-- lyricpad:annotation ") == len(lib.annotations.for_song(song_id))


@pytest.mark.parametrize("profile", ["blog", "obsidian"])
def test_a_note_holding_a_quote_stays_one_level_deep(profile):
    lib, song_id = song_with(note="> quoted by the note\n\nand a comment")
    tokens = list(
        all_tokens(PARSER.parse(split_front_matter(export_markdown(lib, song_id, profile=profile))[1]))
    )
    depths = [t.level for t in tokens if t.type == "blockquote_open"]
    # Blog: the note's quote stands alone; Obsidian: one quote inside each callout, as callouts hold them.
    assert max(depths) == (0 if profile == "blog" else 1), depths


@pytest.mark.parametrize("profile", ["blog", "obsidian"])
def test_the_full_lyrics_keep_chord_spacing_under_one_lyrics_heading(profile):
    chords = "   Am      G    C"
    lyrics = f"[Verse 1]\n{chords}\nwords under the chords\n\n  indented  line\n[Chorus]"
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("Chords", lyrics=lyrics)
    lib.annotations.add(song.id, [anchor_for_lines(lyrics, 3, 3)], note="n")
    for group_by in ("pane", "lens"):
        text = export_markdown(lib, song.id, profile=profile, group_by=group_by, full_lyrics=True)
        tokens = list(all_tokens(PARSER.parse(split_front_matter(text)[1])))
        headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
        assert [h for h in headings if "lyrics" in h.casefold()].count("Lyrics") == 1, headings
        assert "Full lyrics" not in headings
        shown = PARSER.render(split_front_matter(text)[1]).replace("\u00a0", " ")
        assert f"<br />\n{chords}<br />" in shown, shown  # every space kept, the first ones too
        assert "<p>  indented  line<br />" in shown  # a paragraph's first spaces too
        mark = "==" if profile == "obsidian" else "<strong>"
        assert f"{mark}words under the chords" in shown


def test_only_highlighted_lines_are_quoted_by_default():
    lib = golden_library()
    song = lib.songs.all()[0]
    text = export_markdown(lib, song.id)
    assert "the gulls have gone to count" not in text.replace("> the gulls", "")  # only its own annotation
    assert "hung them like a coat upon a pin" not in text
    full = export_markdown(lib, song.id, full_lyrics=True)
    assert "and hung them like a coat upon a pin." in full
    assert "**The harbour lights are folding up their wings,**\\" in full


def test_trash_is_left_out():
    lib, song_id = song_with(note="keep me")
    gone = lib.annotations.add(
        song_id, [anchor_for_lines(lib.songs.get(song_id).lyrics, 3, 3)], note="binned"
    )
    lib.annotations.set_deleted(gone.id)
    text = export_markdown(lib, song_id)
    assert "binned" not in text and gone.id not in text


def test_notes_keep_their_markdown():
    note = "Some *emphasis*, **strong** and [a link](https://example.com/a_b).\n\n- one\n- two\n\n1. first"
    lib, song_id = song_with(note=note)
    for profile in ("blog", "obsidian"):
        tokens = list(
            all_tokens(PARSER.parse(split_front_matter(export_markdown(lib, song_id, profile=profile))[1]))
        )
        types = {t.type for t in tokens}
        assert {"em_open", "strong_open", "link_open", "bullet_list_open", "ordered_list_open"} <= types
        assert any(t.attrs.get("href") == "https://example.com/a_b" for t in tokens if t.type == "link_open")


@pytest.mark.parametrize("profile", ["blog", "obsidian"])
def test_several_songs_make_one_document(profile):
    lib = Library.open(None)
    other, _ = song_with()
    song = lib.songs.add("Second", lyrics="one\ntwo")
    lib.annotations.add(song.id, [anchor_for_lines("one\ntwo", 2, 2)], note="n")
    ids = [s.id for s in lib.songs.all()]
    text = export_markdown(lib, ids, profile=profile, title="My: notes")
    meta, body = split_front_matter(text)
    assert meta["title"] == "My: notes" and meta["lyricpad_ids"] == ids
    assert body.count("\n## ") >= 2 and body.startswith("\n# My: notes\n")


@pytest.mark.parametrize("title", ["My\n# injected", "My\r# injected", "My\r\n- item\n\n<b>x</b>"])
def test_a_title_with_line_breaks_stays_one_heading(title):
    lib = Library.open(None)
    lib.songs.add("Second", lyrics="one")
    ids = [s.id for s in lib.songs.all()]
    text = export_markdown(lib, ids, title=title)
    assert top_level(text) == top_level(export_markdown(lib, ids, title="My title"))
    assert_inert(text, 0)


def test_bad_options_are_refused():
    lib = Library.open(None)
    with pytest.raises(InvalidValue, match="profile"):
        export_markdown(lib, lib.songs.all()[0].id, profile="wiki")
    with pytest.raises(InvalidValue, match="grouping"):
        export_markdown(lib, lib.songs.all()[0].id, group_by="colour")


# ------------------------------------------------------------------ hostile text


OPTIONS = [
    {"profile": "blog"},
    {"profile": "blog", "group_by": "lens", "full_lyrics": True},
    {"profile": "obsidian"},
    {"profile": "obsidian", "group_by": "lens", "full_lyrics": True},
]


@functools.cache
def plain_export(options: tuple) -> str:
    plain_lib, plain_id = song_with()
    return export_markdown(plain_lib, plain_id, **dict(options))


HOSTILE_CASES = [
    (hostile, field)
    for hostile in HOSTILE
    for field in ("note", "lines", "title", "tag", "lens", "article_title", "artist")
    # The library refuses an empty tag, lens name or title: there is nothing to export.
    if not (field in ("tag", "lens", "title") and not hostile.strip("\x00"))
]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: "-".join(str(v) for v in o.values()))
@pytest.mark.parametrize(("hostile", "field"), HOSTILE_CASES)
def test_hostile_text_keeps_the_structure(hostile, field, options):
    try:
        lib, song_id = song_with(**{field: hostile})
    except InvalidValue:
        pytest.skip("the library refuses this value")
    plain = plain_export(tuple(sorted(options.items())))
    text = export_markdown(lib, song_id, **options)
    # Blog notes are the author's commentary, at the top level: a note adds its own blocks, no other.
    assert top_level(text) == (with_note(plain, hostile) if field == "note" else top_level(plain))
    assert_inert(text, 3)


def test_every_hostile_note_at_once():
    note = "\n\n".join(HOSTILE) + "\n\n" + "\n".join(HOSTILE)
    plain_lib, plain_id = song_with()
    lib, song_id = song_with(note=note, lines=" ".join(HOSTILE))
    for options in OPTIONS:
        text = export_markdown(lib, song_id, **options)
        assert top_level(text) == with_note(export_markdown(plain_lib, plain_id, **options), note)
        assert_inert(text, 3)


def footnotes(tokens) -> dict[str, list[str]]:
    """Footnote label -> the block structure of its definition (tokens of a footnote-plugin parse)."""
    found: dict[str, list[str]] = {}
    label = None
    for token in tokens:
        if token.type == "footnote_open":
            label = token.meta["label"]
            found[label] = []
        elif token.type == "footnote_close":
            label = None
        elif label is not None and token.level == 1:
            found[label].append(token.type)
    return found


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_note_in_footnotes(hostile):
    """Parsed with the footnote plugin: the body keeps its structure, each note is whole in its footnote."""
    note = f"{hostile}\n\n{hostile}\n\n- item\n\n```\ncode\n```"
    plain_lib, plain_id = song_with()
    lib, song_id = song_with(note=note)
    plain = export_markdown(plain_lib, plain_id, footnotes=True)
    text = export_markdown(lib, song_id, footnotes=True)
    tokens = FOOTNOTE_PARSER.parse(split_front_matter(text)[1])

    def outside(tokens):
        return [t.type for t in tokens if t.level == 0 and not t.type.startswith("footnote")]

    assert outside(tokens) == outside(FOOTNOTE_PARSER.parse(split_front_matter(plain)[1]))
    refs = [t.meta["label"] for t in all_tokens(tokens) if t.type == "footnote_ref"]
    assert refs == ["lp1", "lp2", "lp3"]
    alone = [t.type for t in PARSER.parse("\n".join(commonmark.render_note(note))) if t.level == 0]
    assert "bullet_list_open" in alone and alone[-1] == "fence"
    assert footnotes(tokens) == {label: alone for label in refs}
    assert_inert(text, 3, FOOTNOTE_PARSER)


def blocks_kept(markdown: str) -> list[tuple]:
    """Code (with its text), rules and list items of *markdown*, at their depth: what a note must keep."""
    return [
        (t.level, "code", t.content) if t.type in ("fence", "code_block") else (t.level, t.type)
        for t in PARSER.parse(markdown)
        if t.type in ("fence", "code_block", "hr", "list_item_open")
    ]


@pytest.mark.parametrize("obsidian", [False, True])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_note_keeps_its_code_rules_and_items(hostile, obsidian):
    assert blocks_kept("\n".join(commonmark.render_note(hostile, obsidian=obsidian))) == blocks_kept(hostile)


def test_hostile_lyrics_are_literal_text_when_parsed_back():
    hostile = "# x *y* <b>z</b> [l](u) `c` &amp; | p |"
    lib, song_id = song_with(lines=hostile)
    _, body = split_front_matter(export_markdown(lib, song_id))
    quote_texts = [t.content for t in all_tokens(PARSER.parse(body)) if t.type == "text"]
    assert hostile in quote_texts


# ------------------------------------------------------------------ notes: fast paths against the parse

# Pieces of Markdown, whitespace and controls that the fast paths must recognise or leave to the parser.
PIECES = [
    *("a", "Word", "é", "7", "12", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\x85", "\x0c", "$", "%", "^"),
    *("*", "**", "_", "__", "x_y", "~", "~~", "`", "\\", "<", ">", "> ", "!", "?", ".", ","),
    *("&", "&amp;", "&#60;", "[", "]", "(", ")", "](", "[^1]", "[r]: ", "/", "#", "# ", "=", "=="),
    *("https://", "http://", "Example.com", "x.org/a_b", "javascript:", "- ", "* ", "+ ", "1. ", "2) "),
    *("---", "    ", ":", ":--", "|", "{", "}", "{{", "{%", "%}", "```dataviewjs\n", "`= x`"),
]
WORDS = st.sampled_from(["a", "Some", "words", "été", "line", "7", "x2"])
USUAL = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f"**{w} {w}**"),
    WORDS.map(lambda w: f"[{w}](https://example.com/{w})"),
    st.sampled_from([",", ".", ":", "!", "?", "&", "-", "(", ")", "'", "#", "=", "%", "$"]).map(
        lambda p: f"a{p}"
    ),
)
UNUSUAL = st.one_of(
    USUAL,
    st.sampled_from(["(", ")", "&", "-", "#", "=", "%", "$", "'", "*a", "a*", "[a]", "![a](https://x.y)"]),
    WORDS.map(lambda w: f"[{w}](http://a.b/c_d?x=1#y{w})"),
    WORDS.map(lambda w: f"[{w}](mailto:x@y{w})"),
)


@st.composite
def usual_notes(draw) -> str:
    """Prose, emphasis, links and "- " lists, as the canonical check accepts them or nearly."""
    careful = draw(st.booleans())  # only what the check accepts, or anything near it
    inline, start = (USUAL, st.sampled_from(["Some", "été", "A"])) if careful else (UNUSUAL, UNUSUAL)
    blocks, bullet = [], False
    for _ in range(draw(st.integers(1, 4))):
        bullet = not bullet if careful else draw(st.booleans())
        lines = []
        for _ in range(draw(st.integers(1, 3))):
            parts = draw(st.lists(st.tuples(st.sampled_from([" ", " "] if careful else [" ", ""]), inline)))
            lines.append(("- " if bullet else "") + draw(start) + "".join(sep + p for sep, p in parts[:6]))
        blocks.append("\n".join(lines))
    note = "\n\n".join(blocks)
    if not careful and draw(st.booleans()):
        at = draw(st.integers(0, len(note)))
        note = note[:at] + draw(st.sampled_from(PIECES)) + note[at:]
    return note


def assert_fast_paths_agree(note: str, obsidian: bool) -> None:
    note = note.replace("\r\n", "\n").replace("\r", "\n")  # as render_note does
    fast = commonmark._render_note.__wrapped__(note, obsidian)  # not the cache
    assert fast == commonmark._render_parsed(note, obsidian)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.booleans())
def test_fast_paths_agree_with_the_parse_on_markdown_pieces(note, obsidian):
    assert_fast_paths_agree(note, obsidian)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(usual_notes(), st.booleans())
def test_fast_paths_agree_with_the_parse_on_usual_notes(note, obsidian):
    assert_fast_paths_agree(note, obsidian)


@pytest.mark.parametrize(
    "note",
    [
        "A plain note about line 7.",
        "Some *emphasis*, **strong** and a [link](https://example.com/7).",
        "A list:\n\n- line 7\n- more with *emphasis*\n\nAnd after it.",
        "Wow! AT&T (and others): a, b; c?",
    ],
)
def test_usual_notes_take_the_canonical_path(note):
    assert commonmark._is_canonical(note, obsidian=False)
    assert commonmark.render_note(note) == note.split("\n")


@pytest.mark.parametrize(
    "note",
    [
        "*a*b",  # * between letters: left- and right-flanking, parsed
        "a *b* *c",  # an unmatched *
        "a\n\n- b\n\n- c",  # two lists in a row make one loose list
        "- a\nb",  # a lazy continuation line
        "a\n===",
        "a &amp; b",
        "a ![i](https://x.y/i)",
        "a [b](https://x.y/(c))",
        "a [b](HTTPS://X.Y)",
        "trailing space ",
        "a\u00a0\nb",
    ],
)
def test_unusual_notes_are_parsed(note):
    assert not commonmark._is_canonical(note, obsidian=False)
    assert_fast_paths_agree(note, obsidian=False)


@pytest.mark.parametrize("note", ["a\r# x", "a\r\r<script>x</script>", "a\r- b", "a | b\r:-- | :--"])
def test_carriage_returns_end_lines_as_in_markdown_it(note):
    """A lone "\r" is a line ending for every Markdown reader: it must not pass through as text."""
    lines = commonmark.render_note(note)
    assert lines == commonmark.render_note(note.replace("\r", "\n"))
    assert not any("\r" in line for line in lines)
    assert [t.type for t in PARSER.parse("\n".join(f"> {line}" for line in lines))][:1] == ["blockquote_open"]
    assert "heading_open" not in [t.type for t in PARSER.parse("\n".join(lines))]


# ------------------------------------------------------------------ front matter

TRICKY = [
    "Title: with colon",
    "# not a comment",
    "say \"hi\" and 'bye'",
    "- leading dash",
    "line\nbreak",
    "yes",
    "null",
    "1.50",
    "@at `tick` {brace} [bracket] *star* &anchor !tag %pct | > ?",
    "back\\slash \\n",
    "tab\there",
    "nel\x85 ls\u2028 ps\u2029 bom\ufeff",
    "ünïcödé 日本語 🎸",
    " ",
]


@pytest.mark.parametrize("value", TRICKY)
def test_yaml_quote_round_trips(value):
    assert yaml.safe_load(f"key: {yaml_quote(value)}") == {"key": value}


def test_front_matter_round_trips_through_yaml():
    lib = Library.open(None, seed_demo=False)
    title = "Title: # with 'quotes' \"and\" - dash"
    song = lib.songs.add(title, artist="- Artist: x", album="#1 ---", year=1999, lyrics="a\nb")
    lib.annotations.add(song.id, [anchor_for_lines("a\nb", 1, 1)], tags=["x:y", "#hash", 'q"uote'])
    for profile in ("blog", "obsidian"):
        meta, _ = split_front_matter(export_markdown(lib, song.id, profile=profile))
        assert meta["title"] == lib.songs.get(song.id).title
        assert meta["artist"] == "- Artist: x" and meta["album"] == "#1 ---" and meta["year"] == 1999
        assert meta["lyricpad_id"] == song.id
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", meta["date"])
    meta, _ = split_front_matter(export_markdown(lib, song.id))
    assert meta["tags"] == ["hash", 'q"uote', "x:y"]


# ------------------------------------------------------------------ a library folder


def test_library_export_writes_one_file_per_song_and_an_index(tmp_path):
    lib = Library.open(None)
    lib.songs.add("Second / song?", artist="A:B", lyrics="x")
    calls = []
    paths = export_library_markdown(
        lib, tmp_path / "vault", profile="obsidian", progress=lambda d, t: calls.append((d, t))
    )
    names = sorted(p.name for p in paths)
    assert names == ["Lanterns on the Water - The Hollow Pines.md", "Second song - A B.md", "index.md"]
    assert calls == [(1, 2), (2, 2)]
    index = (tmp_path / "vault" / "index.md").read_text("utf-8")
    assert "(Second%20song%20-%20A%20B.md)" in index
    for path in paths:
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
        split_front_matter(data.decode("utf-8"))


def test_library_export_again_updates_the_same_files(tmp_path):
    lib = Library.open(None)
    song = lib.songs.all()[0]
    first = export_library_markdown(lib, tmp_path)
    lib.songs.update(song.id, title="Renamed")
    annotation = lib.annotations.for_song(song.id)[0]
    lib.annotations.set_note(annotation.id, "edited note")
    second = export_library_markdown(lib, tmp_path)
    assert [p.name for p in second] == [p.name for p in first]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in first)
    assert "edited note" in first[0].read_text("utf-8")


def test_library_export_stops_when_progress_raises(tmp_path):
    lib = Library.open(None)
    lib.songs.add("Another", lyrics="x")

    def stop(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_library_markdown(lib, tmp_path, progress=stop)
    assert len(list(tmp_path.glob("*.md"))) == 1
    assert not list(tmp_path.glob(".*"))


# ------------------------------------------------------------ files lyricpad did not write

HAND_WRITTEN = {
    "plain text": "My own notes, typed by hand.\n",
    "front matter of its own": '---\ntitle: "Lanterns on the Water"\n---\n\nMine.\n',
    "another song's id": '---\nlyricpad_id: "00000000-0000-4000-8000-000000000000"\n---\n\nMine.\n',
}


def hand_write(path: Path, text: str) -> tuple[bytes, int]:
    """Write a file as a user would, dated in the past; returns what must stay: its bytes and time."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return path.read_bytes(), path.stat().st_mtime_ns


def untouched(path: Path, kept: tuple[bytes, int]) -> bool:
    return (path.read_bytes(), path.stat().st_mtime_ns) == kept


@pytest.mark.parametrize("text", HAND_WRITTEN.values(), ids=HAND_WRITTEN.keys())
def test_library_export_never_replaces_a_file_it_did_not_write(tmp_path, text):
    lib = Library.open(None)
    song = lib.songs.all()[0]
    own_name = "Lanterns on the Water - The Hollow Pines.md"
    kept = {name: hand_write(tmp_path / name, text) for name in (own_name, "index.md")}

    first = export_library_markdown(lib, tmp_path)

    other_name = f"Lanterns on the Water - The Hollow Pines ({song.id[:8]}).md"
    assert [p.name for p in first] == [other_name, "index (lyricpad).md"]
    assert all(untouched(tmp_path / name, kept[name]) for name in kept)
    assert f"]({quote(other_name)})" in first[1].read_text("utf-8")
    meta, _ = split_front_matter(first[0].read_text("utf-8"))
    assert meta["lyricpad_id"] == song.id

    lib.annotations.set_note(lib.annotations.for_song(song.id)[0].id, "edited note")
    second = export_library_markdown(lib, tmp_path)  # finds its own files again: no third copy

    assert second == first
    assert "edited note" in first[0].read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*kept, other_name, "index (lyricpad).md"])
    assert all(untouched(tmp_path / name, kept[name]) for name in kept)


def test_library_export_takes_the_next_free_name(tmp_path):
    lib = Library.open(None)
    song = lib.songs.all()[0]
    base = "Lanterns on the Water - The Hollow Pines"
    names = [f"{base}.md", f"{base} ({song.id[:8]}).md", "index.md", "index (lyricpad).md"]
    kept = {name: hand_write(tmp_path / name, "mine\n") for name in names}
    (tmp_path / "index (lyricpad) 2.md").mkdir()  # a folder takes a name too

    first = export_library_markdown(lib, tmp_path)
    second = export_library_markdown(lib, tmp_path)

    assert [p.name for p in first] == [f"{base} ({song.id[:8]}) 2.md", "index (lyricpad) 3.md"]
    assert second == first
    assert all(untouched(tmp_path / name, kept[name]) for name in kept)
    assert len(list(tmp_path.iterdir())) == 7


def test_an_index_lyricpad_wrote_is_replaced_wherever_it_is(tmp_path):
    lib = Library.open(None)
    hand_write(tmp_path / "index.md", "mine\n")
    (written_index,) = [p for p in export_library_markdown(lib, tmp_path) if p.name.startswith("index")]
    (tmp_path / "index.md").unlink()  # the hand-written index goes: lyricpad's stays where it is
    again = export_library_markdown(lib, tmp_path)
    assert again[-1] == written_index and not (tmp_path / "index.md").exists()


@pytest.mark.timeout(20)
def test_a_named_pipe_in_the_folder_is_never_opened(tmp_path):
    lib = Library.open(None)
    for name in ("x.md", "index.md", "Lanterns on the Water - The Hollow Pines.md"):
        os.mkfifo(tmp_path / name)  # opening one to read would wait for a writer for ever

    assert existing_song_files(tmp_path) == {}
    written = export_library_markdown(lib, tmp_path)

    assert [p.name for p in written] == [
        f"Lanterns on the Water - The Hollow Pines ({lib.songs.all()[0].id[:8]}).md",
        "index (lyricpad).md",
    ]
    assert all(stat.S_ISFIFO((tmp_path / name).stat().st_mode) for name in ("x.md", "index.md"))


def test_a_library_this_process_holds_in_the_folder_is_never_opened(tmp_path):
    # A library file named like a note: opening and closing it would drop SQLite's locks on it,
    # and another process closing the library would then take its -wal away under this one.
    held = Library.open(tmp_path / "songs.md")
    try:
        export_library_markdown(held, tmp_path)
        assert (tmp_path / "songs.md-wal").exists()
        script = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM songs').fetchall()"
        subprocess.run([sys.executable, "-c", script, str(tmp_path / "songs.md")], check=True, timeout=60)
        assert (tmp_path / "songs.md-wal").exists()
        held.songs.add("Written after the export", lyrics="a line")
        titles = subprocess.run(
            [sys.executable, "-m", "lyricpad", "--library", str(tmp_path / "songs.md"), "songs"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        assert "Written after the export" in titles
    finally:
        held.close()
