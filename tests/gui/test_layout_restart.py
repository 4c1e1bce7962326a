"""Issue 17, layouts across a restart on screens of 1024x700 and 1280x800: a layout that squeezes the
reading panes comes back as the default, the Library sidebar never ends up too narrow to use.

Each run is a real process on an offscreen screen of that size (layout_run.py), sharing its settings
folder with the next run as two starts of lyricpad do.
"""

from __future__ import annotations

import pytest
from screen_runs import layout_runs

from lyricpad.gui.window_layout import MIN_PANE_WIDTH, NARROW_WIDTH, RESET_MESSAGE

SIZES = [(1024, 700), (1280, 800)]


@pytest.fixture
def start(tmp_path):
    """start(ACTION, WIDTH, HEIGHT, shot=NAME): one run of lyricpad on a WIDTHxHEIGHT screen; what it saw."""
    return layout_runs(tmp_path, timeout=60)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_dragging_the_annotations_dock_over_the_panes_is_reset_at_the_next_start(start, width, height):
    first = start("drag", width, height)
    squeezed = first["done"]
    assert min(squeezed["panes"]) < MIN_PANE_WIDTH  # the reviewer's drag took their room
    assert squeezed["sidebar"] >= squeezed["sidebar_minimum"]  # but not the sidebar's buttons

    again = start("look", width, height, shot=f"17-F3-squeezed-then-restarted-{width}x{height}")["opened"]
    assert again["message"] == RESET_MESSAGE
    assert again["window"] == [width, height]
    assert min(again["panes"]) >= MIN_PANE_WIDTH
    assert again["sidebar_shown"] == (width >= NARROW_WIDTH)  # as on a first start


def test_the_sidebar_stays_usable_after_the_window_shrinks_and_grows(start):
    first = start("shrink", 1280, 800)["done"]
    assert first["window"] == [1280, 800]
    assert first["sidebar_minimum"] >= 150
    assert first["sidebar"] >= first["sidebar_minimum"]
    assert first["toolbar_all_shown"]  # no button behind "»"

    again = start("look", 1280, 800, shot="17-F3-sidebar-after-shrink-1280x800")["opened"]
    assert again["message"] == ""
    assert again["sidebar_shown"] and again["sidebar"] >= again["sidebar_minimum"]
    assert again["toolbar_all_shown"]


def test_at_1024_the_sidebar_the_user_turned_on_stays_across_a_restart(start):
    first = start("shrink", 1024, 700, shot="17-F3-sidebar-after-shrink-1024x700")["done"]
    assert first["window"] == [1024, 700]
    assert first["sidebar"] >= first["sidebar_minimum"] and first["toolbar_all_shown"]
    # The narrow defaults leave the reading panes their room beside both docks (however the
    # shrink and growth shared it out between them).
    assert sum(first["panes"]) >= 2 * MIN_PANE_WIDTH
    again = start("look", 1024, 700, shot="17-F6-sidebar-kept-1024x700")["opened"]
    assert again["message"] == ""
    assert again["sidebar_shown"] and again["sidebar"] >= again["sidebar_minimum"]
    assert sum(again["panes"]) >= 2 * MIN_PANE_WIDTH


def test_a_1280_layout_opened_on_1024_is_reset(start):
    saved = start("look", 1280, 800)["opened"]
    assert saved["sidebar_shown"] and saved["window"] == [1280, 800]
    again = start("look", 1024, 700, shot="17-F6-from-1280-on-1024x700")["opened"]
    assert again["message"] == RESET_MESSAGE
    assert again["window"] == [1024, 700] and not again["sidebar_shown"]
    assert min(again["panes"]) >= MIN_PANE_WIDTH


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_annotations_list_keeps_its_share_when_the_window_grows_back(start, width, height):
    done = start("short", width, height, shot=f"17-F6-after-short-{width}x{height}")["done"]
    assert done["window"] == [width, height]
    column = done["list_height"] + done["note_height"]
    assert abs(done["list_height"] / column - 3 / 5) < 0.04, done


def test_a_layout_saved_on_a_larger_screen_with_a_squeezed_sidebar_is_reset(start):
    saved = start("old-sidebar", 1280, 800)["done"]
    assert saved["sidebar"] < 100  # what an older lyricpad could save

    again = start("look", 1024, 700, shot="17-F3-from-1280-on-1024x700")["opened"]
    assert again["message"] == RESET_MESSAGE
    assert again["window"] == [1024, 700]
    assert min(again["panes"]) >= MIN_PANE_WIDTH
    assert not again["sidebar_shown"] or again["sidebar"] >= again["sidebar_minimum"]


def test_a_sidebar_saved_too_narrow_comes_back_usable_on_the_same_screen(start):
    start("old-sidebar", 1280, 800)
    again = start("look", 1280, 800, shot="17-F3-old-narrow-sidebar-1280x800")["opened"]
    assert again["sidebar_shown"] and again["sidebar"] >= again["sidebar_minimum"]
    assert again["toolbar_all_shown"]
    assert min(again["panes"]) >= MIN_PANE_WIDTH


def test_a_small_screen_whose_default_leaves_the_panes_narrow_is_not_reset_every_start(start):
    first = start("look", 800, 600)["opened"]
    assert first["message"] == ""
    assert min(first["panes"]) < MIN_PANE_WIDTH  # even the default cannot give them more here
    second, third = (start("look", 800, 600)["opened"] for _ in range(2))
    assert second["message"] == third["message"] == ""
    # As saved (the offscreen screen's frame takes 2 px off the restored window once).
    assert abs(second["panes"][0] - first["panes"][0]) <= 2 and third["panes"] == second["panes"]
