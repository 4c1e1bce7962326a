"""File > Export: the preview follows the options, Copy, Save to a file or a folder off the GUI thread, clear errors."""

import json
import threading

import pytest
import yaml
from markdown_it import MarkdownIt
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

import lyricpad.app.exporting as exporting
import lyricpad.core.export.files as export_files
from lyricpad.app.session import Session
from lyricpad.core.export import dumps_json, export_json, export_markdown, export_w3c
from lyricpad.core.export.markdown import INDEX_NAME, existing_song_files
from lyricpad.core.store import Library
from lyricpad.gui.export_dialog import ExportDialog

PARSER = MarkdownIt("commonmark")
GATE_SECONDS = 20


@pytest.fixture
def session(demo_path):
    session = Session(Library.open(demo_path))
    session.select_song(session.songs()[0].id)
    yield session
    session.close()


@pytest.fixture
def library(session):
    return session._library


@pytest.fixture
def dialog(qtbot, session):
    dialog = ExportDialog(session, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()  # before the session closes: nothing reads the library after
    dialog._exporter.wait()


def activated(qtbot, dialog):
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def wait_preview(qtbot, dialog, expected: str) -> None:
    """The preview (rebuilt after its short delay) shows *expected*."""
    # QTextDocument.toPlainText() gives non-breaking spaces (the full lyrics' chord lines) as spaces.
    shown = expected.replace("\u00a0", " ")
    qtbot.waitUntil(lambda: dialog.preview.toPlainText() == shown, timeout=3000)
    assert dialog.preview_text() == expected


def add_songs(session, count: int) -> list[str]:
    ids = []
    for n in range(1, count + 1):
        song_id = session.song_edits.add(
            f"Song {n}", artist="Tester", lyrics=f"line one of {n}\nline two of {n}\n"
        )
        assert song_id
        ids.append(song_id)
    return ids


def split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 3)
    return yaml.safe_load(text[4:end]), text[end + 5 :]


def wait_done(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_exporting(), timeout=10_000)


# ------------------------------------------------------------------ preview


def test_preview_is_the_markdown_export_and_follows_the_options(qtbot, dialog, session, library):
    song_id = session.current_song_id
    assert dialog.this_song_radio.isChecked()
    wait_preview(qtbot, dialog, export_markdown(library, song_id))
    meta, body = split_front_matter(dialog.preview_text())
    assert meta["title"] == session.song(song_id).title
    tokens = PARSER.parse(body)
    assert [t.tag for t in tokens if t.type == "heading_open"][:2] == ["h1", "h2"]
    assert any(t.type == "blockquote_open" for t in tokens)

    blog = dialog.preview_text()
    dialog.full_lyrics_check.setChecked(True)
    wait_preview(qtbot, dialog, export_markdown(library, song_id, full_lyrics=True))
    assert dialog.preview_text() != blog

    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("lens"))
    wait_preview(qtbot, dialog, export_markdown(library, song_id, full_lyrics=True, group_by="lens"))

    dialog.footnotes_check.setChecked(True)
    wait_preview(
        qtbot, dialog, export_markdown(library, song_id, full_lyrics=True, group_by="lens", footnotes=True)
    )
    assert any(line.startswith("[^") for line in dialog.preview_text().splitlines())

    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("obsidian"))
    wait_preview(
        qtbot,
        dialog,
        export_markdown(library, song_id, profile="obsidian", full_lyrics=True, group_by="lens"),
    )
    assert not dialog.footnotes_check.isEnabled()  # footnotes are for the blog profile
    assert "[!quote]" in dialog.preview_text()
    split_front_matter(dialog.preview_text())


def test_annotation_ids_are_a_blog_option_off_by_default(qtbot, dialog, session, library):
    song_id = session.current_song_id
    wait_preview(qtbot, dialog, export_markdown(library, song_id))
    assert not dialog.ids_check.isChecked() and dialog.ids_check.isEnabled()
    assert "<!--" not in dialog.preview_text()
    dialog.ids_check.setChecked(True)
    wait_preview(qtbot, dialog, export_markdown(library, song_id, ids=True))
    comments = [t for t in PARSER.parse(dialog.preview_text()) if t.type == "html_block"]
    assert len(comments) == len(session.annotations(song_id))
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("obsidian"))
    wait_preview(qtbot, dialog, export_markdown(library, song_id, profile="obsidian"))
    assert not dialog.ids_check.isEnabled()  # an Obsidian note always has its block ids
    again = ExportDialog(session, None)
    qtbot.addWidget(again)
    assert again.ids_check.isChecked() and again.options().ids  # remembered


