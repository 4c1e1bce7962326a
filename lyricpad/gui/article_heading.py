"""The article pane's heading row: the article's title and byline, with its Edit and New buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from lyricpad.gui.pane_header import PaneHeader


def _tool_button(parent: QWidget, action: QAction) -> QToolButton:
    """A flat, text-only button for *action*, for the heading row."""
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAutoRaise(True)
    button.setAccessibleName(action.text())
    return button


class ArticleHeading(QWidget):
    """``header`` (title and byline, level with the lyrics pane's) beside buttons for *edit* and *new*."""

    def __init__(self, edit: QAction, new: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.header = PaneHeader(self.tr("Article heading"), self)
        self.edit_button = _tool_button(self, edit)
        self.new_button = _tool_button(self, new)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(2)
        row.addWidget(self.header, 1)
        row.addWidget(self.edit_button)
        row.addWidget(self.new_button)
