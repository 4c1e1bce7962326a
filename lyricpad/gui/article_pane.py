"""The article pane: a song's articles rendered from Markdown with annotations highlighted, or their source edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QStackedWidget, QVBoxLayout, QWidget

from lyricpad.core.models import Annotation, Article
from lyricpad.gui.article_browser import ArticleBrowser
from lyricpad.gui.article_empty_page import EMPTY_PROMPT, NO_ARTICLE, ArticleEmptyPage
from lyricpad.gui.article_heading import ArticleHeading
from lyricpad.gui.article_reading import ArticleReading
from lyricpad.gui.article_tabs import TAB_TITLE_CHARS, ArticleTabs, pane_action
from lyricpad.gui.highlights import character_at
from lyricpad.gui.word_snap import WordSnap

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    from lyricpad.app.autosave import Autosave
    from lyricpad.app.current_song import CurrentSong
    from lyricpad.core.markdown import RenderedArticle
    from lyricpad.core.models import QuoteLink
    from lyricpad.gui.article_source_editor import ArticleSourceEditor

# EMPTY_PROMPT, TAB_TITLE_CHARS and ArticleBrowser are imported from here too.
__all__ = ["ARTICLE_SAVE_DEBOUNCE_MS", "EMPTY_PROMPT", "TAB_TITLE_CHARS", "ArticleBrowser", "ArticlePane"]

ARTICLE_SAVE_DEBOUNCE_MS = 800
"""How long typing in the Markdown source must pause before the article is sent to be saved
(typing on without a pause is sent every SAVE_MAX_WAIT_MS all the same)."""

EDITING_SUBTITLE = QT_TRANSLATE_NOOP("ArticlePane", "Editing the Markdown source · saved as you type")


class ArticlePane(QWidget):
    """A tab per article (shown when there are several), a heading, and the article read or edited.

    It keeps no article of its own: it shows what the `CurrentSong` it observes holds
    (``observe``), or what ``show_articles`` gave it, and emits what the user asks for. Edits
    of the source are emitted as ``article_edited`` once typing pauses; once saved they come
    back as the song's articles, and the article is rendered again.
    """

    article_changed = Signal(str)
    """(article_id): another article is shown, from a tab, the keyboard, ``open_article`` or
    ``reveal`` (not from ``show_articles``: its caller knows)."""

    annotation_clicked = Signal(str)
    """(annotation_id): a single click on a highlight."""

    annotation_activated = Signal(str)
    """(annotation_id): a double-click on a highlight, Enter in one, or "Edit Note" in the menu."""

    delete_requested = Signal(str)
    """(annotation_id): "Delete Highlight" from the context menu."""

    quote_clicked = Signal(str)
    """(link_id): a click on a linked quotation (underlined with dots)."""

    unlink_requested = Signal(str)
    """(link_id): "Unlink from Lyrics" from the context menu of a linked quotation."""

    new_article_requested = Signal()
    """The user asked for a new, blank article for the song."""

    editing_changed = Signal(bool)
    """Edit mode (the Markdown source) was entered (True) or left (False)."""

    article_edited = Signal(str, str)
    """(article_id, body): the whole Markdown source as typed, after ARTICLE_SAVE_DEBOUNCE_MS of
    quiet, at least every SAVE_MAX_WAIT_MS while typing goes on, on ``flush()``, or when edit
    mode is left."""

    article_title_edited = Signal(str, str)
    """(article_id, title): the title field was changed and left (or Enter, or ``flush()``)."""

    EMPTY_PAGE, READ_PAGE, EDIT_PAGE = range(3)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Article pane"))
        self._articles: list[Article] = []
        self._current_id = ""
        self._editing = False
        self._current: CurrentSong | None = None  # the song followed, once observe() is called
        self._edit_page: ArticleSourceEditor | None = None  # built when first used (see edit_page)
        self._edit_page_watchers: list[Callable[[ArticleSourceEditor], None]] = []

        self._build_actions()
        self._build_widgets()
        self.show_articles([], [])

    # -------------------------------------------------------------------- build

    def _build_actions(self) -> None:
        # Edit and New carry no keys: the window's menu actions (which call the same API) own them,
        # and a key bound twice, here and window-wide, would be ambiguous and do nothing.
        self.edit_action = pane_action(self, self.tr("Edit Article"), None, self._on_edit_action_triggered)
        self.edit_action.setCheckable(True)
        self.edit_action.setIconText(self.tr("Edit"))
        self.edit_action.setToolTip(self.tr("Edit the article's Markdown source"))
        self.new_article_action = pane_action(
            self, self.tr("New Article"), None, self._on_new_article_action_triggered
        )
        self.new_article_action.setIconText(self.tr("New"))
        self.new_article_action.setToolTip(self.tr("Start a new, blank article for this song"))
        self.tabs = ArticleTabs(self)  # Next/Previous Article, and the tab bar (the pane's first widget)
        self.next_article_action = self.tabs.next_action
        self.previous_article_action = self.tabs.previous_action

    def _build_widgets(self) -> None:
        self.tab_bar = self.tabs.tab_bar
        self.tab_bar.currentChanged.connect(self._on_tab_bar_current_changed)

        header_row = ArticleHeading(self.edit_action, self.new_article_action, self)
        self.header = header_row.header
        self.edit_button = header_row.edit_button
        self.new_button = header_row.new_button

        self.browser = ArticleBrowser(self)
        self._reading = ArticleReading(self.browser)  # what the browser shows, and the data it is drawn from
        self.browser.annotation_clicked.connect(self.annotation_clicked)
        self.browser.annotation_activated.connect(self.annotation_activated)
        self.browser.delete_requested.connect(self.delete_requested)
        self.browser.quote_clicked.connect(self.quote_clicked)
        self.browser.unlink_requested.connect(self.unlink_requested)
        self._word_snap = WordSnap(self.browser)  # a drag takes whole words (Alt: exact characters)

        self.empty_page = ArticleEmptyPage(
            self.new_article_action, self.browser.viewport().backgroundRole(), self
        )
        self.empty_label = self.empty_page.label
        self.new_article_button = self.empty_page.button

        self.stack = QStackedWidget(self)
        self.stack.insertWidget(self.EMPTY_PAGE, self.empty_page)
        self.stack.insertWidget(self.READ_PAGE, self.browser)
        # The edit page (EDIT_PAGE) joins the stack when it is first used: see edit_page.

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tab_bar)
        layout.addWidget(header_row)
        layout.addWidget(self.stack, 1)

    # ---------------------------------------------------------------- edit page

    @property
    def edit_page(self) -> ArticleSourceEditor:
        """The edit page: the article's title and Markdown source.

        Built the first time it is asked for (editing, a drop target), not with the pane: it
        and its pygments lexer cost a window's first paint time that most sessions never use.
        """
        if self._edit_page is None:
            from lyricpad.gui.article_source_editor import ArticleSourceEditor

            page = ArticleSourceEditor(ARTICLE_SAVE_DEBOUNCE_MS, self)
            page.article_edited.connect(self.article_edited)
            page.article_title_edited.connect(self.article_title_edited)
            self.stack.insertWidget(self.EDIT_PAGE, page)
            self._edit_page = page
            for watcher in self._edit_page_watchers:
                watcher(page)
            self._edit_page_watchers.clear()
        return self._edit_page

    def when_edit_page_built(self, watcher: Callable[[ArticleSourceEditor], None]) -> None:
        """Call *watcher* with the edit page once it exists (now, if it does already)."""
        if self._edit_page is not None:
            watcher(self._edit_page)
        else:
            self._edit_page_watchers.append(watcher)

    @property
    def title_edit(self) -> QLineEdit:
        return self.edit_page.title_edit

    @property
    def source_edit(self) -> QPlainTextEdit:
        return self.edit_page.source_edit

    @property
    def autosave(self) -> Autosave:
        """Saves the source while it is typed (the edit page's)."""
        return self.edit_page.autosave

    # --------------------------------------------------------------------- API

    def show_articles(self, articles: list[Article], annotations: list[Annotation]) -> None:
        """Show the song's *articles* with their *annotations*.

        The article open stays open when it is still in the list (else the first one opens);
        when its body is unchanged the document, scroll and selection stay as they are, and in
        edit mode words still being typed are kept.
        """
        self._articles = list(articles)
        self._reading.annotations = [a for a in annotations if a.target == "article"]
        ids = [a.id for a in self._articles]
        if self._current_id not in ids:
            self._current_id = ids[0] if ids else ""
        self.tabs.fill(self._articles, self._index_of(self._current_id))
        self._refresh()

    def update_annotations(self, annotations: list[Annotation]) -> None:
        """Redraw the highlights from *annotations*, the document, scroll and selection left alone."""
        self._reading.annotations = [a for a in annotations if a.target == "article"]
        if not self._editing:
            self._reading.redraw()

    def observe(self, current: CurrentSong) -> None:
        """Show *current*'s articles and its current annotation now, and follow them from here on."""
        self._current = current
        # Another song brings other articles: they are shown as when the song's articles change.
        current.switched.connect(self._on_current_song_articles_changed)
        current.articles_changed.connect(self._on_current_song_articles_changed)
        current.annotations_changed.connect(self._on_current_song_annotations_changed)
        current.current_changed.connect(self.set_selected_annotation)
        current.links_changed.connect(self._on_current_song_links_changed)
        current.song_changed.connect(self._on_current_song_links_changed)  # the lyrics in the tooltips
        self._on_current_song_articles_changed(current.song_id)
        self.set_selected_annotation(current.current_id)

    def open_article(self, article_id: str, editing: bool = False) -> None:
        """Show article *article_id*; with *editing*, its source with the cursor in it, ready to type."""
        index = self._index_of(article_id)
        if index < 0:
            return
        self.tab_bar.setCurrentIndex(index)  # switches (and says so) when it is another article
        self.set_editing(editing)
        if editing and self._editing:
            self.source_edit.moveCursor(QTextCursor.MoveOperation.End)
            self.source_edit.ensureCursorVisible()
            self.source_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def current_article_id(self) -> str:
        """The id of the article shown, "" when there is none."""
        return self._current_id

    @property
    def current_article(self) -> Article | None:
        index = self._index_of(self._current_id)
        return self._articles[index] if index >= 0 else None

    @property
    def rendered(self) -> RenderedArticle | None:
        """The open article as rendered: offsets of its annotations count over ``rendered.text``."""
        return self._reading.rendered

    def selected_range(self) -> tuple[str, int, int] | None:
        """(article_id, start, end) of the selection, in code points over the rendered text.

        None in edit mode, and when nothing (or only blank space) is selected.
        """
        return None if self._editing else self._reading.selected_range()

    def set_context_actions(self, actions: list[QAction]) -> None:
        """The window's actions (highlight with a lens...) offered first in the context menu."""
        self.browser.context_actions = list(actions)

    def set_selected_annotation(self, annotation_id: str) -> None:
        """Draw *annotation_id*'s highlight stronger and outlined ("" for none)."""
        if annotation_id == self._reading.selected_id:
            return
        self._reading.selected_id = annotation_id
        self.browser.selected_id = annotation_id
        if not self._editing:
            self._reading.redraw()

    @property
    def selected_annotation_id(self) -> str:
        return self._reading.selected_id

    def reveal(self, annotation: Annotation) -> None:
        """Open the annotation's article, scroll to its passage and flash it briefly (nothing selected:
        the selection's colour would hide the lens colour shown)."""
        if annotation.article_id is None or self._index_of(annotation.article_id) < 0:
            return
        self.set_editing(False)  # highlights are only drawn over the rendered text
        self.tab_bar.setCurrentIndex(self._index_of(annotation.article_id))
        self._reading.flash_annotation(annotation.id)

    def is_flashing(self) -> bool:
        return bool(self.browser.flash_id or self.browser.flash_span)

    def reveal_quotation(self, link: QuoteLink) -> bool:
        """Open the article of *link*, scroll to its quotation and flash it (the selection stays).

        False when it is not drawn there (its article is gone, or its words are).
        """
        if self._index_of(link.article_id) < 0:
            return False
        self.set_editing(False)  # quotations are only drawn over the rendered text
        self.tab_bar.setCurrentIndex(self._index_of(link.article_id))
        return self._reading.flash_quotation(link.id)

    def set_link_actions(self, actions: list[QAction]) -> None:
        """The window's quote-link actions, offered in the context menu when they are enabled."""
        self.browser.link_actions = list(actions)

    # -------------------------------------------------------------- edit mode

    def is_editing(self) -> bool:
        return self._editing

    def set_editing(self, editing: bool) -> None:
        """Show the Markdown source to edit (True), or the rendered article (False, after a flush).

        Refused (stays False) when there is no article to edit.
        """
        if editing == self._editing:
            self._sync_edit_action()
            return
        if editing:
            article = self.current_article
            if article is None:
                self._sync_edit_action()
                return
            self._editing = True
            self.edit_page.load(article)
            self._sync_edit_action()
            self._refresh()
            self.editing_changed.emit(True)
        else:
            self._leave_editing()

    def flush(self) -> None:
        """Emit a pending edit of the source or the title now.

        The window calls this before switching songs and on close, so nothing typed is lost.
        """
        if self._edit_page is not None:  # never built: nothing was typed
            self._edit_page.flush()

    def source_text(self) -> str:
        """The Markdown source as it stands in the editor (typed, maybe not emitted yet)."""
        return self._edit_page.source_edit.toPlainText() if self._edit_page is not None else ""

    def _leave_editing(self) -> None:
        if not self._editing:
            return
        focus = QApplication.focusWidget()
        refocus = focus is not None and self.edit_page.isAncestorOf(focus)
        self.flush()  # the window saves it, and may show the articles again from inside this call
        if not self._editing:
            return  # left already, from inside the flush
        self._editing = False
        self.edit_page.close_article()
        self._sync_edit_action()
        self._refresh()
        if refocus and self.stack.currentWidget() is self.browser:
            self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editing_changed.emit(False)

    def _sync_edit_action(self) -> None:
        with QSignalBlocker(self.edit_action):
            self.edit_action.setChecked(self._editing)
        self.edit_action.setEnabled(self.current_article is not None)
        self.edit_action.setIconText(self.tr("Done") if self._editing else self.tr("Edit"))
        self.edit_action.setToolTip(
            self.tr("Back to the rendered article")
            if self._editing
            else self.tr("Edit the article's Markdown source")
        )

    # ------------------------------------------------------------------ showing

    def _index_of(self, article_id: str) -> int:
        for index, article in enumerate(self._articles):
            if article.id == article_id:
                return index
        return -1

    def _refresh(self) -> None:
        """Show the current article as the mode wants it: its source, or rendered with its highlights."""
        article = self.current_article
        if article is None:
            if self._editing:
                self._leave_editing()
                return
            self.header.set_text(
                QCoreApplication.translate("ArticleEmptyPage", NO_ARTICLE), ""
            )  # kept, so that the text starts level with the lyrics
            self._reading.clear()
            self.stack.setCurrentIndex(self.EMPTY_PAGE)
            self._sync_edit_action()
            return
        by = self.tr("by {author}").format(author=article.author) if article.author else ""
        byline = " · ".join(x for x in (by, article.source) if x)
        title = article.title or self.tr("Untitled article")
        if self._editing and self.edit_page.article_id != article.id:
            self._leave_editing()  # the article edited is gone (or another was opened): back to reading
            return
        if self._editing:
            self.header.set_text(title, self.tr(EDITING_SUBTITLE))
            self.edit_page.reconcile(article)
            self.stack.setCurrentIndex(self.EDIT_PAGE)
        else:
            self.header.set_text(title, byline)
            self._reading.show(article)
            self.stack.setCurrentIndex(self.READ_PAGE)
        self._sync_edit_action()

    # ------------------------------------------------------------- context menu

    def context_menu_at(self, point: QPoint) -> QMenu:
        """The context menu for viewport *point* of the rendered article (the caller shows it)."""
        return self.browser.context_menu(character_at(self.browser, point))

    # -------------------------------------------------------------------- slots

    def _on_current_song_articles_changed(self, _song_id: str) -> None:
        # Also while editing: the pane keeps what is being typed and takes in an undo.
        self._reading.links, self._reading.lyrics = _links_of(self._current)
        self.show_articles(self._current.articles(), self._current.annotations())

    def _on_current_song_links_changed(self, _song_id: str) -> None:
        # The quotations underlined in the article shown (the lyrics: for their tooltips).
        self._reading.links, self._reading.lyrics = _links_of(self._current)
        if not self._editing:
            self._reading.redraw()

    def _on_current_song_annotations_changed(self, _song_id: str) -> None:
        if self._current.changed_in("article"):  # the lyrics' annotations alone: nothing here changed
            self.update_annotations(self._current.annotations())

    def _on_tab_bar_current_changed(self, index: int) -> None:
        if not 0 <= index < len(self._articles):
            return
        article_id = self._articles[index].id
        if article_id == self._current_id:
            return
        self._current_id = article_id  # first: leaving edit mode may bring show_articles back in
        if self._editing:
            # The other article opens to be read, and what was typed is saved first: the window
            # then shows the articles as saved, so none is ever edited from an out-of-date copy.
            self._leave_editing()
        else:
            self._refresh()
        self.article_changed.emit(article_id)

    def _on_edit_action_triggered(self, checked: bool) -> None:
        self.set_editing(checked)
        if self._editing:
            self.source_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_new_article_action_triggered(self) -> None:
        self._leave_editing()  # saved, and shown as saved, before the new one opens
        self.new_article_requested.emit()


def _links_of(current: CurrentSong) -> tuple[list[QuoteLink], str]:
    """*current*'s quote links, and the lyrics they quote."""
    song = current.song
    return (current.links(), song.lyrics) if song is not None else ([], "")
