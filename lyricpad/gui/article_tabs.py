"""The article pane's tabs: one per article of the song, shown when there are several, and the keys between them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabBar, QWidget

from lyricpad.core.models import Article

TAB_TITLE_CHARS = 28
"""Article titles longer than this are shortened on their tabs."""

NEXT_ARTICLE_SHORTCUT = "Ctrl+PgDown"
PREVIOUS_ARTICLE_SHORTCUT = "Ctrl+PgUp"


def pane_action(owner: QWidget, text: str, shortcut: str | None, slot: Callable) -> QAction:
    """An action of *owner* calling *slot*; its *shortcut* (if any) is heard only while the focus is in *owner*."""
    action = QAction(text, owner)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        # Only while the focus is in the pane: the lyrics beside it may bind the same keys.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        owner.addAction(action)
    action.triggered.connect(slot)
    return action


class ArticleTabs(QObject):
    """A tab bar titled by the articles, and Next/Previous Article (Ctrl+PgDown, Ctrl+PgUp) cycling through them.

    Whoever owns it listens to ``tab_bar.currentChanged`` to open the article chosen.
    """

    def __init__(self, pane: QWidget):
        super().__init__(pane)
        self.next_action = pane_action(
            pane, self.tr("Next Article"), NEXT_ARTICLE_SHORTCUT, self._on_next_action_triggered
        )
        self.previous_action = pane_action(
            pane, self.tr("Previous Article"), PREVIOUS_ARTICLE_SHORTCUT, self._on_previous_action_triggered
        )
        self.tab_bar = QTabBar(pane)
        self.tab_bar.setAccessibleName(self.tr("Articles"))
        self.tab_bar.setExpanding(False)
        self.tab_bar.setDocumentMode(True)
        # Many articles scroll (arrows at the end) rather than shrink to unreadable "L…" tabs;
        # long titles are shortened to TAB_TITLE_CHARS (the tooltip has the whole title).
        self.tab_bar.setElideMode(Qt.TextElideMode.ElideNone)
        self.tab_bar.setUsesScrollButtons(True)

    def fill(self, articles: list[Article], current: int) -> None:
        """A tab per article, the *current*-th one current (saying nothing); the bar hides for one article."""
        count = len(articles)
        with QSignalBlocker(self.tab_bar):
            while self.tab_bar.count() > count:
                self.tab_bar.removeTab(self.tab_bar.count() - 1)
            while self.tab_bar.count() < count:
                self.tab_bar.addTab("")
            for index, article in enumerate(articles):
                title = article.title or self.tr("Untitled")
                shown = (
                    title if len(title) <= TAB_TITLE_CHARS else title[: TAB_TITLE_CHARS - 1].rstrip() + "…"
                )
                self.tab_bar.setTabText(index, shown.replace("&", "&&"))
                self.tab_bar.setTabToolTip(index, article.title or self.tr("Untitled article"))
                self.tab_bar.setAccessibleTabName(
                    index,
                    self.tr("{title}, article {number} of {count}").format(
                        title=title, number=index + 1, count=count
                    ),
                )
            self.tab_bar.setCurrentIndex(current)
        self.tab_bar.setVisible(count > 1)

    def _switch_by(self, step: int) -> None:
        count = self.tab_bar.count()
        if count > 1:
            self.tab_bar.setCurrentIndex((self.tab_bar.currentIndex() + step) % count)

    def _on_next_action_triggered(self) -> None:
        self._switch_by(1)

    def _on_previous_action_triggered(self) -> None:
        self._switch_by(-1)
