"""Practice mode: the lyrics follow the practice clock along the song's LRC times.

The current line is lit in the lyrics pane and kept in view; a click on a line (or on a time in
the gutter) goes there; a section can be looped; with Qt's multimedia module a local audio file
plays along, at a speed the student picks. Setting times (tag and next) is `practice_tagging`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QPlainTextEdit

from lyricpad.app.practice_clock import AUDIO_FILTER, PracticeClock, audio_available, audio_installed
from lyricpad.core.practice import Timeline, clock_text, section_around
from lyricpad.gui.notice_bar import NOTICE_MS
from lyricpad.gui.practice_bar import PracticeBar
from lyricpad.gui.practice_note_time import NoteTimeRow
from lyricpad.gui.practice_tagging import TagAndNext

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow

PRACTICE_SHORTCUT = "Ctrl+Alt+P"
"""View > Practice Mode (Ctrl+Shift+P is the note editor's preview)."""
STAMP_NOTE_SHORTCUT = "Ctrl+Alt+M"
"""Stamp Note with Time: mark the current note with the practice clock's time."""
PLAY_SHORTCUT = "Space"
LINE_ALPHA = 70
"""Opacity (of 255) of the band lighting the current line: the highlights must still show through."""


def _form_sections(lyrics: str) -> tuple:
    """The song's sections from its form (headers, or recurring blocks); () where it cannot be read."""
    from lyricpad.core.song_form import analyse_form, line_kind  # here: not on the window's first paint

    lines = lyrics.split("\n")
    return tuple(analyse_form(lines, [line_kind(line) for line in lines], {}))


class PracticeMode(QObject):
    """The window's practice mode: its actions, its bar under the song heading, and its clock."""

    active_changed = Signal(bool)
    current_line_changed = Signal(int)
    """The line being sung changed (1-based; 0: none): panes beside the lyrics light it too."""

    def __init__(self, window: MainWindow, column: QBoxLayout, clock: PracticeClock | None = None):
        super().__init__(window)
        self._window = window
        self.pane = window.lyrics_pane
        self.clock = clock or PracticeClock(self)
        self.timeline = Timeline(None)
        self.edits = window.session.timing_edits
        self.current_line = 0
        self.loop_lines: tuple[int, int] | None = None
        self._active = False
        self._sections: tuple | None = None  # the song's form, read when a loop first needs it
        # Offered when the module is there; whether its backend makes a player is asked after the
        # first paint (making one loads Qt's media backend), and a broken one takes the offer back.
        installed = audio_installed()
        self.bar = PracticeBar(window, audio=installed)
        self.bar.hide()
        column.insertWidget(column.indexOf(window.song_header) + 1, self.bar)
        self._build_actions()
        self.tagging = TagAndNext(self)
        # Under the note's quote, in the note panel: the moment the note is about.
        self.note_time = NoteTimeRow()
        window.note_editor.add_under_quote(self.note_time)
        self._connect()
        self.refresh()
        if installed:
            QTimer.singleShot(0, self, self._offer_audio)

    def _offer_audio(self) -> None:
        works = audio_available()
        self.audio_action.setVisible(works)
        self.bar.audio_button.setVisible(works)

    # ---------------------------------------------------------------- actions

    def _build_actions(self) -> None:
        window = self._window
        menus = window.menus
        self.practice_action = QAction(self.tr("&Practice Mode"), window)
        self.practice_action.setCheckable(True)
        self.practice_action.setShortcut(QKeySequence(PRACTICE_SHORTCUT))
        self.practice_action.toggled.connect(self.set_active)
        self.set_times_action = QAction(self.tr("Set Line &Times…"), window)
        self.set_times_action.triggered.connect(self._on_set_times_action_triggered)
        self.play_action = QAction(self.tr("Play or Pause"), window)
        self.play_action.setShortcut(QKeySequence(PLAY_SHORTCUT))
        # Space types a space in the note editor: it plays only in the lyrics and the bar.
        self.play_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.play_action.triggered.connect(self.clock.toggle)
        self.play_action.setEnabled(False)  # until practice mode is on
        self.pane.addAction(self.play_action)
        self.bar.addAction(self.play_action)
        self.stamp_note_action = QAction(self.tr("Stamp Note with &Time"), window)
        self.stamp_note_action.setShortcut(QKeySequence(STAMP_NOTE_SHORTCUT))
        self.stamp_note_action.setStatusTip(self.tr("Mark the current note with the practice clock's time"))
        self.stamp_note_action.triggered.connect(self.stamp_note)
        self.audio_action = QAction(self.tr("Play Along with &Audio…"), window)
        self.audio_action.triggered.connect(self.choose_audio)
        self.audio_action.setVisible(audio_installed())  # hidden entirely without QtMultimedia
        menus.view_menu.addSeparator()
        menus.view_menu.addAction(self.practice_action)
        menus.view_menu.addAction(self.audio_action)
        menus.edit_menu.insertAction(menus.lenses_action, self.set_times_action)
        menus.edit_menu.insertAction(menus.lenses_action, self.stamp_note_action)
        menus.edit_menu.insertSeparator(menus.lenses_action)

    def _connect(self) -> None:
        current = self._window.current_song
        current.switched.connect(self._on_current_song_switched)
        current.song_changed.connect(self._on_current_song_song_changed)
        current.current_changed.connect(self._enable_stamp_note)
        self.clock.position_changed.connect(self._on_clock_position_changed)
        self.clock.playing_changed.connect(self.bar.show_playing)
        self.clock.audio_changed.connect(self.bar.show_audio)
        self.pane.line_clicked.connect(self._on_pane_line_clicked)
        self.pane.gutter.time_clicked.connect(self.seek)
        self.pane.editing_changed.connect(self._on_pane_editing_changed)
        self.pane.overlay_painters.append(self._paint_current_line)
        self._press_y: float | None = (
            None  # where the last press in the lyrics was (a click below the last line)
        )
        self._viewport = self.pane.viewport()
        self._viewport.installEventFilter(self)
        self.note_time.observe(current)
        self.note_time.seek_requested.connect(self.go_to_time)
        self.note_time.clear_requested.connect(self._on_note_time_clear_requested)
        bar = self.bar
        bar.play_requested.connect(self.clock.toggle)
        bar.restart_requested.connect(self.clock.restart)
        bar.previous_requested.connect(self.previous_line)
        bar.next_requested.connect(self.next_line)
        bar.loop_requested.connect(self.set_loop)
        bar.speed_requested.connect(self.clock.set_speed)
        bar.audio_requested.connect(self.choose_audio)
        bar.close_requested.connect(self._on_bar_close_requested)

    # ------------------------------------------------------------------ state

    @property
    def window(self) -> MainWindow:
        return self._window

    def is_active(self) -> bool:
        return self._active

    def refresh(self) -> None:
        """Read the song's times again: enable the actions it allows, leave the mode if it has none."""
        song = self._window.current_song.song
        self.timeline = Timeline(song.line_times if song is not None else None)
        # Times set (tag and next), undone or redone change the song, not its lyrics: the gutter shows them now.
        self.pane.gutter.set_line_times(song.line_times if song is not None else None)
        self._sections = None
        has_times = bool(self.timeline)
        has_lyrics = song is not None and bool(song.lyrics.strip())
        if self._active and not has_times and not self.tagging.active:
            self.set_active(False)  # the times were undone: nothing to follow
        elif self._active:
            if self.clock.loop is not None:
                self.set_loop(True)  # the times changed under the loop: taken again from them
            self._follow(self.clock.position())
        self.practice_action.setEnabled(has_times or self._active)
        self.practice_action.setStatusTip(
            self.tr("Follow the lyrics along their LRC times")
            if has_times
            else self.tr("This song has no LRC times: Edit > Set Line Times… gives it some")
        )
        self.practice_action.setToolTip(self.practice_action.statusTip())
        writable = not self._window.session.read_only
        self.set_times_action.setEnabled(has_lyrics and writable)
        self.set_times_action.setStatusTip(
            self.tr("Time the lyrics by tapping a key as each line starts (tag and next)")
            if has_lyrics
            else self.tr("This song has no lyrics to time")
        )
        self.set_times_action.setToolTip(self.set_times_action.statusTip())
        self._enable_stamp_note()

    def set_active(self, active: bool) -> None:
        """Enter (True) or leave practice mode; entering needs a song with times."""
        if active and not (self.timeline or self.tagging.active):
            self._window.statusBar().showMessage(
                self.tr("This song has no LRC times: Edit > Set Line Times… gives it some."), NOTICE_MS
            )
            active = False
        if active == self._active:
            self._sync_action()
            return
        self._active = active
        if active:
            self._window.editing.set_lyrics_editing(False)  # Space plays: the lyrics are read, not typed
            self.bar.show()
            self.pane.setFocus(Qt.FocusReason.OtherFocusReason)
            self._follow(self.clock.position())
        else:
            if self.tagging.active:
                self.tagging.cancel()
            self.clock.stop()
            self.set_loop(False)  # a loop is a song's lines: none is kept
            self.bar.hide()
            self.current_line = 0
            self.pane.viewport().update()
            self.current_line_changed.emit(0)
        self.pane.gutter.times_clickable = active
        self.play_action.setEnabled(active)
        self._sync_action()
        self._enable_stamp_note()
        self.active_changed.emit(active)

    def _sync_action(self) -> None:
        self.practice_action.blockSignals(True)
        self.practice_action.setChecked(self._active)
        self.practice_action.blockSignals(False)

    # ---------------------------------------------------------------- seeking

    def seek(self, ms: int) -> None:
        """Go to *ms*: the line sung then becomes current. A loop that does not hold it ends."""
        loop = self.clock.loop
        if loop is not None and not loop.start_ms <= ms < loop.end_ms:
            self.set_loop(False)
        self.clock.seek(ms)

    def go_to_time(self, ms: int) -> None:
        """Practise from *ms* (a note's time): practice mode on where the song has times."""
        if self.timeline and not self._active:
            self.set_active(True)
        self.seek(ms)
        if not self._active:
            self._window.statusBar().showMessage(
                self.tr(
                    "The clock is at {time}. This song has no LRC times: Edit > Set Line Times… gives it some."
                ).format(time=clock_text(ms)),
                NOTICE_MS,
            )

    def seek_line(self, line: int) -> bool:
        """Go to where 1-based *line* is sung (the occurrence nearest before the clock); False if untimed."""
        ms = self.timeline.seek_time(line, self.clock.position())
        if ms is None:
            return False
        self.seek(ms)
        return True

    def next_line(self) -> None:
        cue = self.timeline.next_cue(self.clock.position())
        if cue is not None:
            self.seek(cue.ms)

    def previous_line(self) -> None:
        cue = self.timeline.previous_cue(self.clock.position())
        if cue is not None:
            self.seek(cue.ms)

    # ------------------------------------------------------------------ loops

    def section_lines(self) -> tuple[int, int] | None:
        """The lines a loop takes: the lines selected, else the section of the current line (from the
        song's form), else the current line alone."""
        if self.pane.textCursor().hasSelection():
            return self.pane.selected_lines()
        line = self.current_line or self.pane.selected_lines()[0]
        if self._sections is None:
            song = self._window.current_song.song
            self._sections = _form_sections(song.lyrics) if song is not None else ()
        return section_around(self._sections, line) or (line, line)

    def set_loop(self, on: bool) -> None:
        """Loop the section being practised (see `section_lines`), or stop looping."""
        loop = None
        if on:
            lines = self.section_lines()
            loop = self.timeline.loop_range(*lines, at_ms=self.clock.position()) if lines else None
            if loop is None:
                self.bar.show_loop_text(self.tr("None of these lines has a time: nothing to loop."))
        self.loop_lines = (loop.first_line, loop.last_line) if loop else None
        self.clock.set_loop(loop)
        self.bar.show_loop(self.loop_lines, loop is not None)
        # Said in the bar's own row, beside the time: a line of its own would push the lyrics down.
        if loop is not None:
            lines = {"first": loop.first_line, "last": loop.last_line}
            self.bar.show_loop_text(
                self.tr("Looping lines {first}–{last} ({start}–{end})").format(
                    **lines, start=clock_text(loop.start_ms), end=clock_text(loop.end_ms)
                ),
                (
                    self.tr("Looping lines {first}–{last}").format(**lines),
                    self.tr("Lines {first}–{last}").format(**lines),
                    self.tr("↻ {first}–{last}").format(**lines),
                ),
            )
        elif not on:
            self.bar.show_loop_text("")

    # ------------------------------------------------------------------ audio

    def choose_audio(self) -> None:
        """Ask for a local audio file and play along with it (only offered with QtMultimedia)."""
        if not audio_available():
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Play Along with Audio"),
            "",
            QCoreApplication.translate("PracticeClock", AUDIO_FILTER),
        )
        if path:
            self.clock.load_audio(path)
            self.set_active(True)

    # ------------------------------------------------------------ note times

    def stamp_note(self) -> None:
        """Stamp Note with Time: the current note is about the clock's moment (undoable)."""
        annotation = self._window.current_song.current()
        if annotation is None or not self._active:
            return
        self.edits.set_note_time(annotation.id, self.clock.position())

    def _enable_stamp_note(self, *_args) -> None:
        has_note = self._window.current_song.current() is not None
        self.stamp_note_action.setEnabled(self._active and has_note and not self._window.session.read_only)

    # ------------------------------------------------------------- the line

    def _follow(self, ms: int) -> None:
        line = self.tagging.current_line() if self.tagging.active else self.timeline.line_at(ms)
        self.bar.show_time(ms, line)
        if line != self.current_line:
            self.current_line = line
            self._keep_in_view(line)
            self.pane.viewport().update()
            self.current_line_changed.emit(line)

    def refresh_line(self) -> None:
        """Light the line again (tag and next moved on to another)."""
        self._follow(self.clock.position())

    def _keep_in_view(self, line: int) -> None:
        """Scroll the current line into view, a third down the pane, when it is not well in view."""
        if not line:
            return
        pane = self.pane
        block = pane.document().findBlockByNumber(line - 1)
        if not block.isValid():
            return
        geometry = pane.blockBoundingGeometry(block).translated(pane.contentOffset())
        height = pane.viewport().height()
        if geometry.top() >= 0 and geometry.bottom() <= height * 3 // 4:
            return
        bar = pane.verticalScrollBar()
        visible_lines = max(1, height // max(1, pane.fontMetrics().lineSpacing()))
        bar.setValue(max(0, block.firstLineNumber() - visible_lines // 3))

    def line_rect(self, line: int, pane: QPlainTextEdit | None = None) -> QRectF | None:
        """Where 1-based *line* is drawn in *pane*'s viewport (the lyrics' by default; None when it is not there)."""
        pane = pane or self.pane
        block = pane.document().findBlockByNumber(line - 1)
        if not line or not block.isValid():
            return None
        geometry = pane.blockBoundingGeometry(block).translated(pane.contentOffset())
        return QRectF(0, geometry.top(), pane.viewport().width(), geometry.height())

    def _paint_current_line(self) -> None:
        self.paint_current_line(self.pane)

    def paint_current_line(self, pane: QPlainTextEdit) -> None:
        """Light the line being sung in *pane* (the lyrics, or the translation beside them)."""
        if not self._active or not self.current_line:
            return
        rect = self.line_rect(self.current_line, pane)
        if rect is None or rect.bottom() < 0 or rect.top() > pane.viewport().height():
            return
        colour = QColor(pane.palette().color(QPalette.ColorRole.Highlight))
        painter = QPainter(pane.viewport())
        band = QColor(colour)
        band.setAlpha(LINE_ALPHA)
        painter.fillRect(rect, band)
        painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), colour)
        painter.end()

    # ------------------------------------------------------------------ slots

    def _on_clock_position_changed(self, ms: int) -> None:
        if self._active:
            self._follow(ms)

    def _on_current_song_switched(self, _song_id: str) -> None:
        if self.tagging.active:
            self.tagging.cancel()
        if self._active:
            self.set_active(False)  # another song: its own times, from its own start
        self.set_loop(False)  # the loop was the other song's lines
        self.refresh()

    def _on_current_song_song_changed(self, _song_id: str) -> None:
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and watched is self._viewport:
            self._press_y = event.position().y()
        return False

    def _on_pane_line_clicked(self, line: int) -> None:
        if not self._active or self.tagging.active:
            return
        rect = self.line_rect(line)
        if self._press_y is not None and rect is not None and self._press_y > rect.bottom():
            return  # the empty room below the last line: no line was clicked
        self.seek_line(line)

    def _on_pane_editing_changed(self, editing: bool) -> None:
        if editing and self._active:
            self.set_active(False)

    def _on_bar_close_requested(self) -> None:
        if self.tagging.active:
            self.tagging.cancel()
        else:
            self.set_active(False)

    def _on_note_time_clear_requested(self, annotation_id: str) -> None:
        self.edits.set_note_time(annotation_id, None)

    def _on_set_times_action_triggered(self) -> None:
        self.tagging.start()
