"""Scheme letters and syllable counts in the digest (Markdown) and the handout (HTML), parsed back.

The verses are hand-counted: every line of VERSE has 8 syllables and the scheme is ABAB; the
German lines have 9 each (Die Son-ne geht am A-bend un-ter). The Markdown is read back with
markdown-it, the handout with html.parser: the marks stay on their lines, whatever the profile.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.export import export_library_markdown, export_markdown
from lyricpad.core.export.handout import handout_html
from lyricpad.core.store import Library

VERSE = """[Verse 1]
The harbour lights are burning low
I walk the pier alone tonight
The tide is turning, soft and slow
And stars are scattered, cold and bright

[Chorus: All]
Carry me home
(carry me home)
G   C   D
Carry me home"""

NO_HEADERS = """I keep your letter by the door
and read it when the kettle sings

Carry me home, carry me home
over the water, over the stone

I keep your picture on the floor
and count the rain on silver strings

Carry me home, carry me home
over the water, over the stone"""

GERMAN = "Die Sonne geht am Abend unter\nund alle Vögel singen munter"
MARK = re.compile(r" ⟨(\d+)(?: · ([A-Z]{1,2}))?⟩$")
PARSER = MarkdownIt("commonmark")


@pytest.fixture
def lib():
    library = Library.open(None, seed_demo=False)
    yield library
    library.close()


def add_song(lib, lyrics: str, **fields) -> str:
    return lib.songs.add(fields.pop("title", "A Song"), artist="Someone", lyrics=lyrics, **fields).id


def lyrics_section(markdown: str, level: int = 2) -> list[tuple[str, object]]:
    """What a reader sees under the Lyrics heading: ("heading", name) and ("line", text) in order."""
    tokens = PARSER.parse(markdown)
    out: list[tuple[str, object]] = []
    inside = False
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            name = "".join(c.content for c in tokens[i + 1].children if c.type == "text")
            if token.tag == f"h{level}":
                inside = name == "Lyrics"
            elif inside:
                out.append(("heading", name))
        elif inside and token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            if token.content == "*No annotations.*":
                break
            line: list[str] = []
            for child in token.children:
                if child.type in ("hardbreak", "softbreak"):
                    out.append(("line", "".join(line)))
                    line = []
                elif child.type in ("text", "code_inline"):
                    line.append(child.content)
            out.append(("line", "".join(line)))
    return out


def marks(section: list[tuple[str, object]]) -> list[tuple[str, str | None, str | None]]:
    """(words, syllables, letter) of each line (None, None for a line without a mark)."""
    found = []
    for kind, text in section:
        if kind == "line":
            match = MARK.search(text)
            words = text[: match.start()] if match else text
            found.append((words.replace("\xa0", " "), *(match.groups() if match else (None, None))))
    return found


def test_the_digest_shows_each_lines_count_and_letter_under_its_section(lib):
    song_id = add_song(lib, VERSE)
    section = lyrics_section(export_markdown(lib, song_id, study=True))
    assert [text for kind, text in section if kind == "heading"] == ["Verse 1", "Chorus: All"]
    assert marks(section) == [
        ("The harbour lights are burning low", "8", "A"),
        ("I walk the pier alone tonight", "8", "B"),
        ("The tide is turning, soft and slow", "8", "A"),
        ("And stars are scattered, cold and bright", "8", "B"),
        ("Carry me home", "4", "A"),
        ("(carry me home)", "4", None),  # backing vocals: counted, out of the rhyme scheme
        ("G   C   D", None, None),  # a chord line: its spacing kept, no mark
        ("Carry me home", "4", "A"),
    ]
    # The header lines became the headings: "[Verse 1]" is not printed as a line too.
    assert not any("[" in text for kind, text in section if kind == "line" and "carry" not in text)


CHORDS = """[Verse]
G                D               Em
The pier is patient, planks worn into grey,
   Am      C
  your footprints fading
