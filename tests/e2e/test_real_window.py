"""The real `lyricpad` on a real X server (Xvfb): it opens its window, draws, and quits on Ctrl+Q."""

import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed"),
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed"),
]

SCREEN = (1280, 800)
IMPORT = "/usr/bin/import"  # ImageMagick's; other `import`s on PATH may be stand-ins
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_MAGIC, f"{path} is not a PNG"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Start Xvfb on a display number it picks itself (-displayfd), and return it with ":N"."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{SCREEN[0]}x{SCREEN[1]}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=[write_fd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    # Xvfb writes the number, then a newline: closing the pipe before the newline is written
    # kills it ("Cannot write display number"), so read up to the newline.
    received = b""
    deadline = time.monotonic() + 20
    try:
        while not received.endswith(b"\n"):
            ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_fd, 64) if ready else b""
            if not chunk:
                break
            received += chunk
    finally:
        os.close(read_fd)
    number = received.decode().strip() if received.endswith(b"\n") else ""
    if not number:
        xvfb.kill()
        xvfb.wait()
        pytest.fail("Xvfb did not report a display within 20 s")
    return xvfb, f":{number}"


def stop(process: subprocess.Popen | None) -> None:
    if process is not None and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class XScreen:
    """A real X server (Xvfb) for one test, and the lyricpad processes started on it."""

    def __init__(self, tmp_path: Path):
        self.xvfb, display = start_xvfb()
        self.env = dict(
            os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONFAULTHANDLER="1"
        )  # a crash leaves its stacks in the log
        self.env.pop("WAYLAND_DISPLAY", None)
        self.log = tmp_path / "lyricpad.log"
        self.log.touch()
        self.started: list[subprocess.Popen] = []

    def launch(self, *args: str) -> subprocess.Popen:
        """Start `lyricpad ARGS...` on this screen, its output appended to the log."""
        with self.log.open("ab") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "lyricpad", *args], env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        self.started.append(process)
        return process

    def close(self) -> None:
        for process in reversed(self.started):
            stop(process)
        stop(self.xvfb)


@pytest.fixture
def screen(tmp_path):
    x = XScreen(tmp_path)
    yield x
    x.close()


def test_lyricpad_opens_a_window_and_quits_on_ctrl_q(tmp_path, screen):
    if not Path(IMPORT).exists():
        pytest.skip(f"{IMPORT} (ImageMagick) is not installed")
    env, log = screen.env, screen.log
    app = screen.launch("--library", str(tmp_path / "lib.sqlite"))
    (window_id,) = wait_for_windows(env, 1, log)
    assert app.poll() is None, log.read_text()
    name = subprocess.run(["xdotool", "getwindowname", window_id], env=env, capture_output=True, text=True)
    assert name.stdout.strip() == "lyricpad — Lanterns on the Water — The Hollow Pines"

    shot = tmp_path / "shot.png"
    # Mapped is not yet painted: take shots until the window has drawn something.
    deadline = time.monotonic() + 10
    while True:
        subprocess.run([IMPORT, "-window", "root", str(shot)], env=env, check=True, timeout=20)
        if _colour_count(shot) > 8 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert png_size(shot) == SCREEN
    assert _colour_count(shot) > 8, "the screen is blank: the window drew nothing"

    # Without a window manager nobody gives the window focus; a shortcut needs it.
    xdotool(env, "windowfocus", "--sync", window_id)
    quit_with_ctrl_q(env, window_id)
    assert app.wait(timeout=10) == 0, log.read_text()


def _colour_count(png: Path) -> int:
    """How many distinct colours a coarse grid over the image finds (a blank screen has one)."""
    from PySide6.QtGui import QImage  # loading a PNG needs no display

    image = QImage(str(png))
    if image.isNull():
        return 0
    return len({image.pixel(x, y) for x in range(0, image.width(), 20) for y in range(0, image.height(), 20)})


