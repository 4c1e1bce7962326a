"""The number of backups kept (Settings > Saving) is the library's: every backup that rotates keeps it,
the command line's, the one before a restore, a repair or an upgrade, not only the window's."""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lyricpad.core.backup import (
    BACKUPS_KEPT_KEY,
    KEEP_RECENT,
    backups_folder,
    backups_kept,
    list_backups,
    make_backup,
    restore_backup,
    set_backups_kept,
)
from lyricpad.core.repair import mend_search_index
from lyricpad.core.store import Library

DATA = Path(__file__).parent.parent / "data"
KEPT = 10
AUTOS = 8
"""More than KEEP_RECENT, fewer than KEPT: all of them stay when the chosen number is honoured."""


def make_autos(library: Library, count: int = AUTOS) -> None:
    for _ in range(count):
        make_backup(library, reason="auto")
        time.sleep(0.002)  # backups are named to the millisecond


def reasons(library_path: Path) -> list[str]:
    return sorted(b.reason for b in list_backups(library_path))


@pytest.fixture
def kept_library(library):
    set_backups_kept(library, KEPT)
    make_autos(library)
    assert reasons(library.path) == ["auto"] * AUTOS
    return library


def test_a_repair_backup_keeps_the_chosen_number(kept_library):
    make_backup(kept_library, reason="repair")
    assert reasons(kept_library.path) == ["auto"] * AUTOS + ["repair"]


def test_mending_the_search_index_keeps_the_chosen_number(kept_library):
    assert mend_search_index(kept_library, ["songs"]) is not None
    assert reasons(kept_library.path) == ["auto"] * AUTOS + ["repair"]


def test_a_restore_keeps_the_chosen_number(kept_library, tmp_path):
    older = make_backup(kept_library, tmp_path / "older.sqlite")
    restore_backup(kept_library, older)
    assert reasons(kept_library.path) == ["auto"] * AUTOS + ["restore"]


def test_the_command_line_backup_keeps_the_chosen_number(kept_library, cli):
    code, out, _ = cli("backup")
    assert code == 0, out
    assert reasons(kept_library.path) == ["auto"] * AUTOS + ["manual"]


def test_the_command_line_rotates_to_the_default_when_nothing_was_chosen(library, cli):
    make_autos(library)
    assert cli("backup")[0] == 0
    # The newest KEEP_RECENT (the manual one among them) and the never-rotated manual one.
    assert reasons(library.path) == ["auto"] * (KEEP_RECENT - 1) + ["manual"]


def test_the_backup_before_an_upgrade_keeps_the_chosen_number(tmp_path):
    path = tmp_path / "library.sqlite"
    shutil.copyfile(DATA / "libraries" / "v1.sqlite", path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [BACKUPS_KEPT_KEY, str(KEPT)])
    conn.commit()
    conn.close()
    folder = backups_folder(path)
    folder.mkdir()
    start = datetime.now(UTC) - timedelta(seconds=1)
    for i in range(AUTOS):  # automatic backups made before, by an older lyricpad
        moment = start + timedelta(milliseconds=10 * i)
        stamp = moment.strftime("%Y%m%d-%H%M%S-") + f"{moment.microsecond // 1000:03d}"
        shutil.copyfile(DATA / "libraries" / "v1.sqlite", folder / f"{path.stem}-{stamp}-auto.sqlite")
    with Library.open(path) as lib:
        assert backups_kept(lib) == KEPT
    assert reasons(path) == ["auto"] * AUTOS + ["migration"]


def test_a_restore_keeps_the_librarys_number_not_the_backups(library, tmp_path):
    set_backups_kept(library, 3)
    three = make_backup(library, tmp_path / "three.sqlite")
    set_backups_kept(library, KEPT)
    restore_backup(library, three)
    assert backups_kept(library) == KEPT


def test_the_number_is_read_by_another_connection(library, library_path):
    set_backups_kept(library, KEPT)
    with Library.open(library_path) as other:
        assert backups_kept(other) == KEPT


@pytest.mark.parametrize("stored", ["abc", "0", "-3", "2.5", ""])
def test_a_number_that_cannot_be_used_counts_as_the_default(library, stored):
    library.set_meta(BACKUPS_KEPT_KEY, stored)
    assert backups_kept(library) == KEEP_RECENT
    make_autos(library)
    assert reasons(library.path) == ["auto"] * KEEP_RECENT


def test_the_default_is_not_written_and_an_unchanged_number_not_again(library):
    set_backups_kept(library, KEEP_RECENT)
    assert library.meta(BACKUPS_KEPT_KEY) is None
    set_backups_kept(library, 0)
    assert library.meta(BACKUPS_KEPT_KEY) == "1"  # at least one
    before = library.db.conn.total_changes
    set_backups_kept(library, 1)
    assert library.db.conn.total_changes == before


def test_an_explicit_number_still_wins(library):
    set_backups_kept(library, KEPT)
    for _ in range(AUTOS):
        make_backup(library, reason="auto", keep_recent=2)
        time.sleep(0.002)
    assert reasons(library.path) == ["auto"] * 2
