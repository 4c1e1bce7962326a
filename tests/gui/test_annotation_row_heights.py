"""Issue 18: every row of the annotations list, heading or annotation, is one height, so that the list
lays 2,000 rows out without asking the Python delegate for each row's size; a heading's title sits at
the bottom of its row, under the space that parts the groups."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyleOptionViewItem

from lyricpad.app.annotation_model import AnnotationRole
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.store import Library
from lyricpad.gui.annotations_delegate import AnnotationDelegate, heading_band

SIZES = [(1024, 700), (1280, 800)]


class CountingDelegate(AnnotationDelegate):
    """The list's delegate, counting how often the view asks it for a row's size."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.asked = 0

    def sizeHint(self, option, index):
        self.asked += 1
        return super().sizeHint(option, index)


def every_index(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from every_index(model, index)


@pytest.fixture
def grouped_path(demo_path):
    """The demo song with annotations under each kind of heading: needs review, lyrics, article, trash."""
    with Library.open(demo_path) as library:
        (song,) = library.songs.all()
        anchor = anchor_for_lines(song.lyrics, 3, 3)
        library.annotations.add(song.id, [anchor], note="Check this line again", status="needs_review")
        gone = library.annotations.add(song.id, [anchor], note="An old thought")
        library.annotations.set_deleted(gone.id)
    return demo_path


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_headings_and_annotations_are_one_height(qtbot, open_window, grouped_path, shots, width, height):
    window = open_window(grouped_path)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    view = window.annotations_panel.view
    for row in range(view.model().rowCount()):
        view.expand(view.model().index(row, 0))
    qtbot.wait(50)
    assert view.uniformRowHeights()
    indexes = list(every_index(view.model()))
    headings = [i for i in indexes if i.data(AnnotationRole.IS_GROUP)]
    assert len(headings) >= 3 and len(indexes) > len(headings)  # needs review, lyrics, trash at least
    shown = [view.visualRect(i) for i in indexes if view.visualRect(i).intersects(view.viewport().rect())]
    # Asked for each, the delegate gives headings the rows' height: uniform heights lose nothing.
    assert {view.sizeHintForIndex(i).height() for i in indexes} == {rect.height() for rect in shown}
    shots(window.annotations_dock, f"18-h13-annotation-headings-{width}x{height}")
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # the trash, at the end
    shots(window.annotations_dock, f"18-h13-annotation-headings-end-{width}x{height}")


def test_a_heading_title_sits_at_the_bottom_of_its_row(qtbot, window):
    view = window.annotations_panel.view
    heading = view.visualRect(view.model().index(0, 0))
    band = heading_band(heading, view.font())
    assert band.bottom() == heading.bottom() and band.width() == heading.width()
    assert band.height() < heading.height()  # the space above parts it from the group before
    assert heading_band(QRect(0, 0, 100, 10), view.font()).height() == 10  # never outside its row


def test_adding_a_row_to_many_asks_for_no_row_size_per_row(qtbot, open_window, demo_path):
    with Library.open(demo_path) as library:
        (song,) = library.songs.all()
        anchor = anchor_for_lines(song.lyrics, 3, 3)
        for n in range(300):
            library.annotations.add(song.id, [anchor], note=f"Thought {n}")
    window = open_window(demo_path)
    view = window.annotations_panel.view
    delegate = CountingDelegate(view)
    view.setItemDelegate(delegate)
    view.doItemsLayout()
    qtbot.wait(20)
    delegate.asked = 0
    session = window.session
    session.annotation_edits.create(song.id, [anchor], note="x")
    qtbot.waitUntil(lambda: view.model().rowCount(view.model().index(0, 0)) > 300)
    qtbot.wait(20)
    assert delegate.asked < 50  # the rows in sight at most, never one per row of the list


def test_the_size_is_measured_once_per_font(qtbot, window):
    delegate = window.annotations_panel.view.itemDelegate()
    option = QStyleOptionViewItem()
    option.font = window.annotations_panel.view.font()
    index = window.annotations_panel.view.model().index(0, 0)
    first = delegate.sizeHint(option, index)
    option.font.setPointSizeF(option.font.pointSizeF() * 3)
    assert delegate.sizeHint(option, index) == first  # measured once ...
    delegate.forget_sizes()
    assert delegate.sizeHint(option, index).height() > first.height()  # ... and again for a new font
