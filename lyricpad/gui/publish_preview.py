"""The publish dialog's preview: a post's source in a fixed-width font, or its HTML as a reader sees it."""

from __future__ import annotations

from pygments.lexers.html import HtmlLexer
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QPlainTextEdit, QStackedWidget, QTextBrowser, QWidget

from lyricpad.core.lexers import MarkdownSourceLexer
from lyricpad.gui.export_preview import ExportPreview
from lyricpad.gui.inert_browser import InertBrowser

LEXERS = {"markdown": MarkdownSourceLexer, "html": HtmlLexer}


class PostSource(ExportPreview):
    """The post as it is copied and saved: Markdown or HTML source, coloured by pygments."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Post source"))

    @property
    def kind(self) -> str:
        """The language coloured now: "markdown" or "html"."""
        return self._kind

    def show_text(self, text: str, kind: str) -> None:
        """Show *text* ("markdown" or "html"), keeping the scroll position when the kind is the same."""
        bar = self.verticalScrollBar()
        position = bar.value() if kind == self._kind else 0
        if kind != self._kind:
            self.clear()  # before the lexer changes: the old text is not highlighted twice
            self.highlighter.set_lexer(LEXERS[kind]())
            self._kind = kind
        self.setPlainText(text)
        bar.setValue(min(position, bar.maximum()))


class RenderedPost(InertBrowser):
    """The HTML post as a page shows it: read-only, its links inert, nothing loaded from anywhere."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Post as rendered"))
        self.requested: list[str] = []
        """Every resource the HTML asked for (none is ever given): images, style sheets..."""

    def loadResource(self, kind: int, name: QUrl):
        self.requested.append(name.toString())
        return super().loadResource(kind, name)

    def show_html(self, html: str) -> None:
        """Show *html*, keeping the scroll position."""
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(html)
        bar.setValue(min(position, bar.maximum()))


class PublishPreview(QStackedWidget):
    """The source view, or for HTML (unless its source is asked for) the rendered view."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = PostSource()
        self.rendered = RenderedPost()
        self.addWidget(self.source)
        self.addWidget(self.rendered)
        self.setFocusProxy(self.source)

    def show_post(self, text: str, fmt: str, *, as_source: bool) -> None:
        """Show the post *text* in format *fmt* ("markdown" or "html"), as source or rendered."""
        rendered = fmt == "html" and not as_source
        self.source.show_text(text, fmt)
        if rendered:
            self.rendered.show_html(text)
        else:
            self.rendered.clear()
        view = self.rendered if rendered else self.source
        had_focus = self.currentWidget().hasFocus()
        self.setCurrentWidget(view)
        self.setFocusProxy(view)
        if had_focus:
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, message: str) -> None:
        """Show nothing but *message* (why there is no post to show)."""
        self.source.show_text("", self.source.kind)
        self.source.setPlaceholderText(message)
        self.rendered.clear()
        self.setCurrentWidget(self.source)
        self.setFocusProxy(self.source)

    def view(self) -> QPlainTextEdit | QTextBrowser:
        """The view shown now."""
        return self.currentWidget()
