"""The main window's own texts (menus, docks, counts, status messages) reach a translation (issue 20).

A translator that marks every text with its context stands in for a language: a text shown
marked is one a translation reaches, in the context lupdate files it under.
"""

from __future__ import annotations

import pytest
from gui_testing import MarkingTranslator


@pytest.fixture
def marked_window(qapp, open_window, demo_path):
    translator = MarkingTranslator()
    qapp.installTranslator(translator)
    try:
        yield open_window(demo_path)
    finally:
        qapp.removeTranslator(translator)


def test_menus_docks_and_actions_are_asked_in_their_contexts(marked_window):
    window = marked_window
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:4] == [
        "[WindowActions] &File",
        "[WindowActions] &Edit",
        "[WindowActions] &View",
        "[WindowActions] &Help",
    ]
    assert window.library_dock.windowTitle() == "[MainWindow] Library"
    assert window.menus.toolbar.accessibleName() == "[WindowActions] Highlight toolbar"
    assert window.links.link_action.text() == "[WindowLinks] &Link to Lyrics Lines"
    assert window.links.unlink_action.text() == "[WindowLinks] U&nlink from Lyrics"
    lens_tip = window.menus.lens_actions[0].toolTip()
    assert lens_tip.startswith("[WindowActions] Highlight the selection as ") and "[word_snap] " in lens_tip


def test_counts_and_messages_are_filled_after_translation(marked_window):
    window = marked_window
    counts = window._counts_label.text()
    # The number is put in for %n; the fields are filled after the sentence is translated.
    assert counts.startswith(
        "[MainWindow] [MainWindow] 1 song(s)  │  this song: [MainWindow] 1 article(s)"
    ), counts
    assert window.undo_hint().startswith("[MainWindow] ") and window.undo_hint().endswith(" undoes it.")
    window.links.link_selection()  # nothing selected: the message says what to select
    said = window.statusBar().currentMessage()
    assert said.startswith("[WindowLinks] Select the quoted words") and "(Ctrl+K)" in said
