"""A note about a moment of the song says so in the Markdown export: 'at 1:23' beside its place."""

import dataclasses

import pytest

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.export import export_markdown
from lyricpad.core.store import Library

LYRICS = "lanterns on the water\nlight the harbour wall\ncarry me home"


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "times.sqlite")
    yield lib
    lib.close()


def _annotated(lib, time_ms):
    song = lib.songs.add("Harbour", lyrics=LYRICS, lyrics_format="lrc", line_times=[[1000], [2000], [83_500]])
    note = lib.annotations.add(song.id, [anchor_for_lines(LYRICS, 3, 3)], note="the turn of the song")
    if time_ms is not None:
        lib.snapshots.restore_annotation(dataclasses.replace(lib.annotations.get(note.id), time_ms=time_ms))
    return song


@pytest.mark.parametrize("profile", ["blog", "obsidian"])
def test_a_note_with_a_time_shows_it_beside_its_place(library, profile):
    song = _annotated(library, 83_900)
    assert library.annotations.for_song(song.id)[0].time_ms == 83_900
    text = export_markdown(library, song.id, profile=profile)
    assert "ine 3 (1:23.50), at 1:23" in text  # "Line 3" in an Obsidian callout title


def test_a_note_without_a_time_shows_none(library):
    song = _annotated(library, None)
    text = export_markdown(library, song.id)
    assert "line 3 (1:23.50)" in text
    assert ", at " not in text
