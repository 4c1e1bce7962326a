"""Crash safety (issue 7): writers killed with SIGKILL at random moments lose nothing they acknowledged,
and several processes write to one library at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
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
    song = lib.songs.add(f"{tag} {n}", lyrics="one line\\nanother line\\n" * 20)
    lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 2, 2)], note=f"{tag} note {n}")
    lib.songs.update(song.id, lyrics="a first line\\n" + song.lyrics)
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
            song = lib.songs.get(song_id)
            assert song.lyrics.startswith("a first line\n")  # the whole acknowledged sequence
            (annotation,) = lib.annotations.for_song(song_id)
            assert annotation.status == "anchored" and annotation.first.line_start == 3
        notes = {a.note for s in lib.songs.all() for a in lib.annotations.for_song(s.id)}
        assert set(acked_notes) <= notes


def _start_writer(library_path: Path, tag: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(library_path), tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def test_core_writers_killed_mid_write_lose_nothing_acknowledged(library_path):
    """Killed when its own progress says so (after its k-th acknowledgement, in the middle of the
    next round of writes), never after a guessed delay: how fast it starts changes nothing."""
    rng = random.Random(7)
    Library.open(library_path, seed_demo=False).close()
    acked: list[str] = []
    for round_ in range(12):
        proc = _start_writer(library_path, f"r{round_}")
        wanted = rng.randint(1, 3)
        got: list[str] = []
        for line in proc.stdout:
            if line.startswith("ack "):
                got.append(line.split()[1])
                if len(got) == wanted:
                    break
        os.kill(proc.pid, signal.SIGKILL)  # it is already writing the next song
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL and len(got) == wanted
        acked.extend(got)
        _check(library_path, acked, [])
    assert len(acked) >= 12


def lyricpad_script() -> Path:
    script = Path(sys.executable).parent / "lyricpad"
    if not script.exists():
        pytest.skip("the lyricpad script is not installed next to this Python")
    return script


def test_cli_writers_killed_once_they_acknowledged_lose_nothing(library_path):
    """Each `lyricpad annotate` is killed the moment it prints its result (its acknowledgement),
    before it can exit cleanly: what it acknowledged must be in the library."""
    script = lyricpad_script()
    Library.open(library_path).close()
    acked: list[str] = []
    for n in range(8):
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
                f"cli note {n}",
                "--json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        first = proc.stdout.readline()  # "{" of the JSON: printed only after the commit
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert first.strip() == b"{"
        acked.append(f"cli note {n}")
    _check(library_path, [], acked)


TRACED_CLI = Path(__file__).parents[1] / "programs" / "traced_cli.py"


def _run_traced(args: list[str], stop_at: int | None) -> tuple[list[str], int]:
    """Run the real CLI statement by statement; SIGKILL it just before statement *stop_at* runs."""
    proc = subprocess.Popen(
        [sys.executable, str(TRACED_CLI), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen: list[str] = []
    for raw in proc.stderr:
        line = raw.decode("utf-8", "replace").rstrip("\n")
        if not line.startswith("stmt "):
            continue
        seen.append(line.split(": ", 1)[1])
        if len(seen) == stop_at:
            os.kill(proc.pid, signal.SIGKILL)
            break
        proc.stdin.write(b"g")
        proc.stdin.flush()
    proc.stdin.close()
    proc.wait(timeout=60)
    return seen, proc.returncode


def _state(path: Path, song_id: str) -> tuple:
    with Library.open(path, seed_demo=False) as lib:
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.search.problems() == {}
        song = lib.songs.get(song_id)
        annotations = lib.annotations.for_song(song_id, include_deleted=True)
        return song.lyrics, tuple((a.id, a.status, a.fragments) for a in annotations)


def test_a_reanchoring_save_killed_at_any_statement_leaves_the_old_state_or_the_new(tmp_path):
    """`edit-lyrics` rewrites the lyrics and moves every annotation in one transaction: killed
    before any of its statements, the library holds all of the old state; finished, all of the new."""
    path = tmp_path / "library.sqlite"
    with Library.open(path) as lib:
        song = lib.songs.all()[0]
        new_lyrics = "A line put above everything\n" + song.lyrics.replace("kettle", "kettles")
    lyrics_file = tmp_path / "edited.txt"
    lyrics_file.write_text(new_lyrics, encoding="utf-8")
    args = ["--library", str(path), "edit-lyrics", song.id, str(lyrics_file), "--json"]
    pristine = tmp_path / "pristine.sqlite"
    with Library.open(path) as lib:
        lib.db.execute(f"VACUUM INTO '{pristine}'")
    old = _state(path, song.id)

    statements, code = _run_traced(args, stop_at=None)
    assert code == 0
    new = _state(path, song.id)
    assert new != old and new[0] == new_lyrics
    begin = next(i for i, sql in enumerate(statements, 1) if sql == "BEGIN IMMEDIATE")
    commit = max(i for i, sql in enumerate(statements, 1) if sql == "COMMIT")
    assert commit - begin > 10  # lyrics, fragments, full-text triggers: many statements

    for stop_at in range(begin, commit + 1):  # before BEGIN ... before COMMIT
        path.unlink()
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        with Library.open(pristine) as lib:
            lib.db.execute(f"VACUUM INTO '{path}'")
        _, code = _run_traced(args, stop_at=stop_at)
        assert code == -signal.SIGKILL
        assert _state(path, song.id) == old, f"half of the change survived a kill before statement {stop_at}"


def test_two_processes_writing_at_once_both_succeed(library_path):
    Library.open(library_path, seed_demo=False).close()
    code = (
        "import sys\n"
        "from lyricpad.core.store import Library\n"
        "lib = Library.open(sys.argv[1], seed_demo=False)\n"
        "for i in range(60):\n"
        "    lib.songs.add(f'{sys.argv[2]} {i}', lyrics='x\\n' * 50)\n"
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
        titles = [s.title for s in lib.songs.all()]
        assert len(titles) == 120 and len(set(titles)) == 120
