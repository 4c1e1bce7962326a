"""lyricpad://song/ID#annotation-ID links opened by the window: at start, through the running window,
and refused (a bad link, a song of another library) with one clear message and nothing changed."""

import pytest
from gui_testing import run_window_until_shown
from PySide6.QtWidgets import QApplication

from lyricpad.app.single_instance import HandOff, SingleInstance
from lyricpad.core.app_links import AppLink, app_link
from lyricpad.core.store import Library
from lyricpad.gui.launch import receive_other_starts
from lyricpad.gui.open_app_link import open_app_link
from lyricpad.main import main

OTHER_SONG = "0b6c3f4e-2d51-4c8e-9a57-6d1f2e8b9c40"  # no song of the demo library


def demo_annotations(path) -> tuple[str, str, str]:
    """(the demo song's id, a lyrics annotation far down the song, an article annotation)."""
    with Library.open(path) as library:
        song = library.songs.all()[0]
        annotations = [a for a in library.annotations.for_song(song.id) if a.status == "anchored"]
        lyrics = max((a for a in annotations if a.target == "lyrics"), key=lambda a: a.first.line_start)
        article = next(a for a in annotations if a.target == "article")
        return song.id, lyrics.id, article.id


@pytest.fixture
def on_other_song(open_window, demo_path):
    """The window open on a second song, so that opening the demo song's link is seen to change it."""
    with Library.open(demo_path) as library:
        library.songs.add("Paper Boats", artist="Wren Alder", lyrics="one\ntwo")
    return open_window(demo_path, "Paper Boats")


def title(window) -> str:
    return window.session.song(window.session.current_song_id).title


def assert_shown(window, song_id: str, annotation_id: str) -> None:
    assert window.session.current_song_id == song_id
    assert window.selected_annotation_id == annotation_id
    panel = window.annotations_panel
    assert panel.current_annotation_id() == annotation_id and panel.index_of(annotation_id).isValid()
    annotation = window.current_song.annotation(annotation_id)
    if annotation.target == "lyrics":
        pane = window.lyrics_pane
        assert pane.flashing_annotation() == annotation_id
        assert pane.viewport().rect().contains(pane.cursorRect().center())  # scrolled into view
    else:
        assert window.article_pane.current_article_id == annotation.article_id
        assert window.article_pane.is_flashing()


def test_a_link_opens_its_song_at_its_annotation(on_other_song, demo_path, dialogs):
    window = on_other_song
    song_id, lyrics_id, article_id = demo_annotations(demo_path)
    window.resize(700, 400)  # the annotation is below the fold: it must be scrolled to
    assert open_app_link(window, AppLink(song_id, lyrics_id))
    assert_shown(window, song_id, lyrics_id)
    assert open_app_link(window, AppLink(song_id, article_id))
    assert_shown(window, song_id, article_id)
    assert dialogs == []


def test_a_link_to_a_song_alone_opens_the_song(on_other_song, demo_path):
    window = on_other_song
    song_id, _, _ = demo_annotations(demo_path)
    assert open_app_link(window, AppLink(song_id))
    assert window.session.current_song_id == song_id and window.selected_annotation_id == ""


def test_a_song_of_another_library_is_named_in_one_message_and_nothing_changes(on_other_song, dialogs):
    window = on_other_song
    link = AppLink(OTHER_SONG, OTHER_SONG)
    assert not open_app_link(window, link)
    assert title(window) == "Paper Boats"
    assert len(dialogs) == 1 and dialogs[0][0] == "information"
    assert link.url in dialogs[0][1] and "not in the library" in dialogs[0][1]


def test_an_annotation_gone_from_its_song_opens_the_song_and_says_so(on_other_song, demo_path, dialogs):
    window = on_other_song
    song_id, lyrics_id, _ = demo_annotations(demo_path)
    window.session.annotation_edits.delete(lyrics_id)
    assert open_app_link(window, AppLink(song_id, lyrics_id))
    assert window.session.current_song_id == song_id
    assert "in the trash" in window.statusBar().currentMessage()
    assert open_app_link(window, AppLink(song_id, OTHER_SONG))
    assert "not in this song" in window.statusBar().currentMessage()
    assert dialogs == []


