"""The handout's HTML (core, no Qt): parsed back with html.parser, line by line, highlight by highlight."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from test_export_markdown import HOSTILE

from lyricpad.core.anchoring import anchor_for_lines, anchors_for_quote
from lyricpad.core.errors import InvalidValue
from lyricpad.core.export.handout import handout_html, note_html, tint
from lyricpad.core.markdown import rendered_text
from lyricpad.core.store import Library

VOID = {"br", "hr", "meta", "img", "input", "link"}


class Page(HTMLParser):
    """What a reader (and Qt) gets from the handout: elements, the lyric rows, tinted runs and numbers."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.stack: list[tuple[str, dict]] = []
        self.rows: list[tuple[str, str, str]] = []  # (number, class of the line's paragraph, its text)
        self.line: tuple[str, list[str], list[str]] | None = None  # the lyric line being read
        self.tinted: list[tuple[str, str]] = []  # (background colour, text)
        self.sups: list[str] = []
        self.texts: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in VOID:
            self.stack.append((tag, attrs))
        if tag == "p" and attrs.get("class") in ("l", "s"):
            self.line = (attrs["class"], [], [])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        if tag == "p" and self.line:
            kind, number, text = self.line
            self.rows.append(("".join(number).strip("\xa0"), kind, "".join(text)))
            self.line = None

    def handle_data(self, data):
        if any(tag == "sup" for tag, _ in self.stack):
            self.sups.append(data)  # a note's number: not part of the words it follows
            return
        self.texts.append(data)
        if self.line:
            # The number is the run of class "n" opening the paragraph; the words follow it.
            number = any(tag == "span" and attrs.get("class") == "n" for tag, attrs in self.stack)
            self.line[1 if number else 2].append(data)
        for tag, attrs in reversed(self.stack):
            match = re.search(r"background-color: (#[0-9a-f]{6})", attrs.get("style", ""))
            if tag == "span" and match:
                self.tinted.append((match[1], data))
                break

    @property
    def text(self) -> str:
        return "".join(self.texts)


def demo() -> tuple[Library, str]:
    lib = Library.open(None)
    return lib, lib.songs.all()[0].id


def song_with(lyrics: str, *, title="A Song", artist="Someone", lens=None, note="", tags=(), lines=(2, 2)):
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add(title, artist=artist, lyrics=lyrics)
    lens_id = lib.lenses.all()[0].id if lens is None else lib.lenses.add(lens, "#123456").id
    lib.annotations.add(song.id, [anchor_for_lines(lyrics, *lines)], lens_id=lens_id, note=note, tags=tags)
    return lib, song.id


def assert_inert(page: Page) -> None:
    """Nothing in the page runs, fetches or navigates anywhere but the web and mail."""
    tags = [tag for tag, _ in page.elements]
    for banned in (
        "script",
        "img",
        "iframe",
        "object",
        "embed",
        "link",
        "base",
        "form",
        "input",
        "svg",
        "math",
    ):
        assert banned not in tags
    assert tags.count("style") == 1  # the handout's own, in the head
    for tag, attrs in page.elements:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "src" not in attrs
        if "href" in attrs:
            assert re.match(r"(https?|mailto):", attrs["href"]), attrs["href"]


# ------------------------------------------------------------------ the lyrics


def test_every_lyric_line_has_its_number_and_its_spacing():
    lib, song_id = demo()
    lyrics = lib.songs.get(song_id).lyrics
    page = Page(handout_html(lib, song_id))
    expected = [(str(n), line) for n, line in enumerate(lyrics.split("\n"), 1) if line.strip()]
    assert [(number, text) for number, _, text in page.rows if number] == expected
    assert [text for number, _, text in page.rows if not number] == ["\xa0"] * lyrics.count("\n\n")
    # A chord line keeps its spaces (the paragraph is white-space: pre-wrap, in a monospace font).
    assert ("15", "G                D               Em") in expected
    headers = [text for _, kind, text in page.rows if kind == "s"]
    assert headers == [line for line in lyrics.split("\n") if line.startswith("[")]


