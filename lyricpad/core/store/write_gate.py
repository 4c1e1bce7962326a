"""The check a library file passes once per process before anything is written to it (issue 18).

Opening a library no longer reads every page (`PRAGMA integrity_check`: ~350 ms at 150 MB), so
a command that only reads starts at once. A write is another matter: written into a damaged
file, a change can spread the damage, and nothing may ever be written to a damaged library.
So the first write of a process checks the whole file first (once; every later write passes at
once), unless that was done already: by opening (when opening itself writes, see
`opening.opening_writes`), or by the window's background check, which runs the check through
the same gate on its own connection. A write that comes while that check runs waits for it; a
check that failed or was cancelled decided nothing, and the next write checks again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class WriteGate:
    """Whether the library file was found sound (or damaged) by a whole check in this process."""

    def __init__(self, checked: bool):
        self._lock = threading.Lock()
        self._damage: str | None = "" if checked else None

    @property
    def open(self) -> bool:
        """The file was checked and found sound: writes go ahead without a check."""
        return self._damage == ""

    @property
    def damage(self) -> str | None:
        """What the check found: "" nothing, None not checked yet."""
        return self._damage

    def check(self, run: Callable[[], str]) -> str:
        """The damage found ("" when none): *run* the whole check, unless it was done already.

        A check running on another thread (the window's, in the background) holds the gate:
        this waits for it, and uses what it found. When *run* raises (an I/O error, a check
        cancelled), nothing was decided: the error goes to the caller, and the next call runs
        the check again.
        """
        with self._lock:
            if self._damage is None:
                self._damage = run()
            return self._damage

    def settle(self, damage: str) -> None:
        """Record what a check made otherwise found ("" sound): the file's content was replaced."""
        with self._lock:
            self._damage = damage
