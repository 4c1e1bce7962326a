"""`lyricpad search` finds the words of a song's translation and says where: `translation:LINE`."""

import pytest
from library_testing import add_translated_song

from lyricpad.core.store import Library


@pytest.fixture
def song(library_path):
    with Library.open(library_path, seed_demo=False) as lib:
        return add_translated_song(lib, artist="Wren")


def test_a_translation_hit_is_printed_with_its_line(cli, song):
    code, out, err = cli("search", "wasser")
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"translation:3 {song.id[:8]}  Lantern — Wren: …auf dem [Wasser] / [Refrain] / Halt fest"
    ]


def test_a_translation_hit_in_json(cli_json, song):
    (hit,) = cli_json("search", "wasser", "--pane", "translation")
    assert (hit["kind"], hit["where"], hit["line"], hit["title"]) == (
        "translation",
        "translation",
        3,
        "Translation (German)",
    )
    assert cli_json("search", "wasser", "--pane", "lyrics") == []