def lyricpad_windows(env: dict) -> list[str]:
    """The ids of the visible lyricpad main windows, found at once (no waiting)."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^lyricpad — "],
        env=env,
        capture_output=True,
        text=True,
        timeout=10,
    )
    return found.stdout.split()


def wait_for_windows(env: dict, count: int, log: Path, timeout: float = 20) -> list[str]:
    deadline = time.monotonic() + timeout
    while len(windows := lyricpad_windows(env)) < count:
        if time.monotonic() > deadline:
            pytest.fail(
                f"{len(windows)} lyricpad windows, not {count}, after {timeout:.0f} s:\n{log.read_text()}"
            )
        time.sleep(0.1)
    return windows


def xdotool(env: dict, *args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=20, check=True
    )
    return result.stdout


def quit_with_ctrl_q(env: dict, window_id: str) -> None:
    # No check: the window is gone before xdotool sends the key release (BadWindow).
    subprocess.run(["xdotool", "key", "--window", window_id, "ctrl+q"], env=env, timeout=20)


def test_a_second_lyricpad_on_the_same_library_shows_the_first_window(tmp_path, screen):
    env, log = screen.env, screen.log
    library = tmp_path / "lib.sqlite"
    first = screen.launch("--library", str(library))
    wait_for_windows(env, 1, log)

    second = subprocess.run(
        [sys.executable, "-m", "lyricpad", "--library", str(library), "--song", "Lanterns on the Water"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,  # a second window would never exit by itself
    )
    assert second.returncode == 0, second.stderr
    assert second.stdout == f"lyricpad is already open on {library}; showing it there\n"
    assert len(lyricpad_windows(env)) == 1
    assert first.poll() is None, log.read_text()

    # A window is one library's: another library opens a window of its own.
    other = screen.launch("--library", str(tmp_path / "other.sqlite"))
    wait_for_windows(env, 2, log)
    assert first.poll() is None and other.poll() is None, log.read_text()


def test_a_user_highlights_a_line_with_the_mouse_and_keys_and_it_is_saved(tmp_path, screen):
    """Real X input: click into the lyrics, pick line 2 with the keyboard, press 2 (Imagery),
    type a note, quit; the library file then holds the highlight and its note."""
    from lyricpad.core.store import Library

    env, log = screen.env, screen.log
    library = tmp_path / "lib.sqlite"
    app = screen.launch("--library", str(library))
    (window_id,) = wait_for_windows(env, 1, log)
    xdotool(env, "windowfocus", "--sync", window_id)
    time.sleep(0.5)  # let the first layout settle before aiming the mouse
    # The lyrics pane takes the left half of the centre: a click there puts the text cursor in it.
    geometry = xdotool(env, "getwindowgeometry", "--shell", window_id)
    values = dict(line.split("=", 1) for line in geometry.split())
    x, y = int(values["X"]), int(values["Y"])
    width, height = int(values["WIDTH"]), int(values["HEIGHT"])
    xdotool(env, "mousemove", "--sync", str(x + width * 35 // 100), str(y + height // 2))
    xdotool(env, "click", "1")
    for keys in (("ctrl+Home",), ("Down",), ("Home",), ("shift+End",), ("2",)):
        xdotool(env, "key", "--window", window_id, *keys)
    # The new highlight is open in the note editor: Ctrl+Return puts the cursor in its note.
    xdotool(env, "key", "--window", window_id, "ctrl+Return")
    xdotool(env, "type", "--delay", "20", "Lamps as birds")
    time.sleep(0.3)
    assert app.poll() is None, log.read_text()
    quit_with_ctrl_q(env, window_id)
    assert app.wait(timeout=20) == 0, log.read_text()

    with Library.open(library) as lib:
        song = lib.songs.all()[0]
        made = [a for a in lib.annotations.for_song(song.id) if a.note == "Lamps as birds"]
    assert len(made) == 1, log.read_text()
    (annotation,) = made
    assert annotation.lens.name == "Imagery"
    assert annotation.quote == "The harbour lights are folding up their wings,"
    assert (annotation.first.line_start, annotation.first.line_end) == (2, 2)
