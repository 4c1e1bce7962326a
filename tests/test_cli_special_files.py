"""Pipes, devices, folders and links to them are refused for every path the command line takes,
without reading them (issue 12): one line, exit 1, nothing changed."""

from __future__ import annotations

import os
import stat

import pytest
from cli_testing import data_dump

from lyricpad.core.store import Library
from lyricpad.main import main

KINDS = ("fifo", "folder", "device", "link-to-fifo", "link-to-nothing")


def special(tmp_path, kind: str, name: str):
    """A path of *kind* named *name*: a FIFO (reading it would block), a folder, /dev/zero (never ends)..."""
    path = tmp_path / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "link-to-fifo":
        target = tmp_path / f"real-{name}"
        os.mkfifo(target)
        path.symlink_to(target)
    else:
        path.symlink_to(tmp_path / "nothing-here")
    return path


@pytest.fixture
def lib_path(tmp_path):
    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    return path


COMMANDS = {
    "library": lambda lib, p: ["--library", str(p), "songs"],
    "import-json": lambda lib, p: ["--library", str(lib), "import", str(p)],
    "import-lyrics": lambda lib, p: ["--library", str(lib), "import", str(p), "--as", "lyrics"],
    "edit-lyrics": lambda lib, p: ["--library", str(lib), "edit-lyrics", "Lanterns on the Water", str(p)],
    "backup": lambda lib, p: ["--library", str(lib), "backup", "-o", str(p)],
    "restore-backup": lambda lib, p: ["--library", str(lib), "restore-backup", str(p)],
    "restore": lambda lib, p: ["--library", str(lib), "restore", str(p)],
    "export": lambda lib, p: ["--library", str(lib), "export", "Lanterns on the Water", "-o", str(p)],
}
NAMES = {"import-json": "notes.json", "import-lyrics": "song.txt", "edit-lyrics": "song.txt"}


# `export -o FOLDER` and `backup -o FOLDER` write into the folder: a folder is a destination there.
CASES = [(c, k) for c in sorted(COMMANDS) for k in KINDS if not (c in ("export", "backup") and k == "folder")]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("command, kind", CASES)
def test_special_paths_are_refused_without_reading(command, kind, lib_path, tmp_path, capsys):
    path = special(tmp_path, kind, NAMES.get(command, "thing.sqlite"))
    before = data_dump(lib_path)
    mode = os.lstat(path).st_mode
    assert main(COMMANDS[command](lib_path, path)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("lyricpad: error:"), err
    assert str(path.name) in err
    described = {
        "fifo": "pipe",
        "link-to-fifo": "pipe",
        "folder": "folder",
        "device": "device",
        "link-to-nothing": "does not exist",
    }[kind]
    assert described in err or (kind == "link-to-nothing" and "no such file" in err), err
    assert os.lstat(path).st_mode == mode  # still what it was: nothing written over it
    if kind in ("fifo", "link-to-fifo"):
        assert stat.S_ISFIFO(os.stat(path).st_mode)
    assert data_dump(lib_path) == before
