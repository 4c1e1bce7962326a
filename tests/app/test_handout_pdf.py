"""The handout printed by Qt: real PDFs read back with pypdf, page by page."""

from __future__ import annotations

import io
import re
import unicodedata
from random import Random

import pytest
from pypdf import PdfReader

from lyricpad.app.handout import handout_pdf, write_handout
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.errors import InvalidValue
from lyricpad.core.export.files import ExportFailed
from lyricpad.core.export.handout import handout_html
from lyricpad.core.export.labels import places, sections
from lyricpad.core.store import Library

POINTS = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}
LONG_LINES = 300


def flat(text: str) -> str:
    """Text without its spaces and line breaks: a wrapped line reads the same, and pypdf guesses
    spaces from the glyphs' places (it sometimes sees one inside a word); ligatures (ﬁ) as letters."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def pages(data: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def long_song(lib: Library) -> tuple[str, list[str]]:
    """A 300-line song (sections, long lines that wrap, blank lines, highlights spread over it) and its
    lines as printed, each after its number."""
    lines = []
    for n in range(1, LONG_LINES + 1):
        if n % 25 == 1:
            lines.append(f"[Verse {n // 25 + 1}]")
        elif n % 25 == 0:
            lines.append("")
        elif n % 11 == 0:
            lines.append(
                f"Line {n:03d} keeps on walking past the harbour wall where nobody waits for the ferry"
            )
        else:
            lines.append(f"Line {n:03d} walks the long road home")
    song = lib.songs.add("A Long Song", artist="The Testers", lyrics="\n".join(lines))
    lens = lib.lenses.all()[0]
    for n in (2, 149, 299):
        lib.annotations.add(
            song.id, [anchor_for_lines(song.lyrics, n, n)], lens_id=lens.id, note=f"Note on {n}."
        )
    return song.id, [f"{n}{line}" for n, line in enumerate(lines, 1) if line.strip()]


WORDS = "pin coat window ember star harbour river gull road salt tide pier kettle lantern morning".split()


def seam_song(lib: Library) -> tuple[str, list[tuple[int, str]], list[str]]:
    """A 300-line song of ten-line sections with a long note every tenth line: enough different line
    heights (superscripts, blank lines, section headers) that many lines fall near a page's foot.
    Returns the song's id, its numbered lines and its notes."""
    random = Random(16)
    lines = []
    for n in range(1, LONG_LINES + 1):
        if n % 10 == 1:
            lines.append(f"[Verse {n // 10 + 1}]")
        elif n % 10 == 0:
            lines.append("")
        else:
            words = [random.choice(WORDS).capitalize(), *random.choices(WORDS, k=random.randint(3, 8))]
            lines.append(" ".join(words) + f" line{n}")
    song = lib.songs.add("A Seam Song", artist="The Testers", lyrics="\n".join(lines))
    lenses = lib.lenses.all()
    notes = []
    for k, n in enumerate(range(2, LONG_LINES, 10)):
        note = f"Note{k + 1:02d} " + " ".join(random.choices(WORDS, k=random.randint(10, 60))) + " end."
        lib.annotations.add(
            song.id,
            [anchor_for_lines(song.lyrics, n, n + k % 3)],
            lens_id=lenses[k % len(lenses)].id,
            note=note,
        )
        notes.append(note)
    return song.id, [(n, line) for n, line in enumerate(lines, 1) if line.strip()], notes


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_line_number_and_its_words_share_a_page(qapp, paper):
    lib = Library.open(None, seed_demo=False)
    song_id, lines, _ = seam_song(lib)
    found = pages(handout_pdf(handout_html(lib, song_id, paper=paper), paper=paper))
    for n, line in lines:
        # One page holds the number right before the words: a number left at a page's foot, its
        # words on the next page, reads "109" on one page and "Morning…" on the next: on none.
        on = [k for k, page in enumerate(found, 1) if flat(f"{n}{line}") in page]
        assert len(on) == 1, (n, line, on)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_note_card_or_a_heading_is_never_left_at_a_pages_foot(qapp, paper):
    lib = Library.open(None, seed_demo=False)
    song_id, lines, notes = seam_song(lib)
    song = lib.songs.get(song_id)
    found = pages(handout_pdf(handout_html(lib, song_id, paper=paper), paper=paper))
    where = sections(song.lyrics)
    cards = []
    for k, annotation in enumerate(
        sorted(lib.annotations.for_song(song_id), key=lambda a: a.fragments[0].start), 1
    ):
        label = places(where, [(f.line_start, f.line_end) for f in annotation.fragments])
        # The card reads: its number, its place and lens, its quote, its note: all on one page.
        card = flat(f"{k}{label[:1].upper()}{label[1:]}·{annotation.lens.name}")
        cards.append(card)
        on = [n for n, page in enumerate(found, 1) if card in page and flat(annotation.note) in page]
        assert len(on) == 1, (k, [n for n, page in enumerate(found, 1) if card in page])
    assert sum(flat("Notes") + cards[0] in page for page in found) == 1  # the heading with its first card
    for (n, line), (m, after) in zip(lines, lines[1:], strict=False):
        if line.startswith("[") and m == n + 1:  # a section header with the line after it
            assert sum(flat(f"{n}{line}{m}{after}") in page for page in found) == 1, line


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_section_header_stays_with_its_first_line(qapp, paper):
    lib = Library.open(None, seed_demo=False)
    # Every other line a header: whatever the page's length, some page would end on one.
    lines = [f"[Part {n // 2 + 1}]" if n % 2 == 0 else f"words of part {n // 2 + 1}" for n in range(240)]
    song = lib.songs.add("Headers", lyrics="\n".join(lines))
    found = pages(handout_pdf(handout_html(lib, song.id, paper=paper), paper=paper))
    assert len(found) > 2
    for n in range(1, len(lines), 2):
        header, line = lines[n - 1], lines[n]
        assert sum(flat(f"{n}{header}{n + 1}{line}") in page for page in found) == 1, header


