"""Open the window: the QApplication, the session and the main window, a smoke check, or a screenshot."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from lyricpad import APP_ID, __version__
from lyricpad.app.app_icon import app_icon
from lyricpad.app.session import Session
from lyricpad.app.settings import Settings, default_library, language, recent_libraries, remember_library
from lyricpad.app.translations import install_translators
from lyricpad.core.errors import EXIT_ERROR, ForeignDatabase, LyricpadError, NotALibrary
from lyricpad.core.paths import ENV_LIBRARY, library_path
from lyricpad.gui.damage_watch import recover_chosen, watch_for_damage
from lyricpad.gui.main_window import MainWindow
from lyricpad.gui.open_app_link import open_app_link

if TYPE_CHECKING:  # imported where needed: a smoke check or a screenshot never hands off
    from lyricpad.app.single_instance import SingleInstance
    from lyricpad.core.app_links import AppLink

SCREENSHOT_SIZE = (1280, 800)
PAINT_TIMEOUT_MS = 15_000
"""How long --smoke and --screenshot wait for the window's first paint before giving up."""
STATUS_MESSAGE_MS = 10_000
_HARMLESS_QT_MESSAGES = ("does not support propagateSizeHints",)
"""Qt warnings the offscreen platform prints for every dock window; noise to a user."""


def run_window(args: argparse.Namespace) -> int:
    """Open the main window on args.library and args.song, unless one is open on that library already.

    With args.screenshot save a PNG of the window and exit; with args.smoke exit 0 once the window
    has painted. Neither hands off to, nor listens for, other starts: both work beside an open window.
    """
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
    interactive = screenshot is None and not args.smoke  # errors of a check or a screenshot go to stderr only
    try:
        path = library_path(args.library if args.library is not None else _start_library())
    except LyricpadError as exc:
        return _fail(str(exc), dialog=interactive)
    if not interactive:
        return _run_once(app, path, args.song, screenshot)

    from lyricpad.app.single_instance import HandOff, SingleInstance  # QtNetwork: only for the window

    try:
        files = window_files(getattr(args, "files", []))
        link = window_link(getattr(args, "links", []))
    except LyricpadError as exc:  # a bad link, or another machine's file: nothing is opened or changed
        return _fail(str(exc), dialog=True)
    if link is not None and args.library is None and not os.environ.get(ENV_LIBRARY, "").strip():
        path = library_for_link(path, link)
    instance = SingleInstance(path)
    try:
        action = START_ACTIONS.get(_start_action(args))
        outcome = instance.start(
            {"song": args.song, "files": files, "link": link.url if link else None, "action": action}
        )
        if outcome is HandOff.DELIVERED:
            print(f"lyricpad is already open on {path}; showing it there")
            return 0
        if outcome is HandOff.NO_ANSWER:
            _warn(f"the lyricpad open on {path} does not answer; opening another window")
        elif not instance.is_listening:
            _warn(f"a second lyricpad on {path} will open another window: {instance.error}")
        return _run_interactive(app, path, args.song, instance, files, link, action)
    finally:
        instance.close()


def library_for_link(start: Path, link: AppLink) -> Path:
    """The library a link opens in when none was named: the first of *start* and the libraries the
    window opened lately that holds the link's song; *start* when none does (the window says so)."""
    from lyricpad.core.app_links import library_holds_song

    for candidate in (start, *map(Path, recent_libraries())):
        if library_holds_song(candidate, link.song_id):
            return candidate
    return start


def _start_library() -> str | None:
    """The library chosen in Settings to open at start; None (the usual one) when it is gone, or when
    LYRICPAD_LIBRARY names one (`library_path(None)` opens that one, new or not, before any choice)."""
    if os.environ.get(ENV_LIBRARY, "").strip():
        return None
    chosen = default_library()
    if chosen and not Path(chosen).expanduser().exists():
        _warn(
            f"the library chosen in Settings to open at start is not there ({chosen}); opening the usual one"
        )
        return None
    return chosen


START_ACTIONS = {"new_song": "new-song", "import_dialog": "import"}
"""The desktop file's actions (New Song, Import…): the option's name, and the word handed to a running window."""


def _start_action(args: argparse.Namespace) -> str:
    return next((name for name in START_ACTIONS if getattr(args, name, False)), "")


def run_start_action(window: MainWindow, action: str | None) -> None:
    """Start what the application menu's action asked for: a new song, or choosing files to import."""
    sidebar = window.sidebar
    chosen = {"new-song": sidebar.new_song_action, "import": sidebar.import_action}.get(action or "")
    if chosen is not None:
        QTimer.singleShot(0, window, chosen.trigger)  # once the window is up: both may ask a question


