"""`lyricpad install-desktop`: what it writes, its record, re-runs, --uninstall, and refusals."""

import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_testing import DESKTOP

from lyricpad import APP_ID
from lyricpad.cli import install_desktop
from lyricpad.main import main

MENU = f"applications/{APP_ID}.desktop"
EXPECTED = {
    MENU,
    f"applications/{APP_ID}.url-handler.desktop",
    f"metainfo/{APP_ID}.metainfo.xml",
    f"mime/packages/{APP_ID}.xml",
    f"icons/hicolor/scalable/apps/{APP_ID}.svg",
    *(f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in (16, 24, 32, 48, 64, 128, 256, 512)),
}


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir()}


def _run(capsys, *words) -> tuple[int, str, str]:
    code = main(["install-desktop", *map(str, words)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def no_cache_tools(monkeypatch):
    """The desktop's cache tools are not found: only lyricpad's own files are written."""
    monkeypatch.setattr(install_desktop.shutil, "which", lambda name: None)


def test_writes_every_file_and_a_record_of_them(capsys, tmp_path, no_cache_tools):
    code, out, _ = _run(capsys, "--prefix", tmp_path)
    share = tmp_path / "share"
    assert code == 0
    assert _files(share) == EXPECTED | {"lyricpad/install-desktop.json"}
    record = json.loads((share / "lyricpad/install-desktop.json").read_text())
    assert set(record["files"]) == EXPECTED
    assert "13 files written" in out and str(share) in out


def test_default_target_is_xdg_data_home(capsys, no_cache_tools):
    code, _, _ = _run(capsys)
    assert code == 0
    assert (Path(os.environ["XDG_DATA_HOME"]) / MENU).is_file()


def test_exec_runs_the_launcher_by_its_absolute_path(capsys, tmp_path, monkeypatch, no_cache_tools):
    launcher = tmp_path / "bin dir" / "lyricpad"
    launcher.parent.mkdir()
    launcher.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "argv", [str(launcher), "install-desktop"])
    _run(capsys, "--prefix", tmp_path)
    menu = (tmp_path / "share" / MENU).read_text().splitlines()
    quoted = f'"{launcher}"'
    assert [line for line in menu if line.startswith("Exec=")] == [
        f"Exec={quoted} %F",
        f"Exec={quoted} --new-song",
        f"Exec={quoted} --import",
    ]
    handler = (tmp_path / "share" / f"applications/{APP_ID}.url-handler.desktop").read_text()
    assert f"Exec={quoted} %u\n" in handler
    rest = [line for line in menu if not line.startswith("Exec=")]
    source = (DESKTOP / f"{APP_ID}.desktop").read_text().splitlines()
    assert rest == [line for line in source if not line.startswith("Exec=")]


def test_a_re_run_changes_nothing(capsys, tmp_path, no_cache_tools):
    _run(capsys, "--prefix", tmp_path)
    share = tmp_path / "share"
    before = {rel: (share / rel).stat().st_mtime_ns for rel in _files(share)}
    code, out, _ = _run(capsys, "--prefix", tmp_path)
    assert code == 0 and "0 files written, 13 already up to date" in out
    after = {rel: (share / rel).stat().st_mtime_ns for rel in _files(share)}
    assert {k: v for k, v in after.items() if "install-desktop.json" not in k} == {
        k: v for k, v in before.items() if "install-desktop.json" not in k
    }


def test_uninstall_removes_exactly_what_it_wrote(capsys, tmp_path, no_cache_tools):
    share = tmp_path / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    _run(capsys, "--prefix", tmp_path)
    code, out, _ = _run(capsys, "--prefix", tmp_path, "--uninstall")
    assert code == 0 and "13 files" in out
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "share",
        "share/applications",
        "share/applications/other.desktop",
    ]


def test_uninstall_keeps_a_file_changed_since(capsys, tmp_path, no_cache_tools):
    _run(capsys, "--prefix", tmp_path)
    menu = tmp_path / "share" / MENU
    menu.write_text(menu.read_text() + "NoDisplay=true\n")
    code, out, _ = _run(capsys, "--prefix", tmp_path, "--uninstall")
    assert code == 0 and f"Kept {menu}" in out
    assert _files(tmp_path) == {f"share/{MENU}"}


def test_uninstall_removes_the_prefix_it_made(capsys, tmp_path, no_cache_tools):
    prefix = tmp_path / "new" / "prefix"
    _run(capsys, "--prefix", prefix)
    assert (prefix / "share" / MENU).is_file()
    _run(capsys, "--prefix", prefix, "--uninstall")
    assert list(tmp_path.iterdir()) == []


def test_uninstall_with_nothing_installed_says_so(capsys, tmp_path, no_cache_tools):
    code, out, _ = _run(capsys, "--prefix", tmp_path, "--uninstall")
    assert code == 0 and "Nothing to uninstall" in out
    assert list(tmp_path.iterdir()) == []


