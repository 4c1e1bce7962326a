"""Panes and panels observing the current song follow it by themselves, with no window in between."""

import pytest

from lyricpad.app.annotation_model import REVIEW_GROUP, TRASH_GROUP, AnnotationRole
from lyricpad.app.current_song import CurrentSong
from lyricpad.app.session import Session
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library
from lyricpad.gui.annotations_panel import AnnotationsPanel
from lyricpad.gui.article_pane import ArticlePane
from lyricpad.gui.highlights import LIGHT_ALPHA, SELECTED_LIGHT_ALPHA
from lyricpad.gui.lyrics_pane import LyricsPane, document_text
from lyricpad.gui.note_editor import NoteEditor

BOATS_LYRICS = "Fold the paper\nset it sailing\ndown the gutter\n"


@pytest.fixture
def session(tmp_path):
    """A real session over a library on disk: the demo song (shown) and "Paper Boats"."""
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        library.songs.add("Paper Boats", artist="Wren Alder", lyrics=BOATS_LYRICS)
    session = Session.open(path)
    session.select_song(session.resolve_song(DEMO_TITLE).id)
    yield session
    session.close()


@pytest.fixture
def current(session):
    return CurrentSong(session)


@pytest.fixture
def observing(qtbot, current):
    """Make a widget of the given class, alone (no window), observing `current`."""

    def make(widget_class):
        widget = widget_class()
        qtbot.addWidget(widget)
        widget.observe(current)
        return widget

    return make


def boats_id(session) -> str:
    return session.resolve_song("Paper Boats").id


def highlight(session, song_id: str, line: int, **fields) -> str:
    lyrics = session.song(song_id).lyrics
    return session.annotation_edits.create(song_id, [anchor_for_lines(lyrics, line, line)], **fields)


def grouped(panel: AnnotationsPanel) -> dict[str, list[str]]:
    """The panel's rows: group key -> annotation ids, as listed."""
    model = panel.model
    groups = {}
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        ids = [model.index(r, 0, group).data(AnnotationRole.ID) for r in range(model.rowCount(group))]
        groups[group.data(AnnotationRole.GROUP_KEY)] = ids
    return groups


def test_the_lyrics_pane_shows_the_song_and_follows_a_switch(session, current, observing):
    pane = observing(LyricsPane)
    demo = session.resolve_song(DEMO_TITLE)
    assert pane.song_id() == demo.id and document_text(pane.document()) == demo.lyrics
    assert {h.annotation.id for h in pane.highlights} == {a.id for a in current.lyrics_annotations()}

    session.select_song(boats_id(session))

    assert pane.song_id() == boats_id(session)
    assert document_text(pane.document()) == BOATS_LYRICS
    assert pane.highlights == []


def test_the_lyrics_pane_follows_annotations_lyrics_and_the_current_one(session, current, observing):
    pane = observing(LyricsPane)
    session.select_song(boats_id(session))
    lens = session.lenses()[0]

    new_id = highlight(session, boats_id(session), 2, lens_id=lens.id)
    assert [h.annotation.id for h in pane.highlights] == [new_id]

    current.set_current(new_id)
    assert [s.format.background().color().alpha() for s in pane.extraSelections()] == [SELECTED_LIGHT_ALPHA]
    current.set_current("")
    assert [s.format.background().color().alpha() for s in pane.extraSelections()] == [LIGHT_ALPHA]

    # A change of the lyrics not typed in the pane (here an edit, then its undo) is shown.
    session.song_edits.update(boats_id(session), lyrics="Fold the paper\n")
    assert document_text(pane.document()) == "Fold the paper\n"
    session.undo_stack.undo()
    assert document_text(pane.document()) == BOATS_LYRICS


def test_the_article_pane_follows_articles_annotations_and_the_current_one(session, current, observing):
    pane = observing(ArticlePane)
    demo_articles = current.articles()
    assert demo_articles and pane.current_article_id == demo_articles[0].id
    article_annotations = [a for a in current.annotations() if a.target == "article"]
    assert {h.annotation.id for h in pane.browser.highlights} == {a.id for a in article_annotations}

    current.set_current(article_annotations[0].id)
    assert pane.selected_annotation_id == article_annotations[0].id
    current.set_current("")
    assert pane.selected_annotation_id == ""
    session.annotation_edits.delete(article_annotations[0].id)
    assert article_annotations[0].id not in {h.annotation.id for h in pane.browser.highlights}

    session.article_edits.update(demo_articles[0].id, title="Renamed")
    assert pane.current_article.title == "Renamed"

    session.select_song(boats_id(session))
    assert pane.current_article_id == "" and pane.browser.highlights == []


def test_the_panel_lists_the_song_and_takes_its_review_group_from_the_current_song(
    session, current, observing
):
    panel = observing(AnnotationsPanel)
    assert panel.annotation_count() == len(current.annotations())

    session.select_song(boats_id(session))
    assert grouped(panel) == {}
    kept = highlight(session, boats_id(session), 1)
    moved = highlight(session, boats_id(session), 2)
    assert grouped(panel) == {"lyrics": [kept, moved]}

    # The highlighted words of line 2 change: the current song says it needs review, and so does the panel.
    session.song_edits.update(boats_id(session), lyrics="Fold the paper\nset it drifting\ndown the gutter\n")
    assert [a.id for a in current.needing_review()] == [moved]
    assert grouped(panel) == {REVIEW_GROUP: [moved], "lyrics": [kept]}

    session.undo_stack.undo()
    assert grouped(panel) == {"lyrics": [kept, moved]}


def test_the_panel_follows_the_articles(session, current, observing):
    panel = observing(AnnotationsPanel)
    article = current.articles()[0]

    session.article_edits.update(article.id, title="Renamed")

    model = panel.model
    labels = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "Article: Renamed" in labels


def test_the_panel_keeps_quiet_when_annotations_change_under_its_selection(session, current, observing):
    panel = observing(AnnotationsPanel)
    session.select_song(boats_id(session))
    first = highlight(session, boats_id(session), 1)
    second = highlight(session, boats_id(session), 2)
    panel.select_annotation(first)
    chosen = []
    panel.annotation_selected.connect(chosen.append)

    session.annotation_edits.delete(first)

    assert grouped(panel) == {"lyrics": [second], TRASH_GROUP: [first]}
    assert chosen == []  # the row that took its place is not the user choosing it


def test_the_note_editor_follows_the_current_annotation_and_its_changes(session, current, observing):
    editor = observing(NoteEditor)
    assert editor.current_annotation_id == ""
    session.select_song(boats_id(session))
    new_id = highlight(session, boats_id(session), 1, note="first thoughts")

    current.set_current(new_id)
    assert editor.current_annotation_id == new_id and editor.note_text() == "first thoughts"

    session.annotation_edits.edit_note(new_id, "second thoughts")
    session.annotation_edits.set_tags(new_id, ["origami"])
    assert editor.note_text() == "second thoughts"
    assert editor.tags_edit.text() == "#origami"
    assert "origami" in editor.tag_completer.model().stringList()

    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()  # the highlight itself: it goes, and so does the current annotation
    assert editor.current_annotation_id == ""


def test_the_note_editor_offers_the_librarys_tags_from_the_start(session, observing):
    editor = observing(NoteEditor)
    offered = editor.tag_completer.model().stringList()
    assert offered and sorted(offered) == sorted(session.tags())  # the demo song's tags, before any change