def window_files(files: list[str]) -> list[str]:
    """The window's FILEs as absolute paths (the running window's folder differs); ``file://`` URIs,
    as some file managers hand over, made paths (InvalidAppLink for another machine's file)."""
    from lyricpad.core.app_links import file_uri_path, is_file_uri

    return [os.path.abspath(file_uri_path(f) if is_file_uri(f) else f) for f in files]


def window_link(links: list[str]) -> AppLink | None:
    """The lyricpad:// link to open (None: none given); InvalidAppLink for a bad one, or for several."""
    from lyricpad.core.app_links import InvalidAppLink, parse_app_link

    if len(links) > 1:
        raise InvalidAppLink(f"the window opens one lyricpad link at a time; {len(links)} were given")
    return parse_app_link(links[0]) if links else None


def _run_interactive(
    app: QApplication,
    path: Path,
    song_ref: str | None,
    instance: SingleInstance,
    files: list[str] = (),
    link: AppLink | None = None,
    action: str | None = None,
) -> int:
    """The window, until the user closes it."""

    def fail(message: str) -> int:
        # Stop listening first: a start handed off while the dialog is up would be told
        # "showing it there" by a process that is about to exit.
        instance.close()
        return _fail(message, dialog=True)

    try:
        session = open_or_recover(path)
    except LyricpadError as exc:
        return fail(str(exc))
    if session is None:  # the library is damaged and the user chose to quit
        instance.close()
        return EXIT_ERROR
    remember_library(path)  # where a later lyricpad:// link given no --library looks for its song
    if session.read_only:
        QMessageBox.information(None, "lyricpad", f"{session.read_only}.")
    watch = None
    try:
        settings = Settings()
        try:
            song_id = initial_song(session, song_ref, settings)
        except LyricpadError as exc:
            return fail(str(exc))
        window = MainWindow(session, settings)
        session.select_song(song_id)
        receive_other_starts(instance, window)
        window.show()
        # After the first paint, in the background: the whole-file check, then the search index's
        # (a damaged index is mended before it can fail a save).
        watch = watch_for_damage(window)
        if link is not None:
            open_app_link(window, link)
        if files:
            window.open_files(list(files))
        run_start_action(window, action)
        code = app.exec()
    finally:
        session.close()
    if recover_chosen(path, watch):  # damage found by that check, and the user chose a way out
        return _run_interactive(app, path, None, instance)
    return code


def open_or_recover(path: Path) -> Session | None:
    """The session on *path*; when the file is damaged, the user chooses a way out first (None: quit)."""
    path = Path(os.path.realpath(path))  # the file itself: its backups and SQLite's files are beside it
    try:
        return Session.open(path)
    except NotALibrary as exc:
        if not path.is_file() or isinstance(exc, ForeignDatabase):
            raise  # another program's database is never set aside or replaced: only refused
        from lyricpad.gui.damaged_dialog import ask_and_recover  # only a damaged library needs it

        if not ask_and_recover(path, str(exc)):
            return None
    return Session.open(path)


def _run_once(app: QApplication, path: Path, song_ref: str | None, screenshot: Path | None) -> int:
    """--smoke, or --screenshot: open the window, wait for its first paint, and exit."""
    try:
        session = Session.open(path)
    except LyricpadError as exc:
        return _fail(str(exc), dialog=False)
    previous_handler = qInstallMessageHandler(_on_qt_message)
    try:
        with tempfile.TemporaryDirectory(prefix="lyricpad-") as scratch:
            # A screenshot ignores the remembered layout and song, so it looks the same every
            # time. A smoke check opens the window as the user would see it (the last song,
            # the saved layout), but on a throwaway copy of the settings: closing the window
            # saves its layout as usual, and a check must not change the user's.
            settings = None if screenshot is not None else _settings_copy(Path(scratch))
            try:
                song_id = initial_song(session, song_ref, settings)
            except LyricpadError as exc:
                return _fail(str(exc), dialog=False)
            window = MainWindow(session, settings)
            session.select_song(song_id)
            if screenshot is not None:
                window.resize(*SCREENSHOT_SIZE)
            painted = show_until_painted(window)
            saved = screenshot is None or (painted and _save_png(window, screenshot))
            title = window.windowTitle()
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        qInstallMessageHandler(previous_handler)
        session.close()
    if not painted:
        return _fail(
            f"the window was not painted within {PAINT_TIMEOUT_MS // 1000} s "
            f"(on the {app.platformName()!r} platform)",
            dialog=False,
        )
    if not saved:
        return _fail(f"cannot write the screenshot {screenshot}", dialog=False)
    if isinstance(saved, str):
        return _fail(saved, dialog=False)
    if screenshot is not None:
        print(screenshot)
    else:
        print(f"{title}: painted on the {app.platformName()!r} platform")
    return 0