def test_a_prefix_that_is_a_file_is_refused(capsys, tmp_path, no_cache_tools):
    prefix = tmp_path / "notes.txt"
    prefix.write_text("mine")
    code, out, err = _run(capsys, "--prefix", prefix)
    assert code == 1 and out == ""
    assert err == f"lyricpad: error: cannot use {prefix}/share: {prefix} is a file, not a folder\n"
    assert prefix.read_text() == "mine"


def test_a_file_in_the_way_that_cannot_be_read_is_one_message(capsys, tmp_path, monkeypatch, no_cache_tools):
    """A file already where one must go, that lyricpad may not read (root reads all, so the refusal is made here)."""
    in_the_way = tmp_path / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    in_the_way.parent.mkdir(parents=True)
    in_the_way.write_text("someone else's")
    read_bytes = Path.read_bytes

    def refuse(path):
        if path == in_the_way:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, out, err = _run(capsys, "--prefix", tmp_path)
    assert (
        code == 1 and err.startswith(f"lyricpad: error: cannot write {in_the_way}") and "Traceback" not in err
    )
    assert in_the_way.read_text() == "someone else's"
    assert not (tmp_path / "share" / "applications").exists()  # the files written before it were taken back


def test_a_failure_half_way_takes_back_what_was_written(capsys, tmp_path, no_cache_tools):
    blocker = tmp_path / "share" / "mime" / "packages" / f"{APP_ID}.xml"
    blocker.mkdir(parents=True)  # a folder where a file must go: the run fails after writing others
    code, _, err = _run(capsys, "--prefix", tmp_path)
    assert code == 1
    assert err.startswith(f"lyricpad: error: cannot write {blocker}") and "nothing was installed" in err
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "share",
        "share/mime",
        "share/mime/packages",
        f"share/mime/packages/{APP_ID}.xml",
    ]


def test_cache_tools_run_and_uninstall_leaves_no_cache_behind(capsys, tmp_path):
    if not install_desktop.shutil.which("update-mime-database"):
        pytest.skip("update-mime-database is not installed (scripts/setup installs shared-mime-info)")
    code, _, err = _run(capsys, "--prefix", tmp_path)
    assert code == 0 and err == ""
    assert "text/x-lrc" in (tmp_path / "share/mime/globs2").read_text()
    code, _, err = _run(capsys, "--prefix", tmp_path, "--uninstall")
    assert code == 0 and err == ""
    assert list(tmp_path.iterdir()) == []


def test_install_desktop_loads_no_qt():
    import subprocess

    code = "import sys, lyricpad.cli.install_desktop; print([m for m in sys.modules if 'PySide6' in m])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _exec_words(value: str) -> list[str]:
    """An Exec value split as the Desktop Entry Specification says: the string escapes undone first,
    then the quoting (arguments with a reserved character are in double quotes, where '"', '`', '$'
    and '\\' are escaped by a backslash), then "%%" read as "%" (field codes such as %F kept)."""
    chars, unescaped = iter(value), []
    for char in chars:
        unescaped.append(_STRING_ESCAPES[next(chars)] if char == "\\" else char)
    text, words, word, quoted, i = "".join(unescaped), [], None, False, 0
    while i < len(text):
        char = text[i]
        if quoted and char == "\\":
            assert text[i + 1] in '"`$\\', f"{text[i + 1]!r} may not be escaped in quotes"
            word, i = word + text[i + 1], i + 2
            continue
        if char == '"':
            assert word is None or quoted, "a quote in the middle of an argument"
            quoted, word = not quoted, word or ""
        elif char == " " and not quoted:
            if word is not None:
                words.append(word)
            word = None
        else:
            assert quoted or char not in _RESERVED, f"{char!r} outside quotes"
            word = (word or "") + char
        i += 1
    assert not quoted, "an unclosed quote"
    if word is not None:
        words.append(word)
    fields = re.compile(r"%(.)")
    for word in words:
        assert all(code in "%fFuUick" for code in fields.findall(word)), word
    return [fields.sub(lambda m: "%" if m[1] == "%" else m[0], word) for word in words]


@pytest.mark.parametrize(
    "folder",
    ["100% $HOME dir", "%F and %u", "q\"uote 'it' `now` back\\slash ~;&|<>*?#()", "tab\there"],
)
def test_exec_follows_the_desktop_entry_spec_for_any_path(capsys, tmp_path, monkeypatch, tool, folder):
    validate = tool("desktop-file-validate")
    monkeypatch.setattr(install_desktop.shutil, "which", lambda name: None)
    launcher = tmp_path / folder / "lyricpad"
    launcher.parent.mkdir()
    launcher.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "argv", [str(launcher), "install-desktop"])
    assert _run(capsys, "--prefix", tmp_path)[0] == 0
    for name in (MENU, f"applications/{APP_ID}.url-handler.desktop"):
        path = tmp_path / "share" / name
        done = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr
        execs = [line[len("Exec=") :] for line in path.read_text().splitlines() if line.startswith("Exec=")]
        assert execs and all(_exec_words(value)[0] == str(launcher) for value in execs)
    menu = (tmp_path / "share" / MENU).read_text().splitlines()
    assert _exec_words(next(line for line in menu if line.startswith("Exec="))[5:]) == [str(launcher), "%F"]


