"""The "Scheme letters and syllable counts" option: in File > Export (preview and file) and on the
handout (File menu, PDF read back with pypdf); off by default, remembered.

The demo song's first verse (lines 2-5) has 10 syllables a line, hand-counted, rhyming ABAB
(wings, boats, sings, quotes); line 5's count is set by a correction, as a student would.
"""

import io
import re
import unicodedata

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from lyricpad.app.exporting import ExportOptions
from lyricpad.app.handout_options import HandoutOptions
from lyricpad.app.session import Session
from lyricpad.core.export import export_markdown
from lyricpad.core.store import Library
from lyricpad.gui.export_dialog import ExportDialog

VERSE = [
    ("The harbour lights are folding up their wings,", "10", "A"),
    ("the gulls have gone to count the silent boats.", "10", "B"),
    ("I keep your letter where the kettle sings,", "10", "A"),
    ("and read it twice for every word it quotes.", "10", "B"),
]
MARK = re.compile(r"^(.*) ⟨(\d+) · ([A-Z])⟩$")


@pytest.fixture
def corrected(demo_path):
    with Library.open(demo_path) as lib:
        song = lib.songs.all()[0]
        lib.corrections.set(song.id, 5, "syllables", 10)  # "ev-ery": two syllables, as sung
    return demo_path


@pytest.fixture
def session(corrected):
    session = Session(Library.open(corrected))
    session.select_song(session.songs()[0].id)
    yield session
    session.close()


@pytest.fixture
def dialog(qtbot, session):
    dialog = ExportDialog(session, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()
    dialog._exporter.wait()


def verse_marks(markdown: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The section headings under Lyrics and the first verse's (words, syllables, letter), as parsed."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    headings = [
        tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h3"
    ]
    for token in tokens:
        if token.type == "inline" and "harbour lights" in token.content and "⟨" in token.content:
            lines, line = [], []
            for child in token.children:
                if child.type == "hardbreak":
                    lines.append("".join(line))
                    line = []
                elif child.type == "text":
                    line.append(child.content)
            lines.append("".join(line))
            return headings, [MARK.match(text).groups() for text in lines]
    return headings, []


def wait_preview(qtbot, dialog, expected: str) -> None:
    shown = expected.replace("\u00a0", " ")
    qtbot.waitUntil(lambda: dialog.preview.toPlainText() == shown, timeout=5000)
    assert dialog.preview_text() == expected


def test_off_by_default_then_the_preview_shows_the_marks(qtbot, dialog, session):
    library = session._library
    song_id = session.current_song_id
    check = dialog.options_panel.study_check
    assert check.text() == "S&cheme letters and syllable counts"
    assert not check.isChecked() and check.isEnabled() and not ExportOptions().study
    wait_preview(qtbot, dialog, export_markdown(library, song_id))
    assert "⟨" not in dialog.preview_text()

    check.setChecked(True)
    wait_preview(qtbot, dialog, export_markdown(library, song_id, study=True))
    headings, verse = verse_marks(dialog.preview_text())
    assert headings[:3] == ["Verse 1", "Chorus", "Verse 2"]
    assert verse == VERSE  # line 5 shows the user's 10, not the computed 11

    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    assert not check.isEnabled()  # a Markdown option
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("markdown"))
    assert check.isEnabled() and check.isChecked()
    again = ExportDialog(session, None)
    qtbot.addWidget(again)
    assert again.options_panel.study_check.isChecked() and again.options().study  # remembered


def test_save_writes_the_marks_to_the_file(qtbot, dialog, tmp_path):
    dialog.options_panel.study_check.setChecked(True)
    target = tmp_path / "song.md"
    dialog.ask_save_path = lambda suggested, file_filter: target
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.save()
    assert verse_marks(target.read_text(encoding="utf-8"))[1] == VERSE


# ------------------------------------------------------------------ the handout


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "".join(
        "".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages
    )


@pytest.fixture
def window(open_window, corrected):
    return open_window(corrected)


def test_the_handout_option_is_in_the_file_menu_and_prints_the_marks(window, tmp_path, monkeypatch):
    action = window.handout.study_action
    menu = window.menuBar().actions()[0].menu().actions()
    assert action in menu and action.isCheckable() and not action.isChecked()
    assert menu.index(action) == menu.index(window.handout.save_pdf_action) + 1
    path = {"next": tmp_path / "plain.pdf"}
    monkeypatch.setattr(window.handout, "ask_save_path", lambda suggested: path["next"])
    window.handout.save_pdf_action.trigger()
    plain = pdf_text((tmp_path / "plain.pdf").read_bytes())
    assert "Theharbourlightsarefoldinguptheirwings," in plain and "⟨" not in plain

    action.trigger()
    assert action.isChecked() and HandoutOptions.load().study  # remembered
    path["next"] = tmp_path / "marked.pdf"
    window.handout.save_pdf_action.trigger()
    text = pdf_text((tmp_path / "marked.pdf").read_bytes())
    for number, (words, count, letter) in enumerate(VERSE, 2):
        assert f"{number}{words.replace(' ', '')}" in text
        assert f"{words.replace(' ', '')}⟨{count}·{letter}⟩" in text or (
            number == 2 and f"{words.replace(' ', '')}1⟨{count}·{letter}⟩" in text  # its note's number
        )
