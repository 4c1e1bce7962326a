"""File > Export… in the main window (issue 6)."""

from lyricpad.core.export import export_markdown
from lyricpad.gui.export_dialog import ExportDialog


def test_file_export_opens_one_dialog_previewing_the_song_shown(qtbot, window):
    assert window.export_action in window.menuBar().actions()[0].menu().actions()
    assert window.export_action.shortcut().toString() == "Ctrl+Shift+X"
    dialog = window.open_export_dialog()
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    song_id = window.session.current_song_id
    expected = export_markdown(window.session.library, song_id)
    qtbot.waitUntil(lambda: dialog.preview.toPlainText() == expected, timeout=5000)
    assert window.open_export_dialog() is dialog  # made once
