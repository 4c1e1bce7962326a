"""Fixtures for widget tests: a demo library on disk and the main window opened on it."""

import os
from pathlib import Path

import pytest

# tests/conftest.py sets this too; repeated so that this folder also runs on its own.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui_testing import SHOTS_FOLDER  # noqa: E402
from PySide6.QtWidgets import QApplication, QMenu  # noqa: E402

from lyricpad.app.session import Session  # noqa: E402
from lyricpad.app.settings import Settings  # noqa: E402
from lyricpad.core.store import Library  # noqa: E402
from lyricpad.gui.launch import initial_song  # noqa: E402
from lyricpad.gui.main_window import MainWindow  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def clipboard_emptied_before_exit(qapp):
    """Empty the clipboard while Python still runs.

    The offscreen platform keeps the clipboard's data in a C++ global that is freed only after
    Python has shut down; a QMimeData made in Python (a paste test's, or Copy's) then calls into
    the dead interpreter from its destructor and the process segfaults as it exits.
    """
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def menus(monkeypatch, request) -> list[list[str]]:
    """A question the main window asks with a menu (which occurrence to highlight) never blocks a test.

    Each is recorded as the texts of its actions and answered as Enter would: its default
    action. A test wanting another answer patches MainWindow.popup_menu itself; one test
    marked `real_menus` runs the real menu.
    """
    shown: list[list[str]] = []
    if request.node.get_closest_marker("real_menus"):
        return shown

    def popup(window, menu: QMenu, point):
        shown.append([action.text() for action in menu.actions() if not action.isSeparator()])
        return menu.defaultAction()

    monkeypatch.setattr(MainWindow, "popup_menu", popup)
    return shown


@pytest.fixture(autouse=True)
def unsaved_questions(monkeypatch, request) -> list[str]:
    """Closing a window with changes not saved asks a modal question; in tests it never blocks.

    pytest-qt closes the test's windows before fixtures are finalised, so a test that leaves
    a change unsaved would otherwise meet the real question there. Each question is recorded
    (as "asked") and answered "quit"; a test patches MainWindow.ask_unsaved_on_quit itself
    for other answers, and one marked `real_questions` meets the real box.
    """
    asked: list[str] = []
    if request.node.get_closest_marker("real_questions"):
        return asked

    def ask(window):
        asked.append("asked")
        return "quit"

    monkeypatch.setattr(MainWindow, "ask_unsaved_on_quit", ask)
    return asked


@pytest.fixture
def shots():
    """Save a widget as it is painted now: shots(widget, "name") writes test-output/screenshots/name.png.

    The first-hour tests leave the window at 1024x700 and 1280x800 here so that a reviewer can
    judge it by eye; LYRICPAD_TEST_OUTPUT moves the folder. Returns the path written.
    """

    def save(widget, name: str) -> Path:
        SHOTS_FOLDER.mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()
        path = SHOTS_FOLDER / f"{name}.png"
        assert widget.grab().save(str(path), "PNG"), f"could not write {path}"
        return path

    return save


@pytest.fixture
def demo_path(tmp_path):
    """A library file holding the demo song, as a new user's first run creates it."""
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    return path


@pytest.fixture
def open_window(qtbot):
    """Open the main window on a library file as `lyricpad --library PATH [--song SONG]` does."""
    sessions = []

    def open_(path, song_ref=None) -> MainWindow:
        session = Session.open(path)
        sessions.append(session)
        window = MainWindow(session, Settings())
        qtbot.addWidget(window)  # closed (and its layout saved) after the test
        session.select_song(initial_song(session, song_ref, Settings()))
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts (keys 1-9, Ctrl+H) reach an active window only
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield open_
    for session in sessions:
        session.close()


@pytest.fixture
def window(open_window, demo_path):
    return open_window(demo_path)
