"""The standalone bundle against the installed app: size, and start to first paint (`--smoke`).

Run `.venv/bin/python benchmarks/bundle.py BUNDLE_FOLDER [--json PATH]` after a build
(`packaging/build-bundle` builds the bundle and runs this). Both processes open the same library
offscreen, in turn (interleaved), after one unmeasured round; each figure is the median of the
runs. The installed app is this Python's `lyricpad` script, its package compiled first (as an
installed lyricpad is). Targets (issue 20): bundle at most 150 MB, read as MiB (the unit `du -sm`
counts in; 150 MiB = 157.3 MB), start at most 1.2x installed.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import processes  # noqa: E402  (benchmarks/processes.py)

MAX_MEGABYTES = 150
MAX_START_RATIO = 1.2


def folder_megabytes(folder: Path) -> float:
    """The bundle's size on disk in MB (MiB, as `du -sm` counts), every file counted once."""
    total = sum(
        path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink()
    )
    return total / (1024 * 1024)


def _installed_command() -> list[str]:
    script = Path(sys.executable).parent / "lyricpad"
    if not script.exists():
        raise SystemExit(f"no installed lyricpad beside {sys.executable}: pip install -e . first")
    return [str(script)]


def measure(bundle: Path, repeat: int) -> dict:
    """Size and start times of *bundle* (a one-folder bundle holding the `lyricpad` program)."""
    import lyricpad

    compileall.compile_dir(Path(lyricpad.__file__).parent, quiet=1)
    program = bundle / "lyricpad"
    with tempfile.TemporaryDirectory(prefix="lyricpad-bundle-bench-") as scratch:
        library = Path(scratch) / "library.sqlite"
        # The library is made (with its demo song) once, before any run is timed.
        subprocess.run(
            [*_installed_command(), "--library", str(library), "songs"], check=True, capture_output=True
        )
        seconds = processes.interleaved(
            {
                "installed": [*_installed_command(), "--library", str(library), "--smoke"],
                "bundle": [str(program), "--library", str(library), "--smoke"],
            },
            repeat,
        )
    megabytes = folder_megabytes(bundle)
    ratio = seconds["bundle"] / seconds["installed"]
    return {
        "bundle": str(bundle),
        "megabytes": round(megabytes, 1),
        "max_megabytes": MAX_MEGABYTES,
        "size_met": megabytes <= MAX_MEGABYTES,
        "installed_start_ms": round(seconds["installed"] * 1000, 1),
        "bundle_start_ms": round(seconds["bundle"] * 1000, 1),
        "start_ratio": round(ratio, 3),
        "max_start_ratio": MAX_START_RATIO,
        "start_met": ratio <= MAX_START_RATIO,
        "repeat": repeat,
        "machine": {
            "python": platform.python_version(),
            "system": platform.platform(),
            "cpus": os.cpu_count(),
        },
    }


def _yes(met: bool) -> str:
    return "met" if met else "NOT met"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the bundle's folder (it holds the lyricpad program)")
    parser.add_argument("--repeat", type=int, default=5, help="measured runs of each (default: 5)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    args = parser.parse_args(argv)
    if not (args.bundle / "lyricpad").is_file():
        parser.error(
            f"{args.bundle} holds no lyricpad program: build the bundle first (packaging/build-bundle)"
        )
    figures = measure(args.bundle.resolve(), args.repeat)
    print(
        f"bundle size:     {figures['megabytes']:.1f} MiB = {figures['megabytes'] * 1.048576:.1f} MB "
        f"(target <= {MAX_MEGABYTES} MiB, du -sm's unit: {_yes(figures['size_met'])})"
    )
    print(
        f"start (--smoke): bundle {figures['bundle_start_ms']:.0f} ms, installed {figures['installed_start_ms']:.0f} ms, "
        f"ratio {figures['start_ratio']:.2f} (target <= {MAX_START_RATIO}: {_yes(figures['start_met'])}; "
        f"medians of {args.repeat})"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
