"""Markdown export of quote links (issue 15): annotations name the lines an article quotes and where
lyrics are quoted; parsed back with markdown-it, hostile titles kept inert."""

import functools

import pytest
from markdown_it.tree import SyntaxTreeNode
from test_export_markdown import FOOTNOTE_PARSER, HOSTILE, PARSER, assert_inert, split_front_matter, top_level

from lyricpad.core.anchoring import anchor_for_lines, anchors_for_quote
from lyricpad.core.export import export_markdown, labels
from lyricpad.core.export.mentions import mention
from lyricpad.core.store import Library

LYRICS = """[Verse]
Paper boats on a Monday river,
we fold the week in two.
Paper boats on a Monday river,
the ink runs into blue.

[Outro]
blue, blue."""

FOLDING = """Its singer says we fold the week in two, a chore of a line, and later the ink
runs into blue.

Nothing else here is a quotation.
"""
OPTIONS = [  # the blog's id comments say which annotation each mention follows
    {"profile": "blog", "ids": True},
    {"profile": "blog", "footnotes": True, "ids": True},
    {"profile": "blog", "group_by": "lens", "full_lyrics": True, "ids": True},
    {"profile": "obsidian"},
    {"profile": "obsidian", "group_by": "lens", "full_lyrics": True},
]


BLOG = OPTIONS[0]
UNNOTED = [o for o in OPTIONS if not o.get("footnotes")]


def user_link(lib, article_id: str, words: str, first: int, last: int):
    text = lib.annotations.target_text(lib.articles.get(article_id).song_id, "article", article_id)
    start = text.index(words)
    return lib.links.link(article_id, start, start + len(words), first, last)


def article_note(lib, song_id: str, article_id: str, words: str, note: str):
    text = lib.annotations.target_text(song_id, "article", article_id)
    return lib.annotations.add(
        song_id, anchors_for_quote(text, words, 1), target="article", article_id=article_id, note=note
    )


def boats(*, title: str = "Folding", second_title: str = "Second look"):
    """A song whose lines 3 and 5 are quoted (by hand-made links, not detection), with annotations
    on quoted and unquoted words of the lyrics and of the article."""
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("Paper Boats", artist="The Folds", lyrics=LYRICS)
    folding = lib.articles.add(song.id, title, FOLDING)
    second = lib.articles.add(song.id, second_title, "They fold the week in two as well.")
    user_link(lib, folding.id, "we fold the week in two", 3, 3)
    user_link(lib, folding.id, "the ink runs into blue", 5, 5)
    user_link(lib, second.id, "fold the week in two", 3, 3)
    ids = {
        "line 3": lib.annotations.add(song.id, [anchor_for_lines(LYRICS, 3, 3)], note="quoted line").id,
        "line 8": lib.annotations.add(song.id, [anchor_for_lines(LYRICS, 8, 8)], note="unquoted line").id,
        "lines 2-5": lib.annotations.add(song.id, [anchor_for_lines(LYRICS, 2, 5)], note="verse").id,
        "on quote": article_note(lib, song.id, folding.id, "singer says we fold", "overlaps").id,
        "two quotes": article_note(
            lib, song.id, folding.id, "in two, a chore of a line, and later the", "both"
        ).id,
        "prose": article_note(lib, song.id, folding.id, "Nothing else", "prose only").id,
    }
    return lib, song.id, ids


def inline_text(node) -> str:
    parts = []
    for child in node.children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.children:
            parts.append(inline_text(child))
        else:
            parts.append(child.content)
    return "".join(parts)


def link_mentions(text: str, options: dict) -> dict[str, list[str]]:
    """Annotation id -> the paragraphs of its annotation (its quote left out) that speak of quote links.

    Obsidian: the paragraphs of the callout the block id follows; blog (exported with ids): the
    paragraphs after the id comment and its quote, up to the next comment or heading."""
    parser = FOOTNOTE_PARSER if options.get("footnotes") else PARSER
    nodes = SyntaxTreeNode(parser.parse(split_front_matter(text)[1])).children
    found: dict[str, list[str]] = {}
    for n, node in enumerate(nodes):
        if options["profile"] == "obsidian" and node.type == "blockquote":
            annotation_id = inline_text(nodes[n + 1].children[0]).removeprefix("^lp-")
            paragraphs = [inline_text(p.children[0]) for p in node.children if p.type == "paragraph"]
        elif options["profile"] == "blog" and node.type == "html_block":
            annotation_id = node.content.split()[2]
            assert nodes[n + 1].type == "blockquote"  # one level: the words quoted, nothing else
            assert [c.type for c in nodes[n + 1].children] == ["paragraph"]
            paragraphs = []
            for after in nodes[n + 2 :]:
                if after.type in ("html_block", "heading", "footnote_block"):
                    break
                if after.type == "paragraph":
                    paragraphs.append(inline_text(after.children[0]))
        else:
            continue
        found[annotation_id] = [p for p in paragraphs if p.startswith(("Quotes ", "Quoted in "))]
    return found


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: "-".join(str(v) for v in o.values()))
def test_annotations_name_the_quoted_lines_and_the_quoting_articles(options):
    lib, song_id, ids = boats()
    text = export_markdown(lib, song_id, **options)
    found = link_mentions(text, options)
    assert set(found) == set(ids.values())
    assert found[ids["line 3"]] == ["Quoted in “Folding” and “Second look”."]
    assert found[ids["lines 2-5"]] == ["Quoted in “Folding” and “Second look”."]
    assert found[ids["line 8"]] == []
    assert found[ids["on quote"]] == ["Quotes the lyrics: verse, line 3."]
    assert found[ids["two quotes"]] == ["Quotes the lyrics: verse, lines 3 and 5."]
    assert found[ids["prose"]] == []
    assert_inert(text, 6, FOOTNOTE_PARSER if options.get("footnotes") else PARSER)


