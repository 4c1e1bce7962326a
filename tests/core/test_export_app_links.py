"""Obsidian exports link back into lyricpad (lyricpad://song/ID#annotation-ID); blog exports do not.

The Markdown is parsed back with markdown-it and every link found is read with the app's own parser.
"""

import re

import pytest
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.app_links import AppLink, parse_app_link
from lyricpad.core.export import export_library_markdown, export_markdown
from lyricpad.core.export.post import render_post
from lyricpad.core.store import Library

PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
BLOCK_IDS = re.compile(r"^\^lp-([0-9a-f-]{36})$", re.MULTILINE)

OBSIDIAN = [
    {"profile": "obsidian"},
    {"profile": "obsidian", "group_by": "lens", "full_lyrics": True},
    {"profile": "obsidian", "study": True},
]
BLOG = [
    {"profile": "blog"},
    {"profile": "blog", "ids": True, "footnotes": True},
    {"profile": "blog", "group_by": "lens", "full_lyrics": True},
]


def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text[4 : text.index("\n---\n", 3)])


def app_links(text: str) -> list[tuple[AppLink, str, int]]:
    """Each lyricpad link of the Markdown as markdown-it reads it: (the link, its title, blockquote depth)."""
    found = []
    depth = 0
    for token in PARSER.parse(text):
        depth += {"blockquote_open": 1, "blockquote_close": -1}.get(token.type, 0)
        for child in token.children or []:
            href = child.attrGet("href") if child.type == "link_open" else None
            if href and href.startswith("lyricpad:"):
                found.append((parse_app_link(href), child.attrGet("title"), depth))
    return found


def demo_song_id(library: Library) -> str:
    return library.songs.all()[0].id


@pytest.mark.parametrize("options", OBSIDIAN)
def test_each_annotation_of_an_obsidian_note_links_back_to_itself(library, options):
    song_id = demo_song_id(library)
    text = export_markdown(library, song_id, **options)
    block_ids = BLOCK_IDS.findall(text)
    assert len(block_ids) >= 5  # the demo song's annotations, each a callout with its block id
    links = app_links(text)
    assert [link for link, _, _ in links] == [AppLink(song_id, a) for a in block_ids]
    assert all(title == "Open in lyricpad" and depth == 1 for _, title, depth in links)  # in its callout
    for annotation_id in block_ids:  # the library knows each: the link opens what it was written for
        assert library.annotations.get(annotation_id).song_id == song_id
    assert parse_app_link(front_matter(text)["lyricpad_url"]) == AppLink(song_id)


@pytest.mark.parametrize("options", BLOG)
def test_a_blog_export_has_no_lyricpad_links(library, options):
    text = export_markdown(library, demo_song_id(library), **options)
    assert "lyricpad:" not in text.replace("lyricpad:annotation", "")  # (the blog's id comments)
    assert "lyricpad_url" not in front_matter(text)


def test_a_note_of_several_songs_lists_each_songs_link(library):
    other = library.songs.add("Paper Boats", artist="Wren Alder", lyrics="one\ntwo")
    note_id = library.annotations.add(other.id, anchors_for_quote(other.lyrics, "two", 1), note="Hm.").id
    ids = [demo_song_id(library), other.id]
    text = export_markdown(library, ids, profile="obsidian")
    assert [parse_app_link(url) for url in front_matter(text)["lyricpad_urls"]] == [AppLink(i) for i in ids]
    assert AppLink(other.id, note_id) in [link for link, _, _ in app_links(text)]
    assert "lyricpad_urls" not in front_matter(export_markdown(library, ids, profile="blog"))


def test_a_vault_export_links_every_file_to_its_song(library, tmp_path):
    song_id = demo_song_id(library)
    written = export_library_markdown(library, tmp_path / "vault", profile="obsidian")
    song_file = next(p for p in written if front_matter(p.read_text("utf-8")).get("lyricpad_id") == song_id)
    text = song_file.read_text("utf-8")
    assert parse_app_link(front_matter(text)["lyricpad_url"]) == AppLink(song_id)
    assert len(app_links(text)) == len(BLOCK_IDS.findall(text)) > 0


@pytest.mark.parametrize(
    "name", ["Imagery [↗](https://example.org/x)", "a ] b", "[!quote] ](x", "`code` *x*"]
)
def test_a_lens_name_cannot_take_the_link_over(library, name):
    song_id = demo_song_id(library)
    lens = library.lenses.all()[0]
    library.lenses.update(lens.id, name=name)
    text = export_markdown(library, song_id, profile="obsidian")
    links = app_links(text)
    assert [link for link, _, _ in links] == [AppLink(song_id, a) for a in BLOCK_IDS.findall(text)]
    hrefs = [
        child.attrGet("href")
        for token in PARSER.parse(text)
        for child in token.children or []
        if child.type == "link_open"
    ]
    assert all(href.startswith("lyricpad://song/") for href in hrefs)  # the name's own "link" is text


# ---------------------------------------------------------------- a post


def article_of(library: Library) -> tuple[str, str]:
    """The demo song's article with its annotations, each given a note (only noted ones are written)."""
    song_id = demo_song_id(library)
    article = library.articles.for_song(song_id)[0]
    return song_id, article.id


@pytest.mark.parametrize("notes", ["inline", "footnotes"])
def test_each_note_of_an_obsidian_post_links_back_to_its_annotation(library, notes):
    song_id, article_id = article_of(library)
    text = render_post(library, article_id, profile="obsidian", notes=notes)
    noted = [
        a.id
        for a in library.annotations.for_song(song_id)
        if a.article_id == article_id and a.note.strip() and a.status == "anchored"
    ]
    assert noted
    links = app_links(text)
    assert sorted(link.annotation_id for link, _, _ in links) == sorted(noted)
    assert {link.song_id for link, _, _ in links} == {song_id}
    assert all(title == "Open in lyricpad" for _, title, _ in links)
    if notes == "inline":  # in the callout's title, the block id after it
        assert all(depth == 1 for _, _, depth in links)
        assert sorted(BLOCK_IDS.findall(text)) == sorted(noted)
    assert parse_app_link(front_matter(text)["lyricpad_url"]) == AppLink(song_id)


@pytest.mark.parametrize("notes", ["inline", "footnotes", "none"])
def test_a_blog_post_has_no_lyricpad_links(library, notes):
    _, article_id = article_of(library)
    text = render_post(library, article_id, notes=notes)
    assert "lyricpad://" not in text and "lyricpad_url" not in front_matter(text)