def test_preview_follows_changes_to_the_library(qtbot, dialog, session, library):
    song_id = session.current_song_id
    wait_preview(qtbot, dialog, export_markdown(library, song_id))
    annotation = session.annotations(song_id)[0]
    session.annotation_edits.edit_note(annotation.id, "A brand-new reading of this line.")
    qtbot.waitUntil(lambda: "A brand-new reading of this line." in dialog.preview.toPlainText(), timeout=3000)
    assert dialog.preview_text() == export_markdown(library, song_id)


def test_json_preview_is_the_whole_library_highlighted_as_json(qtbot, dialog, session, library):
    add_songs(session, 1)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    qtbot.waitUntil(lambda: dialog.preview.toPlainText().startswith("{"), timeout=3000)
    data = json.loads(dialog.preview_text())
    expected = export_json(library)
    data.pop("exported"), expected.pop("exported")
    assert data == expected
    assert len(data["songs"]) == 2
    assert dialog.all_songs_radio.isChecked() and not dialog.this_song_radio.isEnabled()
    assert not dialog.profile_combo.isEnabled() and not dialog.footnotes_check.isEnabled()
    assert type(dialog.preview.highlighter.lexer).__name__ == "JsonLexer"

    # Back to Markdown: the song chosen before JSON forced "All songs" is chosen again.
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("markdown"))
    assert dialog.this_song_radio.isChecked() and dialog.this_song_radio.isEnabled()
    wait_preview(qtbot, dialog, export_markdown(library, session.current_song_id))
    assert type(dialog.preview.highlighter.lexer).__name__ == "MarkdownSourceLexer"


def test_w3c_preview_of_this_song_and_of_every_song(qtbot, dialog, session, library):
    add_songs(session, 1)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("w3c"))
    wait_preview(qtbot, dialog, dumps_json(export_w3c(library, [session.current_song_id])))
    dialog.all_songs_radio.setChecked(True)
    wait_preview(qtbot, dialog, dumps_json(export_w3c(library, None)))


def test_a_big_library_previews_the_current_song_only_and_says_so(
    qtbot, dialog, session, library, monkeypatch
):
    monkeypatch.setattr(exporting, "PREVIEW_SONGS", 1)
    add_songs(session, 2)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    qtbot.waitUntil(lambda: dialog.preview.toPlainText().startswith("{"), timeout=3000)
    data = json.loads(dialog.preview_text())
    assert [s["id"] for s in data["songs"]] == [session.current_song_id]
    assert "preview shows only" in dialog.note_label.text()


# ------------------------------------------------------------------ copy


