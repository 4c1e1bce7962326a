"""The panels, dialogs and messages ask Qt for their words: another language reaches every one (issue 20).

A translator standing for another language marks each text it is asked for as ‹text›; a word
shown unmarked never went through Qt's translation machinery, and a count must reach it as one.
"""

from __future__ import annotations

import pytest
from gui_testing import MarkingTranslator
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel

from lyricpad.gui.about_dialog import AboutDialog
from lyricpad.gui.annotations_panel import AnnotationsPanel
from lyricpad.gui.library_search_panel import hit_label
from lyricpad.gui.study_margin import lines_text
from lyricpad.gui.window_highlighting import question_title


@pytest.fixture
def marking(qapp):
    translator = MarkingTranslator(
        lambda _context, source: f"‹{source}›"
    )  # another language: every text ‹marked›
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_the_annotations_panel_speaks_the_language(qtbot, marking):
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    assert panel.accessibleName() == "‹Annotations›"
    assert panel.placeholder.text() == "‹No song is open.›"  # a constant marked in English, shown translated
    assert panel.find_action.text() == "‹&Filter Annotations›"


def test_the_about_dialog_translates_its_labels_but_keeps_its_rows_keys(qtbot, marking):
    dialog = AboutDialog(None, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "‹About lyricpad›"
    # The rows are still found by their English names; what they show is translated.
    assert dialog.value_labels["Library"].text() == "‹in memory (nothing is saved)›"
    assert dialog.value_labels["Version"].accessibleName() == "‹Version›"
    form = dialog.findChild(QFormLayout)
    first_label = form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
    assert isinstance(first_label, QLabel) and first_label.text() == "‹‹Version›:›"
    assert "‹Licence›: ‹not chosen yet›\n" in dialog.details()


def test_counts_reach_the_translator_as_counts(marking):
    assert question_title("So light a lantern", 3) == "‹“So light a lantern” occurs 3 time(s): highlight…›"
    assert ("WindowHighlighting", "“{quote}” occurs %n time(s): highlight…", 3) in marking.asked


def test_places_and_line_lists_are_whole_phrases(marking):
    assert lines_text([4]) == "‹line 4›"
    assert lines_text([4, 12, 30]) == "‹lines 4, 12 and 30›"
    quote = {"song_title": "Ferry Bell", "artist": "", "where": "lyrics", "kind": "quote", "title": ""}
    assert hit_label(quote) == "Ferry Bell · ‹lyrics highlight›"
    article = {"song_title": "Ferry Bell", "where": "article", "kind": "article", "title": "Notes"}
    assert hit_label(article) == "Ferry Bell · ‹article “Notes”›"
