"""Edit > Settings' values (issue 20): read back as written, damaged ones as the defaults, and used by
the save timers, the automatic backups and the start library."""

from __future__ import annotations

import os
import time

import pytest

from lyricpad.app.library_care import create_library_file
from lyricpad.app.save_timer import SAVE_MAX_WAIT_MS, SaveTimer, save_pace
from lyricpad.app.settings import (
    PaneFont,
    Preferences,
    Settings,
    default_library,
    language,
    open_qsettings,
    pygments_styles,
)
from lyricpad.core.backup import KEEP_RECENT, list_backups
from lyricpad.core.errors import LyricpadError
from lyricpad.core.store import Library


@pytest.fixture(autouse=True)
def pace_restored():
    """The save pace belongs to the process: each test leaves it as lyricpad starts."""
    yield
    save_pace().set_pace(None, SAVE_MAX_WAIT_MS)


def write_ini(text: str) -> None:
    path = open_qsettings().fileName()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


CHOSEN = Preferences(
    lyrics_font=PaneFont("DejaVu Serif", 14),
    article_font=PaneFont("", 11),
    notes_font=PaneFont("DejaVu Sans", 0),
    light_style="solarized-light",
    dark_style="monokai",
    default_lens="lens-sound",
    save_pause_s=1.5,
    save_max_wait_s=5.0,
    backup_interval_min=30,
    backups_kept=12,
    default_library="/somewhere/else.sqlite",
    language="de",
)


def test_a_new_settings_file_gives_the_built_in_preferences():
    assert Settings().preferences() == Preferences()


def test_preferences_are_read_back_as_written():
    settings = Settings()
    settings.set_preferences(CHOSEN)
    settings.sync()
    assert Settings().preferences() == CHOSEN
    assert language() == "de"


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        ("[text]\nlyrics_size=abc\n", "lyrics_font"),
        ("[text]\nlyrics_size=200\n", "lyrics_font"),
        ("[text]\nnotes_size=5\n", "notes_font"),
        ("[colours]\nlight_style=no-such-style\n", "light_style"),
        ("[colours]\ndark_style=42\n", "dark_style"),
        ("[saving]\nbackups_kept=-3\n", "backups_kept"),
        ("[saving]\nbackups_kept=2.5\n", "backups_kept"),
        ("[saving]\nbackups_kept=1000\n", "backups_kept"),
        ("[saving]\nbackup_interval_minutes=0\n", "backup_interval_min"),
        ("[saving]\nbackup_interval_minutes=1e9\n", "backup_interval_min"),
        ("[saving]\npause_seconds=nan\n", "save_pause_s"),
        ("[saving]\npause_seconds=0.01\n", "save_pause_s"),
        ("[saving]\npause_seconds=99\n", "save_pause_s"),
        ("[saving]\nmax_wait_seconds=0\n", "save_max_wait_s"),
        ("[saving]\nmax_wait_seconds=inf\n", "save_max_wait_s"),
    ],
)
def test_a_damaged_value_in_a_hand_edited_file_is_the_default(lines, field):
    write_ini(lines)
    assert getattr(Settings().preferences(), field) == getattr(Preferences(), field)


def test_good_values_beside_damaged_ones_are_kept():
    write_ini(
        "[text]\nlyrics_family=DejaVu Serif\nlyrics_size=oops\n"
        "[saving]\nbackups_kept=9\nbackup_interval_minutes=never\n[ui]\nlanguage=de\n"
    )
    preferences = Settings().preferences()
    assert preferences.lyrics_font == PaneFont("DejaVu Serif", 0)
    assert (preferences.backups_kept, preferences.backup_interval_min) == (9, 10)
    assert preferences.language == "de"


