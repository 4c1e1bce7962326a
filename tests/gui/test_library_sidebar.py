"""The library sidebar on a real library: new, edit, rename, delete, trash, sort and filter, checked in the database."""

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from lyricpad.app.session import Session
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library
from lyricpad.gui.library_sidebar import LibrarySidebar
from lyricpad.gui.song_dialog import SongDialog, SongTrashDialog


@pytest.fixture
def library_file(tmp_path):
    """The demo song and three more, added a day apart in this order: demo, paper, Éclair, Zebra."""
    path = tmp_path / "l.sqlite"
    with Library.open(path) as library:
        songs = [
            library.songs.resolve(DEMO_TITLE),
            library.songs.add("paper Boats", artist="Wren Alder", album="Harbour Songs"),
            library.songs.add("Éclair", artist="Zoë Marchand", album="Nocturnes", year=2019),
            library.songs.add("Zebra Crossing"),
        ]
        for day, song in enumerate(songs, start=1):
            stamp = f"2024-01-{day:02d}T12:00:00.000+00:00"
            library.snapshots.restore_song(dataclasses.replace(song, created=stamp, updated=stamp))
    return path


@pytest.fixture
def session(library_file):
    session = Session(Library.open(library_file))
    yield session
    session.close()


@pytest.fixture
def sidebar(qtbot, session):
    sidebar = LibrarySidebar(session)
    qtbot.addWidget(sidebar)
    sidebar.song_requested.connect(session.select_song)  # as the window does
    session.select_song(session.resolve_song(DEMO_TITLE).id)
    sidebar.resize(260, 420)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    return sidebar


def listed(sidebar):
    """The titles listed, top to bottom."""
    return [
        sidebar.proxy.index(r, 0).data(Qt.ItemDataRole.EditRole) for r in range(sidebar.visible_song_count())
    ]


def select(sidebar, title):
    """Click the song *title* in the list, as a user would."""
    view = sidebar.list_view
    index = sidebar.proxy.index(listed(sidebar).index(title), 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert selected_title(sidebar) == title


def focus(qtbot, widget):
    """Give *widget* the keyboard focus in an active window, so that shortcuts and keys reach it."""
    widget.window().activateWindow()
    qtbot.waitActive(widget.window())
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def selected_title(sidebar):
    index = sidebar.list_view.currentIndex()
    return index.data(Qt.ItemDataRole.EditRole) if index.isValid() else None


def stored(session, title):
    """The song named *title* as the library file holds it now."""
    return session.resolve_song(title)


def editor_of(view) -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and view.isAncestorOf(editor)
    return editor


ALL = ["Éclair", DEMO_TITLE, "paper Boats", "Zebra Crossing"]


# ---------------------------------------------------------------- new song


def test_new_song_is_saved_selected_and_undone(qtbot, sidebar, session, monkeypatch):
    def fill_in(song):
        assert song is None
        dialog = SongDialog(song, sidebar)
        dialog.title_edit.setText("  Night   Ferry ")
        dialog.artist_edit.setText("Wren Alder")
        dialog.album_edit.setText("Harbour Songs")
        qtbot.keyClicks(dialog.year_edit, "2021")
        dialog.language_edit.setText("English")
        dialog.accept()
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.values()

    monkeypatch.setattr(sidebar, "ask_song_details", fill_in)
    sidebar.new_song_action.trigger()

    song = stored(session, "Night Ferry")
    assert (song.artist, song.album, song.year, song.language) == (
        "Wren Alder",
        "Harbour Songs",
        2021,
        "English",
    )
    assert "Night Ferry" in listed(sidebar)
    assert selected_title(sidebar) == "Night Ferry"
    assert session.current_song_id == song.id

    session.undo_stack.undo()
    assert "Night Ferry" not in listed(sidebar)
    assert sorted(s.title for s in session.songs()) == sorted(ALL)
    session.undo_stack.redo()
    assert "Night Ferry" in listed(sidebar)


def test_new_song_clears_a_filter_that_would_hide_it(sidebar, session, monkeypatch):
    sidebar.filter_edit.setText("zebra")
    monkeypatch.setattr(sidebar, "ask_song_details", lambda song: {"title": "Night Ferry"})
    sidebar.new_song_action.trigger()
    assert sidebar.filter_edit.text() == ""
    assert selected_title(sidebar) == "Night Ferry"


def test_cancelled_new_song_adds_nothing(sidebar, session, monkeypatch):
    monkeypatch.setattr(sidebar, "ask_song_details", lambda song: None)
    sidebar.new_song_action.trigger()
    assert len(session.songs()) == 4
    assert session.undo_stack.count() == 0


def test_song_dialog_refuses_an_empty_title_and_a_bad_year(qtbot):
    dialog = SongDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text() == "A song needs a title."
    dialog.title_edit.setText("Night Ferry")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.year_edit, "0x12345")  # only 1–9999 can be typed
    assert dialog.year_edit.text() == "1234"
    dialog.year_edit.clear()
    assert dialog.values()["year"] is None
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