def test_copy_puts_the_preview_on_the_clipboard(qtbot, dialog, session, library):
    activated(qtbot, dialog)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("something else")
    wait_preview(qtbot, dialog, export_markdown(library, session.current_song_id))
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == dialog.preview_text()
    assert "Copied" in dialog.status_label.text()

    clipboard.setText("something else")
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("obsidian"))
    wait_preview(qtbot, dialog, export_markdown(library, session.current_song_id, profile="obsidian"))
    dialog.format_combo.setFocus()
    qtbot.keyClick(dialog.format_combo, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == export_markdown(library, session.current_song_id, profile="obsidian")

    # In the preview, Ctrl+C copies the selection if there is one, else all of it.
    clipboard.setText("something else")
    dialog.preview.setFocus()
    qtbot.keyClick(dialog.preview, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == dialog.preview_text()
    cursor = dialog.preview.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(9, QTextCursor.MoveMode.KeepAnchor)
    dialog.preview.setTextCursor(cursor)
    qtbot.keyClick(dialog.preview, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == dialog.preview_text()[4:9] == "title"


# ------------------------------------------------------------------ saving


def test_save_writes_the_file_atomically_over_an_older_one(qtbot, dialog, session, library, tmp_path):
    target = tmp_path / "out" / "notes.md"
    target.parent.mkdir()
    target.write_text("an older export\n", encoding="utf-8")
    asked = []

    def ask_save_path(suggested, file_filter):
        asked.append((suggested.name, file_filter))
        return target

    dialog.ask_save_path = ask_save_path
    wait_preview(qtbot, dialog, export_markdown(library, session.current_song_id))
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("Lanterns on the Water - The Hollow Pines.md", "Markdown (*.md);;All files (*)")]
    assert target.read_text(encoding="utf-8") == export_markdown(library, session.current_song_id)
    assert sorted(p.name for p in target.parent.iterdir()) == ["notes.md"]  # no temporary file left
    assert str(target) in exported.args[0]
    assert str(target) in dialog.status_label.text()
    assert not dialog.progress_row.isVisible()


def test_save_json_writes_the_whole_library(qtbot, dialog, session, library, tmp_path):
    add_songs(session, 2)
    target = tmp_path / "backup.json"
    dialog.ask_save_path = lambda suggested, file_filter: target
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    dialog.refresh_preview()
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.save()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert {s["id"] for s in data["songs"]} == {s.id for s in library.songs.all(include_deleted=True)}


class Gate:
    """Holds the worker after its first song until the test lets it go; records the progress reported."""

    def __init__(self, monkeypatch):
        self.reports: list[tuple[int, int]] = []
        self.release = threading.Event()
        self.threads: set[str] = set()
        real = exporting.export_library_markdown

        def gated(*args, progress=None, **kwargs):
            def report(done, total):
                self.threads.add(threading.current_thread().name)
                self.reports.append((done, total))
                progress(done, total)
                if done == 1:
                    assert self.release.wait(GATE_SECONDS)

            return real(*args, progress=report, **kwargs)

        monkeypatch.setattr(exporting, "export_library_markdown", gated)


def test_every_song_to_a_folder_one_file_each_plus_an_index_off_the_gui_thread(
    qtbot, dialog, session, library, tmp_path, monkeypatch
):
    add_songs(session, 3)
    folder = tmp_path / "vault"
    dialog.ask_folder = lambda start: folder
    dialog.ask_save_path = lambda *args: pytest.fail("a folder export asks for a folder")
    dialog.all_songs_radio.setChecked(True)
    wait_preview(qtbot, dialog, export_markdown(library, session.current_song_id))
    assert dialog.save_button.text() == "&Save to Folder…"
    gate = Gate(monkeypatch)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # The worker holds after the first song: the GUI thread still runs, shows the progress, runs timers.
    qtbot.waitUntil(lambda: dialog.progress_bar.value() == 1, timeout=10_000)
    assert dialog.is_exporting() and dialog.progress_bar.maximum() == 4
    assert dialog.progress_row.isVisibleTo(dialog) and not dialog.options_panel.isEnabled()
    assert "1 of 4" in dialog.progress_label.text()
    ticked = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: ticked == [True])
    gate.release.set()
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        pass
    wait_done(qtbot, dialog)

    assert gate.reports == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert threading.main_thread().name not in gate.threads
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 5 and INDEX_NAME in files
    assert set(existing_song_files(folder)) == {s.id for s in library.songs.all()}
    current = existing_song_files(folder)[session.current_song_id]
    assert current.read_text(encoding="utf-8") == dialog.preview_text()
    index = (folder / INDEX_NAME).read_text(encoding="utf-8")
    linked = [
        child.attrGet("href")
        for token in PARSER.parse(split_front_matter(index)[1])
        for child in (token.children or [])
        if child.type == "link_open"
    ]
    assert len(linked) == 4
    assert "Wrote 5 files" in dialog.status_label.text() and "index.md" in dialog.status_label.text()
    assert not dialog.progress_row.isVisibleTo(dialog) and dialog.options_panel.isEnabled()


def test_cancel_stops_between_songs_and_writes_no_index(
    qtbot, dialog, session, library, tmp_path, monkeypatch
):
    add_songs(session, 3)
    folder = tmp_path / "vault"
    dialog.ask_folder = lambda start: folder
    dialog.all_songs_radio.setChecked(True)
    dialog.refresh_preview()
    gate = Gate(monkeypatch)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.progress_bar.value() == 1, timeout=10_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.release.set()
    wait_done(qtbot, dialog)
    # The song being written when Cancel was pressed is finished; nothing after it.
    assert gate.reports == [(1, 4), (2, 4)]
    assert len(list(folder.iterdir())) == 2 and not (folder / INDEX_NAME).exists()
    assert set(existing_song_files(folder)) < {s.id for s in library.songs.all()}
    assert "cancelled after 2 of 4 songs" in dialog.status_label.text()


def test_saving_under_a_file_shows_one_message(qtbot, dialog, session, dialogs, tmp_path):
    blocker = tmp_path / "a-file.txt"
    blocker.write_text("not a folder\n", encoding="utf-8")
    dialog.ask_save_path = lambda suggested, file_filter: blocker / "notes.md"
    dialog.refresh_preview()
    dialog.save()
    wait_done(qtbot, dialog)
    qtbot.waitUntil(lambda: dialogs != [])
    assert len(dialogs) == 1
    kind, text = dialogs[0]
    assert kind == "critical" and "Cannot write" in text and str(blocker) in text
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"
    assert dialog.status_label.text() == "" and dialog.save_button.isEnabled()


def test_a_failed_write_leaves_the_older_file_intact(qtbot, dialog, session, dialogs, tmp_path, monkeypatch):
    target = tmp_path / "notes.md"
    target.write_text("an older export\n", encoding="utf-8")
    dialog.ask_save_path = lambda suggested, file_filter: target

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_files.os, "fsync", disk_full)
    dialog.refresh_preview()
    dialog.save()
    wait_done(qtbot, dialog)
    qtbot.waitUntil(lambda: dialogs != [])
    assert len(dialogs) == 1
    assert "No space left on device" in dialogs[0][1] and "old file is unchanged" in dialogs[0][1]
    assert target.read_text(encoding="utf-8") == "an older export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".notes.md")] == []


