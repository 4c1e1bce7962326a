"""Issue 20, a lyrics font chosen in Settings (Ctrl+,) and the saved layout at 1024x700: with 14 pt lyrics
their lines wrap in every layout, the default one too, so a layout the user chose is not reset (with
"did not fit this screen") at every start: a reset would not give the lyrics their lines whole.

Each run is a real process on an offscreen screen of that size (layout_run.py), sharing its settings
folder with the next run as two starts of lyricpad do.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from screen_runs import layout_runs

from lyricpad import APP_ID
from lyricpad.app.settings import PaneFont, Preferences, Settings
from lyricpad.gui.window_layout import MIN_PANE_WIDTH, RESET_MESSAGE


@pytest.fixture
def start(tmp_path):
    """start(ACTION, WIDTH, HEIGHT, shot=NAME): one run of lyricpad on a WIDTHxHEIGHT screen; what it saw."""
    return layout_runs(tmp_path, timeout=90)


def choose_lyrics_size(tmp_path, size: int) -> None:
    """What Settings > Text fonts keeps for the next start (OK in the dialog): the lyrics at *size* points."""
    ini = tmp_path / "xdg_config_home" / APP_ID / "lyricpad.ini"  # the runs' settings file (screen_runs.py)
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    settings.set_preferences(Preferences(lyrics_font=PaneFont(size=size)))
    settings.sync()


def test_a_split_the_user_chose_for_14_pt_lyrics_is_kept_at_every_start(start, tmp_path):
    choose_lyrics_size(tmp_path, 14)
    first = start("look", 1024, 700)["opened"]
    assert first["lyrics_wrapped"]  # even the default layout cannot give them their lines whole
    chosen = start("squeeze-lyrics", 1024, 700)["done"]  # the user gives the article more room
    assert chosen["lyrics_wrapped"] and min(chosen["panes"]) >= MIN_PANE_WIDTH
    for run in range(2):
        again = start("look", 1024, 700, shot=f"20-14pt-lyrics-split-kept-{run + 1}")["opened"]
        assert again["message"] != RESET_MESSAGE, f"start {run + 2}"
        assert abs(again["panes"][0] - chosen["panes"][0]) <= 2  # as the user left it


def test_14_pt_lyrics_chosen_after_a_layout_was_saved_keep_it_and_the_library_the_user_shows(start, tmp_path):
    saved = start("look", 1024, 700)["opened"]
    assert saved["lyrics_wrapped"] == []  # at the built-in size
    choose_lyrics_size(tmp_path, 14)
    opened = start("library", 1024, 700)
    assert opened["opened"]["message"] != RESET_MESSAGE  # the default layout would wrap them as well
    assert opened["done"]["sidebar_shown"]  # Ctrl+Shift+L
    for run in range(2):
        again = start("look", 1024, 700, shot=f"20-14pt-lyrics-library-kept-{run + 1}")["opened"]
        assert again["message"] != RESET_MESSAGE, f"start {run + 3}"
        assert again["sidebar_shown"]  # the user's choice survives the restarts