def test_the_start_library_is_only_the_one_chosen_in_settings(monkeypatch, tmp_path):
    assert default_library() is None  # lyricpad's usual place (see core.paths)
    settings = Settings()
    settings.set_preferences(Preferences(default_library=str(tmp_path / "chosen.sqlite")))
    settings.sync()
    assert default_library() == str(tmp_path / "chosen.sqlite")
    # LYRICPAD_LIBRARY comes first, but it is core.paths.library_path's to read: not a Settings choice.
    monkeypatch.setenv("LYRICPAD_LIBRARY", str(tmp_path / "env.sqlite"))
    assert default_library() == str(tmp_path / "chosen.sqlite")


def test_a_new_library_file_is_made_with_the_demo_song_and_an_existing_file_is_refused(tmp_path):
    new = tmp_path / "fresh.sqlite"
    create_library_file(new)
    with Library.open(new) as library:
        assert library.songs.count() == 1 and library.lenses.all()
    taken = tmp_path / "taken.sqlite"
    taken.write_text("mine", encoding="utf-8")
    with pytest.raises(LyricpadError, match="exists already"):
        create_library_file(taken)
    assert taken.read_text(encoding="utf-8") == "mine"


# --------------------------------------------------------------- save timers


def test_the_chosen_pause_and_wait_reach_every_save_timer(qapp):
    timer = SaveTimer(400)
    fixed = SaveTimer(400, 60_000)
    save_pace().set_pace(1500, 7000)
    assert (timer.pause_ms, timer.max_wait_ms) == (1500, 7000)
    assert (fixed.pause_ms, fixed.max_wait_ms) == (1500, 60_000)  # a wait given by its maker stays
    assert SaveTimer(800).pause_ms == 1500
    save_pace().set_pace(None, 7000)  # "each editor's own"
    assert (timer.pause_ms, SaveTimer(800).pause_ms) == (400, 800)


def test_a_waiting_edit_keeps_its_deadline_and_the_next_burst_takes_the_new_pace(qapp):
    timer = SaveTimer(400)
    timer.changed()
    save_pace().set_pace(3000, 9000)
    assert timer.pause_ms == 400 and 0 <= timer.due_in_ms() <= 500  # a coarse timer: up to 5% late
    assert timer.flush()
    timer.changed()
    assert (timer.pause_ms, timer.max_wait_ms) == (3000, 9000)
    timer.stop()


# ------------------------------------------------------------------- backups


def autos(library_path) -> list:
    return [b for b in list_backups(library_path) if b.reason == "auto"]


def test_backups_come_at_the_chosen_interval(session, library_path, clock):
    session.library_care.set_backup_policy(60, KEEP_RECENT)
    song = session.songs()[0]
    clock.now += 59
    session.song_edits.update(song.id, title="Too soon")
    assert autos(library_path) == []
    clock.now += 1
    session.song_edits.update(song.id, title="A minute on")
    assert len(autos(library_path)) == 1


@pytest.mark.parametrize("kept", [2, KEEP_RECENT + 3])
def test_rotation_keeps_the_chosen_number_of_backups(session, library_path, kept):
    session.library_care.set_backup_policy(600, kept)
    for _ in range(kept + 2):
        assert session.library_care.backup("auto") is not None
        time.sleep(0.002)  # backups are named to the millisecond
    # All made today: the newest *kept* stay (today's newest among them), the rest go.
    assert len(autos(library_path)) == kept


def test_a_policy_out_of_bounds_is_held_to_one(session):
    session.library_care.set_backup_policy(0, 0)
    assert (session.library_care.backup_interval_seconds, session.library_care.backups_kept) == (1, 1)


def test_each_palette_is_offered_only_the_styles_drawn_for_it():
    """A dark style on the light palette would draw near-white text on a white pane: not offered there."""
    light, dark = pygments_styles(dark=False), pygments_styles(dark=True)
    assert {"default", "solarized-light", "friendly"} <= set(light)
    assert {"github-dark", "monokai", "dracula", "solarized-dark"} <= set(dark)
    assert not set(light) & set(dark) and sorted(light + dark) == pygments_styles()
