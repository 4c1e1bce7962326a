"""Link edits through the session: one undo step each, undone and redone exactly; the current song's links."""

import pytest
from library_testing import digests

from lyricpad.app.current_song import CurrentSong
from lyricpad.app.session import Session
from lyricpad.core.markdown import rendered_text
from lyricpad.core.store import Library

# Written for these tests.
LYRICS = """Chalk marks on the playground wall
We drew the moon and watched it fall
Chalk marks on the playground wall
Rain came down and took them all"""

BODY = """The song starts in a schoolyard.

"We drew the moon and watched it fall" is the line people quote.

A teacher remembered "the rain came every Friday that year".

Near the end the rain takes everything away."""


@pytest.fixture
def path(tmp_path):
    return tmp_path / "library.sqlite"


@pytest.fixture
def session(path):
    session = Session(Library.open(path, seed_demo=False))
    yield session
    session.close()


@pytest.fixture
def song_id(session):
    song_id = session.song_edits.add("Chalk Marks", artist="Ada Finch", lyrics=LYRICS)
    session.select_song(song_id)
    return song_id


@pytest.fixture
def article_id(session, song_id):
    article_id = session.article_edits.add(song_id, "Notes", BODY)
    session.undo_stack.clear()  # tests start from an empty history
    return article_id


@pytest.fixture
def facts(session):
    seen = []
    session.links_changed.connect(lambda song_id: seen.append(("links_changed", song_id)))
    session.write_failed.connect(lambda message: seen.append(("write_failed", message)))
    return seen


def span(words: str) -> tuple[int, int]:
    start = rendered_text(BODY).index(words)
    return start, start + len(words)


def texts(session) -> list[str]:
    stack = session.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def links(session, song_id):
    return session.library.links.for_song(song_id, include_orphaned=True)


def test_a_link_is_one_undo_step_undone_and_redone_exactly(session, song_id, article_id, facts):
    before = links(session, song_id)
    assert [link.quote for link in before] == ["We drew the moon and watched it fall"]
    link_id = session.link_edits.link(article_id, *span("the rain takes everything away"), 4, 4)
    assert link_id
    after = links(session, song_id)
    assert [(link.quote, link.origin, link.lines) for link in after] == [
        ("We drew the moon and watched it fall", "detected", (2,)),
        ("the rain takes everything away", "user", (4,)),
    ]
    assert texts(session) == ["Link Quotation"]
    assert facts == [("links_changed", song_id)]
    session.undo_stack.undo()
    assert links(session, song_id) == before
    session.undo_stack.redo()
    assert links(session, song_id) == after
    assert facts == [("links_changed", song_id)] * 3


def test_an_unlink_is_one_undo_step_and_the_detected_link_comes_back(session, song_id, article_id, facts):
    (detected,) = before = links(session, song_id)
    assert session.link_edits.unlink(detected.id)
    assert links(session, song_id) == []
    assert texts(session) == ["Unlink Quotation"]
    session.undo_stack.undo()
    assert links(session, song_id) == before  # the same id, span and lines
    session.undo_stack.redo()
    assert links(session, song_id) == []
    session.article_edits.update(article_id, body="A preface.\n\n" + BODY)
    assert links(session, song_id) == []  # still unlinked after the detection ran again


def test_undoing_edits_of_the_texts_puts_user_links_back_exactly(session, song_id, article_id):
    session.link_edits.link(article_id, *span("the rain takes everything away"), 4, 4)
    linked = links(session, song_id)
    session.song_edits.update(song_id, lyrics="A new first line\n" + LYRICS)
    session.article_edits.update(article_id, body="A preface.\n\n" + BODY)
    moved = links(session, song_id)
    assert [link.lines for link in moved] == [(3,), (5,)]
    assert [link.id for link in moved] == [link.id for link in linked]
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert links(session, song_id) == linked
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert links(session, song_id) == moved
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [link.origin for link in links(session, song_id)] == ["detected"]


def test_a_user_link_orphaned_by_an_edit_comes_back_on_undo(session, song_id, article_id):
    link_id = session.link_edits.link(article_id, *span("the rain takes everything away"), 4, 4)
    linked = links(session, song_id)
    session.song_edits.update(song_id, lyrics=LYRICS.replace("\nRain came down and took them all", ""))
    (orphan,) = [link for link in links(session, song_id) if link.id == link_id]
    assert orphan.status == "orphaned"
    session.undo_stack.undo()
    assert links(session, song_id) == linked


