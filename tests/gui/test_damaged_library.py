"""The damaged-library dialog (issue 7): nothing happens without the user's word; each way out works."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.backup import make_backup
from lyricpad.core.check import check_pages
from lyricpad.core.store import Library
from lyricpad.gui.damaged_dialog import NEW, RESTORE, SALVAGE, DamagedLibraryDialog, ask_and_recover, recover


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(library_path):
    """A library with a backup, then damaged: its header kept, one page in the middle overwritten."""
    with Library.open(library_path) as lib:
        for i in range(40):
            song = lib.songs.add(f"Song {i}", lyrics="words\nmore words\n" * 40)
            lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 2, 2)], note=f"n{i}")
        make_backup(lib, reason="auto")
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(library_path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle + 8 : middle + 4096] = b"\xff" * (4096 - 8)
    library_path.write_bytes(bytes(data))
    # Opening it writes nothing, so it is not read whole as it opens (issue 18): the window's
    # background check finds the damage, as `lyricpad check` does.
    with Library.open(library_path) as lib:
        reader = lib.reader()
        try:
            assert "damaged" in check_pages(reader)
        finally:
            reader.close()
    return library_path


def test_the_dialog_names_the_file_and_defaults_to_a_backup(qtbot, damaged):
    from PySide6.QtWidgets import QLabel

    dialog = DamagedLibraryDialog(damaged, "it is damaged: page 9 is broken")
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(damaged) in text and "page 9 is broken" in text
    assert dialog.choice() == RESTORE and dialog.chosen_backup() is not None
    assert dialog.backup_combo.count() == 1


def test_without_backups_restore_is_disabled_and_salvage_is_the_default(qtbot, damaged):
    for backup in damaged.parent.glob("library-backups/*"):
        backup.unlink()
    dialog = DamagedLibraryDialog(damaged, "damaged")
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and dialog.choice() == SALVAGE


def test_a_file_that_is_not_sqlite_cannot_be_salvaged(qtbot, tmp_path):
    path = tmp_path / "library.sqlite"
    path.write_bytes(b"x" * 100)
    dialog = DamagedLibraryDialog(path, "not a database")
    qtbot.addWidget(dialog)
    assert not dialog.salvage_button.isEnabled() and dialog.choice() == NEW


def test_quitting_changes_nothing(qtbot, damaged, monkeypatch):
    before = sha256(damaged)
    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda self: DamagedLibraryDialog.DialogCode.Rejected)
    assert ask_and_recover(damaged, "damaged") is False
    assert sha256(damaged) == before and not list(damaged.parent.glob("*-damaged-*"))


@pytest.mark.parametrize("choice", [RESTORE, SALVAGE, NEW])
def test_each_way_out_leaves_a_usable_library_and_keeps_the_damaged_file(damaged, choice):
    before = sha256(damaged)
    backup = next(damaged.parent.glob("library-backups/*.sqlite"))
    done, aside = recover(damaged, choice, backup)
    assert sha256(aside) == before  # kept, byte for byte
    with Library.open(damaged) as lib:
        count = len(lib.songs.all())
    if choice == RESTORE:
        assert count == 41 and "restored" in done
    elif choice == SALVAGE:
        assert 10 < count <= 41 and "Recovered" in done
    else:
        assert count == 1 and "new library" in done  # a new library: the demo song only


def test_a_failed_salvage_can_be_followed_by_a_new_library(qtbot, tmp_path, monkeypatch, dialogs):
    from PySide6.QtWidgets import QLabel

    path = tmp_path / "library.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)  # SQLite's header, nothing readable after
    answers = iter([SALVAGE, NEW])
    texts = []

    def accept(dialog):
        texts.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        return DamagedLibraryDialog.DialogCode.Accepted

    monkeypatch.setattr(DamagedLibraryDialog, "exec", accept)
    monkeypatch.setattr(DamagedLibraryDialog, "choice", lambda self: next(answers))
    assert ask_and_recover(path, "damaged") is True
    assert any("nothing can be salvaged" in text for _, text in dialogs)
    (aside,) = tmp_path.glob("library-damaged-*.sqlite")
    assert aside.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 500
    assert "has not changed it" in texts[0]
    assert f"set aside, unchanged, as {aside.name}" in texts[1]  # the second time, it says where it is


def test_another_program_s_database_is_refused_never_offered_for_recovery(tmp_path, monkeypatch):
    import sqlite3

    from lyricpad.core.errors import ForeignDatabase
    from lyricpad.gui import damaged_dialog, launch

    other = tmp_path / "photos.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photos (name)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    asked = []
    monkeypatch.setattr(
        damaged_dialog, "ask_and_recover", lambda path, problem: asked.append(problem) or True
    )
    with pytest.raises(ForeignDatabase, match="not a lyricpad library"):
        launch.open_or_recover(other)
    assert asked == [] and other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.sqlite"]  # nothing set aside


def test_a_damaged_library_behind_a_link_is_offered_the_backups_beside_the_file_itself(
    qtbot, damaged, tmp_path, monkeypatch, dialogs
):
    from lyricpad.app.settings import Settings
    from lyricpad.gui import launch
    from lyricpad.gui.damage_watch import DamageWatch
    from lyricpad.gui.main_window import MainWindow

    link = tmp_path / "elsewhere" / "link.sqlite"
    link.parent.mkdir()
    link.symlink_to(damaged)
    seen = []

    def keep_reading(dialog):
        seen.append((dialog.path, dialog.backup_combo.count()))
        return DamagedLibraryDialog.DialogCode.Rejected

    monkeypatch.setattr(DamagedLibraryDialog, "exec", keep_reading)
    session = launch.open_or_recover(link)  # its damage is found by the window's background check
    try:
        window = MainWindow(session, Settings())
        qtbot.addWidget(window)
        watch = DamageWatch(window)
        window.show()
        qtbot.waitUntil(lambda: bool(seen), timeout=15000)
        assert seen == [(damaged, 1)]  # where its backups are, and what is set aside if the user chooses
        assert watch.path == damaged and session.read_only
    finally:
        session.close()
