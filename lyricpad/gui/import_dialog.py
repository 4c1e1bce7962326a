"""Importing in the window: File › Import, dropped files, paste as a new song or article, with a review before anything is added.

`ImportController` is the one way in: `import_paths` (the Import… action, drops, files handed over
on the command line), `paste_as_new_song` and `paste_as_new_article`. Files are read off the GUI
thread by `FileImporter` while a progress dialog shows; each file is then reviewed in
`ImportReviewDialog` (title, artist or author, encoding, page furniture to leave out, preview)
and added through the session. Refused files are reported together, one message per file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QClipboard,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from lyricpad.app.import_labels import import_summary
from lyricpad.app.importing import FileImporter, ImportRequest, local_paths
from lyricpad.app.session import Session
from lyricpad.core.duplicates import already_there, find_duplicate
from lyricpad.core.errors import ImportRefused, SongNotFound
from lyricpad.core.models import Song
from lyricpad.core.text import lyrics_text, normalise_line, normalise_text

if TYPE_CHECKING:  # reading files (lxml, the importers) is imported when a file is first imported
    from lyricpad.core.importers import ImportedText
    from lyricpad.gui.import_review_dialog import ImportChoice, ImportReviewDialog

__all__ = ["ImportChoice", "ImportController", "ImportReviewDialog", "dropped_paths"]


def __getattr__(name: str):
    # The review dialog (and the importers it names) loads when a file is first reviewed.
    if name in ("ImportChoice", "ImportReviewDialog"):
        from lyricpad.gui import import_review_dialog

        return getattr(import_review_dialog, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


PASTE_SONG_SHORTCUT = "Ctrl+Alt+Shift+V"
PASTE_ARTICLE_SHORTCUT = "Ctrl+Alt+Shift+N"  # New Article is Ctrl+Shift+N
PROGRESS_DELAY_MS = 400
"""A read shorter than this shows no progress dialog at all."""

# --------------------------------------------------------------------- drops


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[str]:
    """The local files an event carries ([] when it carries anything else too)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    urls: list[QUrl] = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [url.toLocalFile() for url in urls]