def test_runs_of_lines_are_joined_and_articles_named_in_order():
    lib, song_id, ids = boats()
    article_id = lib.articles.for_song(song_id)[0].id
    user_link(lib, article_id, "a chore of a line", 4, 5)
    annotation = lib.annotations.get(ids["two quotes"])
    links = lib.links.for_song(song_id)
    titles = {a.id: a.title for a in lib.articles.for_song(song_id)}
    assert mention(annotation, links, titles) == "Quotes the lyrics: lines 3–5."
    sections = labels.sections(LYRICS)
    assert mention(annotation, links, titles, sections) == "Quotes the lyrics: verse, lines 3–5."
    assert (
        mention(lib.annotations.get(ids["line 3"]), links, titles) == "Quoted in “Folding” and “Second look”."
    )
    third = lib.articles.add(song_id, "", "fold the week in two, again")
    user_link(lib, third.id, "fold the week in two", 3, 3)
    titles[third.id] = ""
    links = lib.links.for_song(song_id)
    expected = "Quoted in “Folding”, “Second look” and an untitled article."
    assert mention(lib.annotations.get(ids["line 3"]), links, titles) == expected


def test_an_unlinked_quotation_is_no_longer_mentioned():
    lib, song_id, ids = boats()
    for link in lib.links.for_song(song_id):
        lib.links.unlink(link.id)
    found = link_mentions(export_markdown(lib, song_id, ids=True), BLOG)
    assert all(paragraphs == [] for paragraphs in found.values())


def test_an_annotation_that_lost_its_words_names_no_quotation():
    lib, song_id, ids = boats()
    folding = lib.articles.for_song(song_id)[0]
    lib.articles.update(folding.id, body=FOLDING.replace("singer says", "writer claims"))
    annotation = lib.annotations.get(ids["on quote"])
    assert annotation.status != "anchored"
    found = link_mentions(export_markdown(lib, song_id, ids=True), BLOG)
    assert found[ids["on quote"]] == []


@functools.cache
def plain_structure(options: tuple) -> list[str]:
    lib, song_id, _ = boats()
    return top_level(export_markdown(lib, song_id, **dict(options)))


@pytest.mark.parametrize("options", UNNOTED, ids=lambda o: "-".join(str(v) for v in o.values()))
@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_article_title_in_a_mention_stays_text(hostile, options):
    lib, song_id, ids = boats(second_title=hostile)
    text = export_markdown(lib, song_id, **options)
    assert top_level(text) == plain_structure(tuple(options.items()))
    assert_inert(text, 6)
    title = lib.articles.for_song(song_id)[1].title
    shown = f"“{' '.join(title.split())}”" if title else "an untitled article"
    assert link_mentions(text, options)[ids["line 3"]] == [f"Quoted in “Folding” and {shown}."]


def test_the_demo_articles_quotations_are_named_in_the_export():
    lib = Library.open(None)
    song = lib.songs.all()[0]
    bridge = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 29, 30)], note="the argument").id
    links = lib.links.for_song(song.id)
    assert {29, 30} <= {n for link in links for n in link.lines}  # the article's block quote of the bridge
    found = link_mentions(export_markdown(lib, song.id, ids=True), BLOG)
    assert found[bridge] == ["Quoted in “Lanterns on the Water: a close reading”."]
    for annotation in lib.annotations.for_song(song.id):  # the others: named when detection links them
        if annotation.target == "lyrics":
            lines = {n for f in annotation.fragments for n in range(f.line_start, f.line_end + 1)}
            quoted = any(lines & set(link.lines) for link in links)
        else:
            quoted = any(f.start < k.end and k.start < f.end for f in annotation.fragments for k in links)
        assert bool(found[annotation.id]) == quoted, annotation