# ------------------------------------------------------------ edit details


def test_edit_details_saves_only_the_changed_fields(qtbot, sidebar, session, monkeypatch):
    select(sidebar, "Éclair")
    seen = []

    def edit(song):
        dialog = SongDialog(song, sidebar)
        seen.append(
            (
                dialog.title_edit.text(),
                dialog.artist_edit.text(),
                dialog.album_edit.text(),
                dialog.year_edit.text(),
            )
        )
        dialog.album_edit.setText("Nocturnes, Vol. 2")
        dialog.year_edit.setText("2020")
        dialog.accept()
        assert dialog.changed_values() == {"album": "Nocturnes, Vol. 2", "year": 2020}
        return dialog.values()

    monkeypatch.setattr(sidebar, "ask_song_details", edit)
    sidebar.edit_details_action.trigger()

    assert seen == [("Éclair", "Zoë Marchand", "Nocturnes", "2019")]
    song = stored(session, "Éclair")
    assert (song.album, song.year) == ("Nocturnes, Vol. 2", 2020)
    assert session.undo_stack.undoText() == "Edit Song Details"
    assert selected_title(sidebar) == "Éclair"
    session.undo_stack.undo()
    assert stored(session, "Éclair").year == 2019


def test_edit_details_with_nothing_changed_adds_no_undo_step(sidebar, session, monkeypatch):
    select(sidebar, "Éclair")
    monkeypatch.setattr(sidebar, "ask_song_details", lambda song: SongDialog(song).values())
    sidebar.edit_details_action.trigger()
    assert session.undo_stack.count() == 0


# ------------------------------------------------------------------ rename


def test_rename_in_place_saves_the_title(qtbot, sidebar, session):
    select(sidebar, "paper Boats")
    paper_id = session.resolve_song("paper Boats").id
    focus(qtbot, sidebar.list_view)
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_F2)
    editor = editor_of(sidebar.list_view)
    assert editor.text() == "paper Boats"  # the title alone, not "Title — Artist"
    assert editor.selectedText() == "paper Boats"
    qtbot.keyClicks(editor, "Paper Boats at Dawn")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits from the event loop
    qtbot.waitUntil(lambda: session.song(paper_id).title == "Paper Boats at Dawn")

    assert session.undo_stack.undoText() == "Rename Song"
    assert selected_title(sidebar) == "Paper Boats at Dawn"
    assert sidebar.list_view.currentIndex().data() == "Paper Boats at Dawn — Wren Alder"
    session.undo_stack.undo()
    assert listed(sidebar) == ALL


def test_an_empty_rename_is_refused_with_a_message(qtbot, sidebar, session, dialogs):
    select(sidebar, "paper Boats")
    sidebar.rename_action.trigger()
    editor = editor_of(sidebar.list_view)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, "   ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialogs))
    assert dialogs == [("warning", "A song needs a title. The song keeps its old one.")]
    assert stored(session, "paper Boats").title == "paper Boats"
    assert session.undo_stack.count() == 0
    assert listed(sidebar) == ALL


