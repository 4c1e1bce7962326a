"""Run by test_shared_library.py: a process that holds the library open (the core alone, or the real
window) and, on request, runs each operation that reads or opens the library again in-process.

usage: python holder.py core|window LIBRARY WORKDIR

It reads one request per line on stdin and answers each with one JSON line on stdout:
{"op", "ok", "detail", "ack"?, "wal": [exists, inode], "deleted": [...]}. "ack" is the id of a
change it has written (acknowledged: the write returned). After every request it looks at its own
-wal: "wal" says whether it still exists and its inode, "deleted" lists the SQLite files this
process holds open although they were deleted from the folder (what a lost lock leads to).

Requests: write TAG, note TAG, export-file, export-folder, export-onto-library, backup,
backup-onto-library, restore, import, import-library, merge, merge-library, salvage-check,
second-library, check, quit.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import traceback
from pathlib import Path

MODE, LIBRARY, WORK = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])


def _wal_state() -> list:
    wal = Path(f"{LIBRARY}-wal")
    try:
        return [True, wal.stat().st_ino]
    except FileNotFoundError:
        return [False, 0]


def _deleted() -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.endswith(" (deleted)") and LIBRARY.name in target:
            found.append(target)
    return found


def _answer(op: str, ok: bool, detail: str = "", **extra) -> None:
    reply = {"op": op, "ok": ok, "detail": detail, "wal": _wal_state(), "deleted": _deleted(), **extra}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


def _refused(function, *args) -> str:
    """Run *function*, which must refuse with a LyricpadError; its message (raises if it did not refuse)."""
    from lyricpad.core.errors import LyricpadError

    try:
        function(*args)
    except LyricpadError as exc:
        return str(exc)
    raise AssertionError(f"{getattr(function, '__name__', function)} did not refuse")


def _text_named_link() -> Path:
    """The library under another name that looks like text to import (a hard link: the same file)."""
    link = WORK / "lyrics-to-import.txt"
    if not link.exists():
        os.link(LIBRARY, link)
    return link


class Operations:
    """What each request does; the window subclass goes through the session and the window's parts."""

    def __init__(self, library):
        self.library = library
        self.song = library.songs.all()[0]

    def write(self, tag: str) -> dict:
        from lyricpad.core.anchoring import anchor_for_lines

        made = self.library.annotations.add(
            self.song.id, [anchor_for_lines(self.library.songs.get(self.song.id).lyrics, 4, 4)], note=tag
        )
        return {"ack": made.id}

    def note(self, tag: str) -> dict:
        return self.write(tag)

    def export_file(self) -> dict:
        from lyricpad.core.export import dumps_json, export_json, write_atomic

        reader = self.library.reader()
        try:
            with reader.snapshot():
                path = write_atomic(WORK / "export.json", dumps_json(export_json(reader)))
        finally:
            reader.close()
        return {"detail": str(path)}

    def export_folder(self) -> dict:
        from lyricpad.core.export import export_library_markdown

        reader = self.library.reader()
        try:
            with reader.snapshot():
                written = export_library_markdown(reader, WORK / "vault")
        finally:
            reader.close()
        return {"detail": f"{len(written)} files"}

    def export_onto_library(self) -> dict:
        from lyricpad.core.export import write_atomic

        messages = [
            _refused(write_atomic, Path(f"{LIBRARY}{suffix}"), "x") for suffix in ("", "-wal", "-shm")
        ]
        return {"detail": " | ".join(messages)}

    def backup(self) -> dict:
        from lyricpad.core.backup import make_backup

        return {"detail": str(make_backup(self.library, WORK / "backup.sqlite", reason="manual"))}

    def backup_onto_library(self) -> dict:
        from lyricpad.core.backup import make_backup

        return {"detail": _refused(make_backup, self.library, LIBRARY)}

    def restore(self) -> dict:
        from lyricpad.core.backup import restore_backup

        return {"detail": str(restore_backup(self.library, WORK / "backup.sqlite"))}

    def import_(self) -> dict:
        from lyricpad.core.importers import read_import

        text = WORK / "Imported Band - Imported Song.txt"
        text.write_text("a first imported line\na second imported line\n", encoding="utf-8")
        imported = read_import(text, kind="lyrics")
        made = self.library.songs.add("Imported Song", artist="Imported Band", lyrics=imported.text)
        return {"detail": made.id}

    def import_library(self) -> dict:
        from lyricpad.core.importers import read_import

        paths = [Path(f"{LIBRARY}{suffix}") for suffix in ("", "-wal", "-shm")] + [_text_named_link()]
        messages = [_refused(lambda p: read_import(p, kind="lyrics"), path) for path in paths]
        return {"detail": " | ".join(messages)}

    def merge(self) -> dict:
        from lyricpad.core.merge import merge_file

        with self.library.write():
            report = merge_file(self.library, WORK / "export.json")
        return {"detail": str(report)}

    def merge_library(self) -> dict:
        from lyricpad.core.merge import merge_file

        return {"detail": _refused(merge_file, self.library, LIBRARY)}

    def salvage_check(self) -> dict:
        from lyricpad.core import livefiles
        from lyricpad.core.backup import check_backup
        from lyricpad.core.salvage import _open_damaged

        messages = [_refused(check_backup, LIBRARY), _refused(_open_damaged, LIBRARY)]
        assert livefiles.is_sqlite_file(LIBRARY)
        return {"detail": " | ".join(messages)}

    def second_library(self) -> dict:
        from lyricpad.core.store import Library

        Library.open(LIBRARY).close()
        return {}

    def check(self) -> dict:
        from lyricpad.core.check import check_library

        reader = self.library.reader()
        try:
            report = check_library(reader)
        finally:
            reader.close()
        return {"detail": report.headline(), "clean": report.ok}


