"""Open the window: the QApplication, the session and the main window, or a screenshot of it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from lyricpad import __version__
from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.core.errors import EXIT_ERROR, LyricpadError
from lyricpad.gui.main_window import MainWindow

SCREENSHOT_SIZE = (1280, 800)
_HARMLESS_QT_MESSAGES = ("does not support propagateSizeHints",)
"""Qt warnings the offscreen platform prints for every dock window; noise to a user."""


def run_window(args: argparse.Namespace) -> int:
    """Open the main window on args.library and args.song; with args.screenshot save a PNG and exit."""
    screenshot = Path(args.screenshot).expanduser() if args.screenshot else None
    if screenshot is not None:
        if screenshot.suffix.lower() != ".png":
            return _fail(
                f"a screenshot is a PNG image: give a file name ending in .png, not {screenshot.name}",
                dialog=False,
            )
        if not screenshot.parent.is_dir():
            return _fail(
                f"cannot save the screenshot: the folder {screenshot.parent} does not exist", dialog=False
            )
        # A screenshot needs no display, and must not flash a window on one.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif _no_display():
        return _fail(
            "there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
            "use --screenshot FILE.png to render the window to an image, or a command such as 'lyricpad songs'",
            dialog=False,
        )
    app = _application()
    dialog = screenshot is None
    try:
        session = Session.open(args.library)
    except LyricpadError as exc:
        return _fail(str(exc), dialog=dialog)
    try:
        # A screenshot ignores the remembered layout and song, so it looks the same every time.
        settings = None if screenshot else Settings()
        try:
            song_id = initial_song(session, args.song, settings)
        except LyricpadError as exc:
            return _fail(str(exc), dialog=dialog)
        if screenshot is not None:
            return _save_screenshot(app, session, song_id, screenshot)
        window = MainWindow(session, settings)
        session.select_song(song_id)
        window.show()
        return app.exec()
    finally:
        session.close()


def _no_display() -> bool:
    """True on a Linux or BSD machine with no X or Wayland display, where Qt would abort."""
    if sys.platform in ("darwin", "win32") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def initial_song(session: Session, song_ref: str | None, settings: Settings | None) -> str:
    """The song to open: --song, else the one open when the window last closed, else the first.

    Raises SongNotFound (or AmbiguousReference) when --song names no single song.
    """
    if song_ref:
        return session.resolve_song(song_ref).id
    songs = session.songs()
    last = settings.last_song() if settings is not None else ""
    if any(song.id == last for song in songs):
        return last
    return songs[0].id if songs else ""


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("lyricpad")
    app.setOrganizationName("lyricpad")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("lyricpad")
    return app


def _fail(message: str, *, dialog: bool) -> int:
    """Report an error in one line on stderr, and in a dialog when the window was wanted."""
    print(f"lyricpad: error: {message}", file=sys.stderr)
    if dialog:
        QMessageBox.critical(None, "lyricpad", message)
    return EXIT_ERROR


def _save_screenshot(app: QApplication, session: Session, song_id: str, path: Path) -> int:
    previous_handler = qInstallMessageHandler(_on_qt_message)
    try:
        window = MainWindow(session, settings=None)
        session.select_song(song_id)
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        for _ in range(3):  # layout, then the docks settling, then painting
            app.processEvents()
        saved = window.grab().save(str(path), "PNG")
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        qInstallMessageHandler(previous_handler)
    if not saved:
        return _fail(f"cannot write the screenshot {path}", dialog=False)
    print(path)
    return 0


def _on_qt_message(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not any(harmless in message for harmless in _HARMLESS_QT_MESSAGES):
        print(message, file=sys.stderr)
