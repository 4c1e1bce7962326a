"""What the song list says when it shows no song."""

import pytest

from lyricpad.app.library_listing import empty_song_list_text


@pytest.mark.parametrize(
    ("shown", "filter_text", "expected"),
    [
        (3, "", ""),
        (1, "zebra", ""),
        (0, "  zebra ", "No songs match “zebra”"),
        (0, "", "No songs yet.\nNew Song… (Ctrl+N) adds one."),
        (0, "   ", "No songs yet.\nNew Song… (Ctrl+N) adds one."),
    ],
)
def test_empty_song_list_text(shown, filter_text, expected):
    assert empty_song_list_text(shown, filter_text, "Ctrl+N") == expected