def _save_png(window: MainWindow, path: Path) -> bool | str:
    """Write the window's picture to *path* like an export (atomically, never over an SQLite file,
    a pipe or a device); True, or why it was not written."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from lyricpad.core import livefiles
    from lyricpad.core.errors import LyricpadError
    from lyricpad.core.export.files import write_atomic_bytes

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not window.grab().save(buffer, "PNG"):
        return False
    try:
        write_atomic_bytes(path, bytes(data.data()))
    except (LyricpadError, livefiles.PathRefused) as exc:
        return f"the screenshot was not saved: {exc}"
    return True


def _settings_copy(folder: Path) -> Settings:
    """The user's settings, copied into *folder*: they read as usual, and what is written is lost."""
    user_file = Path(Settings().file_name)
    copy = folder / "lyricpad.ini"
    try:
        shutil.copyfile(user_file, copy)
    except OSError:  # no settings yet, or unreadable ones: the window opens with its defaults
        pass
    return Settings(QSettings(str(copy), QSettings.Format.IniFormat))


class _FirstPaint(QObject):
    """Watches a widget and ends *loop* once it has painted."""

    def __init__(self, loop: QEventLoop):
        super().__init__()
        self.painted = False
        self._loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            # The window paints before its children, in the same pass: end the loop after it.
            QTimer.singleShot(0, self._loop, self._loop.quit)
        return False


def show_until_painted(window: MainWindow, timeout_ms: int = PAINT_TIMEOUT_MS) -> bool:
    """Show *window* and run events until it has painted on screen once; False after *timeout_ms*."""
    loop = QEventLoop()
    watcher = _FirstPaint(loop)
    window.installEventFilter(watcher)
    QTimer.singleShot(timeout_ms, loop, loop.quit)
    window.show()
    loop.exec()
    window.removeEventFilter(watcher)
    return watcher.painted


def receive_other_starts(instance: SingleInstance, window: MainWindow) -> None:
    """Let later starts of lyricpad on this library bring *window* forward and open their --song."""
    instance.message_received.connect(partial(show_handed_over, window))


def show_handed_over(window: MainWindow, message: dict) -> None:
    """Bring *window* to the front, import the files and open the song or link another start asked for."""
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.show()
    window.raise_()
    window.activateWindow()
    files = message.get("files")
    if isinstance(files, list) and files and all(isinstance(f, str) for f in files):
        window.open_files(files)
    song_ref = message.get("song")
    if isinstance(song_ref, str) and song_ref.strip():
        window.flush_edits()  # typing not yet saved belongs to the song shown now
        session = window.session
        try:
            session.select_song(session.resolve_song(song_ref).id)
        except LyricpadError as exc:
            said = QCoreApplication.translate("launch", "Cannot open the song asked for: {error}")
            window.statusBar().showMessage(said.format(error=exc), STATUS_MESSAGE_MS)
    action = message.get("action")
    if action in START_ACTIONS.values():
        run_start_action(window, action)
    link = message.get("link")
    if isinstance(link, str) and link:
        from lyricpad.core.app_links import parse_app_link

        try:  # checked by the start that sent it; read again, as anything on the socket is
            open_app_link(window, parse_app_link(link))
        except LyricpadError as exc:
            said = QCoreApplication.translate("launch", "Cannot open the link: {error}")
            window.statusBar().showMessage(said.format(error=exc), STATUS_MESSAGE_MS)


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
    last = settings.last_song() if settings is not None else ""
    if last and session.song_summary(last) is not None:  # one row looked up, not the song list read
        return last
    return session.first_song_id()


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("lyricpad")
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    install_translators(app, language())
    return app


def _fail(message: str, *, dialog: bool) -> int:
    """Report an error in one line on stderr, and in a dialog when the window was wanted."""
    print(f"lyricpad: error: {message}", file=sys.stderr)
    if dialog:
        QMessageBox.critical(None, "lyricpad", message)
    return EXIT_ERROR


def _warn(message: str) -> None:
    print(f"lyricpad: warning: {message}", file=sys.stderr)


def _on_qt_message(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if not any(harmless in message for harmless in _HARMLESS_QT_MESSAGES):
        print(message, file=sys.stderr)
