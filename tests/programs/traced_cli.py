"""Run by the crash tests: the real `lyricpad` command, stopping before each SQL statement it writes with.

usage: python traced_cli.py LYRICPAD-ARGS...

Before each statement of the library's read-write connection runs, it prints
"stmt N: SQL" to stderr and waits for one byte on stdin; the test kills it wherever it likes
by its own progress, never after a guessed delay. Statements that triggers run are traced as
well (SQLite reports them with a leading "--").
"""

import sqlite3
import sys

_connect = sqlite3.connect
_count = 0


def _traced(sql: str) -> None:
    global _count
    _count += 1
    sys.stderr.write(f"stmt {_count}: {' '.join(sql.split())[:200]}\n")
    sys.stderr.flush()
    sys.stdin.buffer.read(1)  # at the end of input (the test closed it), it runs on to the end


def connect(*args, **kwargs):
    conn = _connect(*args, **kwargs)
    if not kwargs.get("uri"):  # read-only probes open by URI: only the writer is traced
        conn.set_trace_callback(_traced)
    return conn


sqlite3.connect = connect

from lyricpad.main import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