def test_each_highlight_is_tinted_in_its_lens_colour_and_numbered_after_its_words():
    lib, song_id = demo()
    page = Page(handout_html(lib, song_id))
    anchored = [
        a for a in lib.annotations.for_song(song_id) if a.target == "lyrics" and a.status == "anchored"
    ]
    anchored.sort(key=lambda a: a.fragments[0].start)
    assert anchored
    for annotation in anchored:
        colour = tint(annotation.lens.colour)
        assert colour != annotation.lens.colour  # lightened for paper
        runs = "".join(text for c, text in page.tinted if c == colour)
        for fragment in annotation.fragments:
            assert fragment.quote.strip() in runs
    expected = [str(n) for n, a in enumerate(anchored, 1) for _ in a.fragments]
    assert sorted(page.sups, key=int) == sorted(expected, key=int)


def test_overlapping_highlights_mix_their_tints():
    lyrics = "[Verse]\nwords that overlap here"
    lib, song_id = song_with(lyrics, lines=(2, 2))
    second = lib.lenses.all()[1]
    lib.annotations.add(song_id, anchors_for_quote(lyrics, "overlap", 1), lens_id=second.id)
    page = Page(handout_html(lib, song_id))
    colours = {text: colour for colour, text in page.tinted}
    first = tint(lib.lenses.all()[0].colour)
    assert colours["words that "] == first
    assert colours["overlap"] not in (first, tint(second.colour))
    assert page.sups == ["2", "1"]  # "overlap" ends before the line does


# ------------------------------------------------------------------- the notes


def test_notes_are_numbered_with_their_place_lens_quote_and_note():
    lib, song_id = demo()
    html = handout_html(lib, song_id)
    page = Page(html)
    assert "Verse 1, line 2 · Imagery" in page.text
    assert "Chorus, lines 8, 22 and 35 · Structure" in page.text
    assert "“The harbour lights are folding up their wings,”" in page.text
    assert "<em>goes to sleep</em>" in html  # the note's Markdown, rendered
    assert "#personification #verse-1" in page.text
    # The article's notes only come with the article.
    assert "slant rhyme" not in page.text


def legend(page: Page) -> list[str]:
    text = page.text.split("Lenses:", 1)[1].split("Lyrics", 1)[0]
    return [name.strip() for name in text.split("\xa0") if name.strip()]


@pytest.mark.parametrize("with_article", [False, True])
def test_the_legend_lists_the_lenses_printed_in_their_order(with_article):
    lib, song_id = demo()
    article = lib.articles.for_song(song_id)[-1] if with_article else None
    page = Page(handout_html(lib, song_id, article_id=article.id if article else None))
    printed = [
        a
        for a in lib.annotations.for_song(song_id)
        if a.lens and (a.target == "lyrics" or (article and a.article_id == article.id))
    ]
    used = {a.lens.id for a in printed}
    names = [lens.name for lens in lib.lenses.all() if lens.id in used]
    assert legend(page) == names
    if not with_article:
        # The demo's article uses lenses its lyrics do not: without the article they are not listed.
        every = {a.lens.id for a in lib.annotations.for_song(song_id) if a.lens}
        assert used < every


def test_the_date_is_the_songs_last_change_and_the_output_is_stable():
    lib, song_id = demo()
    first = handout_html(lib, song_id)
    assert handout_html(lib, song_id) == first  # nothing changed: the same bytes
    annotation = lib.annotations.for_song(song_id)[0]
    lib.db.execute(
        "UPDATE annotations SET updated = '2031-02-03T04:05:06+00:00' WHERE id = ?", [annotation.id]
    )
    assert "Last changed 3 February 2031" in Page(handout_html(lib, song_id)).text


def test_the_article_follows_with_its_highlights_and_notes():
    lib, song_id = demo()
    article = lib.articles.for_song(song_id)[0]
    page = Page(handout_html(lib, song_id, article_id=article.id))
    assert article.title in page.text
    for paragraph in rendered_text(article.body).split("\n"):
        assert paragraph.replace("\n", " ") in page.text.replace("\n", " ")
    assert "Is water / thought, and really a slant rhyme" in page.text
    colours = {tint(a.lens.colour) for a in lib.annotations.for_song(song_id) if a.target == "article"}
    assert colours <= {colour for colour, _ in page.tinted}
    assert handout_html(lib, song_id, include_article=True) == handout_html(
        lib, song_id, article_id=article.id
    )


