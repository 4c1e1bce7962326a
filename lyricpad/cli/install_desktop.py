"""`lyricpad install-desktop`: the menu entries, icons, AppStream metainfo and LRC file type, installed
under a data folder (~/.local/share) and recorded, so that `--uninstall` removes exactly what it wrote.

pipx and pip install the program but no menu entry; this writes what a distribution package would.
The menu entry runs the `lyricpad` launcher by its absolute path: pipx puts it in ~/.local/bin, which
the desktop's menu may not have on its PATH.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lyricpad import APP_ID
from lyricpad.cli.output import say
from lyricpad.core.errors import LyricpadError

PACKAGE_FILES = Path(__file__).resolve().parent.parent / "desktop"
"""The desktop files as package data (packaging/linux in a clone links to it)."""

MANIFEST = Path("lyricpad") / "install-desktop.json"
"""The record of an installation, inside the data folder: each file's sha256 and the folders made."""

_CACHE_TOOLS = (
    # (program, arguments, folder it updates: relative to the data folder)
    ("update-desktop-database", ["-q"], "applications"),
    ("update-mime-database", [], "mime"),
    ("gtk-update-icon-cache", ["-f", "-t", "-q"], "icons/hicolor"),
)


class DesktopInstallFailed(LyricpadError):
    """The desktop files cannot be written or removed (a file where a folder should be, no permission,
    a full disk); whatever this run had written is taken back."""


def data_folder(prefix: str | None) -> Path:
    """Where the files go: PREFIX/share, else $XDG_DATA_HOME (when absolute, as the spec says), else
    ~/.local/share."""
    if prefix == "":  # not "no prefix": an empty --prefix is a mistake, not a wish for the default
        raise DesktopInstallFailed(
            "--prefix is empty: give the folder to install under (e.g. --prefix ~/.local), "
            "or leave --prefix out to install under ~/.local/share"
        )
    if prefix is not None:
        return Path(prefix).expanduser().absolute() / "share"
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg)
    return Path.home() / ".local" / "share"


def launcher() -> str:
    """The absolute path of the `lyricpad` program running now (or the one beside this Python)."""
    argv0 = sys.argv[0] if sys.argv else ""
    if os.path.basename(argv0) == "lyricpad" and os.path.isfile(argv0):
        return os.path.abspath(argv0)
    beside = Path(sys.executable).parent / "lyricpad"
    if beside.is_file():
        return str(beside.absolute())
    return shutil.which("lyricpad") or "lyricpad"


_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
"""The characters the Desktop Entry Specification reserves in an Exec key: an argument with one is quoted."""


def exec_quoted(program: str) -> str:
    """*program* as the first word of a desktop entry's Exec key, as the Desktop Entry Specification
    says: "%" doubled (it would start a field code); in double quotes, with '"', '`', '$' and '\\'
    escaped by a backslash, when it holds a reserved character; then the escapes every string value
    gets (backslash, newline, tab, carriage return), which a reader undoes first."""
    word = program.replace("%", "%%")
    if any(c in _RESERVED for c in word):
        word = '"' + "".join("\\" + c if c in '"`$\\' else c for c in word) + '"'
    for char, escaped in (("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r")):
        word = word.replace(char, escaped)
    return word


def planned_files(program: str) -> dict[str, bytes]:
    """Each file to install (its path relative to the data folder) and its content."""
    files: dict[str, bytes] = {}
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.url-handler.desktop"):
        text = (PACKAGE_FILES / name).read_text(encoding="utf-8")
        lines = [
            "Exec=" + exec_quoted(program) + line[len("Exec=lyricpad") :]
            if line.startswith("Exec=lyricpad")
            else line
            for line in text.splitlines()
        ]
        files[f"applications/{name}"] = ("\n".join(lines) + "\n").encode("utf-8")
    files[f"metainfo/{APP_ID}.metainfo.xml"] = (PACKAGE_FILES / f"{APP_ID}.metainfo.xml").read_bytes()
    files[f"mime/packages/{APP_ID}.xml"] = (PACKAGE_FILES / f"{APP_ID}.xml").read_bytes()
    icons = PACKAGE_FILES / "icons"
    for icon in sorted(icons.glob(f"*/apps/{APP_ID}.*")):
        files[f"icons/hicolor/{icon.relative_to(icons).as_posix()}"] = icon.read_bytes()
    return files


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str | None:
    """The file's sha256; None when it cannot be read (gone, a folder, no permission)."""
    try:
        return _sha256(path.read_bytes())
    except OSError:
        return None


def _failure(path: Path, exc: OSError | LyricpadError) -> str:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"cannot write {path}: {reason}"


