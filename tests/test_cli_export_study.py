"""CLI: `lyricpad export --study` and `lyricpad handout --study`, read back with markdown-it, html.parser and pypdf.

The song's verse is hand-counted: 8 syllables a line, rhymes ABAB.
"""

import io
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from cli_testing import data_dump
from markdown_it import MarkdownIt
from pypdf import PdfReader

from lyricpad.core.store import Library

LYRICS = """[Verse 1]
The harbour lights are burning low
I walk the pier alone tonight
The tide is turning, soft and slow
And stars are scattered, cold and bright"""
TITLE = "Harbour Study"
EXPECTED = [
    ("The harbour lights are burning low", "8", "A"),
    ("I walk the pier alone tonight", "8", "B"),
    ("The tide is turning, soft and slow", "8", "A"),
    ("And stars are scattered, cold and bright", "8", "B"),
]
MARK = re.compile(r"^(.*) ⟨(\d+) · ([A-Z])⟩$")


@pytest.fixture
def song(library_path):
    with Library.open(library_path, seed_demo=False) as lib:
        song = lib.songs.add(TITLE, artist="Someone", lyrics=LYRICS)
        lib.corrections.set(song.id, 5, "syllables", 9)  # the user's count wins over the computed 8
    return library_path


def lyric_lines(markdown: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The section headings and the (words, syllables, letter) of each marked line, as a reader gets them."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    headings, lines = [], []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h3":
            headings.append(tokens[i + 1].content)
        if token.type == "inline":
            found = [MARK.match(c.content) for c in token.children if c.type == "text"]
            lines += [match.groups() for match in found if match]
            if any(found):  # marked lines: one stanza, a hard break after each line, nothing else
                assert {c.type for c in token.children} == {"text", "hardbreak"}
    return headings, lines


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join(
        "".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages
    )


def test_export_study_writes_the_marks_on_their_lines(cli, song):
    code, out, err = cli("export", TITLE, "--study")
    assert (code, err) == (0, "")
    headings, lines = lyric_lines(out)
    assert headings == ["Verse 1"]
    assert lines == [
        EXPECTED[0],
        EXPECTED[1],
        EXPECTED[2],
        ("And stars are scattered, cold and bright", "9", "B"),
    ]


def test_export_without_study_is_unchanged(cli, song):
    code, plain, _ = cli("export", TITLE, "--full-lyrics")
    assert code == 0 and "⟨" not in plain and "### Verse 1" not in plain
    assert lyric_lines(plain) == ([], [])


def test_export_study_to_a_folder_and_in_obsidian(cli, song, tmp_path):
    folder = tmp_path / "vault"
    code, _, err = cli("export", "--all", "--study", "--profile", "obsidian", "-o", f"{folder}/")
    assert (code, err) == (0, "")
    (note,) = [p for p in folder.iterdir() if p.name != "index.md"]
    text = note.read_text(encoding="utf-8")
    assert "I walk the pier alone tonight ⟨8 · B⟩  \n" in text  # Obsidian's hard break: two spaces
    assert lyric_lines(text)[1][:3] == EXPECTED[:3]


@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_study_goes_with_markdown_only(cli, song, fmt):
    before = data_dump(song)
    code, out, err = cli("export", "--all", "--format", fmt, "--study")
    assert code == 1 and out == ""
    assert "--study go with --format markdown" in err
    assert data_dump(song) == before


class Rows(HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.rows, self.row, self.classes = [], None, []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class", "")
        self.classes.append(cls)
        if tag == "p" and cls == "l":
            self.row = {"n": "", "m": "", "w": ""}

    def handle_endtag(self, tag):
        self.classes.pop()
        if tag == "p" and self.row is not None:
            self.rows.append((self.row["n"].strip("\xa0"), self.row["w"], self.row["m"].strip("\xa0")))
            self.row = None

    def handle_data(self, data):
        if self.row is not None:
            self.row["n" if "n" in self.classes else "m" if "m" in self.classes else "w"] += data


def test_handout_study_as_html(cli, song, tmp_path):
    target = tmp_path / "h.html"
    code, _, err = cli("handout", TITLE, "--study", "-o", target)
    assert (code, err) == (0, "")
    rows = [row for row in Rows(target.read_text(encoding="utf-8")).rows if row[0]]
    assert rows == [
        ("2", "The harbour lights are burning low", "⟨8 · A⟩"),
        ("3", "I walk the pier alone tonight", "⟨8 · B⟩"),
        ("4", "The tide is turning, soft and slow", "⟨8 · A⟩"),
        ("5", "And stars are scattered, cold and bright", "⟨9 · B⟩"),
    ]


def test_handout_study_as_pdf(cli, song, tmp_path):
    marked, plain = tmp_path / "marked.pdf", tmp_path / "plain.pdf"
    assert cli("handout", TITLE, "--study", "-o", marked)[0] == 0
    assert cli("handout", TITLE, "-o", plain)[0] == 0
    text = pdf_text(marked)
    for number, (words, count, letter) in enumerate(EXPECTED[:3], 2):
        assert f"{number}{words.replace(' ', '')}⟨{count}·{letter}⟩" in text
    assert "4Thetideisturning,softandslow⟨8·A⟩5Andstarsarescattered,coldandbright⟨9·B⟩" in text
    assert "⟨" not in pdf_text(plain) and "Theharbourlightsareburninglow" in pdf_text(plain)
