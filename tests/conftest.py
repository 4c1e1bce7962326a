"""Test isolation: Qt renders offscreen, and no test can reach the real library, settings or network."""

import os
import sys
from pathlib import Path

import pytest

# Before any test module imports Qt.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

_ISOLATED = (
    "HOME",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
)


@pytest.fixture(scope="session")
def qapp_cls():
    """pytest-qt's application, in English with lyricpad's translations installed as the window installs them.

    English has a translation of its own (the singular and plural of each "%n song(s)"), so without it
    counts would read "3 song(s)"; tests see the window as a user in English sees it.
    """
    from PySide6.QtWidgets import QApplication

    from lyricpad.app.translations import install_translators

    class EnglishApplication(QApplication):
        def __init__(self, args):
            super().__init__(args)
            install_translators(self, "en")

    return EnglishApplication


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point every per-user folder and the default library into a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for name in _ISOLATED:
        folder = home / name.lower()
        folder.mkdir(mode=0o700)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("LYRICPAD_LIBRARY", raising=False)
    return home


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> list[tuple[str, str]]:
    """Modal message boxes never block a test: each is recorded as (kind, text) and answered at once.

    Only patched when a test has loaded Qt's widgets; core tests stay free of Qt.
    """
    shown: list[tuple[str, str]] = []
    if "PySide6.QtWidgets" not in sys.modules:
        return shown
    from PySide6.QtWidgets import QMessageBox

    def recorder(kind, answer):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer

        return show

    for kind, answer in (
        ("critical", QMessageBox.StandardButton.Ok),
        ("warning", QMessageBox.StandardButton.Ok),
        ("information", QMessageBox.StandardButton.Ok),
        ("question", QMessageBox.StandardButton.No),
    ):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind, answer))
    return shown


@pytest.fixture
def library_path(tmp_path) -> Path:
    """A library file that does not exist yet, in a folder that does not exist yet."""
    return tmp_path / "libraries" / "library.sqlite"


@pytest.fixture
def library(library_path):
    """A new library on disk, seeded with the demo song like a user's first run."""
    from lyricpad.core.store import Library

    lib = Library.open(library_path)
    yield lib
    lib.close()


@pytest.fixture
def empty_library(tmp_path):
    """A new library on disk without the demo song."""
    from lyricpad.core.store import Library

    lib = Library.open(tmp_path / "empty.sqlite", seed_demo=False)
    yield lib
    lib.close()


def pytest_report_header(config):
    return f"python {sys.version.split()[0]}; QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}"


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to resolve a host or connect a socket fails the test (imports must fetch nothing)."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError(f"a network access was attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def cli(library_path, capsys):
    """Run lyricpad in-process on the test library; returns (exit code, stdout, stderr)."""
    from lyricpad.main import main

    def run(*args, library=library_path):
        code = main(["--library", str(library), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def cli_json(cli):
    """Run a command with --json; returns its parsed output (the command must succeed)."""
    import json

    def run(*args):
        code, out, err = cli(*args, "--json")
        assert code == 0, err
        return json.loads(out)

    return run
