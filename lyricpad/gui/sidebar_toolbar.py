"""The row of song actions under the sidebar's list, their icons following the palette."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

from lyricpad.gui.sidebar_icons import glyph_icon


class SongToolbar(QToolBar):
    """New, Import, Details, Rename and Delete on the left, Show Trash on the right, as icons only.

    *icons* pairs each action with its glyph and icon theme name; *sort_button* takes the sort glyph.
    """

    def __init__(
        self,
        left: list[QAction],
        right: QAction,
        icons: list[tuple[QAction, str, str]],
        sort_button: QWidget,
        parent: QWidget,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Song actions"))
        self._icons = icons
        self._sort_button = sort_button
        self.setAccessibleName(self.tr("Song actions"))
        self.setIconSize(QSize(16, 16))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in left:
            self.addAction(action)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.addAction(right)
        for action in (*left, right):
            self.widgetForAction(action).setAccessibleName(action.objectName())
        self.set_icons()

    def set_icons(self) -> None:
        """Draw the icons again in the sidebar's palette."""
        palette = self.parentWidget().palette()
        for action, kind, theme in self._icons:
            action.setIcon(glyph_icon(kind, palette, theme))
        self._sort_button.setIcon(glyph_icon("sort", palette, "view-sort"))
