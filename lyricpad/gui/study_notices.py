"""What the study view tells beside its values: lyrics read as English that look foreign, corrections set aside by an edit."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from lyricpad.core.study_hints import LANGUAGE_HINT
from lyricpad.gui.notice_bar import NOTICE_MS
from lyricpad.gui.study_margin import lines_text

if TYPE_CHECKING:
    from lyricpad.core.models import StoredCorrection
    from lyricpad.gui.main_window import MainWindow

DETAILS_LINK = "song-details"


class LanguageHint(QLabel):
    """A line above the lyrics while the study view reads as English lyrics that do not look English,
    with a link to the song's details (where its language is set)."""

    details_requested = Signal()
    """The link was clicked: open the song's details."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("studyLanguageHint")
        self.setAccessibleName(self.tr("Study view hint"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setContentsMargins(6, 2, 6, 2)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.linkActivated.connect(self._on_link_activated)
        self.hint = ""
        self.hide()

    def show_hint(self, hint: str, shown: bool) -> None:
        """Say *hint* (study_hints.view_hint, computed with the view) while the view is *shown*."""
        self.hint = hint if shown else ""
        if self.hint:
            palette = self.palette()
            link = palette.color(QPalette.ColorRole.Link).name()
            self.setText(
                self.tr('{hint}: <a href="{href}" style="color:{colour}">Song Details…</a>').format(
                    hint=html.escape(self.hint), href=DETAILS_LINK, colour=link
                )
            )
            self.setToolTip(
                self.tr(
                    "The study view reads a song without a language as English: its syllables, stress and "
                    "rhymes follow the English dictionary. Give the song its language to count them by its rules."
                )
                if self.hint == LANGUAGE_HINT
                else self.hint
            )
        self.setVisible(bool(self.hint))

    def _on_link_activated(self, link: str) -> None:
        if link == DETAILS_LINK:
            self.details_requested.emit()


FIELDS_IN_A_SENTENCE = {
    "syllables": QT_TRANSLATE_NOOP("SetAsideWatch", "syllables"),
    "stress": QT_TRANSLATE_NOOP("SetAsideWatch", "stress"),
    "rhyme": QT_TRANSLATE_NOOP("SetAsideWatch", "rhyme letter"),
    "section": QT_TRANSLATE_NOOP("SetAsideWatch", "section boundary"),
}
"""Each correctable field's name inside "The {field} correction of line…", as a language writes it there
(English in lower case; German capitalises its nouns)."""


class SetAsideWatch(QObject):
    """Says in the status bar when an edit of the lyrics leaves corrections without their line (orphaned):
    they stop applying, and without a word the user would think them lost."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self._known: tuple[str, frozenset[str]] = ("", frozenset())
        current = window.current_song
        current.switched.connect(self._on_current_song_switched)
        current.song_changed.connect(self._on_current_song_song_changed)
        self._on_current_song_switched(current.song_id)

    def _orphaned(self, song_id: str) -> dict[str, StoredCorrection]:
        if not song_id:
            return {}
        return {item.id: item for item in self._window.session.library.corrections.orphaned(song_id)}

    def _on_current_song_switched(self, song_id: str) -> None:
        self._known = (song_id, frozenset(self._orphaned(song_id)))

    def _on_current_song_song_changed(self, song_id: str) -> None:
        orphaned = self._orphaned(song_id)
        known_song, known = self._known
        self._known = (song_id, frozenset(orphaned))
        if known_song != song_id:
            return
        new = [item for key, item in orphaned.items() if key not in known]
        if new:
            window = self._window
            window.statusBar().showMessage(
                self.set_aside_message(sorted(new, key=lambda c: (c.line, c.field)), window.undo_hint()),
                2 * NOTICE_MS,
            )

    def set_aside_message(self, items: list[StoredCorrection], undo_hint: str) -> str:
        """What the status bar says when an edit of the lyrics set *items* aside (their lines changed)."""
        if len(items) == 1:
            item = items[0]
            what = QCoreApplication.translate(
                "SetAsideWatch", FIELDS_IN_A_SENTENCE.get(item.field, item.field)
            )
            if item.value:
                said = self.tr(
                    "The {field} correction ({value}) of line {line} was set aside: its line was edited."
                )
            else:
                said = self.tr("The {field} correction of line {line} was set aside: its line was edited.")
            said = said.format(field=what, value=item.value, line=item.line)
        else:
            lines = sorted({item.line for item in items})
            if len(lines) == 1:
                said = self.tr(
                    "%n study correction(s) (was|were) set aside: their line was edited ({lines}).",
                    "",
                    len(items),
                )
            else:
                said = self.tr(
                    "%n study correction(s) (was|were) set aside: their lines were edited ({lines}).",
                    "",
                    len(items),
                )
            said = said.format(lines=lines_text(lines))
        return f"{said} {undo_hint}"
