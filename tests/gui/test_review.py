"""Annotations whose text was edited, in the real window: drawn at their proposed place, accepted,
placed at a selection or deleted from the panel, every step undoable; and chorus highlights."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from lyricpad.app.annotation_model import REVIEW_GROUP
from lyricpad.app.positions import Utf16Map
from lyricpad.core.anchoring import find_occurrences
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.markdown import rendered_text
from lyricpad.core.store import Library
from lyricpad.gui.main_window import MainWindow

HARBOUR = "The harbour lights are folding up their wings,"
STARS = "I learned the names of stars you gave away"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def stored(path):
    """Every annotation of the demo song in the library file (the trash too), read by a separate connection."""
    with Library.open(path) as library:
        (song,) = [s for s in library.songs.all() if s.title == DEMO_TITLE]
        return {a.id: a for a in library.annotations.for_song(song.id, include_deleted=True)}


def by_quote(path, quote):
    (found,) = [a for a in stored(path).values() if a.quote == quote]
    return found


@pytest.fixture
def edited_path(demo_path):
    """The demo library after an edit of the lyrics: an intro line added above everything, "harbour"
    spelt "harbor" (its annotation needs review) and the line about stars gone (orphaned)."""
    with Library.open(demo_path) as library:
        (song,) = library.songs.all()
        lyrics = song.lyrics.replace("The harbour", "The harbor").replace(STARS + "\n", "")
        library.songs.update(song.id, lyrics="[Intro]\nhum\n\n" + lyrics)
    assert by_quote(demo_path, HARBOUR).status == "needs_review"
    assert by_quote(demo_path, STARS).status == "orphaned"
    return demo_path


@pytest.fixture
def edited(open_window, edited_path):
    return open_window(edited_path)


def click_row(qtbot, window, annotation_id):
    panel = window.annotations_panel
    index = panel.index_of(annotation_id)
    assert index.isValid()
    panel.view.scrollTo(index)
    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center()
    )
    assert panel.current_annotation_id() == annotation_id


def select_text(pane, text):
    cursor = pane.document().find(text)
    assert not cursor.isNull(), text
    pane.setTextCursor(cursor)


# ---------------------------------------------------------------------- accept


def test_accept_by_the_button_then_ctrl_z_gives_back_the_exact_review_state(edited, edited_path, qtbot):
    before = by_quote(edited_path, HARBOUR)
    panel = edited.annotations_panel
    click_row(qtbot, edited, before.id)
    assert panel.model.group_key_of(before.id) == REVIEW_GROUP
    assert panel.review_bar.isVisible() and panel.accept_button.isEnabled()
    assert "line 5" in panel.review_label.text()  # where it is proposed, not its old line 2

    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    accepted = stored(edited_path)[before.id]
    proposal = before.proposal
    assert accepted.status == "anchored"
    assert (accepted.first.start, accepted.first.end) == (proposal.start, proposal.end)
    assert accepted.quote == "The harbor lights are folding up their wings,"
    assert panel.model.group_key_of(before.id) == "lyrics" and not panel.review_bar.isVisible()
    assert any(h.annotation.id == before.id for h in edited.lyrics_pane.highlights)

    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    undone = stored(edited_path)[before.id]
    assert undone.status == "needs_review"
    assert undone.fragments == before.fragments  # quote, context, last place and proposal, all as before
    assert panel.model.group_key_of(before.id) == REVIEW_GROUP
    assert panel.review_bar.isVisible() and panel.accept_action.isEnabled()


def test_accept_with_the_shortcut_from_the_lyrics_and_from_the_context_menu(edited, edited_path, qtbot):
    review = by_quote(edited_path, HARBOUR)
    panel = edited.annotations_panel
    click_row(qtbot, edited, review.id)
    menu = panel.build_context_menu()
    assert panel.accept_action in menu.actions() and panel.place_action in menu.actions()
    edited.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(edited.lyrics_pane, Qt.Key.Key_Y, CTRL_SHIFT)
    assert stored(edited_path)[review.id].status == "anchored"
    assert "anchored at its proposed place" in edited.statusBar().currentMessage()


def test_an_orphaned_annotation_offers_no_accept_and_says_its_text_is_gone(
    edited, edited_path, qtbot, dialogs
):
    orphan = by_quote(edited_path, STARS)
    panel = edited.annotations_panel
    click_row(qtbot, edited, orphan.id)
    assert "gone from the lyrics" in edited.statusBar().currentMessage()
    assert panel.review_bar.isVisible() and "Orphaned" in panel.review_label.text()
    assert not panel.accept_action.isEnabled() and not panel.accept_button.isEnabled()
    assert panel.accept_button.toolTip().startswith("Nothing to accept")
    assert panel.place_button.isEnabled()
    before = stored(edited_path)
    qtbot.keyClick(panel.view, Qt.Key.Key_Y, CTRL_SHIFT)
    assert stored(edited_path) == before and dialogs == []
    assert edited.note_editor.place_label.text() == "Lyrics · was line 18"  # not drawn as if it were there


# ------------------------------------------------------------ place, delete


def test_place_at_selection_anchors_it_on_the_words_chosen_and_undo_orphans_it_again(
    edited, edited_path, qtbot
):
    orphan = by_quote(edited_path, STARS)
    panel = edited.annotations_panel
    click_row(qtbot, edited, orphan.id)
    pane = edited.lyrics_pane
    pane.setFocus(Qt.FocusReason.MouseFocusReason)
    pane.moveCursor(QTextCursor.MoveOperation.Start)  # nothing selected: said, nothing changed
    qtbot.mouseClick(panel.place_button, Qt.MouseButton.LeftButton)
    assert "Select the words this highlight belongs to in the lyrics" in edited.statusBar().currentMessage()
    assert stored(edited_path)[orphan.id].status == "orphaned"

    select_text(pane, "hung them like a coat upon a pin.")
    qtbot.mouseClick(panel.place_button, Qt.MouseButton.LeftButton)
    placed = stored(edited_path)[orphan.id]
    assert (placed.status, placed.quote, placed.first.line_start) == (
        "anchored",
        "hung them like a coat upon a pin.",
        21,
    )
    assert placed.note == orphan.note
    assert panel.model.group_key_of(orphan.id) == "lyrics"
    edited.undo_action.trigger()
    again = stored(edited_path)[orphan.id]
    assert again.status == "orphaned" and again.fragments == orphan.fragments


def test_delete_from_the_review_bar_goes_to_the_trash_and_undo_brings_it_back(edited, edited_path, qtbot):
    review = by_quote(edited_path, HARBOUR)
    panel = edited.annotations_panel
    click_row(qtbot, edited, review.id)
    qtbot.mouseClick(panel.review_delete_button, Qt.MouseButton.LeftButton)
    assert stored(edited_path)[review.id].deleted
    assert panel.model.group_key_of(review.id) == "trash"
    edited.undo_action.trigger()
    back = stored(edited_path)[review.id]
    assert not back.deleted and back.status == "needs_review" and back.fragments == review.fragments


# -------------------------------------------------------------------- drawing


def ranges(selections):
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections]


def test_a_proposal_is_drawn_where_proposed_and_nothing_at_a_stale_place(edited, edited_path):
    review = by_quote(edited_path, HARBOUR)
    orphan = by_quote(edited_path, STARS)
    pane = edited.lyrics_pane
    to_qt = Utf16Map(edited.session.song(review.song_id).lyrics).to_utf16
    proposed = (to_qt(review.proposal.start), to_qt(review.proposal.end))
    stale = (to_qt(review.first.start), to_qt(review.first.end))
    assert proposed != stale
    assert [(p.start, p.end) for p in pane.proposals if p.annotation.id == review.id] == [proposed]
    drawn = {h.annotation.id for h in pane.highlights}
    assert review.id not in drawn and orphan.id not in drawn
    selections = pane.extraSelections()
    assert stale not in ranges(selections)
    (wavy,) = [s for s in selections if (s.cursor.selectionStart(), s.cursor.selectionEnd()) == proposed]
    assert wavy.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert pane.annotations_at(proposed[0]) == [review.id]  # a click there picks it


def test_clicking_a_review_row_flashes_its_proposed_place(edited, edited_path, qtbot):
    review = by_quote(edited_path, HARBOUR)
    click_row(qtbot, edited, review.id)
    pane = edited.lyrics_pane
    assert pane.flashing_annotation() == review.id
    # The cursor goes to it, nothing selected: the hatched mark of the proposal stays in view.
    assert not pane.textCursor().hasSelection()
    assert pane.textCursor().block().text() == "The harbor lights are folding up their wings,"


def test_proposals_move_with_typing_in_edit_mode(edited, edited_path, qtbot):
    review = by_quote(edited_path, HARBOUR)
    pane = edited.lyrics_pane
    (before,) = [(p.start, p.end) for p in pane.proposals]
    edited.edit_lyrics_action.trigger()
    pane.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(pane, "la ")
    (after,) = [(p.start, p.end) for p in pane.proposals if p.annotation.id == review.id]
    assert after == (before[0] + 3, before[1] + 3)


def test_an_article_annotation_that_needs_review_is_drawn_at_its_proposal(open_window, demo_path):
    quote = "a slant rhyme that makes the listener lean into the next line"
    with Library.open(demo_path) as library:
        (song,) = library.songs.all()
        (article,) = library.articles.for_song(song.id)
        body = article.body.replace("a slant rhyme", "a half rhyme")
        library.articles.update(article.id, body="A first paragraph, added.\n\n" + body)
    review = by_quote(demo_path, quote)
    assert review.status == "needs_review"
    window = open_window(demo_path)
    browser = window.article_pane.browser
    assert review.id not in {h.annotation.id for h in browser.highlights}
    (proposal,) = [h for h in browser.proposals if h.annotation.id == review.id]
    cursor = QTextCursor(browser.document())
    cursor.setPosition(proposal.start)
    cursor.setPosition(proposal.end, QTextCursor.MoveMode.KeepAnchor)
    text = rendered_text(window.session.articles(review.song_id)[0].body)
    assert cursor.selectedText() == text[review.proposal.start : review.proposal.end]
    assert "rhyme that makes the listener lean into the next line" in cursor.selectedText()
    assert (proposal.start, proposal.end) in ranges(browser.extraSelections())


def test_one_changed_letter_typed_in_edit_mode_puts_the_annotation_in_review(window, demo_path, qtbot):
    harbour = by_quote(demo_path, HARBOUR)
    pane = window.lyrics_pane
    window.edit_lyrics_action.trigger()
    cursor = pane.document().find("harbour")
    cursor.setPosition(cursor.selectionEnd() - 1)  # after the "u"
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_Backspace)
    window.edit_lyrics_action.trigger()  # leaving Edit mode saves
    assert stored(demo_path)[harbour.id].status == "needs_review"
    panel = window.annotations_panel
    assert panel.model.group_key_of(harbour.id) == REVIEW_GROUP
    heading = panel.proxy.index(0, 0)
    assert heading.data() == "Needs review" and panel.index_of(harbour.id).parent() == heading
    assert [p.annotation.id for p in pane.proposals] == [harbour.id]


# -------------------------------------------------------------------- choruses


def answer(monkeypatch, menus_seen, choice):
    """Make the occurrence question answer *choice* ("this", "every" or None: Esc)."""

    def popup(window, menu, point):
        menus_seen.append([a.text() for a in menu.actions() if not a.isSeparator()])  # not the title row
        return next((a for a in menu.actions() if a.data() == choice), None)

    monkeypatch.setattr(MainWindow, "popup_menu", popup)


@pytest.mark.real_menus
def test_the_real_occurrence_menu_pops_up_and_enter_takes_this_occurrence(window, demo_path, qtbot):
    # The real QMenu.exec, not the test's stand-in: Enter is pressed on the menu once it shows.
    pressed = []

    def press_enter():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, press_enter)
            return
        pressed.append([a.text() for a in menu.actions() if not a.isSeparator()])  # not the title row
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    before = stored(demo_path)
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.select_lines(9, 9)
    QTimer.singleShot(20, press_enter)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_1)
    assert pressed == [["&This Occurrence", "&Every Occurrence (3)"]]
    assert [f.line_start for f in new_annotation(demo_path, before).fragments] == [9]


def new_annotation(path, before):
    (made,) = [a for a in stored(path).values() if a.id not in before]
    return made


@pytest.mark.parametrize(("choice", "places"), [("this", [9]), ("every", [9, 23, 36])])
def test_a_chorus_line_is_highlighted_once_or_everywhere_as_the_user_chooses(
    window, demo_path, qtbot, monkeypatch, choice, places
):
    asked = []
    answer(monkeypatch, asked, choice)
    before = stored(demo_path)
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.select_lines(9, 9)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_1)
    assert asked == [["&This Occurrence", "&Every Occurrence (3)"]]
    made = new_annotation(demo_path, before)
    assert [f.line_start for f in made.fragments] == places
    assert {f.quote for f in made.fragments} == {"let the current carry what we never said."}


def test_the_question_defaults_to_this_occurrence_and_esc_highlights_nothing(
    window, demo_path, qtbot, monkeypatch, menus
):
    before = stored(demo_path)
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.select_lines(10, 10)  # "(carry what we never said)": a whole line twice
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_H, CTRL)
    assert menus == [["&This Occurrence", "&Every Occurrence (2)"]]  # lines compared as lines
    assert len(new_annotation(demo_path, before).fragments) == 1
    asked = []
    answer(monkeypatch, asked, None)
    before = stored(demo_path)
    window.lyrics_pane.select_lines(10, 10)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_2)
    assert asked and stored(demo_path) == before


def test_text_that_occurs_once_is_highlighted_without_a_question(window, demo_path, qtbot, menus):
    before = stored(demo_path)
    window.lyrics_pane.setFocus(Qt.FocusReason.MouseFocusReason)
    window.lyrics_pane.select_lines(3, 3)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_1)
    assert menus == []
    assert len(new_annotation(demo_path, before).fragments) == 1


def test_every_occurrence_in_the_article(window, demo_path, qtbot, monkeypatch):
    asked = []
    answer(monkeypatch, asked, "every")
    before = stored(demo_path)
    browser = window.article_pane.browser
    browser.setTextCursor(browser.document().find("the lantern"))
    browser.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(browser, Qt.Key.Key_1)
    made = new_annotation(demo_path, before)
    text = rendered_text(window.session.articles(made.song_id)[0].body)
    count = len(find_occurrences(text, "the lantern"))
    assert count > 1 and asked == [["&This Occurrence", f"&Every Occurrence ({count})"]]
    assert made.target == "article" and len(made.fragments) == count
    assert {f.quote for f in made.fragments} == {"the lantern"}
