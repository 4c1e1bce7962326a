"""A strip above the texts that tells something without taking the keyboard (a save kept for later...)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

_TINT_ALPHA = 60

STATUS_MS = 6000
"""How long a message stays in the status bar (twice as long for one that asks to be read)."""
NOTICE_MS = 8000
"""How long the status bar shows what the user must know now (not highlighted, needs review, a file written)."""


class NoticeBar(QFrame):
    """Shows the latest notice until it is dismissed (its × button) or replaced; never takes focus.

    A modal message box in the middle of typing takes the keys meant for the note (a space
    presses its OK button): what lyricpad says while the user may be typing is said here.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAccessibleName(self.tr("Notice"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button = QToolButton(self)
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss notice"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        palette = self.palette()
        tint = QColor("#d4a017")
        tint.setAlpha(_TINT_ALPHA)
        palette.setColor(QPalette.ColorRole.Window, tint)
        self.setPalette(palette)
        self.hide()

    def show_notice(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
