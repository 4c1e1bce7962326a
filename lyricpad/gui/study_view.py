"""The study view in the window: View > Study View, its margin, outline and rhyme colours, corrections and one-click annotations."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QSignalBlocker,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from lyricpad.app.study_state import LOADING_MESSAGE, StudyState
from lyricpad.core.errors import LyricpadError
from lyricpad.core.study_annotating import (
    RHYME_LENS_WORDS,
    STRUCTURE_LENS_WORDS,
    lens_for,
    repeated_line_anchors,
    rhyme_group_anchors,
    section_anchor,
)
from lyricpad.gui.highlights import range_rects
from lyricpad.gui.notice_bar import NOTICE_MS
from lyricpad.gui.study_margin import StudyMargin, colour_shift, has_partners, rhyme_colour
from lyricpad.gui.study_notices import LanguageHint, SetAsideWatch
from lyricpad.gui.study_outline import StudyOutline

if TYPE_CHECKING:
    from lyricpad.core.study import StudyLine, StudyView
    from lyricpad.gui.main_window import MainWindow

STUDY_VIEW_SHORTCUT = "Ctrl+Shift+U"
RHYME_LINE_WIDTH = 2.0
PROMPTS = {
    "syllables": (
        QT_TRANSLATE_NOOP("StudyViewController", "Correct Syllables"),
        QT_TRANSLATE_NOOP("StudyViewController", "Syllables in line {line}:"),
    ),
    "stress": (
        QT_TRANSLATE_NOOP("StudyViewController", "Correct Stress"),
        QT_TRANSLATE_NOOP("StudyViewController", "Stress of line {line} (x unstressed, / stressed):"),
    ),
    "rhyme": (
        QT_TRANSLATE_NOOP("StudyViewController", "Correct Rhyme Letter"),
        QT_TRANSLATE_NOOP("StudyViewController", "Rhyme letter of line {line} (A, B, C…):"),
    ),
    "section": (
        QT_TRANSLATE_NOOP("StudyViewController", "Start Section Here"),
        QT_TRANSLATE_NOOP("StudyViewController", "Name of the section starting at line {line}:"),
    ),
}
"""The title and label of the question for each field (translated where asked)."""
LINE_MENU_TEXTS = {
    "syllables": (
        QT_TRANSLATE_NOOP("StudyViewController", "Correct Syllables…"),
        QT_TRANSLATE_NOOP("StudyViewController", "Reset Syllables to Computed"),
    ),
    "stress": (
        QT_TRANSLATE_NOOP("StudyViewController", "Correct Stress…"),
        QT_TRANSLATE_NOOP("StudyViewController", "Reset Stress to Computed"),
    ),
    "rhyme": (
        QT_TRANSLATE_NOOP("StudyViewController", "Correct Rhyme Letter…"),
        QT_TRANSLATE_NOOP("StudyViewController", "Reset Rhyme Letter to Computed"),
    ),
}
"""The line menu's Correct and Reset items of each field a lyric line has (translated where shown)."""
STRESS_ALWAYS = QT_TRANSLATE_NOOP("StudyViewController", "Stress Patterns Even If Lines &Wrap")
"""The stress toggle: on, the margin's stress column is always there; off, only where the lyrics keep their lines."""
STRESS_ALWAYS_TIP = QT_TRANSLATE_NOOP(
    "StudyViewController",
    "Show the study view's stress patterns even where the lyrics must wrap beside them "
    "(off: shown only where there is room)",
)
RECOMPUTING = QT_TRANSLATE_NOOP(
    "StudyViewController",
    "The study view is being computed again for the edited lyrics: try again in a moment.",
)


