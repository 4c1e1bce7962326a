"""Issue 17 (review R17), the reading panes' priority across Ctrl+Shift+L and a restart: a layout whose
lyrics wrap where the default would not comes back as the default; one the user chose that fits is kept.

Each run is a real process on an offscreen screen of that size (layout_run.py), sharing its settings
folder with the next run as two starts of lyricpad do.
"""

from __future__ import annotations

import pytest
from screen_runs import layout_runs

from lyricpad.gui.window_layout import ARTICLE_LEAST_TEXT, RESET_MESSAGE


@pytest.fixture
def start(tmp_path):
    """start(ACTION, WIDTH, HEIGHT, shot=NAME): one run of lyricpad on a WIDTHxHEIGHT screen; what it saw."""
    return layout_runs(tmp_path, timeout=90)


def test_the_library_brought_back_at_1024_says_why_the_lyrics_wrap_and_is_kept_at_the_next_start(start):
    first = start("library", 1024, 700, shot="17-R1-library-at-1024")
    opened, shown = first["opened"], first["done"]
    assert not opened["sidebar_shown"] and opened["lyrics_wrapped"] == []
    # Beside the sidebar and the Annotations column at their least there is no room for the lines.
    assert shown["sidebar_shown"] and shown["lyrics_wrapped"]
    assert shown["article_text"] >= ARTICLE_LEAST_TEXT
    assert "hide Annotations and Note" in shown["message"]

    # The user's choice is kept (test_layout_restart.py: the sidebar turned on at 1024 stays): the default
    # layout with the sidebar would not give the lyrics more room.
    again = start("library", 1024, 700, shot="17-R1-library-at-1024-restarted")
    kept, hidden = again["opened"], again["done"]
    assert kept["sidebar_shown"] and kept["message"] == ""
    assert kept["article_text"] >= ARTICLE_LEAST_TEXT - 4  # (restored 2 px narrower offscreen)
    # Hidden: the lyrics have their lines whole again, as at the first start.
    assert not hidden["sidebar_shown"] and hidden["lyrics_wrapped"] == [] and hidden["message"] == ""
    assert abs(hidden["panes"][0] - opened["panes"][0]) <= 2


def test_a_split_that_wraps_the_lyrics_where_the_default_would_not_is_reset(start):
    first = start("squeeze-lyrics", 1024, 700)["done"]
    assert first["lyrics_wrapped"]
    again = start("look", 1024, 700, shot="17-R1-squeezed-lyrics-restarted")["opened"]
    assert again["message"] == RESET_MESSAGE
    assert again["lyrics_wrapped"] == [] and min(again["panes"]) >= 280


def test_the_library_hidden_at_1280_is_kept_at_the_next_start(start):
    first = start("library", 1280, 800)["done"]
    assert not first["sidebar_shown"] and first["lyrics_wrapped"] == []
    again = start("look", 1280, 800)["opened"]
    assert again["message"] == ""
    assert not again["sidebar_shown"] and again["lyrics_wrapped"] == []


@pytest.mark.parametrize(("width", "height"), [(1024, 700), (1280, 800)])
def test_the_study_view_margin_is_given_its_room(start, width, height):
    seen = start("study", width, height, shot=f"17-R-study-view-{width}x{height}")
    opened, done = seen["opened"], seen["done"]
    assert done["lyrics_wrapped"] == []
    assert done["panes"][0] > opened["panes"][0]  # the margin's width, taken from the article
    assert done["article_text"] >= ARTICLE_LEAST_TEXT
