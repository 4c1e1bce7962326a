"""Moving between the article's quotations and the lyric lines they quote, and making or removing those links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from lyricpad.app.current_song import CurrentSong
from lyricpad.app.positions import code_point_position
from lyricpad.gui.notice_bar import STATUS_MS
from lyricpad.gui.quote_links_view import MENU_QUOTE_CHARS, elide, lines_reference

if TYPE_CHECKING:
    from lyricpad.core.models import QuoteLink
    from lyricpad.gui.main_window import MainWindow

LINK_SHORTCUT = "Ctrl+K"
"""Link to Lyrics Lines: the text selected in the article quotes the lines selected in the lyrics."""

QUOTES_SHORTCUT = "Ctrl+Shift+Q"
"""View > Quotes: the annotations panel's list of quotations, with the keyboard in it."""

TRIMMED = "\"“”‘’'«»„‹›,;:"
"""Stripped (with spaces) from both ends of a selection before it is linked: marks around the
words, and the punctuation a sloppy drag takes along, are not part of the quotation."""


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of *text* without the spaces, quotation marks and , ; : at its ends (empty: start == end)."""
    while start < end and (text[start].isspace() or text[start] in TRIMMED):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRIMMED):
        end -= 1
    return start, end


class WindowLinks(QObject):
    """The window's side of quote links: a click on a quotation shows its lines, a quote mark its quotation.

    It keeps no links: each time it asks the `CurrentSong`, and the session changes them (one
    undo step each). Only which quotation of a line was shown last is its own, so that the
    next click on that line's mark shows the next one.
    """

    def __init__(self, window: MainWindow, current: CurrentSong):
        super().__init__(window)
        self._window = window
        self._current = current
        self._shown: dict[int, str] = {}  # lyric line -> the id of its quotation shown last
        self.link_action = QAction(self.tr("&Link to Lyrics Lines"), window)
        self.link_action.setShortcut(QKeySequence(LINK_SHORTCUT))
        self.link_action.setStatusTip(
            self.tr("Link the text selected in the article to the lines selected in the lyrics")
        )
        self.link_action.triggered.connect(self.link_selection)
        self.unlink_action = QAction(self.tr("U&nlink from Lyrics"), window)
        self.unlink_action.setStatusTip(
            self.tr("Stop linking the quotation at the cursor in the article to the lyrics")
        )
        self.unlink_action.triggered.connect(self.unlink_at_cursor)
        self.quotes_action = QAction(self.tr("&Quotes"), window)
        self.quotes_action.setShortcut(QKeySequence(QUOTES_SHORTCUT))
        self.quotes_action.setStatusTip(
            self.tr("List the articles' quotations of the lyrics, the keyboard in the list")
        )
        self.quotes_action.triggered.connect(self.show_quotes_list)
        self._said = ""  # the last message about links: cleared once the links change under it
        lyrics, article = window.lyrics_pane, window.article_pane
        article.set_link_actions([self.link_action])
        article.quote_clicked.connect(self.show_quoted_lines)
        article.unlink_requested.connect(self.unlink)
        lyrics.quote_mark_clicked.connect(self.show_quotation_of_line)
        window.annotations_panel.quote_activated.connect(self.go_to_link)
        window.annotations_panel.quotes_list.link_selected.connect(self.go_to_link)
        article.browser.cursorPositionChanged.connect(self._update_unlink_action)
        article.article_changed.connect(self._update_unlink_action)
        article.editing_changed.connect(self._update_unlink_action)
        current.links_changed.connect(self._on_current_song_links_changed)
        lyrics.selectionChanged.connect(self._update_link_action)
        lyrics.editing_changed.connect(self._update_link_action)
        article.browser.selectionChanged.connect(self._update_link_action)
        article.editing_changed.connect(self._update_link_action)
        current.switched.connect(self._on_current_song_switched)
        self._update_link_action()
        self._update_unlink_action()

    def _say(self, message: str, ms: int = STATUS_MS) -> None:
        self._said = message
        self._window.statusBar().showMessage(message, ms)

    def link(self, link_id: str) -> QuoteLink | None:
        """The song's link *link_id*, None when it has no such link (any more)."""
        return next((link for link in self._current.links() if link.id == link_id), None)

    # -------------------------------------------------------------- going there

    def show_quoted_lines(self, link_id: str) -> None:
        """A click on a quotation: scroll the lyrics to the lines it quotes and flash them."""
        link = self.link(link_id)
        if link is None:
            self._say(self.tr("That quotation is not linked to the lyrics any more."))
            return
        self._window.lyrics_pane.show_lines(list(link.places))
        if link.misquoted:
            message = self.tr("“{quote}” quotes {lines} (misquoted).")
        else:
            message = self.tr("“{quote}” quotes {lines}.")
        self._say(message.format(quote=elide(link.quote), lines=lines_reference(link.lines)))

    def show_quotation_of_line(self, line: int) -> None:
        """A click on line *line*'s quote mark: its quotation in the article, the next one at each click."""
        links = [link for link in self._current.links_for_line(line) if link.status == "anchored"]
        if not links:
            self._say(self.tr("No article quotes line {line}.").format(line=line))
            return
        ids = [link.id for link in links]
        last = self._shown.get(line)
        index = (ids.index(last) + 1) % len(links) if last in ids else 0
        self._shown[line] = ids[index]
        link = links[index]
        if not self._window.article_pane.reveal_quotation(link):
            self._say(self.tr("That quotation is not shown in its article any more."))
            return
        quote = elide(link.quote, MENU_QUOTE_CHARS)
        article = self._title(link.article_id)
        if len(links) > 1:
            self._say(
                self.tr(
                    "Line {line} is quoted in “{quote}” in {article} ({index} of {count}): "
                    "click the mark again for the next."
                ).format(line=line, quote=quote, article=article, index=index + 1, count=len(links))
            )
        else:
            self._say(
                self.tr("Line {line} is quoted in “{quote}” in {article}.").format(
                    line=line, quote=quote, article=article
                )
            )

    def go_to_link(self, link_id: str) -> None:
        """From the Quotes list: the quotation in its article, and the lines it quotes in the lyrics."""
        link = self.link(link_id)
        if link is None:
            self._say(self.tr("That quotation is not linked to the lyrics any more."))
            return
        self._window.article_pane.reveal_quotation(link)
        self._window.lyrics_pane.show_lines(list(link.places))
        if link.misquoted:
            message = self.tr("“{quote}” in {article} quotes {lines} (misquoted).")
        else:
            message = self.tr("“{quote}” in {article} quotes {lines}.")
        self._say(
            message.format(
                quote=elide(link.quote, MENU_QUOTE_CHARS),
                article=self._title(link.article_id),
                lines=lines_reference(link.lines),
            )
        )

    def show_quotes_list(self) -> None:
        """View > Quotes: the Quotes filter of the annotations panel, the keyboard in its list."""
        window = self._window
        panel = window.annotations_panel
        window.annotations_dock.show()
        panel.filter_bar.show_quotes(True)
        target = panel.quotes_list if panel.quotes_list.count() else panel.text_filter
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _title(self, article_id: str) -> str:
        title = next((a.title for a in self._current.articles() if a.id == article_id), "")
        return self.tr("“{title}”").format(title=title) if title else self.tr("an untitled article")

    # ------------------------------------------------------- making and removing

    def unlink(self, link_id: str) -> bool:
        """Stop linking quotation *link_id* to the lyrics (one undo step)."""
        if self._window.session.link_edits.unlink(link_id):
            self._say(
                self.tr("The quotation is no longer linked to the lyrics. {keys} undoes.").format(
                    keys="Ctrl+Z"
                )
            )
            return True
        return False

    def quotation_at_cursor(self) -> QuoteLink | None:
        """The linked quotation at the article's text cursor (or the start of its selection), else None."""
        article = self._window.article_pane
        rendered = article.rendered
        if article.is_editing() or rendered is None:
            return None
        # From the song's links, not the underlines: those are redrawn after this hears of a change.
        offset = code_point_position(rendered.text, article.browser.textCursor().selectionStart())
        links = [
            link
            for link in self._current.links_at(article.current_article_id, offset)
            if link.status == "anchored" and rendered.text[link.start : link.end] == link.quote
        ]
        return min(links, key=lambda link: link.end - link.start, default=None)

    def unlink_at_cursor(self) -> bool:
        """Edit > Unlink from Lyrics: the quotation at the article's text cursor (one undo step)."""
        link = self.quotation_at_cursor()
        if link is None:
            self._say(
                self.tr("Put the cursor in an underlined quotation in the article, then Unlink from Lyrics.")
            )
            return False
        return self.unlink(link.id)

    def link_selection(self) -> str | None:
        """Link the text selected in the article to the lines selected in the lyrics; the new link's id.

        Spaces, quotation marks and , ; : at the ends of the selection are left out of the link.
        """
        window = self._window
        chosen = window.article_pane.selected_range()
        lyrics = window.lyrics_pane
        if chosen is None:
            self._say(
                self.tr(
                    "Select the quoted words in the article and the lines in the lyrics, then Link to Lyrics "
                    "Lines ({keys})."
                ).format(keys=LINK_SHORTCUT)
            )
            return None
        rendered = window.article_pane.rendered
        start, end = trimmed_span(rendered.text if rendered else "", chosen[1], chosen[2])
        if start >= end:
            self._say(
                self.tr("The selection holds only quotation marks or punctuation: select the quoted words.")
            )
            return None
        chosen = (chosen[0], start, end)
        if lyrics.is_editing() or not lyrics.textCursor().hasSelection():
            self._say(
                self.tr(
                    "Select the lines it quotes in the lyrics (click or drag their numbers), "
                    "then Link to Lyrics Lines ({keys})."
                ).format(keys=LINK_SHORTCUT)
            )
            return None
        article_id, start, end = chosen
        first, last = lyrics.selected_lines()
        link_id = window.session.link_edits.link(article_id, start, end, first, last)
        if link_id:
            self._say(
                self.tr("Quotation linked to {lines}. {keys} undoes.").format(
                    lines=lines_reference(list(range(first, last + 1))), keys="Ctrl+Z"
                )
            )
        return link_id

    def _update_link_action(self, *_args) -> None:
        lyrics = self._window.lyrics_pane
        if lyrics.textCursor().hasSelection() and not lyrics.is_editing():
            first, last = lyrics.selected_lines()
            if first != last:
                text = self.tr("&Link to Lyrics Lines {first}–{last}").format(first=first, last=last)
            else:
                text = self.tr("&Link to Lyrics Line {line}").format(line=first)
            self.link_action.setText(text)
        else:
            self.link_action.setText(self.tr("&Link to Lyrics Lines"))
        # Always enabled: without a selection in the article or the lyrics, the key says what
        # to select (a disabled key says nothing at all). The context menu offers it with a selection.

    def _update_unlink_action(self, *_args) -> None:
        link = self.quotation_at_cursor()
        self.unlink_action.setEnabled(link is not None)
        if link is None:
            self.unlink_action.setText(self.tr("U&nlink from Lyrics"))
        else:
            quote = elide(link.quote, MENU_QUOTE_CHARS).replace("&", "&&")
            self.unlink_action.setText(self.tr("U&nlink “{quote}” from Lyrics").format(quote=quote))

    def _on_current_song_links_changed(self, _song_id: str) -> None:
        # A message about the links as they were (Ctrl+Z brought back what it calls unlinked) goes.
        bar = self._window.statusBar()
        if self._said and bar.currentMessage() == self._said:
            bar.clearMessage()
        self._said = ""
        self._update_unlink_action()

    def _on_current_song_switched(self, _song_id: str) -> None:
        self._shown.clear()
        self._update_link_action()
        self._update_unlink_action()