def test_a_re_install_keeps_an_older_versions_files_in_the_record(capsys, tmp_path, no_cache_tools):
    share = tmp_path / "share"
    _run(capsys, "--prefix", tmp_path)
    record = json.loads((share / "lyricpad/install-desktop.json").read_text())
    older = {  # files an older version wrote and this one does not
        "icons/hicolor/96x96/apps/old.png": b"old icon",
        "applications/old.desktop": b"[Desktop Entry]\n",
        "applications/changed-since.desktop": b"[Desktop Entry]\n",
        "applications/gone.desktop": b"[Desktop Entry]\n",
    }
    for rel, data in older.items():
        (share / rel).parent.mkdir(parents=True, exist_ok=True)
        (share / rel).write_bytes(data)
        record["files"][rel] = hashlib.sha256(data).hexdigest()
    (share / "lyricpad/install-desktop.json").write_text(json.dumps(record))
    (share / "applications/changed-since.desktop").write_text("[Desktop Entry]\nName=mine\n")
    (share / "applications/gone.desktop").unlink()

    assert _run(capsys, "--prefix", tmp_path)[0] == 0
    again = json.loads((share / "lyricpad/install-desktop.json").read_text())
    assert set(again["files"]) == EXPECTED | {"icons/hicolor/96x96/apps/old.png", "applications/old.desktop"}
    code, out, _ = _run(capsys, "--prefix", tmp_path, "--uninstall")
    assert code == 0 and "15 files" in out
    assert _files(tmp_path) == {"share/applications/changed-since.desktop"}


def test_the_uninstall_hint_is_a_command_that_works(capsys, tmp_path, monkeypatch, no_cache_tools):
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "--prefix", "my $prefix's")
    hint = next(line for line in out.splitlines() if line.startswith("Remove them with: "))
    words = shlex.split(hint[len("Remove them with: ") :])
    assert words == ["lyricpad", "install-desktop", "--prefix", str(tmp_path / "my $prefix's"), "--uninstall"]
    monkeypatch.chdir(tmp_path.parent)  # the hint holds wherever it is run from
    code, out, _ = _run(capsys, *words[2:])
    assert code == 0 and "13 files" in out
    assert list(tmp_path.iterdir()) == []


def test_an_empty_prefix_is_refused(capsys, tmp_path, monkeypatch, no_cache_tools):
    monkeypatch.chdir(tmp_path)
    for uninstall in ([], ["--uninstall"]):
        code, out, err = _run(capsys, "--prefix", "", *uninstall)
        assert code == 1 and out == ""
        assert err.startswith("lyricpad: error: --prefix is empty: give the folder to install under")
    assert list(tmp_path.iterdir()) == []
    assert not (Path(os.environ["XDG_DATA_HOME"]) / MENU).exists()


@pytest.fixture
def failing_tool(tmp_path, monkeypatch):
    """update-desktop-database is a program that fails (exit status 1, a message), or cannot run."""

    def make(kind: str) -> None:
        program = tmp_path / "tools" / "update-desktop-database"
        program.parent.mkdir()
        program.write_text("#!/bin/sh\necho 'no space left' >&2\nexit 1\n")
        program.chmod(0o755 if kind == "fails" else 0o644)
        found = {"update-desktop-database": str(program)}
        monkeypatch.setattr(install_desktop.shutil, "which", found.get)

    return make


@pytest.mark.parametrize(
    "kind, warning",
    [("fails", "update-desktop-database failed (no space left)"), ("cannot run", "did not run")],
)
def test_a_failing_cache_tool_is_only_a_warning(capsys, tmp_path, failing_tool, kind, warning):
    failing_tool(kind)
    other = tmp_path / "prefix" / "share" / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")  # applications/ stays: uninstall runs the tool too
    code, out, err = _run(capsys, "--prefix", tmp_path / "prefix")
    assert code == 0 and "13 files written" in out
    assert err.startswith("lyricpad: warning: update-desktop-database") and warning in err
    assert len(err.splitlines()) == 1
    assert (tmp_path / "prefix" / "share" / MENU).is_file()
    code, out, err = _run(capsys, "--prefix", tmp_path / "prefix", "--uninstall")
    assert code == 0 and "13 files" in out and warning in err
    assert _files(tmp_path / "prefix") == {"share/applications/other.desktop"}
