"""The translation in the window: View > Translation, File > Import Translation…, Edit > Paste, Edit and Remove Translation.

The translation pane stands between the lyrics and the article, in the article's side of the
window: opening it narrows the article, never the lyrics. Where the article would be left too
narrow to read, it is hidden while the translation is shown (the status bar says so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from lyricpad.core.errors import LyricpadError
from lyricpad.gui.file_dialogs import open_file_name
from lyricpad.gui.notice_bar import NOTICE_MS
from lyricpad.gui.pane_header import PaneHeader
from lyricpad.gui.translation_pane import LineAlignment, TranslationFollower, TranslationPane

if TYPE_CHECKING:
    from lyricpad.core.translation import ParsedTranslation
    from lyricpad.gui.main_window import MainWindow

SHOW_SHORTCUT = "Ctrl+Alt+T"  # Ctrl+Shift+T shows the trash
EDIT_SHORTCUT = "Ctrl+Alt+E"  # Ctrl+E edits the lyrics
ARTICLE_LEAST = 280
"""The article's least width beside the translation; narrower, it is hidden while the translation shows."""
NO_TRANSLATION_TIP = QT_TRANSLATE_NOOP(
    "TranslationView",
    "This song has no translation: File > Import Translation… or Edit > Paste Translation gives it one",
)
ARTICLE_HIDDEN = QT_TRANSLATE_NOOP(
    "TranslationView",
    "The article is hidden beside the translation: too narrow for both ({keys} hides the translation).",
)
EDITING_DETAILS = QT_TRANSLATE_NOOP("TranslationView", "Editing the translation · {keys} to finish")
"""The heading's second line in Edit mode: as the lyrics' heading says theirs, the first words what matters."""


