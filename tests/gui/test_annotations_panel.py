"""The annotations panel on a real library: groups, filters, keys, signals and in-place updates."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence

from lyricpad.app.annotation_model import AnnotationRole
from lyricpad.core.anchoring import Anchor, anchors_for_quote
from lyricpad.core.demo import DEMO_ARTICLE_TITLE
from lyricpad.gui.annotations_panel import NO_ANNOTATIONS, NO_MATCH, NO_SONG, AnnotationsPanel

ARTICLE_GROUP = f"Article: {DEMO_ARTICLE_TITLE}"


class Song:
    """The demo song of a real library, read again after each change as the session does."""

    def __init__(self, library):
        self.library = library
        self.id = library.songs.all()[0].id
        lyrics = library.songs.get(self.id).lyrics
        lenses = {lens.name: lens.id for lens in library.lenses.all()}
        self.review = library.annotations.add(
            self.id,
            anchors_for_quote(lyrics, "the gulls have gone", 1),
            lens_id=lenses["Story"],
            note="Café au lait at dawn",
            tags=["Birds"],
            status="needs_review",
        ).id
        self.orphan = library.annotations.add(
            self.id,
            anchors_for_quote(lyrics, "planks worn into grey", 1),
            note="",
            status="orphaned",
        ).id
        self.trashed = library.annotations.add(
            self.id,
            anchors_for_quote(lyrics, "a coat upon a pin", 1),
            note="Thrown away",
            tags=["verse-2"],
        ).id
        library.annotations.set_deleted(self.trashed)

    def live(self):
        return self.library.annotations.for_song(self.id)

    def lyrics_ids(self):
        return [a.id for a in self.live() if a.target == "lyrics" and a.status == "anchored"]

    def data(self):
        everything = self.library.annotations.for_song(self.id, include_deleted=True)
        return self.live(), self.library.articles.for_song(self.id), [a for a in everything if a.deleted]

    def show(self, panel):
        annotations, articles, trashed = self.data()
        panel.set_lenses(self.library.lenses.all())
        panel.show_annotations(annotations, articles, True, trashed)

    def update(self, panel):
        panel.update_annotations(*self.data())


@pytest.fixture
def song(library):
    return Song(library)


@pytest.fixture
def panel(qtbot, song):
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 900)
    song.show(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def groups(panel) -> list[tuple[str, list[str]]]:
    """(heading, annotation ids) as the view lists them, filters applied."""
    proxy = panel.proxy
    result = []
    for g in range(proxy.rowCount()):
        group = proxy.index(g, 0)
        result.append(
            (
                group.data(),
                [proxy.index(r, 0, group).data(AnnotationRole.ID) for r in range(proxy.rowCount(group))],
            )
        )
    return result


def shown_ids(panel) -> list[str]:
    return [i for _, ids in groups(panel) for i in ids]


def focus(qtbot, widget):
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def click(qtbot, panel, index, double=False):
    panel.view.scrollTo(index)
    pos = panel.view.visualRect(index).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:  # QTest sends the double-click event alone; a real one follows a click
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


# ---------------------------------------------------------------------- groups


def test_groups_review_lyrics_articles_then_a_closed_trash(panel, song):
    listed = groups(panel)
    assert [heading for heading, _ in listed] == ["Needs review", "Lyrics", ARTICLE_GROUP, "Trash"]
    assert listed[1][1] == song.lyrics_ids()  # text order
    assert listed[0][1] == [song.review, song.orphan]
    assert listed[3][1] == [song.trashed]
    expanded = [panel.view.isExpanded(panel.proxy.index(g, 0)) for g in range(4)]
    assert expanded == [True, True, True, False]
    assert panel.index_of(song.review).data(AnnotationRole.BADGE) == "needs review"
    assert panel.index_of(song.orphan).data(AnnotationRole.BADGE) == "orphaned"
    assert panel.annotation_count() == 8  # the demo's 6 and two to review; the trash is not counted
    assert panel.count_label.text() == "8 of 8"


def test_the_old_call_still_works_and_says_why_the_list_is_empty(panel, song):
    annotations, articles, _ = song.data()
    panel.show_annotations(annotations, articles, song_open=True)
    assert [heading for heading, _ in groups(panel)] == ["Needs review", "Lyrics", ARTICLE_GROUP]
    panel.show_annotations([], [], song_open=False)
    assert panel.placeholder.isVisible() and not panel.view.isVisible()
    assert panel.placeholder.text() == NO_SONG
    assert not panel.text_filter.isEnabled()
    panel.show_annotations([], [], True)
    assert panel.placeholder.text() == NO_ANNOTATIONS
    assert panel.annotation_count() == 0


def test_an_update_after_an_empty_song_lists_and_opens_the_groups(panel, song):
    panel.show_annotations([], [], True)
    assert not panel.view.isVisible()
    song.update(panel)
    assert panel.view.isVisible() and panel.text_filter.isEnabled()
    assert [heading for heading, _ in groups(panel)] == ["Needs review", "Lyrics", ARTICLE_GROUP, "Trash"]
    expanded = [panel.view.isExpanded(panel.proxy.index(g, 0)) for g in range(4)]
    assert expanded == [True, True, True, False]
    assert panel.count_label.text() == "8 of 8"


def test_a_heading_opens_and_closes_with_a_click_and_keeps_the_selection(qtbot, panel, song):
    selected = song.lyrics_ids()[0]
    panel.select_annotation(selected)
    trash = panel.proxy.index(3, 0)
    with qtbot.assertNotEmitted(panel.reveal_requested), qtbot.assertNotEmitted(panel.annotation_selected):
        click(qtbot, panel, trash)
        assert panel.view.isExpanded(trash)
        click(qtbot, panel, trash)
        assert not panel.view.isExpanded(trash)
        click(qtbot, panel, trash, double=True)  # opened, closed, opened
    assert panel.view.isExpanded(trash)
    assert panel.view.currentIndex() == panel.index_of(selected)


# --------------------------------------------------------------------- filters


def test_lens_filter_offers_every_lens_with_its_colour(panel, library):
    combo = panel.lens_filter
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["All lenses"] + [lens.name for lens in library.lenses.all()] + ["No lens"]
    assert all(not combo.itemIcon(i).isNull() for i in range(1, combo.count()))
    choose(combo, "Imagery")
    assert [index_data for index_data in shown_ids(panel)] == [
        a.id
        for a in library.annotations.for_song(library.songs.all()[0].id)
        if a.lens and a.lens.name == "Imagery"
    ]
    assert panel.count_label.text() == "1 of 8"
    choose(combo, "No lens")
    assert [heading for heading, _ in groups(panel)] == ["Needs review", "Trash"]


def test_a_lens_filter_given_up_when_the_lens_goes(panel, library):
    choose(panel.lens_filter, "Imagery")
    panel.set_lenses([lens for lens in library.lenses.all() if lens.name not in ("Imagery", "Story")])
    # Imagery is still offered: an annotation listed has it. Story too.
    assert panel.lens_filter.currentText() == "Imagery"
    panel.show_annotations([], [], True)
    assert panel.lens_filter.currentText() == "All lenses"


def test_tag_filter_lists_the_tags_present(panel, song):
    combo = panel.tag_filter
    tags = [combo.itemText(i) for i in range(combo.count())]
    assert tags[0] == "All tags"
    assert "#Birds" in tags and "#verse-2" in tags and "#chorus" in tags
    assert tags[1:] == sorted(tags[1:], key=str.casefold)
    choose(combo, "#Birds")
    assert groups(panel) == [("Needs review", [song.review])]
    assert panel.count_label.text() == "1 of 8"
    choose(combo, "#verse-2")
    assert groups(panel) == [("Trash", [song.trashed])]
    assert panel.count_label.text() == "0 of 8"  # the trash is not counted


def test_text_filter_ignores_case_and_accents(qtbot, panel, song):
    qtbot.keyClicks(panel.text_filter, "CAFE")
    assert shown_ids(panel) == [song.review]
    panel.text_filter.setText("lamps birds")  # words of the note, in any order
    assert len(shown_ids(panel)) == 1
    panel.text_filter.setText("#verse")  # tags
    assert len(shown_ids(panel)) >= 2
    panel.text_filter.setText("harbour lights")  # the quote
    assert groups(panel)[0][0] == "Lyrics"


def test_no_match_says_so_and_esc_clears_the_text(qtbot, panel):
    qtbot.keyClicks(panel.text_filter, "zebra")
    assert panel.count_label.text() == "0 of 8"
    assert panel.placeholder.isVisible() and panel.placeholder.text() == NO_MATCH
    qtbot.keyClick(panel.text_filter, Qt.Key.Key_Escape)
    assert panel.text_filter.text() == ""
    assert panel.view.isVisible()
    assert panel.count_label.text() == "8 of 8"


def test_esc_in_an_empty_filter_box_goes_back_to_the_list(qtbot, panel):
    focus(qtbot, panel.text_filter)
    qtbot.keyClick(panel.text_filter, Qt.Key.Key_Escape)
    assert panel.view.hasFocus()


def test_ctrl_f_in_the_panel_goes_to_the_text_filter(qtbot, panel):
    focus(qtbot, panel.view)
    qtbot.keyClick(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.text_filter.hasFocus()


def test_filters_combine(panel, song):
    choose(panel.tag_filter, "#Birds")
    choose(panel.lens_filter, "Imagery")
    assert shown_ids(panel) == []
    panel.clear_filters()
    assert len(shown_ids(panel)) == 9


# ------------------------------------------------------------ selection signals


def test_clicking_a_row_selects_it_and_asks_to_reveal_it(qtbot, panel, song):
    target = song.lyrics_ids()[-1]
    with (
        qtbot.waitSignal(panel.reveal_requested) as reveal,
        qtbot.waitSignal(panel.annotation_selected) as selected,
    ):
        click(qtbot, panel, panel.index_of(target))
    assert reveal.args == [target] and selected.args == [target]
    assert panel.current_annotation_id() == target
    # Clicking it again shows the passage again.
    with (
        qtbot.waitSignal(panel.reveal_requested) as reveal,
        qtbot.assertNotEmitted(panel.annotation_selected),
    ):
        click(qtbot, panel, panel.index_of(target))
    assert reveal.args == [target]


def test_moving_with_the_keyboard_selects_without_revealing(qtbot, panel, song):
    first, second = song.lyrics_ids()[:2]
    panel.select_annotation(first)
    focus(qtbot, panel.view)
    with (
        qtbot.waitSignal(panel.annotation_selected) as selected,
        qtbot.assertNotEmitted(panel.reveal_requested),
    ):
        qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert selected.args == [second]
    with qtbot.waitSignal(panel.reveal_requested) as reveal:
        qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    assert reveal.args == [second]
    qtbot.keyClick(panel.view, Qt.Key.Key_Up)
    with qtbot.waitSignal(panel.annotation_selected) as selected:
        qtbot.keyClick(panel.view, Qt.Key.Key_Up)  # onto the "Lyrics" heading
    assert selected.args == [""]


def test_select_annotation_emits_nothing(qtbot, panel, song):
    target = song.lyrics_ids()[-1]
    with qtbot.assertNotEmitted(panel.reveal_requested), qtbot.assertNotEmitted(panel.annotation_selected):
        assert panel.select_annotation(target)
    assert panel.view.currentIndex() == panel.index_of(target)
    assert panel.view.selectionModel().isSelected(panel.index_of(target))
    assert panel.current_annotation_id() == target
    with qtbot.assertNotEmitted(panel.annotation_selected):
        panel.select_annotation("")
    assert not panel.view.selectionModel().hasSelection()


def test_select_annotation_opens_the_trash_for_a_trashed_one(panel, song):
    assert panel.select_annotation(song.trashed)
    assert panel.view.isExpanded(panel.proxy.index(3, 0))
    assert panel.view.visualRect(panel.index_of(song.trashed)).isValid()


def test_a_filter_hiding_the_selection_keeps_it_quietly(qtbot, panel, song):
    target = song.lyrics_ids()[0]
    panel.select_annotation(target)
    with qtbot.assertNotEmitted(panel.annotation_selected):
        choose(panel.tag_filter, "#Birds")
        assert not panel.view.selectionModel().hasSelection()
        assert panel.current_annotation_id() == target
        assert not panel.select_annotation(target)  # hidden: not shown, still remembered
        panel.clear_filters()
    assert panel.view.currentIndex() == panel.index_of(target)


# ------------------------------------------------------------------------- keys


def test_del_asks_to_delete_and_enter_to_edit(qtbot, panel, song):
    target = song.lyrics_ids()[1]
    panel.select_annotation(target)
    focus(qtbot, panel.view)
    with qtbot.waitSignal(panel.delete_requested) as deleted, qtbot.assertNotEmitted(panel.restore_requested):
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert deleted.args == [target]
    with qtbot.waitSignal(panel.activate_requested) as activated:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert activated.args == [target]
    with qtbot.waitSignal(panel.activate_requested) as activated:
        qtbot.keyClick(panel.view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert activated.args == [target]


def test_on_a_trashed_row_del_and_ctrl_shift_r_ask_to_restore(qtbot, panel, song):
    panel.select_annotation(song.trashed)
    focus(qtbot, panel.view)
    with (
        qtbot.waitSignal(panel.restore_requested) as restored,
        qtbot.assertNotEmitted(panel.delete_requested),
    ):
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert restored.args == [song.trashed]
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(panel.restore_requested) as restored:
        qtbot.keyClick(panel.view, Qt.Key.Key_R, ctrl_shift)
    assert restored.args == [song.trashed]
    with qtbot.assertNotEmitted(panel.reveal_requested):  # a trashed passage is not highlighted
        qtbot.keyClick(panel.view, Qt.Key.Key_Space)


def test_ctrl_shift_r_on_a_live_row_does_nothing(qtbot, panel, song):
    panel.select_annotation(song.lyrics_ids()[0])
    focus(qtbot, panel.view)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.assertNotEmitted(panel.restore_requested):
        qtbot.keyClick(panel.view, Qt.Key.Key_R, ctrl_shift)


def test_enter_on_a_heading_opens_it(qtbot, panel):
    trash = panel.proxy.index(3, 0)
    panel.view.setCurrentIndex(trash)
    focus(qtbot, panel.view)
    with qtbot.assertNotEmitted(panel.activate_requested):
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert panel.view.isExpanded(trash)


def test_double_click_asks_to_edit(qtbot, panel, song):
    target = song.lyrics_ids()[2]
    with qtbot.waitSignal(panel.activate_requested) as activated:
        click(qtbot, panel, panel.index_of(target), double=True)
    assert activated.args == [target]


def test_context_menu_shows_each_action_with_its_shortcut(panel, song):
    assert panel.build_context_menu() is None  # no row
    panel.select_annotation(song.lyrics_ids()[0])
    menu = panel.build_context_menu()
    items = [(a.text(), a.shortcut().toString()) for a in menu.actions() if not a.isSeparator()]
    assert items == [("&Go to Passage", "Space"), ("&Edit Note", "Return"), ("&Delete", "Del")]
    assert all(a.isEnabled() for a in menu.actions())
    panel.select_annotation(song.trashed)
    items = [
        (a.text(), a.shortcut().toString())
        for a in panel.build_context_menu().actions()
        if not a.isSeparator()
    ]
    assert items[-1] == ("&Restore", "Ctrl+Shift+R")
    assert not panel.reveal_action.isEnabled()


# ----------------------------------------------------------------------- access


def test_filters_and_list_have_accessible_names_and_tab_order(qtbot, panel):
    widgets = [panel.text_filter, panel.lens_filter, panel.tag_filter, panel.view]
    assert all(w.accessibleName() for w in widgets + [panel.count_label])
    focus(qtbot, panel.text_filter)
    for widget in widgets[1:]:
        qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Tab)
        assert widget.hasFocus()


def test_shortcuts_are_the_documented_keys(panel):
    assert panel.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert panel.delete_action.shortcut() == QKeySequence(
        QKeySequence.StandardKey.Delete
    ) or panel.delete_action.shortcut() == QKeySequence("Del")


# ---------------------------------------------------------------------- updates


def test_an_update_keeps_selection_groups_and_scroll(qtbot, library, song):
    # 2,000 annotations, one in each line of a long song.
    lines = [f"line number {n} of a long song" for n in range(2000)]
    lyrics = "\n".join(lines)
    big = library.songs.add("Long Song", lyrics=lyrics)
    offsets = [lyrics.index(line) for line in lines]
    quotes = [
        Anchor(start, start + len(line), line, "", "", n + 1, n + 1, 1)
        for n, (start, line) in enumerate(zip(offsets, lines, strict=True))
    ]
    for anchor in quotes:
        library.annotations.add(big.id, [anchor], note="")
    annotations = library.annotations.for_song(big.id)
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 600)
    panel.show_annotations(annotations, [])
    panel.show()
    qtbot.waitExposed(panel)
    selected = annotations[1000].id
    panel.select_annotation(selected)
    bar = panel.view.verticalScrollBar()
    bar.setValue(bar.value() + 37)
    scrolled = bar.value()
    resets = []
    panel.proxy.modelReset.connect(lambda: resets.append("proxy"))
    panel.model.modelReset.connect(lambda: resets.append("model"))

    changed = library.annotations.set_note(annotations[1500].id, "A new thought")
    with qtbot.assertNotEmitted(panel.annotation_selected):
        panel.update_annotations(library.annotations.for_song(big.id), [])
    assert panel.index_of(changed.id).data(AnnotationRole.NOTE_LINE) == "A new thought"
    library.annotations.set_deleted(annotations[10].id)  # above the selection: rows below it move up
    with qtbot.assertNotEmitted(panel.annotation_selected):
        panel.update_annotations(
            library.annotations.for_song(big.id), [], [library.annotations.get(annotations[10].id)]
        )
    assert resets == []
    assert panel.view.currentIndex() == panel.index_of(selected)
    assert panel.current_annotation_id() == selected
    assert not panel.view.isExpanded(panel.proxy.index(1, 0))  # the trash stays closed
    # The rows in sight stay in sight: the one deleted above them moved them up, the view follows.
    assert bar.value() == scrolled - panel.view.sizeHintForIndex(panel.index_of(selected)).height()
    assert panel.count_label.text() == "1999 of 1999"


def test_deleting_the_selection_selects_the_next_row(qtbot, panel, song, library):
    first, second = song.lyrics_ids()[:2]
    panel.select_annotation(first)
    library.annotations.set_deleted(first)
    with qtbot.waitSignal(panel.annotation_selected) as selected:
        song.update(panel)
    assert selected.args == [second]
    assert panel.view.currentIndex() == panel.index_of(second)
    assert groups(panel)[-1] == ("Trash", [first, song.trashed])  # text order


def test_a_restored_annotation_stays_selected(qtbot, panel, song, library):
    panel.select_annotation(song.trashed)
    library.annotations.set_deleted(song.trashed, False)
    with qtbot.assertNotEmitted(panel.annotation_selected):
        song.update(panel)
    assert panel.view.currentIndex() == panel.index_of(song.trashed)
    assert panel.view.currentIndex().parent().data() == "Lyrics"
    assert [heading for heading, _ in groups(panel)] == ["Needs review", "Lyrics", ARTICLE_GROUP]


def test_a_user_closed_group_stays_closed(qtbot, panel, song, library):
    lyrics = panel.proxy.index(1, 0)
    assert lyrics.data() == "Lyrics"
    click(qtbot, panel, lyrics)
    assert not panel.view.isExpanded(lyrics)
    library.annotations.set_note(song.lyrics_ids()[0], "changed")
    song.update(panel)
    panel.text_filter.setText("zebra")
    panel.text_filter.clear()  # the view forgets hidden groups; the panel remembers
    assert not panel.view.isExpanded(panel.proxy.index(1, 0))
    assert panel.view.isExpanded(panel.proxy.index(0, 0))


def test_a_new_tag_is_offered_after_an_update(panel, song, library):
    library.annotations.set_tags(song.lyrics_ids()[0], ["Fresh"])
    choose(panel.tag_filter, "#Birds")
    song.update(panel)
    assert panel.tag_filter.findText("#Fresh") > 0
    assert panel.tag_filter.currentText() == "#Birds"


def test_a_tag_filter_whose_tag_went_away_is_given_up(panel, song, library):
    choose(panel.tag_filter, "#Birds")
    library.annotations.set_tags(song.review, [])
    song.update(panel)
    assert panel.tag_filter.currentText() == "All tags"
    assert len(shown_ids(panel)) == 9


def test_a_lens_change_under_a_lens_filter_keeps_the_editor_on_it(qtbot, panel, song, library):
    """Re-lensing the selected annotation while filtering by its lens hides it; the choice stays."""
    target = song.lyrics_ids()[0]
    panel.select_annotation(target)
    choose(panel.lens_filter, library.annotations.get(target).lens.name)
    other = next(lens for lens in library.lenses.all() if lens.id != library.annotations.get(target).lens.id)
    library.annotations.set_lens(target, other.id)
    with qtbot.assertNotEmitted(panel.annotation_selected):
        song.update(panel)
    assert panel.current_annotation_id() == target


def test_dark_palette_rebuilds_lens_icons(panel):
    palette = panel.palette()
    palette.setColor(palette.ColorRole.Window, Qt.GlobalColor.black)
    panel.setPalette(palette)
    assert not panel.lens_filter.itemIcon(1).isNull()


def test_rows_paint_without_errors(panel, song, tmp_path):
    panel.select_annotation(song.review)
    panel.select_annotation(song.trashed)
    image = panel.grab()
    assert not image.isNull()
    assert image.save(str(tmp_path / "panel.png"))


def test_index_of_is_invalid_for_unknown_or_hidden_ids(panel, song):
    assert panel.index_of("nope") == QModelIndex()
    panel.text_filter.setText("zebra")
    assert not panel.index_of(song.review).isValid()


def test_a_changed_annotation_object_replaces_the_old(panel, song):
    annotations, articles, trashed = song.data()
    annotations = [replace(a, note="Edited here") if a.id == song.orphan else a for a in annotations]
    panel.update_annotations(annotations, articles, trashed)
    assert panel.index_of(song.orphan).data(AnnotationRole.NOTE_LINE) == "Edited here"
