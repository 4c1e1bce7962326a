"""The library used by the window (or a core program), the command line and other programs at once (issue 12).

A process holds the library open and runs, one by one, every in-process operation that reads or
opens the library again (export to a file and to a folder, backup, restore, import, merge, the
salvage checks, a second Library, the check), while another process runs `lyricpad annotate` in a
loop. Afterwards every change either side acknowledged is in the file, the holder's -wal was never
deleted or replaced while it had it open, and SQLite's and FTS5's checks pass; whether the holder
quits or is killed with SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lyricpad.core.store import Library

HOLDER = Path(__file__).parent / "programs" / "holder.py"
SONG = "Lanterns on the Water"

OPERATIONS = [
    "export-file",
    "export-folder",
    "export-onto-library",
    "backup",
    "backup-onto-library",
    "import",
    "import-library",
    "merge",
    "merge-library",
    "salvage-check",
    "second-library",
    "check",
    "restore",  # last but one: what was acknowledged before it is in its safety backup
]


def lyricpad_script() -> str:
    script = Path(sys.executable).parent / "lyricpad"
    if not script.exists():
        pytest.skip("the lyricpad script is not installed next to this Python")
    return str(script)


class CliWriter(threading.Thread):
    """`lyricpad annotate` over and over, as a script would; records the notes it acknowledged (exit 0)."""

    def __init__(self, library: Path):
        super().__init__(daemon=True)
        self.library = library
        self.acked: list[tuple[float, str]] = []
        self.failures: list[str] = []
        self.stop = threading.Event()
        self.paused = threading.Event()
        self.idle = threading.Event()
        self.runs = 0

    def run(self) -> None:
        script = lyricpad_script()
        n = 0
        while not self.stop.is_set():
            if self.paused.is_set():
                self.idle.set()
                time.sleep(0.02)
                continue
            self.idle.clear()
            n += 1
            note = f"from the command line {n}"
            result = subprocess.run(
                [
                    script,
                    "--library",
                    str(self.library),
                    "annotate",
                    SONG,
                    "--lines",
                    "5",
                    "--note",
                    note,
                    "--json",
                ],
                capture_output=True,
                text=True,
                timeout=120,
            )
            self.runs += 1
            if result.returncode == 0 and json.loads(result.stdout)["note"] == note:
                self.acked.append((time.monotonic(), note))
            else:
                self.failures.append(result.stderr.strip())

    def pause(self) -> None:
        self.paused.set()
        self.idle.wait(timeout=120)

    def resume(self) -> None:
        self.paused.clear()

    def wait_for_runs(self, more: int) -> None:
        goal = self.runs + more
        deadline = time.monotonic() + 120
        while self.runs < goal and time.monotonic() < deadline:
            time.sleep(0.02)


class Holder:
    def __init__(self, mode: str, library: Path, work: Path):
        self.proc = subprocess.Popen(
            [sys.executable, str(HOLDER), mode, str(library), str(work)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        self.replies: list[dict] = []
        self.wal: list | None = None
        assert self.read()["op"] == "ready"

    def read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError(f"the holder stopped: {self.proc.stderr.read()}")
        reply = json.loads(line)
        self.replies.append(reply)
        return reply

    def ask(self, request: str) -> dict:
        self.proc.stdin.write(request + "\n")
        self.proc.stdin.flush()
        reply = self.read()
        assert reply["ok"], f"{request}: {reply['detail']}"
        if request == "quit":
            return reply  # closed: SQLite itself removes the -wal of its last connection
        # Its -wal: the same file all along (never deleted, never made anew by another process).
        if self.wal is None:
            self.wal = reply["wal"]
        assert reply["wal"] == self.wal, f"the holder's -wal was deleted or replaced during {request}"
        assert reply["deleted"] == [], f"during {request} the holder lost its files: {reply['deleted']}"
        return reply


def fts_ok(library: Library) -> bool:
    return library.search.problems() == {}


@pytest.mark.timeout(600)
@pytest.mark.parametrize("ending", ["quit", "kill"])
@pytest.mark.parametrize("mode", ["core", "window"])
def test_every_acknowledged_change_of_every_process_is_kept(tmp_path, mode, ending):
    library = tmp_path / "library.sqlite"
    work = tmp_path / "work"
    work.mkdir()
    Library.open(library).close()
    holder = Holder(mode, library, work)
    holder_acks: list[str] = []
    holder_acks.append(holder.ask("write first")["ack"])
    cli = CliWriter(library)
    cli.start()
    try:
        cli.wait_for_runs(1)
        restore_cut = None
        for n, operation in enumerate(OPERATIONS):
            if operation == "restore":
                cli.pause()  # what was acknowledged before the restore is in its safety backup
                holder_acks.append(holder.ask(f"note before the restore {n}")["ack"])
                before_restore = (list(holder_acks), [note for _, note in cli.acked])
                restore_cut = holder.ask("restore")["detail"]
                holder_acks.clear()
                cli.acked.clear()
                cli.resume()
            else:
                reply = holder.ask(operation)
                if operation == "check":
                    assert reply["clean"], reply["detail"]
            holder_acks.append(holder.ask(f"{'note' if n % 2 else 'write'} after {operation}")["ack"])
            cli.wait_for_runs(1)  # the command line wrote in between
        holder_acks.append(holder.ask("write last")["ack"])
        cli.wait_for_runs(2)
    finally:
        cli.stop.set()
        cli.join(timeout=180)
    assert cli.failures == []
    if ending == "kill":
        os.kill(holder.proc.pid, signal.SIGKILL)
    else:
        holder.ask("quit")
    holder.proc.wait(timeout=60)
    holder.proc.stdin.close()
    # One more command after the holder is gone: the library is whole and writable.
    script = lyricpad_script()
    after = subprocess.run(
        [
            script,
            "--library",
            str(library),
            "annotate",
            SONG,
            "--lines",
            "8",
            "--note",
            "after the holder",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert after.returncode == 0, after.stderr

    with Library.open(library) as lib:
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert fts_ok(lib)
        song = lib.songs.resolve(SONG)
        annotations = {a.id: a for a in lib.annotations.for_song(song.id)}
        notes = {a.note for a in annotations.values()}
        missing_holder = [ack for ack in holder_acks if ack not in annotations]
        missing_cli = [note for _, note in cli.acked if note not in notes]
        assert missing_holder == [] and missing_cli == [], (missing_holder, missing_cli)
        assert "after the holder" in notes
        assert len(cli.acked) >= 2
    with Library.open(restore_cut) as safety:  # the state before the restore, whole
        ids = {a.id for a in safety.annotations.for_song(safety.songs.resolve(SONG).id)}
        notes = {a.note for a in safety.annotations.for_song(safety.songs.resolve(SONG).id)}
        assert set(before_restore[0]) <= ids and set(before_restore[1]) <= notes