class TranslationView(QObject):
    """The translation pane and its actions; the song's translation changes through `session.translation_edits`."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self.edits = window.session.translation_edits
        # The pane under a heading as tall as what stands above the lyrics (the song's heading, bars):
        # line 1 of the translation beside line 1 of the lyrics.
        self.column = QWidget(window)
        self.column.setObjectName("translationColumn")
        column_layout = QVBoxLayout(self.column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        self.header = PaneHeader(self.tr("Translation heading"), self.column)
        self.pane = TranslationPane(self.column)
        self.pane.setFont(window.lyrics_pane.font())
        column_layout.addWidget(self.header)
        column_layout.addWidget(self.pane, 1)
        self.column.hide()
        window.lyrics_pane.installEventFilter(self)
        self.column.installEventFilter(self)
        self._article_hidden = False  # hidden here, for the translation's sake
        self._waiting = False  # to be shown once the window is
        window.installEventFilter(self)
        self.side: QSplitter | None = None  # the translation and the article, made when first shown
        self.follower = TranslationFollower(self.pane, window.current_song, self.edits)
        self.alignment = LineAlignment(window.lyrics_pane, self.pane)
        self._build_actions()
        self.pane.lyrics_edited.connect(self._on_pane_lyrics_edited)
        self.pane.editing_changed.connect(self._on_pane_editing_changed)
        window.current_song.switched.connect(self._update)
        window.current_song.song_changed.connect(self._update)
        self.edits.translation_changed.connect(self._update)
        window.menus.rebuild_lens_actions()  # the number keys and the context menu's lenses here too
        # Practice mode lights the line being sung here too: line i is lyric line i.
        self.pane.overlay_painters.append(self._paint_practice_line)
        window.practice.current_line_changed.connect(self._on_practice_current_line_changed)
        self.follower.show()
        if window.settings is not None and window.settings.translation_shown():
            # On as the last run left it: shown on each song that has a translation.
            with QSignalBlocker(self.show_action):
                self.show_action.setChecked(True)
        self._update()

    # ------------------------------------------------------------------ actions

    def _action(self, text: str, shortcut: str | None, slot, tip: str, *, checkable: bool = False) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def _build_actions(self) -> None:
        menus = self._window.menus
        self.show_action = self._action(
            self.tr("&Translation"),
            SHOW_SHORTCUT,
            self.set_shown,
            self.tr("The song's translation beside its lyrics"),
            checkable=True,
        )
        self.import_action = self._action(
            self.tr("Import &Translation…"),
            None,
            self.import_file,
            self.tr("Give the song a translation from a text file with its lines, or an LRC with its times"),
        )
        self.paste_action = self._action(
            self.tr("Paste T&ranslation"),
            None,
            self.paste,
            self.tr("Give the song the translation on the clipboard (its lines, one per lyric line)"),
        )
        self.edit_action = self._action(
            self.tr("Edit Tra&nslation"),
            EDIT_SHORTCUT,
            self.set_editing,
            self.tr("Type in the translation, line by line; saved as you type"),
            checkable=True,
        )
        self.remove_action = self._action(
            self.tr("Re&move Translation"),
            None,
            self.remove,
            self.tr("Remove the song's translation (Undo brings it back)"),
        )
        menus.view_menu.addAction(self.show_action)
        for top in self._window.menuBar().actions():  # File: the menu holding Export
            menu = top.menu()
            if menu is not None and menus.export_action in menu.actions():
                menu.insertAction(menus.export_action, self.import_action)
        menus.edit_menu.insertActions(
            menus.lenses_action, [self.paste_action, self.edit_action, self.remove_action]
        )
        menus.edit_menu.insertSeparator(menus.lenses_action)

    def _update(self, _song_id: str = "") -> None:
        """Enable what the song allows; the pane is shown while asked for and the song has a translation."""
        song = self._window.current_song.song
        has = self.edits.get(song.id if song else "") is not None
        for action in (self.import_action, self.paste_action):
            action.setEnabled(song is not None)
        self.show_action.setEnabled(has)
        self.show_action.setToolTip(
            self.tr("The song's translation beside its lyrics") if has else self.tr(NO_TRANSLATION_TIP)
        )
        self.show_action.setStatusTip(self.show_action.toolTip())
        translation = self.edits.get(song.id) if song is not None and has else None
        if translation is not None:
            self._show_heading(translation)
        self.edit_action.setEnabled(has and self.is_shown())
        self.remove_action.setEnabled(has)
        if not has and self.pane.is_editing():
            self.pane.set_editing(False)
        self._show_parts(has)

    def _show_heading(self, translation) -> None:
        """The translation's title, and how much is translated, or while it is edited a line saying so."""
        shorter: tuple[str, ...] = ()
        if self.pane.is_editing():
            keys = self.edit_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            keys = keys or self.tr("Edit > Edit Translation")
            details = self.tr(EDITING_DETAILS).format(keys=keys)
            shorter = (  # the key, never cut
                self.tr("Editing · {keys} to finish").format(keys=keys),
                self.tr("{keys} to finish").format(keys=keys),
            )
        else:
            details = self.tr(
                "%n line(s) translated", "", sum(1 for line in translation.lines if line.strip())
            )
        self.header.set_text(translation.title, details, shorter)
        self.header.setToolTip(self.tr("Line by line beside the lyrics: line i translates lyric line i"))

    def _paint_practice_line(self) -> None:
        self._window.practice.paint_current_line(self.pane)

    def _on_practice_current_line_changed(self, _line: int) -> None:
        if self.pane.isVisible():
            self.pane.viewport().update()

    def is_shown(self) -> bool:
        """Whether View > Translation is on (the pane shows when the song has a translation)."""
        return self.show_action.isChecked()

    def set_shown(self, shown: bool) -> None:
        """View > Translation (remembered for the next run when the window keeps settings)."""
        if self.show_action.isChecked() != shown:
            with QSignalBlocker(self.show_action):
                self.show_action.setChecked(shown)
        if self._window.settings is not None:
            self._window.settings.set_translation_shown(shown)
        if not shown and self.pane.is_editing():
            self.pane.set_editing(False)
        self._update()

    def _show_parts(self, has: bool) -> None:
        visible = has and self.is_shown()
        window = self._window
        self._waiting = visible and not window.isVisible()
        if self._waiting:
            # Shown once the window is (View > Translation remembered from the last run): the window's
            # saved layout is checked first, against the lyrics and the article it was saved with.
            return
        if visible == self.column.isVisible() and not visible:
            return
        if visible and not self.column.isVisible():
            self._make_side()
            self.column.show()
            self._align_header()
            total = sum(self.side.sizes()) or self.side.width()
            self.side.setSizes([total // 2, total - total // 2])
        elif not visible:
            self.column.hide()
        window.window_layout.fit_lyrics()  # the lyrics need their lines' width, the side the rest
        self._fit_article()
        if visible:
            QTimer.singleShot(0, self.alignment.align)  # once the pane has its size
        window.lyrics_pane.viewport().update()

    def _make_side(self) -> None:
        """Put the translation into the article's side of the window, before the article (once).

        Made the first time the translation is shown, so that a window that never shows one is laid
        out exactly as before: the splitter's second widget is then the article pane itself."""
        if self.side is not None:
            return
        window = self._window
        self.side = QSplitter(Qt.Orientation.Horizontal, window)
        self.side.setObjectName("translationSplitter")
        self.side.setChildrenCollapsible(False)
        # The side grows and shrinks as the article did (QSplitter keeps a stretch in the size policy).
        self.side.setSizePolicy(window.article_pane.sizePolicy())
        sizes = window.splitter.sizes()
        window.splitter.replaceWidget(1, self.side)
        self.side.addWidget(self.column)
        self.side.addWidget(window.article_pane)
        window.splitter.setSizes(sizes)
        self.side.installEventFilter(self)

    def _fit_article(self) -> None:
        """Hide the article while the translation is shown in a side too narrow for both; bring it back after."""
        if self.side is None:
            return
        article = self._window.article_pane
        crowded = self.column.isVisible() and self.side.width() < 2 * ARTICLE_LEAST
        if crowded and not article.isHidden():
            self._article_hidden = True
            article.hide()
            keys = self.show_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self._window.statusBar().showMessage(self.tr(ARTICLE_HIDDEN).format(keys=keys), NOTICE_MS)
        elif not crowded and self._article_hidden:
            self._article_hidden = False
            article.show()
            if self.column.isVisible():
                total = sum(self.side.sizes())
                self.side.setSizes([total // 2, total - total // 2])

    def article_hidden(self) -> bool:
        """Whether the article is hidden for the translation's sake."""
        return self._article_hidden

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show and self._waiting:
            QTimer.singleShot(0, self, self._update)  # after the window's first show has laid it out
        elif watched is self._window.lyrics_pane and event.type() == QEvent.Type.FontChange:
            self.pane.setFont(watched.font())  # View > Bigger Text: line i stays beside lyric line i
        elif watched is self.side and event.type() == QEvent.Type.Resize:
            self._fit_article()
        elif watched in (self._window.lyrics_pane, self.column) and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            self._align_header()
        return False

    def _align_header(self) -> None:
        """The heading as tall as what stands above the lyrics pane in its column (heading, outline, bars)."""
        lyrics = self._window.lyrics_pane
        top = lyrics.mapTo(self._window, lyrics.rect().topLeft()).y()
        own = self.column.mapTo(self._window, self.column.rect().topLeft()).y()
        height = max(0, top - own)
        if self.header.height() != height:
            self.header.setFixedHeight(height)

    # ----------------------------------------------------------------- changes

    def import_file(self) -> None:
        """File > Import Translation…: read a file, align it with the lyrics, store it (undoable)."""
        song = self._window.current_song.song
        if song is None:
            return
        path = self.ask_file()
        if not path:
            return
        from lyricpad.core.importers import read_text_file

        try:
            text, _encoding = read_text_file(path, None)
        except LyricpadError as exc:
            self.refused(str(exc))
            return
        self.store_text(text, self.tr("Import Translation"))

    def ask_file(self) -> str:
        """The file to import ("" when cancelled). Tests replace this."""
        file_filter = ";;".join(
            (
                self.tr("Translations ({patterns})").format(patterns="*.txt *.lrc"),
                self.tr("All files ({patterns})").format(patterns="*"),
            )
        )
        return open_file_name(self._window, self.tr("Import Translation"), "", file_filter)

    def paste(self) -> None:
        """Edit > Paste Translation: the clipboard's text as the song's translation."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.refused(self.tr("The clipboard holds no text to take as a translation."))
            return
        self.store_text(text, self.tr("Paste Translation"))

    def store_text(self, text: str, undo_text: str) -> bool:
        """Align *text* with the current song's lyrics and store it; a refusal is said in one message."""
        from lyricpad.core.translation import parse_translation

        window = self._window
        window.flush_edits()
        song = window.current_song.song
        if song is None:
            return False
        try:
            parsed: ParsedTranslation = parse_translation(song.lyrics, text, line_times=song.line_times)
        except LyricpadError as exc:
            self.refused(self.tr("The translation was not stored: {reason}.").format(reason=exc))
            return False
        existing = self.edits.get(song.id)
        if existing is not None and not self.ask_replace():
            return False
        if not self.edits.store(song.id, list(parsed.lines), parsed.language or None, undo_text):
            return False
        self.set_shown(True)
        empty = sum(
            1
            for lyric, line in zip(song.lyrics.split("\n"), parsed.lines, strict=False)
            if lyric.strip() and not line
        )
        translated = self.tr("%n line(s) translated", "", parsed.translated)
        if empty:
            said = self.tr(
                "Translation stored: {translated}, %n line(s) of the lyrics without one. Ctrl+Z undoes.",
                "",
                empty,
            ).format(translated=translated)
        else:
            said = self.tr("Translation stored: {translated}. Ctrl+Z undoes.").format(translated=translated)
        window.statusBar().showMessage(said, NOTICE_MS)
        return True

    def ask_replace(self) -> bool:
        """Whether to replace the song's translation. Tests replace this."""
        answer = QMessageBox.question(
            self._window,
            self.tr("Replace Translation"),
            self.tr("This song has a translation already. Replace it? (Undo brings it back.)"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def refused(self, message: str) -> None:
        """Say why a translation was not stored: one clear message."""
        QMessageBox.warning(self._window, self.tr("Translation Not Stored"), message)

    def remove(self) -> None:
        """Edit > Remove Translation (undoable; its notes are kept, orphaned, until then)."""
        song = self._window.current_song.song
        if song is None:
            return
        self.pane.set_editing(False)
        if self.edits.remove(song.id):
            self._window.statusBar().showMessage(
                self.tr("Translation removed. Ctrl+Z brings it back."), NOTICE_MS
            )

    def set_editing(self, editing: bool) -> None:
        """Edit > Edit Translation."""
        if editing and not self.pane.isVisible():
            self.set_shown(True)
        self.pane.set_editing(editing)
        if editing and self.pane.is_editing():
            self.pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def flush(self) -> None:
        """Hand a pending typed edit to the session now."""
        self.pane.flush()

    def _on_pane_editing_changed(self, editing: bool) -> None:
        with QSignalBlocker(self.edit_action):
            self.edit_action.setChecked(editing)
        translation = self.edits.get(self._window.current_song.song_id)
        if translation is not None:
            self._show_heading(translation)  # "Editing the translation": the sign it is being typed in
        self._window.menus.attach_pane_shortcuts()  # digits are typed while the translation is edited

    def _on_pane_lyrics_edited(self, text: str) -> None:
        song_id = self.pane.song_id()  # the pane's song: the window may be switching songs already
        if song_id:
            self.edits.edit(song_id, text)