def test_escape_cancels_a_rename(qtbot, sidebar, session):
    select(sidebar, "paper Boats")
    sidebar.rename_action.trigger()
    editor = editor_of(sidebar.list_view)
    qtbot.keyClicks(editor, "Something else")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    QApplication.processEvents()  # where an Enter would have committed
    assert not editor.isVisible()
    assert session.undo_stack.count() == 0
    assert listed(sidebar) == ALL


# ------------------------------------------------------------------ delete


def test_delete_key_trashes_the_song_opens_the_next_and_undo_brings_it_back(qtbot, sidebar, session):
    select(sidebar, DEMO_TITLE)
    demo_id = session.current_song_id
    focus(qtbot, sidebar.list_view)
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Delete)

    assert [s.id for s in session.trashed_songs()] == [demo_id]
    assert listed(sidebar) == ["Éclair", "paper Boats", "Zebra Crossing"]
    assert selected_title(sidebar) == "paper Boats"  # the next one took its place
    assert session.current_song_id == session.resolve_song("paper Boats").id
    assert session.undo_stack.undoText() == "Delete Song"

    session.undo_stack.undo()
    assert session.trashed_songs() == []
    assert listed(sidebar) == ALL
    assert not session.song(demo_id).deleted


def test_deleting_the_last_song_listed_opens_the_one_above(sidebar, session):
    select(sidebar, "Zebra Crossing")
    sidebar.delete_action.trigger()
    assert selected_title(sidebar) == "paper Boats"


def test_deleting_every_song_leaves_nothing_open(qtbot, sidebar, session):
    requested = []
    sidebar.song_requested.connect(requested.append)
    for _ in ALL:
        sidebar.delete_action.trigger()
    assert listed(sidebar) == []
    assert requested[-1] == ""
    assert session.current_song_id == ""
    assert not sidebar.delete_action.isEnabled()
    assert sidebar.list_view.placeholder_text() == "No songs yet.\nNew Song… (Ctrl+N) adds one."


def test_trash_dialog_restores_a_song(qtbot, sidebar, session):
    select(sidebar, "Éclair")
    eclair_id = session.current_song_id
    sidebar.delete_action.trigger()
    sidebar.show_trash_action.trigger()
    dialog = sidebar.trash_dialog
    assert isinstance(dialog, SongTrashDialog) and dialog.isVisible()
    assert dialog.song_ids() == [eclair_id]
    assert dialog.selected_song_ids() == [eclair_id]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert not session.song(eclair_id).deleted
    assert session.undo_stack.undoText() == "Restore Song"
    assert listed(sidebar) == ALL
    assert selected_title(sidebar) == "Éclair"
    assert dialog.song_ids() == []
    assert dialog.empty_label.isVisible()
    assert not dialog.restore_button.isEnabled()
    session.undo_stack.undo()  # the dialog follows the undo too
    assert dialog.song_ids() == [eclair_id]


# ------------------------------------------------------------------ import


def in_file(library_file):
    """(song titles, {title: [(article title, body)]}) as a new connection to the library file reads them."""
    with Library.open(library_file) as library:
        songs = library.songs.all()
        return sorted(s.title for s in songs), {
            s.title: [(a.title, a.body) for a in library.articles.for_song(s.id)] for s in songs
        }


def import_file(qtbot, monkeypatch, sidebar, path, kind=None):
    """Trigger Import… choosing *path*, answering *kind* if asked and accepting the review; the paths asked about."""
    asked = []
    importer = sidebar.importer

    def ask_kind(asked_path):
        asked.append(asked_path)
        return kind

    def review(imported, review_path):
        dialog = importer.review_dialog(imported, review_path)
        dialog.accept()
        return dialog.choice()

    monkeypatch.setattr(sidebar, "ask_import_paths", lambda: [str(path)])
    monkeypatch.setattr(importer, "ask_import_kind", ask_kind)
    monkeypatch.setattr(importer, "ask_review", review)
    with qtbot.waitSignal(importer.import_finished, timeout=10000):
        sidebar.import_action.trigger()
    return asked