def run(ops: Operations, line: str) -> bool:
    """Answer one request; False after "quit"."""
    op, _, arg = line.strip().partition(" ")
    if op == "quit":
        ops.quit()
        _answer("quit", True)
        return False
    name = {"import": "import_"}.get(op, op.replace("-", "_"))
    try:
        result = getattr(ops, name)(arg) if arg else getattr(ops, name)()
    except Exception as exc:  # noqa: BLE001  (reported to the test, which fails with it)
        _answer(op, False, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        return True
    _answer(op, True, **{"detail": "", **result})
    return True


def main_core() -> int:
    from lyricpad.core.store import Library

    library = Library.open(LIBRARY)

    class Core(Operations):
        def quit(self):
            library.close()

    ops = Core(library)
    _answer("ready", True)
    for line in sys.stdin:
        if not run(ops, line):
            break
    return 0


def main_window() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import queue

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from lyricpad.app.exporting import ExportOptions, LibraryExporter
    from lyricpad.app.session import Session
    from lyricpad.app.settings import Settings
    from lyricpad.core.anchoring import anchor_for_lines
    from lyricpad.gui.launch import initial_song
    from lyricpad.gui.main_window import MainWindow

    app = QApplication([])
    for kind in ("critical", "warning", "information", "question"):  # never block: say it instead
        setattr(
            QMessageBox, kind, staticmethod(lambda parent, title, text, *a, **k: print(text, file=sys.stderr))
        )
    session = Session.open(LIBRARY)
    window = MainWindow(session, Settings())
    session.select_song(initial_song(session, None, Settings()))
    window.show()

    def wait_for(signal_owner, *signals, msecs=60_000):
        loop = QEventLoop()
        got = []
        for signal in signals:
            signal.connect(lambda *args, loop=loop: (got.append(args), loop.quit()))
        QTimer.singleShot(msecs, loop.quit)
        loop.exec()
        return got

    class Window(Operations):
        def __init__(self):
            super().__init__(session.library)
            self.exporter = LibraryExporter(session)

        def write(self, tag):
            made = session.annotation_edits.create(
                self.song.id, [anchor_for_lines(session.song(self.song.id).lyrics, 4, 4)], note=tag
            )
            assert made and session.safekeeping.unsaved_count == 0, "the highlight was not saved"
            return {"ack": made}

        def note(self, tag):
            made = self.write("")["ack"]
            window.select_annotation(made)
            window.note_editor.focus_note()
            QTest.keyClicks(window.note_editor.note_edit, tag)
            window.flush_edits()
            assert session.annotation(made).note == tag and session.safekeeping.unsaved_count == 0, (
                "the note was not saved"
            )
            return {"ack": made}

        def _export(self, target, options):
            self.exporter.start(target, options, None)
            got = wait_for(self.exporter, self.exporter.finished, self.exporter.failed)
            assert got and not isinstance(got[0][0], str), f"the export failed: {got}"
            return {"detail": str(target)}

        def export_file(self):
            return self._export(WORK / "export.json", ExportOptions(scope="all", format="json"))

        def export_folder(self):
            return self._export(WORK / "vault", ExportOptions(scope="all", format="markdown"))

        def backup(self):
            from lyricpad.core.backup import make_backup

            return {"detail": str(make_backup(session.library, WORK / "backup.sqlite", reason="manual"))}

        def restore(self):
            safety = session.library_care.restore_backup(WORK / "backup.sqlite")
            assert safety is not None, "the restore was refused"
            return {"detail": str(safety)}

        def import_library(self):
            # As a drop or `lyricpad FILE`: the library, its -wal, and the library under a .txt name.
            window.importer.import_paths([str(LIBRARY), f"{LIBRARY}-wal", str(_text_named_link())])
            window.importer.importer.wait(30_000)
            QTest.qWait(200)  # the refusal arrives through the event loop
            return super().import_library()

        def check(self):
            from lyricpad.app.checking import LibraryChecker

            checker = LibraryChecker(session)
            checker.start()
            got = wait_for(checker, checker.finished, checker.failed)
            assert got and got[0][0] is not None and not isinstance(got[0][0], str), (
                f"the check failed: {got}"
            )
            return {"detail": got[0][0].headline(), "clean": got[0][0].ok}

        def quit(self):
            window.close()
            session.close()

    ops = Window()
    requests: queue.Queue[str] = queue.Queue()

    def read_stdin():
        for line in sys.stdin:
            requests.put(line)
        requests.put("quit")

    threading.Thread(target=read_stdin, daemon=True).start()

    def serve():
        while True:
            try:
                line = requests.get_nowait()
            except queue.Empty:
                return
            if not run(ops, line):
                app.quit()
                return

    timer = QTimer()
    timer.timeout.connect(serve)
    timer.start(20)
    QTimer.singleShot(0, lambda: _answer("ready", True))
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main_core() if MODE == "core" else main_window())
