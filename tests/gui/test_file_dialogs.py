"""The window's file dialogs never open the files they list (issue 12): Qt's standard icon provider
reads each file's first bytes to guess its type, and an open() and close() of the library, its -wal or
its -shm drops every SQLite lock the window holds on them."""

from __future__ import annotations

import pytest
from library_testing import posix_locks
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from lyricpad.gui import file_dialogs
from lyricpad.gui.export_dialog import ExportDialog
from lyricpad.gui.main_window import MainWindow


def close_when_listed(qtbot, folder) -> list[str]:
    """Reject the file dialog about to open once it has listed *folder*, icons and types included;
    returns the names it listed."""
    listed: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        try:
            dialog.setDirectory(str(folder))
            qtbot.wait(1500)  # the model's own thread lists the folder, then icons and types
            model = dialog.findChild(QFileSystemModel)
            root = model.index(model.rootPath())
            for row in range(model.rowCount(root)):
                index = model.index(row, 0, root)
                model.fileIcon(index), model.type(index)  # what the view asks of each file
                listed.append(model.fileName(index))
            qtbot.wait(300)
        finally:
            dialog.reject()

    QTimer.singleShot(0, look)
    return listed


@pytest.fixture
def locks_before(window, demo_path):
    window.session.song_edits.update(window.session.songs()[0].id, title="Written: the -wal has frames")
    held = posix_locks(demo_path)
    assert held, "SQLite holds locks while the library is open"
    return held


ENTRIES = {
    "import": lambda window: window.sidebar.ask_import_paths(),
    "export to a file": lambda window: ExportDialog(window.session, window).ask_save_path(
        window.session.library_path.with_name("x.md"), "Markdown (*.md)"
    ),
    "export to a folder": lambda window: ExportDialog(window.session, window).ask_folder(
        window.session.library_path.parent
    ),
    "save a copy": lambda window: file_dialogs.save_file_name(
        window, "Save", str(window.session.library_path.with_name("copy.md")), "Markdown (*.md)"
    ),
}


@pytest.mark.parametrize("entry", sorted(ENTRIES))
def test_a_file_dialog_on_the_library_s_folder_keeps_the_window_s_locks(
    entry, window, demo_path, locks_before, qtbot
):
    close_when_listed(qtbot, demo_path.parent)  # (its filter may hide them: Qt still gathers them all)
    ENTRIES[entry](window)
    assert posix_locks(demo_path) == locks_before


def test_qt_s_own_icon_provider_would_have_dropped_them(window, demo_path, locks_before, qtbot):
    """Why the dialogs need their own icon provider: shown for real with Qt's standard one."""
    dialog = QFileDialog(window, "Qt's own", str(demo_path.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    listed = close_when_listed(qtbot, demo_path.parent)
    dialog.exec()
    assert {demo_path.name, f"{demo_path.name}-wal", f"{demo_path.name}-shm"} <= set(listed)
    assert posix_locks(demo_path) != locks_before


def test_the_unsaved_copy_is_offered_outside_the_library_s_folder(window, monkeypatch):
    offered = []
    monkeypatch.setattr(
        file_dialogs, "save_file_name", lambda parent, caption, start, filter_: offered.append(start) or ""
    )
    assert MainWindow.choose_unsaved_copy_path(window) == ""
    assert not offered[0].startswith(str(window.session.library_path.parent))


def test_a_note_s_preview_never_loads_the_images_it_names(window, demo_path, locks_before, qtbot):
    """A note may say ![x](path to the library): the preview names the image, and never opens the file."""
    annotation = window.session.annotations(window.session.current_song_id)[0]
    window.select_annotation(annotation.id)
    for target in (demo_path, f"{demo_path}-wal", f"{demo_path}-shm"):
        window.note_editor.note_edit.setPlainText(
            f"see ![the library]({target}), ![by url](file://{target}) and ![by reference][lib]\n\n[lib]: {target}"
        )
        window.note_editor.tabs.setCurrentIndex(1)  # Preview
        qtbot.wait(100)
        window.note_editor.preview.grab()  # painted, as the user sees it
        window.note_editor.tabs.setCurrentIndex(0)
    assert posix_locks(demo_path) == locks_before


def test_inside_flatpak_the_portal_chooses_files(qapp, monkeypatch, tmp_path):
    """In the sandbox Qt's own dialog could only see the sandbox; the portal (another process) sees the user's files."""
    outside = file_dialogs.file_dialog(None, "Import", str(tmp_path))
    assert outside.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert isinstance(outside.iconProvider(), file_dialogs.NamesOnlyIconProvider)
    marker = tmp_path / ".flatpak-info"
    marker.write_text("[Application]\nname=io.github.lyricpad.Lyricpad\n")
    monkeypatch.setattr(file_dialogs, "FLATPAK_INFO", str(marker))
    inside = file_dialogs.file_dialog(None, "Import", str(tmp_path))
    assert not inside.testOption(QFileDialog.Option.DontUseNativeDialog)
