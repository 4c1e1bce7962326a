"""The standalone bundle builds and starts: packaging/build-bundle, run when LYRICPAD_BUNDLE_TEST=1.

The build takes minutes, so it runs only when asked. The script itself checks real use (import,
songs, study, export, the window offscreen, all compared with the installed app); this test
checks what it leaves behind. Its start time is a measurement (benchmarks/bundle.py), never
asserted here.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import lyricpad

ROOT = Path(__file__).resolve().parents[2]
MAX_MEGABYTES = 150

pytestmark = pytest.mark.skipif(
    os.environ.get("LYRICPAD_BUNDLE_TEST") != "1",
    reason="builds the PyInstaller bundle (minutes): set LYRICPAD_BUNDLE_TEST=1 to run it",
)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The bundle's folder, built once by packaging/build-bundle into a temporary folder."""
    out = tmp_path_factory.mktemp("bundle-build")
    done = subprocess.run(
        [str(ROOT / "packaging" / "build-bundle"), "--out", str(out), "--no-timing"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, f"build-bundle failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return out / "dist" / "lyricpad"


def _run(program: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "LYRICPAD_LIBRARY"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    return subprocess.run([str(program), *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.timeout(1900)
def test_the_bundle_is_built(bundle):
    assert (bundle / "lyricpad").is_file()
    assert os.access(bundle / "lyricpad", os.X_OK)


@pytest.mark.timeout(1900)
def test_the_bundle_says_its_version(bundle, tmp_path):
    done = _run(bundle / "lyricpad", "--version", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert lyricpad.__version__ in done.stdout


@pytest.mark.timeout(1900)
def test_the_bundle_opens_its_window(bundle, tmp_path):
    done = _run(bundle / "lyricpad", "--library", str(tmp_path / "library.sqlite"), "--smoke", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "painted on the 'offscreen' platform" in done.stdout
    assert (tmp_path / "library.sqlite").is_file()  # its own library, not the user's


@pytest.mark.timeout(1900)
def test_the_bundle_fits_its_size(bundle):
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    megabytes = sum(path.stat().st_size for path in files) / (1024 * 1024)
    assert megabytes <= MAX_MEGABYTES, f"the bundle is {megabytes:.1f} MiB"


@pytest.mark.timeout(1900)
def test_the_bundle_ships_no_qml_webengine_or_tests(bundle):
    names = [path.relative_to(bundle).as_posix() for path in bundle.rglob("*")]
    unwanted = [n for n in names if any(part in n for part in ("Qt6Qml", "Qt6Quick", "WebEngine", "/tests/"))]
    assert unwanted == []