def test_import_text_as_lyrics_makes_a_selected_song_and_undo_removes_it(
    qtbot, sidebar, session, library_file, tmp_path, monkeypatch, dialogs
):
    path = tmp_path / "Wren Alder - Night Ferry.txt"
    path.write_bytes(b"[Verse 1]\r\nThe ferry leaves at nine\r\n\r\n(caf\xe9 lights)\r\n")

    assert import_file(qtbot, monkeypatch, sidebar, path, "lyrics") == [str(path)]

    song = stored(session, "Night Ferry")
    assert (song.artist, song.lyrics, song.source_file) == (
        "Wren Alder",
        "[Verse 1]\nThe ferry leaves at nine\n\n(café lights)",  # the final newline ends the last line
        "Wren Alder - Night Ferry.txt",
    )
    assert "Night Ferry" in in_file(library_file)[0]
    assert session.current_song_id == song.id
    assert selected_title(sidebar) == "Night Ferry"
    assert dialogs == []

    session.undo_stack.undo()
    assert in_file(library_file)[0] == sorted(ALL)
    assert "Night Ferry" not in listed(sidebar)


def test_import_lrc_makes_a_timed_song(qtbot, sidebar, session, library_file, monkeypatch):
    path = Path(__file__).parent.parent / "data" / "import" / "enhanced.lrc"
    assert import_file(qtbot, monkeypatch, sidebar, path) == []  # LRC is lyrics: nothing to ask
    song = session.song(session.current_song_id)
    assert song.lyrics_format == "lrc" and song.line_times and song.word_times
    assert selected_title(sidebar) == song.title


def test_import_markdown_as_an_article_of_the_open_song(
    qtbot, sidebar, session, library_file, tmp_path, monkeypatch
):
    before = in_file(library_file)
    path = tmp_path / "liner notes.md"
    path.write_text("# About the *song*\n\nWritten on a ferry.\n", encoding="utf-8")

    assert import_file(qtbot, monkeypatch, sidebar, path) == []  # Markdown is an article: nothing to ask

    articles = in_file(library_file)[1][DEMO_TITLE]
    assert articles == [*before[1][DEMO_TITLE], ("About the *song*", "Written on a ferry.\n")]
    assert session.current_song_id == session.resolve_song(DEMO_TITLE).id
    session.undo_stack.undo()
    assert in_file(library_file) == before


def test_import_text_as_an_article_takes_the_file_name_when_it_opens_with_a_sentence(
    qtbot, sidebar, library_file, tmp_path, monkeypatch
):
    path = tmp_path / "Interview.txt"
    path.write_bytes(b"\xef\xbb\xbfQ: Why ferries? A: Because the lanterns float.\nA: For the light.\n")

    import_file(qtbot, monkeypatch, sidebar, path, "article")

    assert in_file(library_file)[1][DEMO_TITLE][-1] == (
        "Interview",
        # Each line of a plain text stays a paragraph (Markdown would join them into one).
        "Q: Why ferries? A: Because the lanterns float.\n\nA: For the light.\n",
    )


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("blank.txt", b"  \n\n", "only blank space"),
        ("scan.pdf", b"%PDF-1.4", "cannot be imported"),
    ],
)
def test_a_refused_file_warns_and_changes_nothing(
    qtbot, sidebar, session, library_file, tmp_path, monkeypatch, dialogs, name, data, problem
):
    before = in_file(library_file)
    path = tmp_path / name
    path.write_bytes(data)

    assert import_file(qtbot, monkeypatch, sidebar, path, "lyrics") == []  # refused before asking anything

    assert len(dialogs) == 1
    kind, text = dialogs[0]
    assert kind == "warning" and f"“{name}”" in text and problem in text
    assert in_file(library_file) == before
    assert session.undo_stack.count() == 0


def test_an_article_needs_an_open_song(qtbot, sidebar, session, library_file, tmp_path, monkeypatch, dialogs):
    session.select_song("")
    before = in_file(library_file)
    path = tmp_path / "notes.md"
    path.write_text("Some notes.\n", encoding="utf-8")

    import_file(qtbot, monkeypatch, sidebar, path)

    assert dialogs == [("warning", "“notes.md” would be an article of the open song, but no song is open.")]
    assert in_file(library_file) == before


