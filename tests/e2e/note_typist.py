"""Run by test_crash_while_typing.py: the real window types a note without pause until it is killed.

usage: python note_typist.py LIBRARY

It highlights a line of the demo song, prints {"annotation": ID}, then types one character into
the note editor every KEY_EVERY_MS and prints {"n": count, "t": monotonic seconds, "note": text held}
after each, so that the test knows what the editor held when, by the child's own clock.
"""

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from lyricpad.app.session import Session  # noqa: E402
from lyricpad.app.settings import Settings  # noqa: E402
from lyricpad.gui.launch import initial_song, show_until_painted  # noqa: E402
from lyricpad.gui.main_window import MainWindow  # noqa: E402

KEY_EVERY_MS = 50
TEXT = "the pier waits for the tide "


def main(path: str) -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("lyricpad")
    app.setOrganizationName("lyricpad")
    session = Session.open(path)
    window = MainWindow(session, Settings())
    session.select_song(initial_song(session, None, Settings()))
    if not show_until_painted(window):
        print("the window was not painted", file=sys.stderr)
        return 1
    window.lyrics_pane.setFocus()
    window.lyrics_pane.select_lines(16, 16)
    annotation_id = window.highlight_with_last_lens()
    editor = window.note_editor
    editor.focus_note()
    print(json.dumps({"annotation": annotation_id, "note": editor.note_text()}), flush=True)
    count = 0

    def type_one() -> None:
        nonlocal count
        QTest.keyClicks(editor.note_edit, TEXT[count % len(TEXT)])
        count += 1
        print(json.dumps({"n": count, "t": time.monotonic(), "note": editor.note_text()}), flush=True)

    keys = QTimer()
    keys.setInterval(KEY_EVERY_MS)
    keys.timeout.connect(type_one)
    keys.start()
    return app.exec()  # until killed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