class StudyViewController(QObject):
    """Shows the study view beside the lyrics while View > Study View is on, and turns what the user asks
    of it into corrections (`session.correction_edits`) and annotations (the session's annotation edits)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        session = window.session
        pane = window.lyrics_pane
        self.corrections = session.correction_edits
        self.state = StudyState(session, window.current_song, self.corrections, self)
        self.margin = StudyMargin(pane)
        self._fitted_width = 0  # the margin's width when the centre was last split for it
        self.outline = StudyOutline(window)
        self.hint = LanguageHint(window)
        layout = pane.parentWidget().layout()
        layout.insertWidget(layout.indexOf(pane), self.outline)
        layout.insertWidget(layout.indexOf(pane), self.hint)
        self.set_aside = SetAsideWatch(window)
        self.action = QAction(self.tr("&Study View"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(STUDY_VIEW_SHORTCUT))
        self.action.setStatusTip(self.tr("Sections, syllables, stress and rhyme scheme beside the lyrics"))
        self.action.toggled.connect(self.set_shown)
        window.menus.view_menu.addAction(self.action)
        # The margin leaves its stress column out when beside it the lyrics would wrap: the user may want it anyway.
        self.stress_action = QAction(self.tr(STRESS_ALWAYS), window)
        self.stress_action.setCheckable(True)
        self.stress_action.setStatusTip(self.tr(STRESS_ALWAYS_TIP))
        self.stress_action.setToolTip(self.tr(STRESS_ALWAYS_TIP))
        self.stress_action.toggled.connect(self.set_stress_shown)
        self.stress_action.setEnabled(False)
        window.menus.view_menu.addAction(self.stress_action)
        pane.overlay_painters.append(self.paint_rhymes)
        pane.line_menus.append(self.pane_line_menu)  # the lyrics' own right-click menu: a Study submenu
        pane.installEventFilter(self)
        pane.editing_changed.connect(self._on_pane_editing_changed)
        self.state.study_changed.connect(self._on_state_study_changed)
        self.margin.edit_requested.connect(self.ask_correction)
        self.margin.menu_requested.connect(self._on_margin_menu_requested)
        self.outline.section_requested.connect(self._on_outline_section_requested)
        self.outline.menu_requested.connect(self._on_outline_menu_requested)
        self.hint.details_requested.connect(self._on_hint_details_requested)
        settings = window.settings
        if settings is not None and settings.study_stress():
            self.stress_action.setChecked(True)
        if settings is not None and settings.study_view():
            self.action.setChecked(True)

    # ------------------------------------------------------------------ showing

    def is_shown(self) -> bool:
        return self.action.isChecked()

    def set_shown(self, shown: bool) -> None:
        """Turn the study view on or off (remembered for the next run when the window keeps settings)."""
        if self.action.isChecked() != shown:
            with QSignalBlocker(self.action):
                self.action.setChecked(shown)
        if self._window.settings is not None:
            self._window.settings.set_study_view(shown)
        self.state.set_enabled(shown)
        self.stress_action.setEnabled(shown)
        self._show_parts()

    def stress_shown(self) -> bool:
        """Whether the stress patterns are shown even if the lyrics wrap (the toggle's state)."""
        return self.stress_action.isChecked()

    def set_stress_shown(self, shown: bool) -> None:
        """Show the margin's stress column always, even if the lyrics wrap (True), or only where it leaves
        them their lines (False)."""
        if self.stress_action.isChecked() != shown:
            with QSignalBlocker(self.stress_action):
                self.stress_action.setChecked(shown)
        if self._window.settings is not None:
            self._window.settings.set_study_stress(shown)
        self.margin.stress_always = shown
        self.margin.relayout()
        self._show_parts()

    def _show_parts(self) -> None:
        editing = self._window.lyrics_pane.is_editing()
        shown = self.is_shown() and not editing
        self.margin.setVisible(shown)
        for part, has in ((self.outline, bool(self.outline.sections)), (self.hint, bool(self.hint.hint))):
            # Hidden for Edit mode, the strip above the lyrics keeps its room: the text stays where it was,
            # and a click just after Ctrl+E lands on the line that was under the pointer.
            policy = part.sizePolicy()
            policy.setRetainSizeWhenHidden(editing and self.is_shown() and has)
            part.setSizePolicy(policy)
            part.setVisible(shown and has)
        self._window.lyrics_pane.viewport().update()
        width = self.margin.width_wanted()
        if width != self._fitted_width:
            self._fitted_width = width
            self._window.window_layout.fit_lyrics()  # the lyrics get their room back beside the margin
            self.margin.relayout()

    def _on_state_study_changed(self) -> None:
        state = self.state
        message = state.error and self.tr("The study view could not be computed: {reason}").format(
            reason=state.error
        )
        self.margin.show_view(state.view, state.computed, state.loading, message)
        self.outline.show_view(state.view)
        self.hint.show_hint(state.hint if state.view is not None else "", self.is_shown())
        self._show_parts()
        status = self._window.statusBar()
        loading = QCoreApplication.translate("StudyState", LOADING_MESSAGE)
        if state.loading:
            status.showMessage(loading)
        elif status.currentMessage() == loading:
            status.clearMessage()

    def _on_pane_editing_changed(self, _editing: bool) -> None:
        self._show_parts()  # hidden while the lines are edited: its values count the stored lyrics

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind not in (QEvent.Type.Resize, QEvent.Type.FontChange)
            or watched is not self._window.lyrics_pane
        ):
            return False
        if self.margin.isVisible():
            if kind == QEvent.Type.Resize:
                self.margin.relayout()
            else:
                self.margin.relayout()  # View > Bigger Text: the margin's text grows with the lyrics'
                self._show_parts()  # and the lyrics are given room for it
        return False

    def fresh_view(self) -> StudyView | None:
        """The view when it counts the lyrics as they are now; None when there is none, or while it is
        computed again after an edit (its line numbers and words are then the old lyrics')."""
        song = self._window.current_song.song
        view = self.state.view
        if view is None or song is None or self.state.view_lyrics != song.lyrics:
            return None
        return view

    def _refuse_stale(self) -> bool:
        """True (and the status bar says why) while the view is of the lyrics before an edit."""
        if self.state.view is not None and self.fresh_view() is None:
            self._window.statusBar().showMessage(self.tr(RECOMPUTING), NOTICE_MS)
            return True
        return False

    def _on_hint_details_requested(self) -> None:
        sidebar = self._window.sidebar
        song = self._window.current_song.song
        if song is not None:
            sidebar.edit_song_details(song.id, focus="language")  # the hint is about the language

    # ------------------------------------------------------------ rhyme colours

    def paint_rhymes(self) -> None:
        """Underline each rhyming word in its letter's colour (a near rhyme's dashed and lighter)."""
        pane = self._window.lyrics_pane
        view = self.fresh_view()
        if view is None or self.margin.isHidden() or pane.is_editing():
            return
        painter: QPainter | None = None
        palette = pane.palette()
        height = pane.viewport().height()
        block = pane.firstVisibleBlock()
        while block.isValid():
            number = block.blockNumber() + 1
            if number > len(view.lines):
                break
            top = pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top()
            if top > height:
                break
            line = view.lines[number - 1]
            if line.rhyme_span is not None and line.kind == "lyric" and has_partners(view, line):
                start, end = (_utf16(line.text, i) + block.position() for i in line.rhyme_span)
                near = line.rhyme_quality in ("near", "spelling")
                colour = rhyme_colour(line.rhyme, palette, near, colour_shift(view, number))
                pen = QPen(colour, RHYME_LINE_WIDTH)
                if near:
                    pen.setStyle(Qt.PenStyle.DashLine)
                if painter is None:
                    painter = QPainter(pane.viewport())
                painter.setPen(pen)
                for rect in range_rects(pane, start, end):
                    y = rect.bottom() - 1
                    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            block = block.next()
        if painter is not None:
            painter.end()

    # -------------------------------------------------------------- correcting

    def ask_value(self, title: str, label: str, text: str) -> str | None:
        """Ask the user for a value (None: cancelled). Tests replace this."""
        value, ok = QInputDialog.getText(self._window, title, label, text=text)
        return value if ok else None

    def ask_correction(self, line: int, field: str) -> None:
        """Ask for the corrected *field* of 1-based *line* and store it (one undo step)."""
        song = self._window.current_song.song
        if self._refuse_stale():
            return
        study_line = self.margin.line_of(line)
        if song is None or study_line is None or field not in PROMPTS:
            return
        title, label = PROMPTS[field]
        current = "" if field == "section" else _shown_value(study_line, field)
        value = self.ask_value(self.tr(title), self.tr(label).format(line=line), current)
        if value is None:
            return
        if field != "section" and not value.strip():
            self.corrections.remove(song.id, line, field)
            return
        try:
            self.corrections.set(song.id, line, field, value)
        except LyricpadError as exc:
            self._window.statusBar().showMessage(str(exc), NOTICE_MS)

    def reset(self, line: int, field: str) -> None:
        """Back to the computed value of *field* on *line*."""
        song = self._window.current_song.song
        if song is not None:
            self.corrections.remove(song.id, line, field)

    def remove_boundary(self, line: int) -> None:
        """No section starts at *line* any more (a boundary the user set is taken back; one found is overruled)."""
        song = self._window.current_song.song
        if song is None:
            return
        if self.corrections.value(song.id, line, "section"):
            self.corrections.remove(song.id, line, "section")
        else:
            self.corrections.set(song.id, line, "section", "")

    # ------------------------------------------------------------------- menus

    def build_line_menu(self, line: int, parent: QWidget | None = None) -> QMenu:
        """The margin's menu for 1-based *line*: correct, reset, section boundaries, annotate.

        A child of *parent* (else of the window): a submenu goes with the menu holding it."""
        menu = QMenu(parent if parent is not None else self._window)
        study_line = self.margin.line_of(line)
        view = self.fresh_view()
        if self.state.view is not None and view is None:
            waiting = menu.addAction(self.tr("Computing the Study View Again…"))
            waiting.setEnabled(False)  # its lines are the lyrics' before the edit: nothing to act on yet
            return menu
        if study_line is None or view is None:
            return menu
        if study_line.kind in ("lyric", "backing"):
            for field in ("syllables", "stress", "rhyme"):
                action = menu.addAction(self.tr(LINE_MENU_TEXTS[field][0]))
                action.triggered.connect(partial(self.ask_correction, line, field))
            for field in sorted(study_line.corrected & LINE_MENU_TEXTS.keys()):
                action = menu.addAction(self.tr(LINE_MENU_TEXTS[field][1]))
                action.triggered.connect(partial(self.reset, line, field))
            menu.addSeparator()
        starts = {s.start_line for s in view.sections}
        action = menu.addAction(self.tr("Start Section Here…"))
        action.triggered.connect(partial(self.ask_correction, line, "section"))
        if line in starts:
            action = menu.addAction(self.tr("Remove Section Boundary"))
            action.triggered.connect(partial(self.remove_boundary, line))
        menu.addSeparator()
        if study_line.kind == "lyric" and study_line.rhyme and has_partners(view, study_line):
            action = menu.addAction(self.tr("Annotate Rhyme Group {letter}").format(letter=study_line.rhyme))
            action.triggered.connect(partial(self.annotate_rhyme_group, line))
        if study_line.repeats:
            action = menu.addAction(
                self.tr("Annotate Repeated Line (×{times})").format(times=len(study_line.repeats) + 1)
            )
            action.triggered.connect(partial(self.annotate_repeated_line, line))
        section = view.section_of(line)
        if section is not None:
            action = menu.addAction(self.tr("Annotate Section “{name}”").format(name=section.name))
            action.triggered.connect(partial(self.annotate_section, section.start_line))
        menu.addSeparator()
        menu.addAction(self.stress_action)
        return menu

    def pane_line_menu(self, line: int, parent: QMenu) -> QMenu | None:
        """The line's study items as the "Study" submenu of the lyrics' right-click menu (None while
        the view is off, not computed yet, or hidden for Edit mode)."""
        if not self.is_shown() or self.margin.isHidden() or self.state.view is None:
            return None  # (a view being computed again gives a menu saying so)
        menu = self.build_line_menu(line, parent)
        menu.setTitle(self.tr("&Study"))
        return menu

    def build_section_menu(self, start_line: int) -> QMenu:
        menu = QMenu(self._window)
        annotate = menu.addAction(self.tr("Annotate Section"))
        annotate.triggered.connect(partial(self.annotate_section, start_line))
        rename = menu.addAction(self.tr("Rename Section…"))
        rename.triggered.connect(partial(self.ask_correction, start_line, "section"))
        remove = menu.addAction(self.tr("Remove Section Boundary"))
        remove.triggered.connect(partial(self.remove_boundary, start_line))
        return menu

    def _on_margin_menu_requested(self, line: int, _field: str, point: QPoint) -> None:
        menu = self.build_line_menu(line)
        if not menu.isEmpty():
            self._window.popup_menu(menu, point)
        menu.deleteLater()

    def _on_outline_menu_requested(self, start_line: int, point: QPoint) -> None:
        menu = self.build_section_menu(start_line)
        self._window.popup_menu(menu, point)
        menu.deleteLater()

    def _on_outline_section_requested(self, first: int, last: int) -> None:
        self._window.lyrics_pane.show_lines([(first, last)])

    # --------------------------------------------------------------- annotating

    def annotate_rhyme_group(self, line: int) -> str | None:
        """One annotation with the Rhyme lens over every word of *line*'s rhyme group in its section."""
        if self._refuse_stale():
            return None
        view, song = self.state.view, self._window.current_song.song
        if view is None or song is None:
            return None
        letter = view.lines[line - 1].rhyme
        return self._annotate(
            rhyme_group_anchors(song.lyrics, view, line),
            RHYME_LENS_WORDS,
            self.tr("Nothing to annotate in rhyme group {letter}.").format(letter=letter),
        )

    def annotate_repeated_line(self, line: int) -> str | None:
        """One annotation with the Structure lens over every place *line* is sung."""
        if self._refuse_stale():
            return None
        view, song = self.state.view, self._window.current_song.song
        if view is None or song is None:
            return None
        return self._annotate(
            repeated_line_anchors(song.lyrics, view, line),
            STRUCTURE_LENS_WORDS,
            self.tr("Nothing to annotate in the line."),
        )

    def annotate_section(self, start_line: int) -> str | None:
        """One annotation with the Structure lens over the section starting at *start_line* (its header left out)."""
        if self._refuse_stale():
            return None
        view, song = self.state.view, self._window.current_song.song
        if view is None or song is None:
            return None
        anchor = section_anchor(song.lyrics, view, start_line)
        return self._annotate(
            [anchor] if anchor else [], STRUCTURE_LENS_WORDS, self.tr("Nothing to annotate in the section.")
        )

    def _annotate(self, anchors: list, words: tuple[str, ...], nothing: str) -> str | None:
        """Annotate *anchors* with the lens named by *words*; the status bar says *nothing* when there are none."""
        window = self._window
        song = window.current_song.song
        if song is None or not anchors:
            window.statusBar().showMessage(nothing, NOTICE_MS)
            return None
        session = window.session
        lens_id = lens_for(session.lenses(), words) or session.annotation_edits.last_lens_id
        new_id = session.annotation_edits.create(song.id, anchors, lens_id=lens_id)
        if new_id:
            window.select_annotation(new_id)
        return new_id


def _shown_value(line: StudyLine, field: str) -> str:
    value = getattr(line, field)
    return "" if value is None else str(value)


def _utf16(text: str, index: int) -> int:
    """Code-point *index* of *text* in UTF-16 units, as the document counts positions."""
    prefix = text[:index]
    return len(prefix) + sum(1 for ch in prefix if ord(ch) > 0xFFFF)