# ------------------------------------------------------------------ keys and settings


def test_enter_does_not_close_escape_does(qtbot, dialog):
    activated(qtbot, dialog)
    close_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    for widget in (dialog.preview, dialog.this_song_radio, dialog.full_lyrics_check, close_button):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClick(widget, Qt.Key.Key_Enter)
        assert dialog.isVisible()
    assert not dialog.is_exporting()
    QGuiApplication.clipboard().setText("")
    dialog.copy_button.setFocus()
    qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Space)  # a focused button is pressed with Space
    assert QGuiApplication.clipboard().text() == dialog.preview_text() != ""
    qtbot.keyClick(dialog.preview, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_options_are_remembered(qtbot, session):
    first = ExportDialog(session, None)
    qtbot.addWidget(first)
    first.show()
    first.profile_combo.setCurrentIndex(first.profile_combo.findData("obsidian"))
    first.group_combo.setCurrentIndex(first.group_combo.findData("lens"))
    first.full_lyrics_check.setChecked(True)
    first.all_songs_radio.setChecked(True)
    first.reject()
    second = ExportDialog(session, None)
    qtbot.addWidget(second)
    options = second.options()
    assert (options.profile, options.group_by, options.full_lyrics, options.scope) == (
        "obsidian",
        "lens",
        True,
        "all",
    )


def test_an_in_memory_library_exports_too(qtbot, tmp_path):
    session = Session(Library.open(None))
    try:
        dialog = ExportDialog(session, None, song_id=session.songs()[0].id)
        qtbot.addWidget(dialog)
        folder = tmp_path / "out"
        dialog.ask_folder = lambda start: folder
        dialog.all_songs_radio.setChecked(True)
        dialog.refresh_preview()
        with qtbot.waitSignal(dialog.exported, timeout=10_000):
            dialog.save()
        assert {p.name for p in folder.iterdir()} == {
            INDEX_NAME,
            "Lanterns on the Water - The Hollow Pines.md",
        }
        dialog.close()
    finally:
        session.close()