@pytest.mark.parametrize("first", ["# {title}", "## {title}!", "{title}\n====="])
def test_an_article_opening_with_its_title_prints_it_once(first):
    lib, song_id = demo()
    title = "Why the lantern never lands"
    body = first.format(title=title.upper() if "!" in first else title) + "\n\nThe lantern floats away."
    article = lib.articles.add(song_id, title, body=body)
    text = rendered_text(article.body)
    lib.annotations.add(
        song_id,
        anchors_for_quote(text, text.split()[1], 1),
        target="article",
        article_id=article.id,
        note="n",
    )
    html = handout_html(lib, song_id, article_id=article.id)
    page = Page(html)
    assert page.text.casefold().count(title.casefold()) == 2  # the heading, and the heading of its notes
    assert "The lantern floats away." in page.text
    # The highlight in the title is still drawn and numbered, now in the heading.
    heading = html.split("<hr />", 1)[1].split("</h2>", 1)[0]
    assert "background-color" in heading and "<sup>" in heading


def test_an_article_whose_first_heading_is_not_its_title_keeps_it():
    lib, song_id = demo()
    article = lib.articles.add(song_id, "A reading", body="# Part one\n\nWords.")
    page = Page(handout_html(lib, song_id, article_id=article.id))
    assert "A reading" in page.text and "Part one" in page.text


@pytest.mark.parametrize("paper", ["A4", "legal", ""])
def test_unknown_paper_is_refused(paper):
    lib, song_id = demo()
    with pytest.raises(InvalidValue, match="paper size"):
        handout_html(lib, song_id, paper=paper)


def test_an_article_of_another_song_is_refused():
    lib, song_id = demo()
    other = lib.songs.add("Other", lyrics="la")
    article = lib.articles.for_song(song_id)[0]
    with pytest.raises(InvalidValue, match="is not about"):
        handout_html(lib, other.id, article_id=article.id)


# --------------------------------------------------------------- hostile text


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("field", ["note", "title", "artist", "lyrics", "tag", "lens"])
def test_hostile_text_stays_inert(hostile, field):
    lyrics = f"[Verse]\n{hostile}\nsafe line" if field == "lyrics" else "[Verse]\nsafe line"
    options = {
        "title": hostile if field == "title" and hostile.strip("\x00").strip() else "A Song",
        "artist": hostile if field == "artist" else "Someone",
        "note": hostile if field == "note" else "a note",
        "tags": [hostile] if field == "tag" and hostile.strip("\x00").strip() else ["tag"],
        "lens": hostile if field == "lens" and hostile.strip("\x00").strip() else None,
    }
    lib, song_id = song_with(lyrics, lines=(2, 2), **options)
    html = handout_html(lib, song_id)
    page = Page(html)
    assert_inert(page)
    assert (
        lib.songs.get(song_id).title in page.text
    )  # as stored: titles lose control characters on the way in
    if field == "lyrics":
        for line in hostile.replace("\x00", "\\x00").split("\n"):
            assert line in page.text


def test_every_hostile_note_at_once_in_the_article_too():
    note = "\n\n".join(HOSTILE)
    lib, song_id = song_with("[Verse]\nsafe line", note=note)
    article = lib.articles.add(song_id, "Hostile <b>", body="\n\n".join(HOSTILE))
    text = rendered_text(article.body)
    lib.annotations.add(
        song_id, anchors_for_quote(text, "alert", 1), target="article", article_id=article.id, note=note
    )
    page = Page(handout_html(lib, song_id, article_id=article.id))
    assert_inert(page)
    assert "<script>alert(1)</script>" in page.text  # shown as the text it is


@pytest.mark.parametrize(
    ("note", "kept", "gone"),
    [
        ("[a](javascript:alert(1))", "a", "href"),
        ("[site](https://example.com)", 'href="https://example.com"', "javascript"),
        ("![cat](file:///etc/passwd)", "cat", "<img"),
        ("![cat](https://example.com/cat.png)", "cat", "<img"),
        ("# big", "<b>big</b>", "<h1"),
        ("<script>x</script>", "&lt;script&gt;", "<script"),
        ("bell \x07 here", "\\x07", "\x07"),
    ],
)
def test_note_markdown_becomes_safe_html(note, kept, gone):
    html = note_html(note)
    assert kept in html
    assert gone not in html
