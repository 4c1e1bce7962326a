"""The window's parts ask Qt for their texts in the context lupdate files them under (issue 20).

A translator that marks every text it is asked for with its context stands in for a language:
a text shown marked is one a translation reaches; a count comes back with its number in place.
"""

from __future__ import annotations

import pytest
from gui_testing import MarkingTranslator
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from lyricpad.gui.annotations_filter_bar import AnnotationFilterBar
from lyricpad.gui.library_search_find import SongFindBar
from lyricpad.gui.notice_bar import NoticeBar
from lyricpad.gui.quote_links_view import lines_reference
from lyricpad.gui.sidebar_sort import SortButton


@pytest.fixture
def marking(qapp):
    translator = MarkingTranslator()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_a_translator_reaches_the_find_bar_and_its_count(qtbot, marking):
    bar = SongFindBar()
    qtbot.addWidget(bar)
    assert bar.edit.placeholderText().startswith("[SongFindBar] Find in this song")
    assert bar.edit.accessibleName() == "[SongFindBar] Find in this song"
    bar.edit.setText("lantern")
    bar.show_count(0, 3)
    assert bar.count_label.text() == "[SongFindBar] 3 match(es)"  # the number put in for %n
    bar.show_count(2, 3)
    assert bar.count_label.text() == "[SongFindBar] 2 of 3"


def test_labels_kept_as_keys_are_translated_where_shown(qtbot, marking):
    parent = QWidget()
    qtbot.addWidget(parent)
    button = SortButton("artist", parent)
    texts = {key: action.text() for key, action in button.sort_actions.items()}
    assert texts["title"] == "[SortButton] &Title" and texts["created"] == "[SortButton] Recently A&dded"
    assert button.toolTip() == "[SortButton] Sort songs: artist"
    assert button.sort_actions["artist"].data() == "artist"  # the key stays what settings store


def test_counts_and_fields_are_filled_after_translation(qtbot, marking):
    bar = AnnotationFilterBar()
    qtbot.addWidget(bar)
    bar.show_count(2, 5, True)
    assert bar.count_label.text() == "[AnnotationFilterBar] 2 of 5"
    assert (
        bar.count_label.toolTip()
        == "[AnnotationFilterBar] 2 of 5 annotation(s) shown (the trash not counted)"
    )
    bar.show_count(1, 4, True, "quotations")
    assert bar.count_label.toolTip() == "[AnnotationFilterBar] 1 of 4 quotation(s) shown"
    assert lines_reference([3]) == "[QuoteLinksList] line 3"
    assert lines_reference([3, 4, 9]) == "[QuoteLinksList] lines 3–4, 9"


def test_english_reads_as_before(qtbot):
    notice = NoticeBar()
    qtbot.addWidget(notice)
    assert notice.close_button.toolTip() == "Dismiss" and notice.accessibleName() == "Notice"
    bar = AnnotationFilterBar()
    qtbot.addWidget(bar)
    bar.show_count(1, 1, True)
    assert bar.count_label.toolTip() == "1 of 1 annotation shown (the trash not counted)"
    assert QCoreApplication.translate("SortButton", "Sorted by title") == "Sorted by title"