def test_cancelling_the_file_dialog_changes_nothing(sidebar, session, library_file, monkeypatch, dialogs):
    before = in_file(library_file)
    monkeypatch.setattr(sidebar, "ask_import_paths", lambda: [])
    sidebar.import_action.trigger()
    assert not sidebar.importer.is_busy()
    assert in_file(library_file) == before
    assert dialogs == []


def test_cancelling_the_kind_question_changes_nothing(
    qtbot, sidebar, session, library_file, tmp_path, monkeypatch, dialogs
):
    path = tmp_path / "song.txt"
    path.write_text("La la la\n", encoding="utf-8")
    before = in_file(library_file)
    assert import_file(qtbot, monkeypatch, sidebar, path, None) == [str(path)]
    assert in_file(library_file) == before
    assert dialogs == []
    assert session.undo_stack.count() == 0


@pytest.mark.parametrize("button, kind", [("Lyrics", "lyrics"), ("article", "article"), ("Cancel", None)])
def test_import_kind_question(qtbot, sidebar, button, kind):
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        chosen = [b for b in box.buttons() if button in b.text().replace("&", "")]
        if len(chosen) == 1:
            chosen[0].click()
        else:
            box.close()  # never leave the test waiting on the box; the kind then comes back None

    QTimer.singleShot(0, answer)
    assert sidebar.importer.ask_import_kind("/somewhere/song.txt") == kind
    assert seen == ["What does “song.txt” hold?"]


# ------------------------------------------------------------- sort, filter


def test_sort_orders(qtbot, sidebar, session):
    assert sidebar.sort_order() == "title"
    assert listed(sidebar) == ALL  # case and accents ignored: Éclair first, paper before Zebra
    with qtbot.waitSignal(sidebar.sort_order_changed) as changed:
        sidebar.sort_actions["artist"].trigger()
    assert changed.args == ["artist"]
    assert sidebar.sort_order() == "artist"
    assert listed(sidebar) == [DEMO_TITLE, "paper Boats", "Éclair", "Zebra Crossing"]
    sidebar.set_sort_order("created")
    assert sidebar.sort_actions["created"].isChecked()
    assert listed(sidebar) == ["Zebra Crossing", "Éclair", "paper Boats", DEMO_TITLE]
    sidebar.set_sort_order("updated")
    session.song_edits.update(session.resolve_song("paper Boats").id, album="Harbour Songs II")
    assert listed(sidebar)[0] == "paper Boats"
    assert selected_title(sidebar) == DEMO_TITLE  # the open song stays selected as rows move
    sidebar.set_sort_order("no-such-order")  # a setting from elsewhere: back to the default
    assert sidebar.sort_order() == "title"


def test_filter_ignores_accents_and_case_and_escape_clears_it(qtbot, sidebar, session):
    qtbot.keyClicks(sidebar.filter_edit, "ECLAIR")
    assert listed(sidebar) == ["Éclair"]
    sidebar.filter_edit.clear()
    qtbot.keyClicks(sidebar.filter_edit, "zoe")  # the artist, Zoë
    assert listed(sidebar) == ["Éclair"]
    sidebar.filter_edit.setText("harbour")  # the album
    assert listed(sidebar) == ["paper Boats"]
    assert session.current_song_id == session.resolve_song(DEMO_TITLE).id  # filtering opens nothing
    qtbot.keyClick(sidebar.filter_edit, Qt.Key.Key_Escape)
    assert sidebar.filter_edit.text() == ""
    assert listed(sidebar) == ALL
    assert selected_title(sidebar) == DEMO_TITLE


def test_a_filter_matching_nothing_says_so(qtbot, sidebar):
    qtbot.keyClicks(sidebar.filter_edit, "ferry")
    assert listed(sidebar) == []
    assert sidebar.list_view.placeholder_text() == "No songs match “ferry”"
    assert sidebar.list_view.accessibleDescription() == "No songs match “ferry”"
    sidebar.filter_edit.clear()
    assert sidebar.list_view.placeholder_text() == ""


