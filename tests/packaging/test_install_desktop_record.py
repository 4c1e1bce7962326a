"""`lyricpad install-desktop` trusts its record of an installation only once all of it is checked:
a damaged or planted record is refused whole, naming the file, and nothing is removed or written."""

import hashlib
import json
from pathlib import Path

import pytest

from lyricpad import APP_ID
from lyricpad.cli import install_desktop
from lyricpad.main import main

MENU = f"applications/{APP_ID}.desktop"
RECORD = "lyricpad/install-desktop.json"


@pytest.fixture
def installed(tmp_path, monkeypatch, capsys) -> Path:
    """A fresh installation under tmp_path/prefix (no cache tools run); its data folder."""
    monkeypatch.setattr(install_desktop.shutil, "which", lambda name: None)
    assert main(["install-desktop", "--prefix", str(tmp_path / "prefix")]) == 0
    capsys.readouterr()
    return tmp_path / "prefix" / "share"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _edit_record(share: Path, **changes) -> None:
    record = json.loads((share / RECORD).read_text())
    record.update(changes)
    (share / RECORD).write_text(json.dumps(record))


def test_a_record_naming_a_file_outside_the_data_folder_removes_nothing(tmp_path, installed, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("my notes")
    files = json.loads((installed / RECORD).read_text())["files"]
    _edit_record(installed, files={**files, "../../victim.txt": _sha(b"my notes")})
    before = _tree(tmp_path)
    code = main(["install-desktop", "--prefix", str(tmp_path / "prefix"), "--uninstall"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == (
        f"lyricpad: error: cannot use {installed / RECORD}, the record of the last installation: "
        f'"files" names \'../../victim.txt\': it goes up a folder (".."); nothing was changed\n'
    )
    assert _tree(tmp_path) == before


def _installed_sha(share: Path) -> str:
    return _sha((share / MENU).read_bytes())


BAD_RECORDS = {
    "not JSON": lambda share: "{files",
    "not an object": lambda share: "[]",
    "files null": lambda share: {"files": None, "folders": []},
    "files a list": lambda share: {"files": [MENU], "folders": []},
    "a path going up": lambda share: {"files": {"applications/../" + MENU: _installed_sha(share)}},
    "an absolute path": lambda share: {"files": {str(share / MENU): _installed_sha(share)}},
    "the folder itself": lambda share: {"files": {".": _installed_sha(share)}},
    "an empty path": lambda share: {"files": {"": _installed_sha(share)}},
    "a NUL in a path": lambda share: {"files": {"applications/a\0b": _installed_sha(share)}},
    "a short hash": lambda share: {"files": {MENU: "abc123"}},
    "a hash not in hex": lambda share: {"files": {MENU: "z" * 64}},
    "a hash not a string": lambda share: {"files": {MENU: None}},
    "folders null": lambda share: {"folders": None},
    "folders holding a number": lambda share: {"folders": [1]},
    "a folder going up": lambda share: {"folders": ["applications", "../.."]},
    "an absolute folder": lambda share: {"folders": [str(share.parent)]},
    "folders above not a number": lambda share: {"folders_above": "2"},
    "folders above too many": lambda share: {"folders_above": 1000},
    "folders above negative": lambda share: {"folders_above": -1},
}


@pytest.mark.parametrize("command", [["--uninstall"], []], ids=["uninstall", "install"])
@pytest.mark.parametrize("damage", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_a_damaged_record_is_refused_whole_and_nothing_changes(tmp_path, installed, capsys, damage, command):
    made = damage(installed)
    if isinstance(made, str):
        (installed / RECORD).write_text(made)
    else:
        _edit_record(installed, **made)
    before = _tree(tmp_path)
    code = main(["install-desktop", "--prefix", str(tmp_path / "prefix"), *command])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    first, *rest = err.splitlines()
    assert rest == [] and "Traceback" not in err
    assert first.startswith(f"lyricpad: error: cannot use {installed / RECORD}, the record of the last")
    assert first.endswith("; nothing was changed")
    assert _tree(tmp_path) == before