def test_a_trashed_article_keeps_its_links_for_when_it_comes_back(session, song_id, article_id):
    session.link_edits.link(article_id, *span("the rain takes everything away"), 4, 4)
    linked = links(session, song_id)
    session.article_edits.delete(article_id)
    assert links(session, song_id) == []
    session.undo_stack.undo()
    assert links(session, song_id) == linked


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0, 10**6, 1, 1), "is not a stretch of the article's text"),
        ((3, 3, 1, 1), "span 3-3 is not a stretch"),
        ((0, 4, 9, 9), "line 9 does not exist: the lyrics have lines 1-4"),
    ],
)
def test_a_refused_link_says_why_and_changes_nothing(
    session, path, song_id, article_id, facts, args, message
):
    links(session, song_id)
    before = digests([path, f"{path}-wal"])
    assert session.link_edits.link(article_id, *args) is None
    assert [fact[0] for fact in facts] == ["write_failed"] and message in facts[0][1]
    assert texts(session) == []
    assert digests([path, f"{path}-wal"]) == before


def test_unlinking_an_unknown_link_says_why(session, song_id, article_id, facts):
    assert not session.link_edits.unlink("ffffffff-0000-0000-0000-000000000000")
    assert facts == [("write_failed", facts[0][1])] and "no quotation link" in facts[0][1]
    assert texts(session) == []


# ---------------------------------------------------------------- current song


@pytest.fixture
def current(session, song_id, article_id):
    return CurrentSong(session)


def test_the_current_song_reads_its_links_and_finds_them_by_line_and_offset(current, article_id):
    (link,) = current.links()
    assert current.links_for_line(2) == [link]
    assert current.links_for_line(1) == current.links_for_line(3) == []
    assert current.links_at(article_id, link.start) == [link]
    assert current.links_at(article_id, link.end - 1) == [link]
    assert current.links_at(article_id, link.end) == []
    assert current.links_at("another article", link.start) == []


def test_the_current_song_says_when_its_links_change(session, current, song_id, article_id):
    said = []
    current.links_changed.connect(said.append)
    link_id = session.link_edits.link(article_id, *span("the rain takes everything away"), 4, 4)
    assert said == [song_id]
    assert [link.id for link in current.links_for_line(4)] == [link_id]
    session.article_edits.update(article_id, body="A preface.\n\n" + BODY)
    assert said == [song_id] * 2
    assert [link.id for link in current.links_for_line(4)] == [link_id]
    session.song_edits.update(song_id, lyrics="Intro\n" + LYRICS)
    assert said == [song_id] * 3
    assert [link.id for link in current.links_for_line(5)] == [link_id]
    session.undo_stack.undo()
    assert said == [song_id] * 4
    assert [link.id for link in current.links_for_line(4)] == [link_id]


def test_the_links_of_another_song_are_not_announced(session, current, article_id):
    said = []
    current.links_changed.connect(said.append)
    other = session.song_edits.add("Another", lyrics="One line only\nand another")
    other_article = session.article_edits.add(other, "About it", "It goes 'one line only', they say.")
    session.link_edits.link(other_article, 0, 2, 1, 1)
    assert said == []
    session.select_song(other)
    assert [link.song_id for link in current.links()] == [other] * len(current.links())


# ------------------------------------------------------ undo puts decisions back


def test_undo_of_a_lyrics_edit_puts_a_hand_link_back_on_all_its_lines(session, song_id, article_id):
    link_id = session.link_edits.link(article_id, *span("the rain takes everything away"), 3, 4)
    linked = links(session, song_id)
    session.select_song("")  # the song is not shown: nobody reads its links between the steps
    session.song_edits.update(song_id, lyrics=LYRICS.replace("\nRain came down and took them all", ""))
    session.undo_stack.undo()
    session.undo_stack.redo()
    session.undo_stack.undo()
    assert links(session, song_id) == linked
    assert [link.places for link in linked if link.id == link_id] == [((3, 4),)]


def test_undo_of_an_article_edit_puts_a_hand_link_back_on_all_its_words(session, song_id, article_id):
    session.link_edits.link(article_id, *span("the rain takes everything away"), 4, 4)
    linked = links(session, song_id)
    session.article_edits.update(article_id, body=BODY.replace("the rain takes", "it takes"))
    edited = links(session, song_id)
    assert [link.quote for link in edited if link.origin == "user"] == ["it takes everything away"]
    session.undo_stack.undo()
    assert links(session, song_id) == linked
    session.undo_stack.redo()
    assert links(session, song_id) == edited


def test_undo_of_a_link_leaves_an_unlink_made_elsewhere_meanwhile(session, path, song_id, article_id):
    session.link_edits.link(article_id, *span("the rain takes everything away"), 4, 4)
    with Library.open(path) as other:  # `lyricpad unlink` in a terminal, while the window is open
        (detected,) = [link for link in other.links.for_song(song_id) if link.origin == "detected"]
        other.links.unlink(detected.id)
    session.undo_stack.undo()
    assert links(session, song_id) == []  # the window's link undone, the terminal's unlink kept
    session.undo_stack.redo()
    assert [link.origin for link in links(session, song_id)] == ["user"]
