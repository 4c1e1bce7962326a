"""The wheel carries the desktop files, icons and translations, and works installed outside the clone:
built offline, installed in a fresh virtualenv (its dependencies lent by .venv), run from there."""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from packaging_testing import DESKTOP, ROOT

from lyricpad import APP_ID, __version__


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Built from a copy: setuptools' build/ folder stays out of the checkout, and stale files in one
    # (a module since deleted) cannot slip into the wheel.
    source = tmp_path_factory.mktemp("source") / "lyricpad"
    skip = shutil.ignore_patterns(".*", "build", "dist", "test-output", "__pycache__", "*.egg-info")
    shutil.copytree(ROOT, source, ignore=skip, symlinks=True)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            out,
            ".",
        ],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (found,) = out.glob("lyricpad-*.whl")
    return found


def test_wheel_carries_desktop_files_icons_and_translations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        f"lyricpad/desktop/{p.relative_to(DESKTOP).as_posix()}" for p in DESKTOP.rglob("*") if p.is_file()
    }
    wanted |= {f"lyricpad/translations/{p.name}" for p in (ROOT / "lyricpad" / "translations").glob("*.qm")}
    assert f"lyricpad/desktop/icons/48x48/apps/{APP_ID}.png" in wanted
    assert wanted - names == set()
    assert not any(n.startswith(("packaging/", "tests/", "resources/")) for n in names)


def test_wheel_installed_in_a_fresh_venv_runs_and_installs_desktop_files(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # The dependencies (Qt, sqlite-utils...) come from .venv; the editable lyricpad there is left out,
    # since a path in a .pth file does not run that folder's own .pth files.
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "lent-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run(
        [python, "-c", "import lyricpad; print(lyricpad.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv)

    lyricpad = venv / "bin" / "lyricpad"
    version = subprocess.run([lyricpad, "--version"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert version.stdout.strip() == f"lyricpad {__version__}", version.stderr
    done = subprocess.run(
        [lyricpad, "install-desktop", "--prefix", tmp_path / "prefix"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    menu = (tmp_path / "prefix" / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={lyricpad} %F\n" in menu
    icon = tmp_path / "prefix" / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"
    assert icon.read_bytes() == (DESKTOP / "icons" / "256x256" / "apps" / f"{APP_ID}.png").read_bytes()
