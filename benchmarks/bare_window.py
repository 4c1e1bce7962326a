"""The start-up baseline: a bare PySide6 window with a splitter of two text views, shown until its
first paint, then the process exits (as `lyricpad --smoke` does). Run by benchmarks/run.py."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QSplitter, QTextBrowser


class FirstPaint(QObject):
    def __init__(self, app: QApplication):
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    splitter = QSplitter()
    lyrics, article = QPlainTextEdit(), QTextBrowser()
    lyrics.setPlainText("The harbour lights are burning low\nand every lantern swings")
    article.setPlainText("A close reading of the song.")
    splitter.addWidget(lyrics)
    splitter.addWidget(article)
    window.setCentralWidget(splitter)
    window.resize(1000, 700)
    watcher = FirstPaint(app)
    window.installEventFilter(watcher)
    QTimer.singleShot(10_000, app.quit)
    window.show()
    app.exec()
    print("painted" if watcher.painted else "not painted")
    return 0 if watcher.painted else 1


if __name__ == "__main__":
    sys.exit(main())