plain words after"""


def test_chords_stay_over_their_words_once_rendered(lib):
    song_id = add_song(lib, CHORDS)
    lib.annotations.add(song_id, [anchor_for_lines(CHORDS, 3, 3)], note="grey")
    html = PARSER.render(export_markdown(lib, song_id, study=True))
    lyrics = html.split("<h3>Verse</h3>")[1]
    # The chord lines and the lines under them are in one monospaced font (code), their spaces kept:
    # a browser collapses runs of ordinary spaces, even in code, but not non-breaking ones.
    code = [re.sub(r"<[^>]+>", "", part) for part in re.findall(r"<code>(.*?)</code>", lyrics)]
    assert [text.replace("\xa0", " ") for text in code] == CHORDS.split("\n")[1:5]
    assert all(" " not in text for text in code)
    chords, words = code[0], code[1]
    for chord, under in (("D", "n"), ("Em", "i")):  # "patieNt", "Into": the letters under them as typed
        assert words[chords.index(chord)] == under
    assert "<strong><code>The\xa0pier" in lyrics  # the highlighted line under the chords is still marked
    assert "plain words after ⟨" in lyrics and "<code>plain" not in lyrics  # other lines: as before


def test_off_by_default_and_off_is_the_export_it_was(lib):
    song_id = add_song(lib, VERSE)
    plain = export_markdown(lib, song_id, full_lyrics=True)
    assert export_markdown(lib, song_id, full_lyrics=True, study=False) == plain
    assert "⟨" not in plain and "\\[Verse 1\\]" in plain
    assert "## Lyrics" not in export_markdown(lib, song_id)  # without either option, no lyrics
    html = handout_html(lib, song_id)
    assert handout_html(lib, song_id, study=False) == html
    assert "⟨" not in html and ".m {" not in html


def test_study_alone_writes_the_full_lyrics_with_the_notes_after(lib):
    song_id = add_song(lib, VERSE)
    text = export_markdown(lib, song_id, study=True)
    assert text.count("## Lyrics\n") == 1 and "### Verse 1" in text


def test_highlighted_lines_keep_their_mark_and_their_count(lib):
    song_id = add_song(lib, VERSE)
    lens = lib.lenses.all()[0] if lib.lenses.all() else lib.lenses.add("Imagery", "#2a9d8f")
    lib.annotations.add(song_id, [anchor_for_lines(VERSE, 3, 3)], lens_id=lens.id, note="Alone.")
    for profile, strong in (("blog", "strong_open"), ("obsidian", None)):
        text = export_markdown(lib, song_id, study=True, profile=profile)
        words, count, letter = marks(lyrics_section(text))[1]
        assert (words.strip("="), count, letter) == ("I walk the pier alone tonight", "8", "B")
        if strong:  # the highlighted words are bold, the mark after them is not
            inline = next(t for t in PARSER.parse(text) if t.type == "inline" and "pier" in t.content)
            kinds = [c.type for c in inline.children]
            at = [c.content for c in inline.children].index("I walk the pier alone tonight")
            assert kinds[at - 1] == strong and inline.children[at + 2].content == " ⟨8 · B⟩"
        else:
            assert "==I walk the pier alone tonight== ⟨8 · B⟩  \n" in text


def test_corrections_are_shown_like_computed_values(lib):
    song_id = add_song(lib, VERSE)
    lib.corrections.set(song_id, 3, "syllables", 9)
    lib.corrections.set(song_id, 5, "rhyme", "c")
    lib.corrections.set(song_id, 4, "section", "Turn")  # a user's boundary: a section of its own
    section = lyrics_section(export_markdown(lib, song_id, study=True))
    assert [text for kind, text in section if kind == "heading"] == ["Verse 1", "Turn", "Chorus: All"]
    found = marks(section)
    assert found[1] == ("I walk the pier alone tonight", "9", "B")
    assert found[3] == ("And stars are scattered, cold and bright", "8", "C")
    html = Page(handout_html(lib, song_id, study=True))
    assert html.row(3) == ("I walk the pier alone tonight", "⟨9 · B⟩")
    assert html.row(5) == ("And stars are scattered, cold and bright", "⟨8 · C⟩")
    assert ("", "Turn") in html.labels  # an unnumbered label before line 4


def test_a_correction_whose_line_changed_is_not_applied(lib):
    song_id = add_song(lib, VERSE)
    lib.corrections.set(song_id, 3, "syllables", 9)
    lib.songs.update(song_id, lyrics=VERSE.replace("I walk the pier", "We walk the pier"))
    found = marks(lyrics_section(export_markdown(lib, song_id, study=True)))
    assert found[1] == ("We walk the pier alone tonight", "8", "B")


def test_sections_found_without_headers_are_named(lib):
    song_id = add_song(lib, NO_HEADERS)
    section = lyrics_section(export_markdown(lib, song_id, study=True))
    assert [text for kind, text in section if kind == "heading"] == ["Verse 1", "Chorus", "Verse 2", "Chorus"]
    found = marks(section)
    assert [(count, letter) for _, count, letter in found[:2]] == [("8", "A"), ("8", "B")]
    assert found[2][0] == "Carry me home, carry me home" and found[2][1] == "8"
    page = Page(handout_html(lib, song_id, study=True))
    assert [name for _, name in page.labels] == ["Verse 1", "Chorus", "Verse 2", "Chorus"]
    assert [number for number, _, _ in page.rows if number][:3] == ["1", "2", "4"]  # numbering unchanged


@pytest.mark.parametrize("language", ["de", "German"])
def test_the_songs_language_counts_its_syllables(lib, language):
    song_id = add_song(lib, GERMAN, language=language)
    found = marks(lyrics_section(export_markdown(lib, song_id, study=True)))
    assert found == [
        ("Die Sonne geht am Abend unter", "9", "A"),
        ("und alle Vögel singen munter", "9", "A"),
    ]


def test_an_unknown_language_never_stops_an_export(lib):
    song_id = add_song(lib, GERMAN, language="Klingon")
    found = marks(lyrics_section(export_markdown(lib, song_id, study=True)))
    assert [letter for _, _, letter in found] == ["A", "A"]


def test_several_songs_put_sections_one_level_down(lib):
    ids = [add_song(lib, VERSE, title="One"), add_song(lib, GERMAN, title="Two", language="de")]
    text = export_markdown(lib, ids, study=True)
    assert text.count("\n#### Verse 1\n") == 2 and text.count("\n### Lyrics\n") == 2  # "Two" has none: found
    assert marks(lyrics_section(text.split("\n## Two\n")[1], level=3))[0][1] == "9"


def test_a_folder_export_has_the_marks_in_each_file(lib, tmp_path):
    add_song(lib, VERSE)
    written = export_library_markdown(lib, tmp_path, study=True, profile="obsidian")
    found = marks(lyrics_section(written[0].read_text(encoding="utf-8")))
    assert [(c, letter) for _, c, letter in found[:4]] == [("8", "A"), ("8", "B"), ("8", "A"), ("8", "B")]


def test_a_hostile_section_name_stays_a_heading_and_no_words_are_lost(lib):
    song_id = add_song(lib, "[Bridge: <b>x</b>]\n[*Hook* # `1` ](x)\nThe tide is turning\n")
    text = export_markdown(lib, song_id, study=True).split("## Lyrics")[1].split("*No annotations.*")[0]
    tokens = PARSER.parse(text)
    assert not any(t.type == "html_block" for t in tokens)
    for t in tokens:
        if t.type == "inline":
            assert not any(c.type in ("html_inline", "code_inline", "em_open") for c in t.children)
    section = lyrics_section("## Lyrics" + text)
    assert [name for kind, name in section if kind == "heading"] == ["Bridge: <b>x</b>", "*Hook* # `1`"]
    # A header with words after it heads its section and is printed too: "(x)" is backing vocals.
    assert marks(section) == [("[*Hook* # `1` ](x)", "1", None), ("The tide is turning", "5", "A")]


# ----------------------------------------------------------------- the handout


class Page(HTMLParser):
    """The handout's lyric rows: (number, words, mark) and the unnumbered section labels."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.rows: list[tuple[str, str, str]] = []
        self.labels: list[tuple[str, str]] = []
        self.current: dict[str, list[str]] | None = None
        self.styles = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p" and attrs.get("class") in ("l", "s"):
            self.current = {"n": [], "m": [], "w": [], "i": []}
        self.stack.append(attrs.get("class") or tag)

    def handle_endtag(self, tag):
        self.stack.pop()
        if tag == "p" and self.current is not None:
            number = "".join(self.current["n"]).strip("\xa0")
            words = "".join(self.current["w"])
            if not number and self.current["i"]:
                self.labels.append((number, "".join(self.current["i"])))
            else:
                self.rows.append((number, words, "".join(self.current["m"]).strip("\xa0")))
            self.current = None

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            self.styles += data
        if self.current is None or "sup" in self.stack:
            return
        kind = "n" if "n" in self.stack else "m" if "m" in self.stack else "i" if "i" in self.stack else "w"
        self.current[kind].append(data)

    def row(self, number: int) -> tuple[str, str]:
        found = [(words, mark) for n, words, mark in self.rows if n == str(number)]
        assert len(found) == 1
        return found[0]


