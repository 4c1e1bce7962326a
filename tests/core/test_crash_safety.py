"""Crash safety (issue 7): writers killed with SIGKILL at random moments lose nothing they acknowledged,
and several processes write to one library at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lyricpad.core.store import Library

WRITER = """
import sys
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.store import Library

lib = Library.open(sys.argv[1], seed_demo=False)
tag = sys.argv[2]
n = 0
while True:
    n += 1
    song = lib.add_song(f"{tag} {n}", lyrics="one line\\nanother line\\n" * 20)
    lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 2, 2)], note=f"{tag} note {n}")
    lib.update_song(song.id, lyrics="a first line\\n" + song.lyrics)
    print(f"ack {song.id}", flush=True)  # acknowledged: every write above returned
"""


def _read_acks(proc: subprocess.Popen, acks: list[str]) -> None:
    for line in proc.stdout:
        if line.startswith("ack "):
            acks.append(line.split()[1])


def _check(path: Path, acked_songs: list[str], acked_notes: list[str]) -> None:
    with Library.open(path, seed_demo=False) as lib:
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for song_id in acked_songs:
            song = lib.song(song_id)
            assert song.lyrics.startswith("a first line\n")  # the whole acknowledged sequence
            (annotation,) = lib.annotations(song_id)
            assert annotation.status == "anchored" and annotation.first.line_start == 3
        notes = {a.note for s in lib.songs() for a in lib.annotations(s.id)}
        assert set(acked_notes) <= notes


def test_core_writers_killed_at_random_lose_nothing_acknowledged(library_path):
    rng = random.Random(7)
    Library.open(library_path, seed_demo=False).close()
    acked: list[str] = []
    for round_ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(library_path), f"r{round_}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        got: list[str] = []
        reader = threading.Thread(target=_read_acks, args=(proc, got))
        reader.start()
        time.sleep(rng.uniform(0.3, 0.9))  # mid-transaction or between: wherever it is
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        reader.join(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        acked.extend(got)
        _check(library_path, acked, [])
    assert len(acked) > 12  # the writers did get work done between kills


def test_cli_writers_killed_at_random_lose_nothing_acknowledged(library_path):
    rng = random.Random(11)
    script = Path(sys.executable).parent / "lyricpad"
    if not script.exists():
        pytest.skip("the lyricpad script is not installed next to this Python")
    Library.open(library_path).close()
    acked_notes: list[str] = []
    killed = 0
    for n in range(16):
        note = f"cli note {n}"
        proc = subprocess.Popen(
            [
                script,
                "--library",
                str(library_path),
                "annotate",
                "Lanterns on the Water",
                "--lines",
                "2",
                "--note",
                note,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 0.4))  # often while it starts or writes, sometimes after
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait(timeout=30)
        if proc.returncode == 0:  # exited 0 before the kill: acknowledged
            acked_notes.append(note)
    _check(library_path, [], acked_notes)
    assert acked_notes and killed  # both cases happened


def test_two_processes_writing_at_once_both_succeed(library_path):
    Library.open(library_path, seed_demo=False).close()
    code = (
        "import sys\n"
        "from lyricpad.core.store import Library\n"
        "lib = Library.open(sys.argv[1], seed_demo=False)\n"
        "for i in range(60):\n"
        "    lib.add_song(f'{sys.argv[2]} {i}', lyrics='x\\n' * 50)\n"
        "lib.close()\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(library_path), name], stderr=subprocess.PIPE, text=True
        )
        for name in ("left", "right")
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    with Library.open(library_path, seed_demo=False) as lib:
        titles = [s.title for s in lib.songs()]
        assert len(titles) == 120 and len(set(titles)) == 120
