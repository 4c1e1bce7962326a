"""The words of the export dialog: what Save writes, what an export wrote, errors as sentences."""

from pathlib import Path

import pytest

from lyricpad.app.export_labels import cut_preview, finished_message, save_note, sentence
from lyricpad.app.exporting import INDEX_NAME, ExportOptions, ExportResult

pytestmark = pytest.mark.usefixtures("qapp")  # counts take their English plural forms from the translator


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("cannot write /x: disk full", "Cannot write /x: disk full."),
        ("  done!  ", "Done!"),
        ("Is it?", "Is it?"),
        ("   ", "The export failed."),
    ],
)
def test_sentence(message, expected):
    assert sentence(message) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, ("short", False)),
        ("one\ntwo\nthree", 9, ("one\ntwo\n…\n", True)),
        ("abcdefghij", 4, ("abcd\n…\n", True)),
    ],
)
def test_cut_preview_cuts_at_a_line_end(text, limit, expected):
    assert cut_preview(text, limit) == expected


def options(**fields) -> ExportOptions:
    return ExportOptions(**{"scope": "song", "format": "markdown", **fields})


@pytest.mark.parametrize(
    ("opts", "starts"),
    [
        (options(), "One Markdown document with this song's annotations."),
        (options(scope="all", format="json"), "lyricpad JSON holds the whole library"),
        (options(format="w3c"), "W3C Web Annotations"),
        (options(scope="all", format="w3c"), "W3C Web Annotations"),
        (options(scope="all"), "Save writes one Markdown file per song (3)"),
    ],
)
def test_save_note(opts, starts):
    assert save_note(opts, 3, None, "").startswith(starts)


def test_save_note_names_the_song_of_a_partial_preview():
    assert f"plus {INDEX_NAME}" in save_note(options(scope="all"), 3, "id", "Song — Band")
    assert "shows the file of “Song — Band”" in save_note(options(scope="all"), 3, "id", "Song — Band")
    note = save_note(options(scope="all", format="w3c"), 1, "id", "Song")
    assert note.endswith("the preview shows only “Song”; Copy takes the preview, Save all of it.")
    assert save_note(options(scope="all", format="w3c", profile="obsidian"), 1, None, "") == (
        "W3C Web Annotations, for other annotation tools; File > Import merges them back."
    )


def test_finished_message(tmp_path):
    target = tmp_path / "out.md"
    assert finished_message(ExportResult([target]), target) == f"Exported to {target}."
    many = [Path(f"{n}.md") for n in range(7)]
    assert finished_message(ExportResult(many), tmp_path) == (
        f"Wrote 7 files to {tmp_path}: 0.md, 1.md, 2.md, 3.md, 4.md and 2 more."
    )
    cancelled = ExportResult([], cancelled=True, done=1, total=4)
    assert finished_message(cancelled, tmp_path).startswith("Export cancelled after 1 of 4 songs;")