def test_a_wrapped_lyric_line_hangs_under_its_words(qapp):
    lib = Library.open(None, seed_demo=False)
    song = lib.songs.add("Wide", lyrics="[Verse]\n" + "alpha " * 5 + "wrapped " * 30 + "omega\nshort")
    runs: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((text.strip(), tm[4] * cm[0] + cm[4]))  # the run's left edge, in points

    page = PdfReader(io.BytesIO(handout_pdf(handout_html(lib, song.id)))).pages[0]
    page.extract_text(visitor_text=visit)
    number = next(x for text, x in runs if text.strip("\xa0") == "2")
    words = next(x for text, x in runs if text.startswith("alpha"))
    wrapped = [x for text, x in runs if text.startswith("wrapped")]
    assert len(wrapped) >= 2  # the line did wrap
    assert words > number + 15  # the number's column
    assert all(abs(x - words) < 2 for x in wrapped), (number, words, wrapped)


def test_the_demo_handout_has_every_lyric_line_and_every_note(qapp):
    lib = Library.open(None)
    song = lib.songs.all()[0]
    article = lib.articles.for_song(song.id)[0]
    html = handout_html(lib, song.id, article_id=article.id)
    data = handout_pdf(html, title=song.title, footer=song.display_name)
    text = "".join(pages(data))
    for line in song.lyrics.split("\n"):
        if line.strip():
            assert flat(line) in text
    for annotation in lib.annotations.for_song(song.id):
        note = flat(annotation.note.replace("*", ""))  # emphasis is printed as italics
        assert note in text
    assert PdfReader(io.BytesIO(data)).metadata.title == song.title


def test_a_long_song_paginates_without_cutting_a_line(qapp):
    lib = Library.open(None, seed_demo=False)
    song_id, lines = long_song(lib)
    found = pages(handout_pdf(handout_html(lib, song_id), footer="A Long Song — The Testers"))
    assert len(found) > 1
    for n, page in enumerate(found, 1):
        assert f"{n}/{len(found)}ALongSong—TheTesters" in page, page[-60:]  # the footer of every page
    for line in lines:
        on = [n for n, page in enumerate(found, 1) if flat(line) in page]
        assert len(on) == 1, (line, on)  # whole on one page: a cut line would be on two, or on none
    for n in (2, 149, 299):
        assert sum(f"Noteon{n}." in page for page in found) == 1


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_paper_size_is_honoured(qapp, paper):
    lib = Library.open(None)
    song_id = lib.songs.all()[0].id
    reader = PdfReader(io.BytesIO(handout_pdf(handout_html(lib, song_id, paper=paper), paper=paper)))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width, height) == pytest.approx(POINTS[paper], abs=1)


def test_unknown_paper_is_refused(qapp):
    with pytest.raises(InvalidValue, match="paper size"):
        handout_pdf("<p>x</p>", paper="a3")


def test_write_handout_writes_pdf_or_html_by_the_name(qapp, tmp_path):
    lib = Library.open(None)
    song_id = lib.songs.all()[0].id
    html = handout_html(lib, song_id)
    pdf = write_handout(html, tmp_path / "out" / "handout.pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    page = write_handout(html, tmp_path / "handout.HTML")
    assert page.read_text(encoding="utf-8") == html
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_write_handout_never_writes_over_a_library(qapp, library_path):
    Library.open(library_path).close()
    before = library_path.read_bytes()
    with pytest.raises(ExportFailed, match=re.compile("sqlite|library|database", re.IGNORECASE)):
        write_handout("<p>x</p>", library_path)
    assert library_path.read_bytes() == before
