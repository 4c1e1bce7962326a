"""One window per library: a second start hands its arguments to the open window and exits."""

import os
import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer

from lyricpad import APP_ID
from lyricpad.app.single_instance import HandOff, SingleInstance, decode_message, server_name
from lyricpad.core.store import Library
from lyricpad.gui.launch import receive_other_starts
from lyricpad.main import main

LANTERNS = "Lanterns on the Water"


@pytest.fixture
def instances():
    """Make SingleInstance objects that stop listening at the end of the test."""
    made = []

    def make(path) -> SingleInstance:
        instance = SingleInstance(path)
        made.append(instance)
        return instance

    yield make
    for instance in made:
        instance.close()


def socket_file(name: str) -> str:
    """Where QLocalServer puts the socket of *name* on Unix."""
    return name if os.path.isabs(name) else os.path.join(QDir.tempPath(), name)


def test_the_first_start_listens_and_a_second_one_hands_over(qtbot, tmp_path, instances):
    library = tmp_path / "lib.sqlite"
    first, second = instances(library), instances(library)
    assert first.start({"song": None, "files": []}) is HandOff.NO_WINDOW
    assert first.is_listening

    message = {"song": "Paper Boats", "files": ["/tmp/a.txt"]}
    with qtbot.waitSignal(first.message_received, timeout=5000) as received:
        assert second.start(message) is HandOff.DELIVERED
    assert received.args == [message]
    assert not second.is_listening


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_socket_left_by_a_crash_is_replaced(qtbot, tmp_path, instances):
    library = tmp_path / "lib.sqlite"
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(socket_file(server_name(library)))  # bound, never listening: what a killed window leaves
    stale.close()

    first = instances(library)
    assert first.start({"song": None}) is HandOff.NO_WINDOW
    assert first.is_listening, first.error
    with qtbot.waitSignal(first.message_received, timeout=5000):
        assert instances(library).send({"song": None}) is HandOff.DELIVERED


def test_a_listening_window_is_never_pushed_aside(qtbot, tmp_path, instances):
    library = tmp_path / "lib.sqlite"
    first = instances(library)
    assert first.listen()
    intruder = instances(library)
    assert not intruder.listen()
    with qtbot.waitSignal(first.message_received, timeout=5000):
        assert instances(library).send({"song": None}) is HandOff.DELIVERED


def test_a_window_that_does_not_answer_is_left_alone(qtbot, tmp_path, instances):
    library = tmp_path / "lib.sqlite"
    mute = QLocalServer()  # accepts connections, never replies: a busy or hung window
    assert mute.listen(server_name(library))
    try:
        late = instances(library)
        assert late.start({"song": None}, timeout_ms=300) is HandOff.NO_ANSWER
        assert not late.is_listening
        assert mute.isListening()
    finally:
        mute.close()


def test_every_spelling_of_a_library_path_is_one_name(tmp_path, monkeypatch):
    (tmp_path / "music").mkdir()
    library = tmp_path / "music" / "lib.sqlite"
    (tmp_path / "link").symlink_to(tmp_path / "music")
    monkeypatch.chdir(tmp_path)
    spellings = [library, "music/lib.sqlite", tmp_path / "music" / ".." / "music" / "lib.sqlite"]
    spellings.append(tmp_path / "link" / "lib.sqlite")
    assert len({server_name(path) for path in spellings}) == 1


def test_different_libraries_have_windows_of_their_own(tmp_path, instances):
    one, other = tmp_path / "one.sqlite", tmp_path / "other.sqlite"
    assert server_name(one) != server_name(other)
    first, second = instances(one), instances(other)
    assert first.start({"song": None}) is HandOff.NO_WINDOW
    assert second.start({"song": None}) is HandOff.NO_WINDOW
    assert first.is_listening and second.is_listening


def test_the_name_is_per_user(tmp_path):
    name = os.path.basename(server_name(tmp_path / "lib.sqlite"))
    if hasattr(os, "getuid"):
        assert name.startswith(f"{APP_ID}-{os.getuid()}-")  # the application id, then the user


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"song": "x", "files": []}', {"song": "x", "files": []}),
        (b"[1, 2]", None),
        (b"not json", None),
        (b"\xff\xfe", None),
    ],
)
def test_only_a_json_object_is_a_message(line, message):
    assert decode_message(line) == message


# ---------------------------------------------------------------- with the window


@pytest.fixture
def listening_window(open_window, demo_path, instances):
    """The window open on a second song, listening for other starts as `lyricpad` does."""
    with Library.open(demo_path) as library:
        library.songs.add("Paper Boats", artist="Wren Alder")
    window = open_window(demo_path, "Paper Boats")
    instance = instances(demo_path)
    assert instance.start({"song": None, "files": []}) is HandOff.NO_WINDOW
    receive_other_starts(instance, window)
    return window, instance


def current_title(window) -> str:
    return window.session.song(window.session.current_song_id).title


def test_a_second_start_opens_its_song_in_the_window(listening_window, demo_path, instances):
    window, _ = listening_window
    assert instances(demo_path).send({"song": LANTERNS, "files": []}) is HandOff.DELIVERED
    assert current_title(window) == LANTERNS
    assert window.windowTitle().startswith(f"lyricpad — {LANTERNS}")


def test_a_second_start_with_an_unknown_song_is_told_in_the_status_bar(
    listening_window, demo_path, instances
):
    window, _ = listening_window
    assert instances(demo_path).send({"song": "No Such Song", "files": []}) is HandOff.DELIVERED
    assert current_title(window) == "Paper Boats"
    assert "No Such Song" in window.statusBar().currentMessage()


def test_a_real_second_lyricpad_hands_over_and_exits(qtbot, listening_window, demo_path):
    window, _ = listening_window
    second = subprocess.Popen(
        [sys.executable, "-m", "lyricpad", "--library", str(demo_path), "--song", LANTERNS],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # This process's event loop runs while the second lyricpad talks to its window.
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    finally:
        if second.poll() is None:
            second.kill()
    out, err = second.communicate()
    assert second.returncode == 0, err
    assert out == f"lyricpad is already open on {demo_path}; showing it there\n"
    assert current_title(window) == LANTERNS


@pytest.mark.parametrize("option", ["--smoke", "--screenshot"])
def test_smoke_and_screenshot_work_beside_an_open_window(
    listening_window, demo_path, tmp_path, instances, option
):
    window, instance = listening_window
    received = []
    instance.message_received.connect(received.append)
    extra = [str(tmp_path / "shot.png")] if option == "--screenshot" else []
    assert main(["--library", str(demo_path), "--song", LANTERNS, option, *extra]) == 0
    assert received == [] and current_title(window) == "Paper Boats"
    # Nor did it take the name over: the open window still gets later starts.
    assert instance.is_listening
    assert instances(demo_path).send({"song": LANTERNS}) is HandOff.DELIVERED
    assert current_title(window) == LANTERNS
