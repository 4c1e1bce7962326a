"""File > Publish Article…: the article shown as a post, previewed as the options change, copied and saved exactly."""

import os
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialogButtonBox

from lyricpad.core.export.post import render_post
from lyricpad.gui.publish_dialog import PublishDialog, PublishOptions
from lyricpad.gui.publish_preview import RenderedPost

PARSER = MarkdownIt("commonmark").use(footnote_plugin)


@pytest.fixture
def dialog(qtbot, window):
    dialog = window.open_publish_dialog()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


def article_id(window) -> str:
    return window.article_pane.current_article_id


def wait_post(qtbot, dialog, expected: str) -> None:
    """The dialog (after its short delay) holds exactly *expected*, and its source view shows it."""
    qtbot.waitUntil(lambda: dialog.preview.source.toPlainText() == expected, timeout=3000)
    assert dialog.post_text() == expected


def markdown_body(text: str) -> str:
    assert text.startswith("---\n")
    return text[text.index("\n---\n", 3) + 5 :]


class Tags(HTMLParser):
    """The start tags of an HTML text, with their attributes."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def picture_bytes(picture: QImage) -> QByteArray:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert picture.save(buffer, "PNG")
    return data


def set_data(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


# ------------------------------------------------------------------ opening and the preview


def test_file_publish_previews_the_article_shown_with_its_notes_as_footnotes(qtbot, window, dialog):
    assert window.publish_action in window.menuBar().actions()[0].menu().actions()
    assert window.publish_action.shortcut().toString() == "Ctrl+Shift+B"
    assert window.open_publish_dialog() is dialog  # made once
    library = window.session.library
    expected = render_post(library, article_id(window))
    wait_post(qtbot, dialog, expected)
    assert dialog.preview.view() is dialog.preview.source  # Markdown is shown as its source

    tokens = PARSER.parse(markdown_body(expected))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Light against dark water" in headings and "The bridge" in headings
    assert sum(1 for t in tokens for c in (t.children or []) if c.type == "footnote_ref") == 2
    footnotes = [t for t in tokens if t.type == "footnote_open"]
    assert len(footnotes) == 2
    text = " ".join(t.content for t in tokens if t.type == "inline")
    assert "Compare the Outro, which keeps only the word" in text
    assert "Lanterns on the Water: a close reading" in dialog.article_label.text()
    assert dialog.copy_button.isEnabled() and dialog.save_button.isEnabled()


def test_changing_the_options_changes_the_preview(qtbot, window, dialog):
    library, aid = window.session.library, article_id(window)
    footnotes = render_post(library, aid)
    wait_post(qtbot, dialog, footnotes)

    set_data(dialog.notes_combo, "inline")
    inline = render_post(library, aid, notes="inline")
    assert inline != footnotes
    wait_post(qtbot, dialog, inline)
    assert not any(t.type == "footnote_open" for t in PARSER.parse(markdown_body(inline)))

    set_data(dialog.profile_combo, "obsidian")
    wait_post(qtbot, dialog, render_post(library, aid, profile="obsidian", notes="inline"))
    assert "[!note]" in dialog.post_text()

    set_data(dialog.profile_combo, "blog")
    set_data(dialog.notes_combo, "none")
    wait_post(qtbot, dialog, render_post(library, aid, notes="none"))
    assert "Compare the Outro" not in dialog.post_text()

    set_data(dialog.notes_combo, "footnotes")
    assert not dialog.page_check.isEnabled()  # a full page is for HTML
    set_data(dialog.format_combo, "html")
    html = render_post(library, aid, fmt="html")
    wait_post(qtbot, dialog, html)
    assert dialog.page_check.isEnabled() and dialog.source_check.isEnabled()
    # HTML is shown rendered, as a reader sees it: the words, not the tags.
    assert dialog.preview.view() is dialog.preview.rendered
    shown = dialog.preview.rendered.toPlainText()
    assert "Light against dark water" in shown and "<h2" not in shown
    assert "script" not in {tag for tag, _ in Tags(html).tags}

    dialog.source_check.setChecked(True)
    qtbot.waitUntil(lambda: dialog.preview.view() is dialog.preview.source, timeout=3000)
    assert dialog.preview.source.toPlainText() == html

    dialog.page_check.setChecked(True)
    page = render_post(library, aid, fmt="html", page=True)
    wait_post(qtbot, dialog, page)
    assert page.lower().startswith("<!doctype html")

    dialog.ids_check.setChecked(True)
    wait_post(qtbot, dialog, render_post(library, aid, fmt="html", page=True, ids=True))


def test_html_is_made_from_the_blog_post_and_the_obsidian_choice_comes_back(qtbot, window, dialog):
    library, aid = window.session.library, article_id(window)
    set_data(dialog.profile_combo, "obsidian")
    dialog.lens_check.setChecked(True)
    obsidian = render_post(library, aid, profile="obsidian", notes="footnotes", show_lens=True)
    wait_post(qtbot, dialog, obsidian)
    lens = dialog_notes(window)[0].lens.name
    assert f"]: *{lens}:*" in obsidian  # Obsidian footnotes (callouts come with inline notes)
    assert not dialog.ids_check.isEnabled()  # Obsidian keeps block ids, never comments

    set_data(dialog.format_combo, "html")
    wait_post(qtbot, dialog, render_post(library, aid, fmt="html", show_lens=True))
    assert dialog.profile_combo.currentData() == "blog" and not dialog.profile_combo.isEnabled()
    assert dialog.status_label.text() == ""
    set_data(dialog.format_combo, "markdown")
    wait_post(qtbot, dialog, obsidian)
    assert dialog.profile_combo.currentData() == "obsidian" and dialog.profile_combo.isEnabled()


def dialog_notes(window):
    return [
        a
        for a in window.session.annotations(window.session.current_song_id)
        if a.target == "article" and a.note
    ]


def test_the_dialog_follows_the_article_shown(qtbot, window, dialog):
    session = window.session
    wait_post(qtbot, dialog, render_post(session.library, article_id(window)))
    second = session.article_edits.add(session.current_song_id, "Second thoughts", "A short *second* look.\n")
    assert second
    window.article_pane.open_article(second)
    assert article_id(window) == second
    wait_post(qtbot, dialog, render_post(session.library, second))
    assert "A short *second* look." in dialog.post_text()
    assert "Second thoughts" in dialog.article_label.text()


def test_the_preview_follows_the_library(qtbot, window, dialog):
    session, aid = window.session, article_id(window)
    wait_post(qtbot, dialog, render_post(session.library, aid))
    body = session.library.articles.get(aid).body
    session.article_edits.update(aid, body=body + "\n\nA closing paragraph written later.\n")
    wait_post(qtbot, dialog, render_post(session.library, aid))
    assert "A closing paragraph written later." in dialog.post_text()


def test_a_song_without_an_article_says_so_and_offers_nothing(qtbot, window, dialog):
    session = window.session
    demo = session.current_song_id
    wait_post(qtbot, dialog, render_post(session.library, article_id(window)))
    song_id = session.song_edits.add("Paper Boats", artist="Nobody Real", lyrics="one line\n")
    session.select_song(song_id)
    qtbot.waitUntil(lambda: "has no article" in dialog.status_label.text(), timeout=3000)
    assert "Paper Boats" in dialog.status_label.text() and "New Article" in dialog.status_label.text()
    assert dialog.post_text() == "" and dialog.preview.source.toPlainText() == ""
    assert dialog.preview.source.placeholderText() == "No article to publish."
    for widget in (dialog.copy_button, dialog.save_button, dialog.options_panel):
        assert not widget.isEnabled()
    asked = []
    dialog.ask_save_path = lambda *args: asked.append(args)
    dialog.save()
    QGuiApplication.clipboard().setText("before")
    dialog.copy_post()
    assert asked == [] and QGuiApplication.clipboard().text() == "before"

    session.select_song(demo)
    wait_post(qtbot, dialog, render_post(session.library, article_id(window)))
    assert dialog.status_label.text() == "" and dialog.save_button.isEnabled()


# ------------------------------------------------------------------ copy


def test_copy_puts_the_exact_post_on_the_clipboard_html_also_as_html(qtbot, window, dialog):
    library, aid = window.session.library, article_id(window)
    markdown = render_post(library, aid)
    wait_post(qtbot, dialog, markdown)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == markdown and not data.hasHtml()
    assert "Copied" in dialog.status_label.text()

    set_data(dialog.format_combo, "html")
    html = render_post(library, aid, fmt="html")
    QGuiApplication.clipboard().clear()
    dialog.copy_post()  # at once: the post is rebuilt for the new format first, not the old one copied
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == html and data.hasHtml() and data.html() == html


def test_ctrl_c_copies_the_post_or_the_selection_in_the_preview(qtbot, window, dialog):
    markdown = render_post(window.session.library, article_id(window))
    wait_post(qtbot, dialog, markdown)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QGuiApplication.clipboard().setText("")
    dialog.profile_combo.setFocus()
    qtbot.keyClick(dialog.profile_combo, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == markdown

    source = dialog.preview.source
    source.setFocus()
    cursor = source.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor, 3)
    source.setTextCursor(cursor)
    qtbot.keyClick(source, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == markdown[:3]


# ------------------------------------------------------------------ saving


def test_save_writes_the_exact_bytes_atomically(qtbot, window, dialog, tmp_path):
    library, aid = window.session.library, article_id(window)
    target = tmp_path / "out" / "post.md"
    target.parent.mkdir()
    target.write_text("an older post\n", encoding="utf-8")
    asked = []

    def ask_save_path(suggested, file_filter):
        asked.append((suggested.name, file_filter))
        return target

    dialog.ask_save_path = ask_save_path
    expected = render_post(library, aid)
    wait_post(qtbot, dialog, expected)
    with qtbot.waitSignal(dialog.published, timeout=3000) as published:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("Lanterns on the Water a close reading.md", "Markdown (*.md);;All files (*)")]
    assert target.read_bytes() == expected.encode("utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["post.md"]  # no temporary file left
    assert str(target) in published.args[0] and str(target) in dialog.status_label.text()
    assert str(target) in window.statusBar().currentMessage()

    dialog.close()  # reopened, the dialog no longer says what the last visit saved
    assert window.open_publish_dialog() is dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.preview.source.toPlainText() == expected)
    assert dialog.status_label.text() == ""

    set_data(dialog.format_combo, "html")
    dialog.page_check.setChecked(True)
    page = target.with_suffix(".html")
    asked.clear()
    dialog.ask_save_path = lambda suggested, file_filter: asked.append(suggested.name) or page
    dialog.save()
    assert asked == ["Lanterns on the Water a close reading.html"]
    assert page.read_bytes() == render_post(library, aid, fmt="html", page=True).encode("utf-8")


def test_ctrl_s_saves_and_a_cancelled_file_dialog_writes_nothing(qtbot, window, dialog, tmp_path):
    wait_post(qtbot, dialog, render_post(window.session.library, article_id(window)))
    asked = []
    dialog.ask_save_path = lambda suggested, file_filter: asked.append(suggested) or None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.preview.source.setFocus()
    qtbot.keyClick(dialog.preview.source, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    assert dialog.status_label.text() == ""


def test_saving_onto_the_library_file_is_refused_with_one_message(qtbot, window, dialog, dialogs):
    session = window.session
    path = session.library_path
    before = os.stat(path)
    songs = [s.id for s in session.songs()]
    wait_post(qtbot, dialog, render_post(session.library, article_id(window)))
    dialog.ask_save_path = lambda suggested, file_filter: path
    dialog.save()
    assert len(dialogs) == 1
    kind, text = dialogs[0]
    assert kind == "critical" and str(path) in text and "cannot write over it" in text
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert [s.id for s in session.songs()] == songs
    assert "Saved" not in dialog.status_label.text() and dialog.save_button.isEnabled()


def test_saving_under_a_file_shows_one_message_and_writes_nothing(qtbot, window, dialog, dialogs, tmp_path):
    blocker = tmp_path / "a-file.txt"
    blocker.write_text("not a folder\n", encoding="utf-8")
    wait_post(qtbot, dialog, render_post(window.session.library, article_id(window)))
    dialog.ask_save_path = lambda suggested, file_filter: blocker / "post.md"
    dialog.save()
    assert len(dialogs) == 1 and dialogs[0][0] == "critical" and str(blocker) in dialogs[0][1]
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_a_hostile_title_gives_a_safe_file_name(qtbot, window, dialog, tmp_path):
    folder = tmp_path / "posts"
    session, aid = window.session, article_id(window)
    session.article_edits.update(aid, title='../<script>alert(1)</script>: # x | "q"')
    wait_post(qtbot, dialog, render_post(session.library, aid))
    name = dialog.suggested_name()
    assert name.endswith(".md") and "/" not in name and "<" not in name and ":" not in name
    dialog.ask_save_path = lambda suggested, file_filter: folder / suggested.name
    dialog.save()
    assert [p.name for p in folder.iterdir()] == [name]


# ------------------------------------------------------------------ the HTML view loads nothing


def test_the_rendered_view_loads_no_resource(qtbot, tmp_path):
    image = tmp_path / "pixel.png"
    picture = QImage(4, 4, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.red)
    assert picture.save(str(image))
    view = RenderedPost()
    qtbot.addWidget(view)
    view.show_html(f'<p>before <img src="{QUrl.fromLocalFile(str(image)).toString()}"> after</p>')
    view.show()
    qtbot.waitExposed(view)
    view.document().size()  # laid out: every image asked for
    url = QUrl.fromLocalFile(str(image))
    assert view.requested == [url.toString()]
    given = view.document().resource(QTextDocument.ResourceType.ImageResource.value, url)
    assert given.size().toTuple() == (1, 1)  # a blank pixel, not the picture read from the disk
    # Nor from a data: URL, which the document would decode itself.
    data_url = "data:image/png;base64," + bytes(picture_bytes(picture).toBase64()).decode()
    view.show_html(f'<p><img src="{data_url}"></p>')
    view.document().size()
    assert view.document().resource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(data_url)
    ).size().toTuple() == (1, 1)
    assert not view.openLinks() and not view.openExternalLinks()


# ------------------------------------------------------------------ keys and settings


def test_enter_does_not_close_escape_does(qtbot, window, dialog):
    wait_post(qtbot, dialog, render_post(window.session.library, article_id(window)))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    close_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    for widget in (dialog.preview.source, dialog.profile_combo, dialog.ids_check, close_button):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        assert dialog.isVisible()
    qtbot.keyClick(dialog.preview.source, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_options_are_remembered(qtbot, window):
    first = PublishDialog(window.session, None, article_id(window))
    qtbot.addWidget(first)
    set_data(first.profile_combo, "obsidian")
    set_data(first.notes_combo, "inline")
    set_data(first.format_combo, "html")
    first.page_check.setChecked(True)
    first.source_check.setChecked(True)
    first.reject()
    second = PublishDialog(window.session, None, article_id(window))
    qtbot.addWidget(second)
    assert second.options() == PublishOptions(
        profile="obsidian", notes="inline", fmt="html", page=True, ids=False, show_lens=False, source=True
    )