# ---------------------------------------------------------------- through the running window


@pytest.fixture
def listening(on_other_song, demo_path):
    instance = SingleInstance(demo_path)
    assert instance.start({"song": None, "files": []}) is HandOff.NO_WINDOW
    receive_other_starts(instance, on_other_song)
    yield on_other_song
    instance.close()


def send(demo_path, message) -> HandOff:
    second = SingleInstance(demo_path)
    try:
        return second.send(message)
    finally:
        second.close()


def test_a_second_start_with_a_link_opens_it_in_the_running_window(qtbot, listening, demo_path):
    window = listening
    song_id, lyrics_id, _ = demo_annotations(demo_path)
    message = {"song": None, "files": [], "link": app_link(song_id, lyrics_id)}
    assert send(demo_path, message) is HandOff.DELIVERED
    qtbot.waitUntil(lambda: window.selected_annotation_id == lyrics_id)
    assert_shown(window, song_id, lyrics_id)


def test_a_bad_link_reaching_the_running_window_changes_nothing(qtbot, listening, demo_path, dialogs):
    window = listening
    assert send(demo_path, {"song": None, "files": [], "link": "lyricpad://song/x"}) is HandOff.DELIVERED
    assert "Cannot open the link" in window.statusBar().currentMessage()
    assert title(window) == "Paper Boats" and dialogs == []


def test_a_real_second_start_hands_its_link_over(qtbot, listening, demo_path, capsys):
    window = listening
    song_id, _, article_id = demo_annotations(demo_path)
    # main() in this process stands for the second start: this process's window is the first.
    assert main(["--library", str(demo_path), app_link(song_id, article_id)]) == 0
    assert "already open" in capsys.readouterr().out
    qtbot.waitUntil(lambda: window.selected_annotation_id == article_id)
    assert_shown(window, song_id, article_id)


@pytest.mark.parametrize(
    "links",
    [
        ["lyricpad://song/Lanterns"],
        [f"lyricpad://song/{OTHER_SONG}%23annotation-{OTHER_SONG}"],
        [f"lyricpad://song/{OTHER_SONG}", f"lyricpad://song/{OTHER_SONG}"],
    ],
)
def test_a_bad_link_on_the_command_line_is_refused_before_anything_opens(
    listening, demo_path, dialogs, capsys, links
):
    window = listening
    assert main(["--library", str(demo_path), *links]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1
    assert [kind for kind, _ in dialogs] == ["critical"] and dialogs[0][1] in err
    QApplication.processEvents()  # a message handed over would have been read by now
    assert title(window) == "Paper Boats" and window.statusBar().currentMessage() == ""


# ---------------------------------------------------------------- a new window


def run_until_shown(qtbot, qapp, monkeypatch, argv: list[str], check) -> int:
    """Run `lyricpad ARGV` in this process, check(window) once it is up; its exit code."""
    code, _ = run_window_until_shown(qtbot, qapp, monkeypatch, argv, check)
    return code


def test_a_new_window_opens_at_the_link(qtbot, qapp, monkeypatch, demo_path, dialogs):
    with Library.open(demo_path) as library:
        library.songs.add("Paper Boats", artist="Wren Alder", lyrics="one\ntwo")
    song_id, lyrics_id, _ = demo_annotations(demo_path)

    def check(window):
        assert_shown(window, song_id, lyrics_id)
        return True

    link = f"lyricpad://song/{song_id.upper()}#annotation-{lyrics_id.upper()}"  # ids in either case
    argv = ["--library", str(demo_path), "--song", "Paper Boats", link]
    assert run_until_shown(qtbot, qapp, monkeypatch, argv, check) == 0
    assert dialogs == []


def test_a_new_window_given_another_librarys_link_opens_as_usual_and_says_so(
    qtbot, qapp, monkeypatch, demo_path, dialogs
):
    link = app_link(OTHER_SONG)
    titles = []
    argv = ["--library", str(demo_path), link]
    assert run_until_shown(qtbot, qapp, monkeypatch, argv, lambda w: titles.append(title(w))) == 0
    assert titles == ["Lanterns on the Water"]
    assert len(dialogs) == 1 and link in dialogs[0][1]
