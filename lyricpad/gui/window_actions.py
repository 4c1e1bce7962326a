"""The main window's actions, menus, highlight toolbar and lens keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from lyricpad.gui.highlights import lens_icon
from lyricpad.gui.library_search import LibrarySearch
from lyricpad.gui.word_snap import SNAP_TIP

if TYPE_CHECKING:
    from lyricpad.gui.about_dialog import AboutDialog
    from lyricpad.gui.main_window import MainWindow
    from lyricpad.gui.settings_dialog import SettingsDialog
    from lyricpad.gui.shortcuts_dialog import ShortcutsDialog

LENS_KEYS = 9
"""Lenses 1-9 have number keys."""
FONT_STEP = 1.0
FILTER_ANNOTATIONS_SHORTCUT = "Ctrl+Alt+F"
"""Ctrl+Shift+F searches the whole library; the annotations panel's filter moved here."""
SHORTCUTS_DIALOG_KEYS = ("F1", "Ctrl+/")
SETTINGS_KEY = "Ctrl+,"


LISTED_AS = "listed_as"
"""An action's property: its name in the list of keys where its text changes (Undo's names the step to undo)."""


class WindowActions(QObject):
    """Builds the window's menus and toolbar; menu items that only move the focus are handled here."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self.lens_actions: list[QAction] = []
        self._help_dialog = None
        self._settings_dialog: SettingsDialog | None = None
        self._build_actions()
        self._build_menus()

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot, *, checkable=False
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def _on_undo_stack_undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(
            self.tr("&Undo {command}").format(command=text) if text else self.tr("&Undo")
        )

    def _on_undo_stack_redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(
            self.tr("&Redo {command}").format(command=text) if text else self.tr("&Redo")
        )

    def _build_actions(self) -> None:
        window = self._window
        stack = window.session.undo_stack
        # Our own actions rather than QUndoStack's: typing not yet saved is saved first, so an
        # undo never leaves words on screen that the library does not have (or the reverse).
        self.undo_action = self._action(
            self.tr("&Undo"), QKeySequence.StandardKey.Undo, self._on_undo_triggered
        )
        self.redo_action = self._action(self.tr("&Redo"), None, self._on_redo_triggered)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # Their text names the step ("Undo New Song"); the list of keys names the command itself.
        self.undo_action.setProperty(LISTED_AS, self.tr("Undo"))
        self.redo_action.setProperty(LISTED_AS, self.tr("Redo"))
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Methods, not lambdas: Qt disconnects them when this object goes with the window, and the
        # undo stack (the session's) may outlive the window.
        stack.undoTextChanged.connect(self._on_undo_stack_undo_text_changed)
        stack.redoTextChanged.connect(self._on_undo_stack_redo_text_changed)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.find_annotations_action = self._action(
            self.tr("Filter &Annotations"), FILTER_ANNOTATIONS_SHORTCUT, self._on_find_annotations_triggered
        )
        self.search = LibrarySearch(window)
        self.search_library_action = self._action(
            self.tr("&Search Library…"), "Ctrl+Shift+F", self.search.open_panel
        )
        self.search_library_action.setStatusTip(
            self.tr("Search every song's lyrics, articles, notes and tags")
        )
        self.find_in_song_action = self._action(self.tr("&Find in Song…"), "Ctrl+F", self.search.open_find)
        # The reading panes' Ctrl+F: the annotations panel has its own (its filter), the sidebar its Ctrl+L.
        self.find_in_song_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.centralWidget().addAction(self.find_in_song_action)
        self.find_next_action = self._action(self.tr("Find &Next"), "F3", lambda: self.search.step(True))
        self.find_previous_action = self._action(
            self.tr("Find Pre&vious"), "Shift+F3", lambda: self.search.step(False)
        )
        self.last_lens_action = self._action(
            self.tr("Highlight with &Last Lens"), "Ctrl+H", window.highlight_with_last_lens
        )
        self.edit_note_action = self._action(self.tr("Edit &Note"), "Ctrl+Return", window.edit_current_note)
        self.delete_highlight_action = self._action(
            self.tr("&Delete Highlight"), "Delete", window.delete_current_highlight
        )
        self.edit_lyrics_action = self._action(
            self.tr("Edit &Lyrics"), "Ctrl+E", window.editing.set_lyrics_editing, checkable=True
        )
        self.edit_article_action = self._action(
            self.tr("Edit &Article"), "Ctrl+Shift+E", window.editing.set_article_editing, checkable=True
        )
        self.new_article_action = self._action(
            self.tr("New Ar&ticle"), "Ctrl+Shift+N", window.editing.new_article
        )
        self.lenses_action = self._action(self.tr("Le&nses…"), "Ctrl+Shift+K", window.open_lens_dialog)
        self.export_action = self._action(self.tr("&Export…"), "Ctrl+Shift+X", window.open_export_dialog)
        self.export_action.setStatusTip(
            self.tr("Export annotations as Markdown, lyricpad JSON or W3C Web Annotations")
        )
        self.publish_action = self._action(
            self.tr("&Publish Article…"), "Ctrl+Shift+B", window.open_publish_dialog
        )
        self.publish_action.setStatusTip(
            self.tr("Publish the article shown as a blog post or an Obsidian note (Markdown or HTML)")
        )
        self.backups_action = self._action(self.tr("&Backups…"), None, window.open_backup_dialog)
        self.backups_action.setStatusTip(self.tr("Back up the library now, or restore an automatic backup"))
        self.check_action = self._action(self.tr("&Check Library…"), None, window.open_check_dialog)
        self.check_action.setStatusTip(
            self.tr(
                "Look for damage: pages, links, the search index, highlights off their words; repair what can be"
            )
        )
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", window.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.bigger_action = self._action(
            self.tr("&Bigger Text"),
            QKeySequence.StandardKey.ZoomIn,
            lambda: window.window_layout.zoom(+FONT_STEP),
        )
        self.smaller_action = self._action(
            self.tr("&Smaller Text"),
            QKeySequence.StandardKey.ZoomOut,
            lambda: window.window_layout.zoom(-FONT_STEP),
        )
        self.reset_zoom_action = self._action(
            self.tr("&Normal Text Size"), "Ctrl+0", lambda: window.window_layout.zoom(None)
        )
        # A key that deletes text in an editor acts on highlights only where the reading panes have focus.
        self.delete_highlight_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.lens_group = QActionGroup(window)
        self.lens_group.setExclusive(False)
        self.lens_group.triggered.connect(self._on_lens_group_triggered)

    def _build_menus(self) -> None:
        window = self._window
        file_menu = window.menuBar().addMenu(self.tr("&File"))
        sidebar = window.sidebar
        for action in (
            sidebar.new_song_action,
            sidebar.import_action,
            sidebar.edit_details_action,
            sidebar.rename_action,
            sidebar.delete_action,
            sidebar.show_trash_action,
        ):
            file_menu.addAction(action)
        file_menu.addActions(sidebar.importer.actions)
        file_menu.addAction(self.new_article_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.publish_action)
        file_menu.addActions(window.handout.actions)
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.check_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.edit_menu = window.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.highlight_menu = edit_menu.addMenu(self.tr("&Highlight With"))
        edit_menu.addAction(self.last_lens_action)
        edit_menu.addAction(self.edit_note_action)
        edit_menu.addAction(self.delete_highlight_action)
        edit_menu.addSeparator()
        # The panel's own actions (one shortcut each, window-wide): they act on the selected annotation.
        edit_menu.addAction(window.annotations_panel.accept_action)
        edit_menu.addAction(window.annotations_panel.place_action)
        edit_menu.addAction(window.links.link_action)
        edit_menu.addAction(window.links.unlink_action)
        edit_menu.setToolTipsVisible(True)
        edit_menu.addSeparator()
        edit_menu.addAction(self.edit_lyrics_action)
        edit_menu.addAction(self.edit_article_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.lenses_action)
        edit_menu.addSeparator()
        self.settings_action = self._action(
            self.tr("&Settings…"), SETTINGS_KEY, self._on_settings_action_triggered
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)  # lyricpad > Settings on macOS
        edit_menu.addAction(self.settings_action)

        view_menu = self.view_menu = window.menuBar().addMenu(self.tr("&View"))
        for dock, shortcut in (
            (window.library_dock, "Ctrl+Shift+L"),
            (window.annotations_dock, "Ctrl+Shift+A"),
            (window.note_dock, "Ctrl+Shift+O"),
        ):
            action = dock.toggleViewAction()
            action.setShortcut(QKeySequence(shortcut))
            # Qt's toggle hides a dock tabbed behind another one: ours brings it to the front.
            action.triggered.disconnect()
            action.triggered.connect(lambda _checked=False, dock=dock: self._toggle_dock(dock))
            dock.visibilityChanged.connect(lambda visible, dock=dock: self._sync_dock_action(dock, visible))
            view_menu.addAction(action)
        view_menu.addAction(self.find_annotations_action)
        for action in (
            self.search_library_action,
            self.find_in_song_action,
            self.find_next_action,
            self.find_previous_action,
        ):
            edit_menu.addAction(action)
        view_menu.addAction(window.links.quotes_action)
        view_menu.addSeparator()
        self.line_numbers_action = self._action(
            self.tr("Line &Numbers"), None, window.lyrics_pane.set_line_numbers_visible, checkable=True
        )
        with QSignalBlocker(self.line_numbers_action):
            self.line_numbers_action.setChecked(True)
        view_menu.addAction(self.line_numbers_action)
        self.filter_action = self._action(
            self.tr("&Filter Songs"), "Ctrl+L", self._on_filter_action_triggered
        )
        view_menu.addAction(self.filter_action)
        view_menu.addSeparator()
        for action in (self.bigger_action, self.smaller_action, self.reset_zoom_action):
            view_menu.addAction(action)

        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(
            self.tr("&Keyboard Shortcuts"), None, self._on_shortcuts_action_triggered
        )
        self.shortcuts_action.setShortcuts([QKeySequence(key) for key in SHORTCUTS_DIALOG_KEYS])
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        self.about_action = self._action(self.tr("&About lyricpad"), None, self._on_about_action_triggered)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self.tr("Highlight"), window)
        self.toolbar.setObjectName("highlightToolbar")
        self.toolbar.setAccessibleName(self.tr("Highlight toolbar"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        view_menu.addAction(self.toolbar.toggleViewAction())

    # ------------------------------------------------------------------ lenses

    def rebuild_lens_actions(self) -> None:
        """One action per lens, in the lens order, in the Highlight With menu, the toolbar and the panes."""
        window = self._window
        for action in self.lens_actions:
            self.lens_group.removeAction(action)
            for pane in self._reading_panes():
                pane.removeAction(action)
            action.deleteLater()
        self.lens_actions.clear()  # in place: others hold this list
        self.highlight_menu.clear()
        self.toolbar.clear()
        for number, lens in enumerate(window.session.lenses(), 1):
            action = QAction(
                lens_icon(lens.colour, window.palette()), lens.name.replace("&", "&&"), window
            )  # no mnemonic
            action.setData(lens.id)
            if number <= LENS_KEYS:
                tip = self.tr("Highlight the selection as {lens} ({key}).\n{snap_tip}")
            else:
                tip = self.tr("Highlight the selection as {lens}.\n{snap_tip}")
            snap_tip = QCoreApplication.translate("word_snap", SNAP_TIP)
            action.setToolTip(tip.format(lens=lens.name, key=number, snap_tip=snap_tip))
            if number <= LENS_KEYS:
                action.setShortcut(QKeySequence(str(number)))
                # Number keys type digits anywhere else; here they act only in the reading panes.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.lens_group.addAction(action)
            self.lens_actions.append(action)
            self.highlight_menu.addAction(action)
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.lenses_action)
        self.attach_pane_shortcuts()
        context = [*self.lens_actions, self.last_lens_action]
        for pane in self._reading_panes():
            pane.set_context_actions(context)

    def _reading_panes(self) -> list:
        """The lyrics, the article and (once the window has made it) the translation pane."""
        window = self._window
        translation = getattr(window, "translation_view", None)
        return [window.lyrics_pane, window.article_pane, *([translation.pane] if translation else [])]

    def attach_pane_shortcuts(self) -> None:
        """Give the reading panes the number keys and Delete; a pane being edited types them instead."""
        for pane in self._reading_panes():
            for action in (*self.lens_actions, self.delete_highlight_action):
                if pane.is_editing():
                    pane.removeAction(action)
                else:
                    pane.addAction(action)

    def show_editing(self) -> None:
        """Check Edit Lyrics and Edit Article as the panes are (without toggling anything)."""
        with QSignalBlocker(self.edit_lyrics_action):
            self.edit_lyrics_action.setChecked(self._window.lyrics_pane.is_editing())
        with QSignalBlocker(self.edit_article_action):
            self.edit_article_action.setChecked(self._window.article_pane.is_editing())
        self.attach_pane_shortcuts()

    def enable_song_actions(self, has_song: bool) -> None:
        for action in (self.edit_lyrics_action, self.edit_article_action, self.new_article_action):
            action.setEnabled(has_song)

    # ------------------------------------------------------------------- slots

    def _on_undo_triggered(self) -> None:
        self._window.flush_edits()
        self._window.session.undo_stack.undo()
        self._drop_undo_notice()

    def _on_redo_triggered(self) -> None:
        self._window.flush_edits()
        self._window.session.undo_stack.redo()
        self._drop_undo_notice()

    def _drop_undo_notice(self) -> None:
        # "Pasted the lyrics. Ctrl+Z undoes it." is no longer true once the user has undone (or redone) something.
        status = self._window.statusBar()
        if status.currentMessage().endswith(self._window.undo_hint()):
            status.clearMessage()

    def _on_lens_group_triggered(self, action: QAction) -> None:
        self._window.highlighting.highlight_selection(action.data())

    def _toggle_dock(self, dock) -> None:
        """View > Library (and the other docks): show it, bring it to the front of its tabs, or hide it."""
        behind = self._window.isVisible() and not dock.isFloating() and dock.visibleRegion().isEmpty()
        if dock.isHidden():
            dock.show()
            self.search.join_tabs(dock)  # shown beside the Search panel: tabbed with it
            dock.raise_()
        elif behind:
            dock.raise_()
        else:
            dock.hide()
        self._sync_dock_action(dock, not dock.isHidden())

    @staticmethod
    def _sync_dock_action(dock, visible: bool) -> None:
        """The View menu's tick says whether the dock can be seen (not hidden, not behind another's tab)."""
        action = dock.toggleViewAction()
        with QSignalBlocker(action):
            action.setChecked(visible)

    def _on_find_annotations_triggered(self) -> None:
        window = self._window
        window.annotations_dock.show()
        window.annotations_panel.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        window.annotations_panel.text_filter.selectAll()

    def _on_filter_action_triggered(self) -> None:
        window = self._window
        window.library_dock.show()
        self.search.join_tabs(window.library_dock)
        window.library_dock.raise_()
        window.sidebar.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        window.sidebar.filter_edit.selectAll()

    # ------------------------------------------------------------------- help

    def open_about_dialog(self) -> AboutDialog:
        """Show Help > About (a new one each time: the library or settings file may have changed)."""
        from lyricpad.gui.about_dialog import AboutDialog

        window = self._window
        settings_file = window.settings.file_name if window.settings is not None else None
        return self._show_help_dialog(AboutDialog(window.session.library_path, settings_file, window))

    def open_shortcuts_dialog(self) -> ShortcutsDialog:
        """Show Help > Keyboard Shortcuts, read from the window's actions as they are now."""
        from lyricpad.gui.shortcuts_dialog import ShortcutsDialog

        return self._show_help_dialog(ShortcutsDialog(self._window))

    def _show_help_dialog(self, dialog):
        if self._help_dialog is not None:
            self._help_dialog.close()
        self._help_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._on_help_dialog_destroyed)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _on_help_dialog_destroyed(self) -> None:
        self._help_dialog = None

    def _on_about_action_triggered(self) -> None:
        self.open_about_dialog()

    def _on_shortcuts_action_triggered(self) -> None:
        self.open_shortcuts_dialog()

    def open_settings_dialog(self) -> SettingsDialog:
        """Show Edit > Settings (one at a time), filled with the preferences in use."""
        from lyricpad.gui.settings_dialog import SettingsDialog

        if self._settings_dialog is None:
            dialog = self._settings_dialog = SettingsDialog(self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(self._on_settings_dialog_destroyed)
            dialog.open()
        self._settings_dialog.raise_()
        self._settings_dialog.activateWindow()
        return self._settings_dialog

    def _on_settings_dialog_destroyed(self) -> None:
        self._settings_dialog = None

    def _on_settings_action_triggered(self) -> None:
        self.open_settings_dialog()