def test_the_handout_ends_each_lyric_line_with_its_mark(lib):
    song_id = add_song(lib, VERSE)
    page = Page(handout_html(lib, song_id, study=True))
    assert [page.row(n) for n in range(1, 6)] == [
        ("[Verse 1]", ""),  # the header prints as it always did: the section's name
        ("The harbour lights are burning low", "⟨8 · A⟩"),
        ("I walk the pier alone tonight", "⟨8 · B⟩"),
        ("The tide is turning, soft and slow", "⟨8 · A⟩"),
        ("And stars are scattered, cold and bright", "⟨8 · B⟩"),
    ]
    assert page.row(9) == ("(carry me home)", "⟨4⟩") and page.row(10) == ("G   C   D", "")
    assert page.labels == []  # every section has its header
    assert ".m {" in page.styles


def test_the_handouts_highlights_and_note_numbers_stay_before_the_mark(lib):
    song_id = add_song(lib, VERSE)
    lib.annotations.add(song_id, [anchor_for_lines(VERSE, 2, 2)], note="Low light.")
    html = handout_html(lib, song_id, study=True)
    line = next(row for row in html.splitlines() if "harbour" in row)
    assert line.index("background-color") < line.index("<sup>") < line.index('class="m"')
    assert Page(html).row(2) == ("The harbour lights are burning low", "⟨8 · A⟩")