class _DropFilter(QObject):
    """Takes drops of local files on the widgets it watches; everything else passes through."""

    def __init__(self, controller: ImportController, kind: str | None):
        super().__init__(controller)
        self._controller = controller
        self._kind = kind

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and dropped_paths(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return True
        if kind == QEvent.Type.Drop and dropped_paths(event):
            paths = dropped_paths(event)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            # After the drop returns: the drag source is not kept waiting on our dialogs.
            QTimer.singleShot(0, self._controller, lambda: self._controller.import_paths(paths, self._kind))
            return True
        return super().eventFilter(watched, event)


# ---------------------------------------------------------------- controller


class ImportController(QObject):
    """Every way into the library from outside: files, drops and the clipboard, reviewed, then added undoably.

    The dialogs are parented to *parent*. `ask_*` methods hold every question (tests replace them).
    """

    song_imported = Signal(str)
    """A song was made from imported lyrics: its id (the window opens it)."""
    article_imported = Signal(str)
    """An article was made from an imported text: its id."""
    import_finished = Signal()
    """Every file asked for has been imported, refused or cancelled."""
    progress_shown = Signal()
    """The progress dialog appeared (a read took longer than PROGRESS_DELAY_MS)."""
    existing_song_requested = Signal(str)
    """The user chose to open the song already in the library rather than import it again: its id."""
    summarised = Signal(str, str)
    """After an import that added several songs or articles: where they went, for the status bar, and
    the song that received them when they were all articles ("" when new songs were made)."""

    def __init__(self, session: Session, parent: QWidget):
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.importer = FileImporter(session, self)
        self.importer.file_started.connect(self._on_importer_file_started)
        self.importer.file_read.connect(self._on_importer_file_read)
        self.importer.file_refused.connect(self._on_importer_file_refused)
        self.importer.finished.connect(self._on_importer_finished)
        self.progress_delay_ms = PROGRESS_DELAY_MS
        self.progress_dialog: QProgressDialog | None = None
        self._waiting: list[ImportRequest] = []
        self._batch: list[ImportRequest] = []
        self._results: dict[int, ImportedText | str] = {}
        self._refusals: list[str] = []
        self._busy = False
        # The song open when the import began: articles of the batch go to it, and the questions
        # name it, even after a song imported a moment earlier in the same batch has been opened.
        self._batch_song_id = ""
        self._added: list[tuple[str, str]] = []
        """(kind, title) of each song and article the running import added, for its summary."""
        self.preview_font: Callable[[], QFont] | None = None
        """The lyrics pane's font, for the review's preview (the window sets it; None: a fixed-width font)."""
        self.review_reader = FileImporter(session, self)
        """Reads the file under review again, in the encoding the user chose."""
        self.review_reader.file_read.connect(self._on_review_reader_file_read)
        self.review_reader.file_refused.connect(self._on_review_reader_file_refused)
        self._review_target: ImportReviewDialog | None = None

        self.paste_song_action = QAction(self.tr("Paste as New &Song"), self)
        self.paste_song_action.setObjectName("Paste as new song")
        self.paste_song_action.setShortcut(QKeySequence(PASTE_SONG_SHORTCUT))
        self.paste_song_action.setStatusTip(self.tr("Make a new song of the lyrics on the clipboard"))
        self.paste_song_action.triggered.connect(self.paste_as_new_song)
        self.paste_article_action = QAction(self.tr("Paste as New &Article"), self)
        self.paste_article_action.setObjectName("Paste as new article")
        self.paste_article_action.setShortcut(QKeySequence(PASTE_ARTICLE_SHORTCUT))
        self.paste_article_action.setStatusTip(
            self.tr("Make a new article of the open song from the clipboard (formatting of web pages kept)")
        )
        self.paste_article_action.triggered.connect(self.paste_as_new_article)
        self.actions = [self.paste_song_action, self.paste_article_action]
        """The actions for the window's menus."""
        for action in self.actions:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(
                self.tr("{action} ({shortcut})").format(action=action.text().replace("&", ""), shortcut=keys)
            )
        self._update_paste_actions()
        session.current_song_changed.connect(self._update_paste_actions)

    # ------------------------------------------------------------- public

    def is_busy(self) -> bool:
        """True while files are being read or reviewed."""
        return self._busy

    def import_paths(self, paths: list[str | os.PathLike], kind: str | None = None) -> None:
        """Import these files: read off the GUI thread, each reviewed, then added; refusals reported together.

        *kind* ("lyrics" or "article") is what a drop on a pane means; None goes by the suffix and
        asks about plain text. Called while an import runs, the files are queued after it.
        """
        paths = local_paths(paths)
        if not paths:
            return
        for path in paths:
            self._waiting.append(ImportRequest(path, kind))
        if not self._busy:
            self._busy = True
            self._batch_song_id = self._session.current_song_id or ""
            self._added = []
            self._next_batch()

    def paste_as_new_song(self) -> str | None:
        """A new song of the clipboard's text, after the review; its id, or None."""
        # Blank lines above the first line are clipboard noise; a final newline ends the last line.
        text = lyrics_text(normalise_text(self._clipboard_text()[1]).lstrip("\n"))
        if not text.strip():
            self.warn([self.tr("The clipboard holds no text to paste.")])
            return None
        from lyricpad.core.importers import ImportedText
        from lyricpad.core.lrc import parse_lrc

        imported = ImportedText(kind="lyrics", text=text, format="plain")
        if any(line.lstrip().startswith("[") for line in text.split("\n")[:50]):
            lrc = parse_lrc(text)
            if lrc.line_times and any(lrc.line_times) and lrc.text.strip():
                imported = ImportedText(
                    kind="lyrics",
                    text=lrc.text,
                    title=normalise_line(lrc.tags.get("ti", "")),
                    artist=normalise_line(lrc.tags.get("ar", "")),
                    album=normalise_line(lrc.tags.get("al", "")),
                    format="lrc",
                    lyrics_format="lrc",
                    line_times=lrc.line_times,
                    lrc_tags=dict(lrc.tags),
                    word_times=lrc.word_times,
                )
        choice = self.ask_review(imported, None)
        return self._create(choice, "") if choice is not None else None

    def paste_as_new_article(self) -> str | None:
        """A new article of the open song from the clipboard (its HTML when it has some), after the review."""
        if not self._session.current_song_id:
            self.warn([self.tr("A pasted article belongs to a song: open a song first.")])
            return None
        from lyricpad.core.html_import import article_from_clipboard

        html, plain = self._clipboard_text()
        try:
            imported = article_from_clipboard(html, plain)
        except ImportRefused as exc:
            self.warn([str(exc)])
            return None
        song_id = self._session.current_song_id
        choice = self.ask_review(imported, None)
        return self._create(choice, song_id) if choice is not None else None

    def install_drop_target(self, widget: QWidget, kind: str | None = None) -> None:
        """Let files be dropped on *widget* (and its viewport, for a scroll area) to import them as *kind*."""
        drop_filter = _DropFilter(self, kind)
        targets = [widget]
        if isinstance(widget, QAbstractScrollArea):
            targets.append(widget.viewport())
        for target in targets:
            target.setAcceptDrops(True)
            target.installEventFilter(drop_filter)

    # ------------------------------------------------------------ questions

    def ask_import_kind(self, path: str) -> str | None:
        """Ask what the text file *path* holds: "lyrics", "article", or None if cancelled. Tests replace this."""
        # In a batch, the song open when it began (not one imported a moment ago); else the open one.
        current = self._song_title(self._batch_song_id if self._busy else self._session.current_song_id)
        question = self.tr("What does “{name}” hold?").format(name=os.path.basename(path))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import"), question, parent=self._parent)
        lyrics = box.addButton(self.tr("&Lyrics (a new song)"), QMessageBox.ButtonRole.AcceptRole)
        if current:
            article = box.addButton(
                self.tr("An &article of “{song}”").format(song=current), QMessageBox.ButtonRole.AcceptRole
            )
        else:
            article = None
            box.setInformativeText(self.tr("Open a song first to import the file as one of its articles."))
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(lyrics)
        try:
            box.exec()
            clicked = box.clickedButton()
            if clicked is lyrics:
                return "lyrics"
            if article is not None and clicked is article:
                return "article"
            return None
        finally:
            box.deleteLater()

    def ask_duplicate(self, existing: Song, imported: ImportedText) -> str | None:
        """The song is in the library already: "open" it, import it "again", or None (cancel). Tests replace this."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Import"),
            self.tr("The library already has {song} with the same lyrics.").format(
                song=already_there(existing)
            ),
            parent=self._parent,
        )
        box.setInformativeText(self.tr("Importing it again makes a second copy of the song."))
        open_button = box.addButton(self.tr("&Open the Existing Song"), QMessageBox.ButtonRole.AcceptRole)
        again = box.addButton(self.tr("Import &Again"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        try:
            box.exec()
            clicked = box.clickedButton()
            return "open" if clicked is open_button else "again" if clicked is again else None
        finally:
            box.deleteLater()

    def review_dialog(
        self, imported: ImportedText, path: str | None, song_id: str | None = None
    ) -> ImportReviewDialog:
        """The review of *imported* (read from *path*, None when pasted), wired to read the file again.

        An article goes to *song_id* (None: the song the import began with, else the open one).
        """
        if song_id is None:
            song_id = self._batch_song_id if self._busy else self._session.current_song_id
        song_title = self._song_title(song_id) if imported.kind == "article" else ""
        font = self.preview_font() if self.preview_font is not None else None
        from lyricpad.gui.import_review_dialog import ImportReviewDialog

        dialog = ImportReviewDialog(
            imported, song_title=song_title, pasted=path is None, preview_font=font, parent=self._parent
        )
        if path is not None:
            dialog.encoding_requested.connect(
                lambda encoding: self._reread(dialog, ImportRequest(path, imported.kind, encoding))
            )
        return dialog

    def ask_review(
        self, imported: ImportedText, path: str | None, song_id: str | None = None
    ) -> ImportChoice | None:
        """Review *imported* before it is added; the choice, or None if cancelled. Tests replace this."""
        dialog = self.review_dialog(imported, path, song_id)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            self._stop_reread()
            dialog.deleteLater()

    def warn(self, messages: list[str]) -> None:
        """Say why things were not imported: one message, a line per file."""
        if not messages:
            return
        if len(messages) == 1:
            text = messages[0]
        else:
            listed = "\n\n".join(f"• {m}" for m in messages)
            text = self.tr("%n file(s) (was|were) not imported:\n\n{messages}", "", len(messages)).format(
                messages=listed
            )
        QMessageBox.warning(self._parent, self.tr("Import"), text)

    # -------------------------------------------------------------- the flow

    def _next_batch(self) -> None:
        """Read the files waiting; when none are left, report what was refused."""
        from lyricpad.core.importers import guess_import_kind

        song_id = self._batch_song_id
        batch: list[ImportRequest] = []
        for request in self._waiting:
            try:
                kind = request.kind or guess_import_kind(request.path)
            except ImportRefused as exc:
                self._refusals.append(str(exc))
                continue
            if kind == "article" and not song_id:
                self._refusals.append(
                    self.tr("“{name}” would be an article of the open song, but no song is open.").format(
                        name=request.name
                    )
                )
                continue
            batch.append(request)
        self._waiting = []
        if not batch:
            self._finish()
            return
        self._batch = batch
        self._results = {}
        self._show_progress(batch)
        self.importer.read(batch)

    def _finish(self) -> None:
        self._close_progress()
        refusals, self._refusals = self._refusals, []
        self.warn(refusals)
        if self._waiting:  # queued while the last message was up
            self._next_batch()
            return
        self._busy = False
        self._summarise()
        self.import_finished.emit()

    def _on_importer_finished(self, cancelled: bool) -> None:
        self._close_progress()
        batch, results = self._batch, self._results
        self._batch, self._results = [], {}
        if cancelled:
            self._waiting = []
            self._refusals = []
            self._finish()
            return
        for index, request in enumerate(batch):
            result = results.get(index)
            if result is None:
                continue
            if isinstance(result, str):
                self._refusals.append(result)
                continue
            if result.kind is None:
                kind = self.ask_import_kind(request.path)
                if kind is None:
                    continue
                if kind == "article" and not self._batch_song_id:
                    self._refusals.append(
                        self.tr("“{name}” would be an article of the open song, but no song is open.").format(
                            name=request.name
                        )
                    )
                    continue
                # Read again as what it is: an article's title and furniture are found on the worker.
                self._waiting.append(replace(request, kind=kind))
                continue
            asked = self._asked_duplicate(result, result.title) if result.kind == "lyrics" else None
            if asked is False:
                continue
            choice = self.ask_review(result, request.path)
            if choice is not None:
                self._create(choice, self._batch_song_id, asked=bool(asked))
        if self._waiting:
            self._next_batch()
        else:
            self._finish()

    def _on_importer_file_started(self, index: int, name: str) -> None:
        dialog = self.progress_dialog
        if dialog is not None:
            total = len(self._batch)
            dialog.setLabelText(
                self.tr("Reading “{name}”…").format(name=name)
                if total == 1
                else self.tr("Reading “{name}” ({number} of {total})…").format(
                    name=name, number=index + 1, total=total
                )
            )
            if total > 1:
                dialog.setValue(index)

    def _on_importer_file_read(self, index: int, imported: ImportedText) -> None:
        self._results[index] = imported

    def _on_importer_file_refused(self, index: int, message: str) -> None:
        self._results[index] = message

    def _asked_duplicate(self, imported: ImportedText, title: str) -> bool | None:
        """None: no such song yet (nothing asked); True: import it again; False: not (opened or cancelled)."""
        existing = find_duplicate(self._session.songs(), title, imported.text) if title else None
        if existing is None:
            return None
        answer = self.ask_duplicate(existing, imported)
        if answer == "open":
            self.existing_song_requested.emit(existing.id)
        return answer == "again"

    def _song_title(self, song_id: str) -> str:
        """The title of *song_id*, or "" when it is none or gone (trashed meanwhile)."""
        try:
            return self._session.song(song_id).title if song_id else ""
        except SongNotFound:
            return ""

    def _create(self, choice: ImportChoice, song_id: str, *, asked: bool = False) -> str | None:
        """Add what the review settled: a song (asking first if it is one already there), or an article of *song_id*."""
        imported = choice.imported
        if imported.kind == "lyrics":
            if not asked and self._asked_duplicate(imported, choice.title) is False:
                return None
            song_id = self.importer.add_song(imported, choice.title, choice.artist)
            if song_id:
                self._added.append(("lyrics", choice.title))
                self.song_imported.emit(song_id)
            return song_id
        if not self._song_title(song_id):
            self.warn(
                [
                    self.tr("“{name}” would be an article of the open song, but no song is open.").format(
                        name=choice.title
                    )
                ]
            )
            return None
        article_id = self.importer.add_article(song_id, imported, choice.title, choice.author, choice.remove)
        if article_id:
            self._added.append(("article", self._song_title(song_id)))
            self.article_imported.emit(article_id)
        return article_id

    def _summarise(self) -> None:
        """Say where the files went when several were added: the window may show another song than the one the articles went to."""
        added, self._added = self._added, []
        songs = [title for kind, title in added if kind == "lyrics"]
        articles: dict[str, int] = {}
        for kind, title in added:
            if kind == "article":
                articles[title] = articles.get(title, 0) + 1
        elsewhere = bool(articles) and self._session.current_song_id != self._batch_song_id
        if len(added) < 2 and not elsewhere:
            return  # one new song is opened, one article shown: nothing to explain
        self.summarised.emit(import_summary(songs, articles), "" if songs else self._batch_song_id)

    # ------------------------------------------------------------- progress

    def _show_progress(self, batch: list[ImportRequest]) -> None:
        self._close_progress()
        total = len(batch)
        # One file: busy, since a single read cannot say how far it got; several: file by file.
        dialog = QProgressDialog(
            self.tr("Reading “{name}”…").format(name=batch[0].name),
            self.tr("Cancel"),
            0,
            0 if total == 1 else total,
            self._parent,
        )
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setAccessibleName(self.tr("Import progress"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(self.progress_delay_ms)
        dialog.canceled.connect(self.importer.cancel)
        self.progress_dialog = dialog
        if self.progress_delay_ms <= 0:
            dialog.show()
            self.progress_shown.emit()
        else:
            QTimer.singleShot(self.progress_delay_ms, dialog, lambda: self._on_progress_due(dialog))
        dialog.setValue(0)

    def _on_progress_due(self, dialog: QProgressDialog) -> None:
        if dialog is self.progress_dialog:
            dialog.show()
            self.progress_shown.emit()

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.importer.cancel)
            # reset() stops the dialog's own show-after-minimumDuration timer, which would
            # otherwise fire inside the review dialog's event loop and show it over the review.
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

    # ------------------------------------------------------ reading again

    def _reread(self, dialog: ImportReviewDialog, request: ImportRequest) -> None:
        """Read the reviewed file again in another encoding, off the GUI thread; the dialog shows the result."""
        self._review_target = dialog
        self.review_reader.read([request])

    def _stop_reread(self) -> None:
        self._review_target = None
        self.review_reader.cancel()

    def _on_review_reader_file_read(self, _index: int, imported: ImportedText) -> None:
        if self._review_target is not None:
            self._review_target.set_imported(imported)

    def _on_review_reader_file_refused(self, _index: int, message: str) -> None:
        if self._review_target is not None:
            self._review_target.show_refusal(message)

    # ---------------------------------------------------------- clipboard

    @staticmethod
    def _clipboard_text() -> tuple[str | None, str]:
        """(HTML or None, plain text) on the clipboard."""
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData(QClipboard.Mode.Clipboard) if clipboard is not None else None
        if mime is None:
            return None, ""
        html = mime.html() if mime.hasHtml() else None
        return html or None, mime.text() if mime.hasText() else ""

    def _update_paste_actions(self, *_args) -> None:
        self.paste_article_action.setEnabled(bool(self._session.current_song_id))
