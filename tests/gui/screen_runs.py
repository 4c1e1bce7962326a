"""Widget tests on a screen of the size they are about: the suite's offscreen screen is 800x800, too small
for a window of 1024x700 or 1280x800 to start as it does on a laptop.

A test calls `ran_on_screen(request, width, height)` first: when this process's screen is not that size,
the test is run again in a child pytest whose QApplication is made on an offscreen screen of that size
(`start_on_test_screen()`, called as the test module is imported) and True says it passed there.

`layout_runs(tmp_path)` starts the window itself as a process on a screen of a given size (layout_run.py),
for tests of what a layout becomes across a restart.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from gui_testing import SHOTS_FOLDER
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from lyricpad.app.translations import install_translators
from lyricpad.core.store import Library

SCREEN = "LYRICPAD_TEST_SCREEN"
"""Set in a child run to the screen's size, "1280x800"."""

LAYOUT_RUN = Path(__file__).with_name("layout_run.py")

_apps: list[QApplication] = []  # the child's application, kept alive for the run


def start_on_test_screen() -> None:
    """In a child run, make the QApplication on an offscreen screen of the size asked for (before pytest-qt
    makes its own: it takes the one that exists). The command line's -platform wins over QT_QPA_PLATFORM."""
    size = os.environ.get(SCREEN)
    if not size or QApplication.instance() is not None:
        return
    width, height = (int(n) for n in size.split("x"))
    config = Path(tempfile.mkdtemp(prefix="lyricpad-screen-")) / "screen.json"
    screen = {"name": "test", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    app = QApplication([sys.argv[0], "-platform", f"offscreen:configfile={config}"])
    install_translators(app, "en")  # as tests/conftest.py's application: English counts read "3 places"
    _apps.append(app)


def screen_size() -> tuple[int, int]:
    geometry = QGuiApplication.primaryScreen().availableGeometry()
    return geometry.width(), geometry.height()


def ran_on_screen(request, width: int, height: int) -> bool:
    """False: this process's screen is *width* x *height*, the test goes on here. True: it was run in a
    child process on such a screen, and passed there (a failure there fails this test, with its output)."""
    if screen_size() == (width, height):
        return False
    assert not os.environ.get(SCREEN), f"asked for a {width}x{height} screen, got {screen_size()}"
    env = dict(os.environ, **{SCREEN: f"{width}x{height}"})
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
        cwd=request.config.rootpath,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, (
        f"on a {width}x{height} screen:\n{done.stdout[-6000:]}\n{done.stderr[-2000:]}"
    )
    return True


def layout_runs(tmp_path, timeout: int):
    """run(ACTION, WIDTH, HEIGHT, shot=NAME): one run of lyricpad (layout_run.py) on a WIDTHxHEIGHT screen,
    on a library of its own in *tmp_path*; what it saw. The runs share their settings as two starts do."""
    library = tmp_path / "lib.sqlite"
    Library.open(library).close()

    def run(action: str, width: int, height: int, shot: str = "") -> dict:
        screen = tmp_path / f"screen-{width}x{height}.json"
        screen.write_text(
            json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]})
        )
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
        for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = str(tmp_path / name.lower())  # shared by the runs of one test, as by two starts
        args = [sys.executable, str(LAYOUT_RUN), action, str(library)]
        if shot:
            SHOTS_FOLDER.mkdir(parents=True, exist_ok=True)
            args.append(str(SHOTS_FOLDER / f"{shot}.png"))
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])

    return run
