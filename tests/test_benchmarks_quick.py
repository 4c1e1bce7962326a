"""Every benchmark still runs: `benchmarks/run.py --quick --json` in a new process, every row of
both tables present with figures. No time is asserted (speed is what the benchmarks report)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ISSUE_ROWS = [
    "start",  # start to first paint, demo library, whole process
    "open_song",  # a song of 2,000 lines + 20,000-word article + 2,000 annotations
    "add_annotation",  # with 2,000 shown
    "change_lens",  # with 2,000 shown
    "edit_middle_library",  # one-annotation edit, 10 shown, 1k songs (vs 100)
    "edit_big_library",  # ... 10k songs (vs 100)
    "long_text_stall",  # open a 100,000-line text: longest event-loop stall
    "start_big",  # window start on 10,000 songs / 100,000 annotations
    "songs_json_big",  # `lyricpad songs --json` on that library
    "search",  # common word, first page
    "export",  # 10,000 annotations
]
"""The rows of issue 18's table, in its order (sizes are those of a full run)."""


def _figure(value) -> bool:
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value >= 0
    )


def test_a_quick_run_reports_every_row_with_figures(tmp_path):
    out = tmp_path / "bench.json"
    env = {**os.environ, "LYRICPAD_BENCH_CACHE": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["quick"] is True
    assert data["machine"]["cores"]
    assert [row["id"] for row in data["issue"]] == ISSUE_ROWS
    for row in data["issue"]:
        assert _figure(row["measured_ms"]) and _figure(row["baseline_ms"]), row
        assert row["measure"] and row["baseline_name"] and row["target"], row
        assert isinstance(row["passed"], bool), row
    assert len(data["floors_ms"]) == 9 and all(_figure(ms) for ms in data["floors_ms"].values())
    assert len(data["foundation"]) >= 15
    for row in data["foundation"]:
        assert row["measure"] and _figure(row["measured_ms"]) and _figure(row["baseline_ms"]), row
    # The printed tables carry every row too.
    for row in data["issue"]:
        assert row["measure"] in done.stdout
    # The libraries were built in the cache folder given, and a second run would reuse them.
    assert sorted(p.name for p in (tmp_path / "cache").glob("*.sqlite"))
