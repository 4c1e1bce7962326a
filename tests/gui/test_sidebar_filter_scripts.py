"""The sidebar's song filter finds words typed as they are written in any script, and ignores case and accents
fully ("strasse" finds "Straße"), with real keys on the real widget."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from lyricpad.app.session import Session
from lyricpad.core.store import Library
from lyricpad.gui.library_sidebar import LibrarySidebar

TITLES = [
    "Straße der Lieder",
    "Ελληνικά τραγούδια",
    "x²y",
    "ﬁnance",
    "Ǆemal",
    "東京タワー",
    "rain😀drop",
    "Café",
]


@pytest.fixture
def sidebar(qtbot, tmp_path):
    library = Library.open(tmp_path / "scripts.sqlite", seed_demo=False)
    for title in TITLES:
        library.songs.add(title)
    session = Session(library)
    sidebar = LibrarySidebar(session)
    qtbot.addWidget(sidebar)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    yield sidebar
    session.close()


def type_text(widget, text):
    """Real key presses, one per character, as an input method delivers any script (QTest.keyClicks knows ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def listed(sidebar):
    return [
        sidebar.proxy.index(r, 0).data(Qt.ItemDataRole.EditRole) for r in range(sidebar.visible_song_count())
    ]


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("strasse", "Straße der Lieder"),
        ("STRASSE", "Straße der Lieder"),
        ("Straße", "Straße der Lieder"),
        ("Ελληνικά", "Ελληνικά τραγούδια"),
        ("ελληνικα", "Ελληνικά τραγούδια"),
        ("x²y", "x²y"),
        ("ﬁnance", "ﬁnance"),
        ("finance", "ﬁnance"),
        ("Ǆemal", "Ǆemal"),
        ("東京", "東京タワー"),
        ("drop", "rain😀drop"),
        ("cafe", "Café"),
    ],
)
def test_the_filter_finds_words_as_written_in_any_script(qtbot, sidebar, typed, expected):
    type_text(sidebar.filter_edit, typed)
    assert sidebar.filter_edit.text() == typed
    assert listed(sidebar) == [expected]
