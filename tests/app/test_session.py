"""The session and the models the widgets read: songs, annotations, settings, Qt text positions."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from lyricpad import APP_ID
from lyricpad.app.annotation_model import AnnotationModel, AnnotationRole, first_line, one_line
from lyricpad.app.positions import utf16_position
from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.app.song_list_model import SONG_ID_ROLE, SongListModel
from lyricpad.core.demo import DEMO_ARTICLE_TITLE, DEMO_TITLE
from lyricpad.core.errors import NotALibrary, SongNotFound
from lyricpad.core.store import Library


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        library.songs.add("Paper Boats", artist="Wren Alder", lyrics="Fold the paper")
    session = Session.open(path)
    yield session
    session.close()


def test_session_reads_the_library(session):
    titles = [s.title for s in session.songs()]
    assert titles == [DEMO_TITLE, "Paper Boats"]
    demo = session.resolve_song(DEMO_TITLE)
    assert session.song(demo.id) == demo
    assert [a.title for a in session.articles(demo.id)] == [DEMO_ARTICLE_TITLE]
    assert len(session.annotations(demo.id)) == 6
    assert "Theme" in [lens.name for lens in session.lenses()]
    assert session.library_path.name == "lib.sqlite"


def test_select_song_announces_a_change_once(session):
    seen = []
    session.current_song_changed.connect(seen.append)
    demo = session.resolve_song(DEMO_TITLE)
    session.select_song(demo.id)
    session.select_song(demo.id)
    assert seen == [demo.id]
    assert session.current_song_id == demo.id


def test_select_song_refuses_an_unknown_id(session):
    with pytest.raises(SongNotFound):
        session.select_song("no-such-id")
    assert session.current_song_id == ""


def test_opening_something_else_is_refused(tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    with pytest.raises(NotALibrary):
        Session.open(bogus)


def test_song_list_model(session):
    model = SongListModel(session)
    assert model.rowCount() == 2
    assert model.index(1, 0).data() == "Paper Boats — Wren Alder"
    paper = session.resolve_song("Paper Boats")
    assert model.index(model.row_of(paper.id), 0).data(SONG_ID_ROLE) == paper.id
    assert model.row_of("missing") == -1


def test_annotation_model_groups_by_text(session):
    demo = session.resolve_song(DEMO_TITLE)
    model = AnnotationModel()
    model.load(session.annotations(demo.id), session.articles(demo.id))
    groups = [model.index(r, 0) for r in range(model.rowCount())]
    assert [g.data() for g in groups] == ["Lyrics", f"Article: {DEMO_ARTICLE_TITLE}"]
    assert [model.rowCount(g) for g in groups] == [4, 2]
    assert all(g.data(AnnotationRole.IS_GROUP) for g in groups)
    refrain = next(
        model.index(r, 0, groups[0])
        for r in range(4)
        if model.index(r, 0, groups[0]).data(AnnotationRole.PLACES) == 3
    )
    assert refrain.data() == "So light a lantern, set it on the water,"
    assert model.annotation_count() == 6


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lamps as *birds*: the harbour **sleeps**", "Lamps as birds: the harbour sleeps"),
        ("\n\n  second line first  \nthird", "second line first"),
        ("2*3*4 stays", "2*3*4 stays"),
        ("", ""),
    ],
)
def test_first_line_of_a_note(text, expected):
    assert first_line(text) == expected


def test_one_line_quote():
    assert one_line("a slant rhyme\nlean into") == "a slant rhyme / lean into"


@pytest.mark.parametrize(
    "text, offset, expected",
    [("plain text", 5, 5), ("café au lait", 6, 6), ("🎸 guitar", 2, 3), ("a🎸b🎸c", 5, 7)],
)
def test_utf16_position(text, offset, expected):
    assert utf16_position(text, offset) == expected


def test_settings_live_under_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    settings = Settings()
    settings.set_last_song("abc")
    settings.sync()
    assert settings.file_name == str(tmp_path / "cfg" / APP_ID / "lyricpad.ini")
    assert Settings().last_song() == "abc"
    assert Settings().window_geometry().isEmpty()


def test_settings_of_an_older_lyricpad_are_carried_over_once(tmp_path, monkeypatch):
    """Settings written under the old organisation "lyricpad" are copied into the app-id file once."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    old = QSettings(str(tmp_path / "cfg" / "lyricpad" / "lyricpad.ini"), QSettings.Format.IniFormat)
    old.setValue("session/last_song", "from-0.1")
    old.setValue("view/font_delta", 2.5)
    old.sync()
    assert Settings().last_song() == "from-0.1"
    assert Settings().font_delta() == 2.5
    settings = Settings()
    settings.set_last_song("newer")
    settings.sync()
    old.setValue("session/last_song", "changed-by-old-version")
    old.sync()
    assert Settings().last_song() == "newer"  # copied once, never again


def test_app_layer_loads_no_widgets():
    code = (
        "import sys, lyricpad.app.session, lyricpad.app.commands, lyricpad.app.settings,"
        " lyricpad.app.song_list_model, lyricpad.app.annotation_model, lyricpad.app.positions\n"
        "print('PySide6.QtWidgets' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_songs_annotations_and_its_trash_are_read_at_once_as_apart(session):
    from lyricpad.core.anchoring import anchor_for_lines

    library = session.library
    song = session.songs()[-1]
    library.songs.update(song.id, lyrics="one\ntwo\nthree")
    lyrics = library.songs.get(song.id).lyrics
    made = [library.annotations.add(song.id, [anchor_for_lines(lyrics, n, n)]) for n in (3, 1, 2)]
    library.annotations.set_deleted(made[0].id)
    library.annotations.set_deleted(made[2].id)
    live, trashed = session.annotations_and_trash(song.id)
    assert live == session.annotations(song.id) == [made[1]]
    assert trashed == session.trashed_annotations(song.id)
    assert [a.id for a in trashed] == [made[2].id, made[0].id]  # in text order
