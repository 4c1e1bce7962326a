"""The article pane's page for a song with no article: a prompt and a New Article button."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

EMPTY_PROMPT = QT_TRANSLATE_NOOP("ArticleEmptyPage", "Start an article: draft your analysis here")
NO_ARTICLE = QT_TRANSLATE_NOOP("ArticleEmptyPage", "No article")


class ArticleEmptyPage(QWidget):
    """Offers *new_article*; while that action is disabled (no song), says only that there is no article."""

    def __init__(self, new_article: QAction, background: QPalette.ColorRole, parent: QWidget | None = None):
        super().__init__(parent)
        self._new_article = new_article
        self.setAccessibleName(self.tr("No article yet"))
        self.setBackgroundRole(background)
        self.setAutoFillBackground(True)
        self.label = QLabel(self.tr(EMPTY_PROMPT), self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # quieter, still legible
        self.button = QPushButton(self.tr("New Article"), self)
        self.button.setAccessibleName(self.tr("New Article"))
        self.button.setToolTip(new_article.toolTip())
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.button.clicked.connect(new_article.trigger)
        new_article.changed.connect(self._on_new_article_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _on_new_article_changed(self) -> None:
        enabled = self._new_article.isEnabled()
        self.button.setVisible(enabled)
        self.label.setText(self.tr(EMPTY_PROMPT if enabled else NO_ARTICLE))