@dataclass
class _Run:
    """What one installation has changed so far, so that a failure can take it all back."""

    root: Path
    made_folders: list[Path] = field(default_factory=list)
    new_files: list[Path] = field(default_factory=list)
    replaced: dict[Path, bytes] = field(default_factory=dict)

    def make_folder(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        if not folder.is_dir():
            raise DesktopInstallFailed(f"cannot install under {self.root}: {folder} is a file, not a folder")
        for path in reversed(missing):
            try:
                path.mkdir()
            except FileExistsError:
                continue
            except OSError as exc:
                raise DesktopInstallFailed(_failure(path, exc)) from None
            self.made_folders.append(path)

    def write(self, path: Path, data: bytes) -> None:
        from lyricpad.core.export.files import write_atomic_bytes

        self.make_folder(path.parent)
        if path.is_dir() or (path.exists() and not path.is_file()):
            raise DesktopInstallFailed(f"cannot write {path}: something other than a file is there")
        try:
            old = path.read_bytes() if path.exists() else None
            write_atomic_bytes(path, data)
        except (OSError, LyricpadError) as exc:
            raise DesktopInstallFailed(_failure(path, exc)) from None
        if old is None:
            self.new_files.append(path)
        else:
            self.replaced.setdefault(path, old)

    def roll_back(self) -> None:
        """Remove the files written, put back those replaced, remove the folders made (best effort)."""
        for path in reversed(self.new_files):
            path.unlink(missing_ok=True)
        for path, old in self.replaced.items():
            try:
                path.write_bytes(old)
            except OSError:
                pass
        _remove_empty(self.made_folders)


def _remove_empty(folders) -> None:
    """Remove those of *folders* that are empty, deepest first."""
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        try:
            folder.rmdir()
        except OSError:  # not empty (something else is there now), or gone
            pass


def _check_root(root: Path) -> None:
    """Refuse a data folder that is, or is inside, something other than a folder."""
    found = root
    while not found.exists() and found != found.parent:
        found = found.parent
    if not found.is_dir():
        raise DesktopInstallFailed(f"cannot use {root}: {found} is a file, not a folder")


_HEX = frozenset("0123456789abcdef")


def _path_problem(rel: str, root: Path, *, may_be_root: bool) -> str | None:
    """Why *rel*, a path in the record, cannot be acted on (None when it can): it must be relative,
    never go up a folder, and stay inside *root* (or be *root* itself, for a folder made)."""
    if "\0" in rel:
        return "not a path"
    if os.path.isabs(rel):
        return "an absolute path"
    if ".." in rel.split("/"):
        return 'it goes up a folder ("..")'
    base = os.path.normpath(root)
    full = os.path.normpath(os.path.join(base, rel))
    if full == base:
        return None if may_be_root else "the data folder itself"
    if os.path.commonpath([base, full]) != base:
        return f"outside {root}"
    return None


def _record_problem(data: object, root: Path) -> str | None:
    """What makes *data* unusable as the record of an installation under *root* (None if nothing).
    All of it is checked before anything is acted on: a damaged or planted record must not make
    --uninstall delete a file elsewhere, nor fail half-way."""
    if not isinstance(data, dict):
        return "it is not a JSON object"
    files, folders = data.get("files"), data.get("folders", [])
    if not isinstance(files, dict):
        return '"files" is not an object of paths and their sha256'
    for rel, digest in files.items():
        problem = _path_problem(rel, root, may_be_root=False)
        if problem:
            return f'"files" names {rel!r}: {problem}'
        if not isinstance(digest, str) or len(digest) != 64 or not set(digest) <= _HEX:
            return f'"files" gives {rel!r} no sha256 (64 hex digits)'
    if not isinstance(folders, list):
        return '"folders" is not a list of paths'
    for rel in folders:
        problem = _path_problem(rel, root, may_be_root=True) if isinstance(rel, str) else "not a path"
        if problem:
            return f'"folders" names {rel!r}: {problem}'
    above = data.get("folders_above", 0)
    if type(above) is not int or not 0 <= above < len(Path(os.path.normpath(root)).parents):
        return f'"folders_above" is {above!r}, not a number of folders above {root}'
    return None


def _read_manifest(root: Path) -> dict | None:
    """The record of the last installation under *root* (None if there is none), checked whole."""
    _check_root(root)
    path = root / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except OSError as exc:
        problem = exc.strerror or str(exc)
    except ValueError as exc:  # not UTF-8, not JSON
        problem = f"it is not JSON ({exc})"
    else:
        problem = _record_problem(data, root)
    if problem:
        raise DesktopInstallFailed(
            f"cannot use {path}, the record of the last installation: {problem}; nothing was changed"
        )
    return data


def _folders_made(root: Path, made: list[Path], previous: dict) -> tuple[list[str], int]:
    """The folders made by this installation and the previous ones, for the record: those inside
    *root* (or root itself) by relative path, those above it as how many levels up were made."""
    base = Path(os.path.normpath(root))
    ancestors = list(base.parents)
    inside, above = set(previous.get("folders", [])), previous.get("folders_above", 0)
    for folder in map(Path, map(os.path.normpath, made)):
        if folder in ancestors:
            above = max(above, ancestors.index(folder) + 1)
        elif folder == base or folder.is_relative_to(base):
            inside.add(folder.relative_to(base).as_posix())
    return sorted(inside), above


def install(root: Path, program: str) -> tuple[int, int]:
    """Write the desktop files under *root*, and the record of them; (files written, files unchanged)."""
    previous = _read_manifest(root) or {}
    files = planned_files(program)
    run = _Run(root)
    written = 0
    try:
        for rel, data in files.items():
            path = root / rel
            if path.is_file() and _file_sha256(path) == _sha256(data):
                continue  # a re-run leaves what is already right alone
            run.write(path, data)
            written += 1
        run.make_folder((root / MANIFEST).parent)
        recorded = {rel: _sha256(data) for rel, data in files.items()}
        for rel, digest in previous.get("files", {}).items():
            # a file an older version wrote and this one does not: still ours while unchanged
            if rel not in recorded and _file_sha256(root / rel) == digest:
                recorded[rel] = digest
        folders, above = _folders_made(root, run.made_folders, previous)
        manifest = {
            "program": "lyricpad install-desktop",
            "exec": program,
            "files": recorded,
            "folders": folders,
            "folders_above": above,
        }
        run.write(root / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode("utf-8"))
    except DesktopInstallFailed as exc:
        run.roll_back()
        raise DesktopInstallFailed(f"{exc}; nothing was installed") from None
    except BaseException:
        run.roll_back()
        raise
    return written, len(files) - written


def uninstall(root: Path) -> tuple[int, list[Path]]:
    """Remove the files the last installation under *root* wrote and has not been changed since;
    (files removed, files kept because they were changed)."""
    manifest = _read_manifest(root)
    if manifest is None:
        return 0, []
    removed, kept = 0, []
    for rel, digest in manifest["files"].items():
        path = root / rel
        if not path.is_file():
            continue
        if _file_sha256(path) != digest:
            kept.append(path)
            continue
        try:
            path.unlink()
        except OSError as exc:
            raise DesktopInstallFailed(f"cannot remove {path}: {exc.strerror or exc}") from None
        removed += 1
    try:
        (root / MANIFEST).unlink()
    except OSError as exc:
        raise DesktopInstallFailed(f"cannot remove {root / MANIFEST}: {exc.strerror or exc}") from None
    made = [Path(os.path.normpath(root / folder)) for folder in manifest.get("folders", [])]
    _remove_empty(made)  # mime/packages first: then the rest of mime/ is the tool's
    _drop_caches(root, made)
    _remove_empty(made)
    if not root.exists():  # the folders above it the installation made (a new --prefix), if empty
        for folder in Path(os.path.normpath(root)).parents[: manifest.get("folders_above", 0)]:
            try:
                folder.rmdir()
            except OSError:
                break
    return removed, kept


_CACHES = {"applications": {"mimeinfo.cache"}, "icons/hicolor": {"icon-theme.cache"}}
"""The cache files the tools write beside ours, in folders an installation may have made."""


def _drop_caches(root: Path, made: list[Path]) -> None:
    """Remove the caches the tools wrote in folders this installation made, once nothing else is there:
    the mime folder whole when its packages/ is gone (update-mime-database writes all the rest)."""
    if root / "mime" in made and not (root / "mime" / "packages").exists():
        shutil.rmtree(root / "mime", ignore_errors=True)
    for rel, names in _CACHES.items():
        folder = root / rel
        if folder not in made or not folder.is_dir():
            continue
        files = [p for p in folder.rglob("*") if not p.is_dir()]
        if files and all(p.parent == folder and p.name in names for p in files):
            for path in files:
                path.unlink(missing_ok=True)


def update_caches(root: Path) -> list[str]:
    """Run the desktop's cache tools that are installed on what changed; a line per failure."""
    warnings = []
    for program, options, rel in _CACHE_TOOLS:
        folder = root / rel
        tool = shutil.which(program)
        if tool is None or not folder.is_dir() or (rel == "mime" and not (folder / "packages").is_dir()):
            continue
        try:
            done = subprocess.run(
                [tool, *options, str(folder)], capture_output=True, text=True, timeout=120, check=False
            )
        except (OSError, subprocess.SubprocessError) as exc:
            warnings.append(f"{program} did not run: {exc}")
            continue
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            warnings.append(
                f"{program} failed ({detail[-1] if detail else f'exit status {done.returncode}'})"
            )
    return warnings


def cmd_install_desktop(args: argparse.Namespace) -> int:
    """Install (or with --uninstall remove) the menu entries, icons, metainfo and LRC file type."""
    root = data_folder(args.prefix)
    again = f" --prefix {shlex.quote(str(root.parent))}" if args.prefix is not None else ""
    if args.uninstall:
        if _read_manifest(root) is None:
            say(f"Nothing to uninstall: lyricpad install-desktop has not installed anything under {root}.")
            return 0
        removed, kept = uninstall(root)
        say(
            f"Removed lyricpad's menu entries, icons, metainfo and LRC file type from {root} ({removed} files)."
        )
        for path in kept:
            say(f"Kept {path}: it was changed since it was installed.")
    else:
        program = launcher()
        written, unchanged = install(root, program)
        say(f"Installed lyricpad's menu entries, icons, metainfo and LRC file type under {root}")
        say(f"  ({written} files written, {unchanged} already up to date); the menu entry runs {program}")
        say(f"Remove them with: lyricpad install-desktop{again} --uninstall")
    for warning in update_caches(root):
        say(f"lyricpad: warning: {warning}", file=sys.stderr)
    return 0