def test_enter_opens_the_first_match_and_down_moves_into_the_list(qtbot, sidebar, session):
    focus(qtbot, sidebar.filter_edit)
    qtbot.keyClicks(sidebar.filter_edit, "z")  # the start of a word: Zoë Marchand's Éclair, Zebra Crossing
    qtbot.keyClick(sidebar.filter_edit, Qt.Key.Key_Return)
    assert session.current_song_id == session.resolve_song("Éclair").id
    qtbot.keyClick(sidebar.filter_edit, Qt.Key.Key_Down)
    assert sidebar.list_view.hasFocus()
    assert selected_title(sidebar) == "Éclair"
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Down)
    assert session.current_song_id == session.resolve_song("Zebra Crossing").id


# ------------------------------------------------------------ redraw in place


def test_one_changed_song_updates_its_row_in_place(qtbot, sidebar, session):
    resets = []
    for model in (sidebar.model, sidebar.proxy):
        model.modelReset.connect(lambda: resets.append(True))
    changed = []
    sidebar.model.dataChanged.connect(lambda top_left, *_: changed.append(top_left.data()))
    scroll = sidebar.list_view.verticalScrollBar().value()

    paper = session.resolve_song("paper Boats")
    session.song_edits.update(paper.id, artist="The Tide")
    session.song_edits.update(paper.id, lyrics="Fold the paper")  # song_changed alone
    assert resets == []
    assert changed == ["paper Boats — The Tide", "paper Boats — The Tide"]
    assert selected_title(sidebar) == DEMO_TITLE
    assert sidebar.list_view.verticalScrollBar().value() == scroll
    assert sidebar.proxy.index(2, 0).data() == "paper Boats — The Tide"


# ----------------------------------------------------------- keys and names


def test_every_action_has_a_shortcut_and_an_accessible_name(sidebar):
    expected = {
        sidebar.new_song_action: ("Ctrl+N", "New song"),
        sidebar.import_action: ("Ctrl+O", "Import file"),
        sidebar.edit_details_action: ("Ctrl+I", "Edit song details"),
        sidebar.rename_action: ("F2", "Rename song"),
        sidebar.delete_action: ("Del", "Delete song"),
        sidebar.show_trash_action: ("Ctrl+Shift+T", "Show trash"),
    }
    for action, (keys, name) in expected.items():
        assert action.shortcut().toString() == keys
        assert sidebar.toolbar.widgetForAction(action).accessibleName() == name
        assert (
            action.toolTip()
            == f"{name} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        )
    # Delete and F2 mean something else in text fields: they act only in the list.
    assert sidebar.delete_action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut
    assert sidebar.delete_action in sidebar.list_view.actions()
    for widget in (sidebar.filter_edit, sidebar.list_view, sidebar.sort_button, sidebar.toolbar):
        assert widget.accessibleName()


def test_context_menu_offers_the_song_actions(sidebar):
    menu = sidebar.context_menu()
    assert [a.text() for a in menu.actions()] == [
        "&New Song…",
        "&Import…",
        "",
        "Edit &Details…",
        "&Rename",
        "&Delete Song",
        "",
        "&Sort Songs By",
        "Show &Trash…",
    ]
    assert menu.actions()[3] is sidebar.edit_details_action


def test_song_actions_are_disabled_without_a_selected_song(sidebar):
    assert all(action.isEnabled() for action in sidebar.song_actions)
    sidebar.filter_edit.setText("zebra")  # hides the open song
    assert sidebar.selected_song_id() == ""
    assert not any(action.isEnabled() for action in sidebar.song_actions)
    assert sidebar.new_song_action.isEnabled()
    assert sidebar.import_action.isEnabled()


def test_render_the_sidebar(sidebar, tmp_path):
    image = sidebar.grab()
    assert not image.isNull()
    assert image.save(str(tmp_path / "sidebar.png"))
