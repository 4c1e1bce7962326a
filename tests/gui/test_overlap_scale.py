"""Overlap layering at scale: the fast sweep gives what a character-by-character reading gives, and the
underlines, measured only for the text in view, follow scrolling, resizing and editing."""

import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from test_overlap_drawing import IMAGERY, QUESTION, RHYME, assert_layered, highlight, unselect

from lyricpad.core.models import Annotation
from lyricpad.gui.highlight_layers import MAX_UNDERLINES, layers_of
from lyricpad.gui.highlights import Highlight


def annotation(name: str) -> Annotation:
    return Annotation(name, "s", "lyrics", None, None, "", "anchored", ())


def by_character(highlights: list[Highlight], last: int, selected: str) -> tuple[dict, dict]:
    """What layering means, read one character at a time: (owner at each position, level of each underlined index)."""

    def rank(i):
        h = highlights[i]
        return (h.annotation.id != selected, h.start - h.end, h.start, i)

    owner, under = {}, {}
    for p in range(last):
        here = [i for i, h in enumerate(highlights) if h.start <= p < min(h.end, last)]
        if here:
            owner[p] = min(here, key=rank)
            for i in here:
                if i != owner[p]:
                    under.setdefault(i, set()).add(p)
    levels: dict[int, int] = {}
    for i in sorted(under, key=rank):
        taken = {levels[j] for j in levels if under[j] & under[i]}
        levels[i] = min(next(n for n in range(len(levels) + 1) if n not in taken), MAX_UNDERLINES)
    return owner, levels


def test_the_sweep_agrees_with_reading_character_by_character():
    rng = random.Random(17)
    for _ in range(400):
        names = [annotation(f"a{n}") for n in range(4)]
        highlights = []
        for _ in range(rng.randint(0, 9)):
            start = rng.randint(0, 30)
            highlights.append(Highlight(start, start + rng.randint(0, 15), rng.choice(names)))
        last, selected = rng.choice([25, 50]), rng.choice(["", "a1"])
        layers = layers_of(highlights, last, selected)
        owner, levels = by_character(highlights, last, selected)
        index = {id(h): i for i, h in enumerate(highlights)}
        drawn_owner = {p: index[id(r.highlight)] for r in layers.backgrounds for p in range(r.start, r.end)}
        assert drawn_owner == owner, highlights
        drawn_levels = {index[id(r.highlight)]: r.level for r in layers.underlines}
        assert drawn_levels == levels, highlights


def test_thousands_of_places_under_one_highlight_all_sit_on_the_first_level():
    verse = Highlight(0, 24_000, annotation("verse"))
    places = [Highlight(n * 12, n * 12 + 7, annotation(f"p{n}")) for n in range(2000)]
    layers = layers_of([verse, *places], 24_000)
    assert [(r.start, r.end) for r in layers.backgrounds] == [(0, 24_000)]
    assert len(layers.underlines) == 2000 and {r.level for r in layers.underlines} == {0}
    nested = [Highlight(n, 4000 - n, annotation(f"n{n}")) for n in range(2000)]
    levels = [r.level for r in layers_of(nested, 4000).underlines]
    assert levels[:3] == [0, 1, 2] and set(levels[3:]) == {MAX_UNDERLINES}


def test_underlines_follow_the_view_when_it_scrolls_a_few_pixels(window, qtbot):
    window.resize(1024, 700)
    browser = window.article_pane.browser
    highlight(qtbot, browser, "slant rhyme", Qt.Key.Key_3)  # Rhyme & sound inside the demo's Question
    unselect(browser, window.article_pane)
    browser.scroll_to(browser.document().find("slant rhyme").selectionStart())
    assert_layered(browser, "slant", QUESTION, RHYME)
    bar = browser.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.value() + 3 if bar.value() + 3 <= bar.maximum() else bar.value() - 3)
    assert_layered(browser, "slant", QUESTION, RHYME)  # not where it was drawn 3 pixels ago
    window.resize(1280, 800)  # the text wraps anew
    assert_layered(browser, "slant", QUESTION, RHYME)


def test_underlines_far_down_a_long_song_are_drawn_where_the_text_is(window, qtbot, shots):
    lines = [f"the tide line {n} rolls over the harbour wall" for n in range(300)]
    window.session.song_edits.update(window.current_song.song_id, lyrics="\n".join(lines))
    window.resize(1024, 700)
    pane = window.lyrics_pane
    pane.setFocus(Qt.FocusReason.MouseFocusReason)
    cursor = QTextCursor(pane.document())
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_2)  # the whole song as Imagery
    for n in (5, 250):
        highlight(qtbot, pane, f"line {n} rolls", Qt.Key.Key_3)  # a Rhyme place on a line inside it
    unselect(pane, pane)
    cursor = QTextCursor(pane.document().find("line 250 rolls"))
    cursor.clearSelection()
    pane.setTextCursor(cursor)
    pane.centerCursor()
    assert_layered(pane, "line 250 rolls", IMAGERY, RHYME)
    shots(window, "17-F4-long-song-underline-1024x700")
    pane.verticalScrollBar().setValue(0)
    assert_layered(pane, "line 5 rolls", IMAGERY, RHYME)
    window.resize(1280, 800)
    assert_layered(pane, "line 5 rolls", IMAGERY, RHYME)
    shots(window, "17-F4-long-song-underline-1280x800")
