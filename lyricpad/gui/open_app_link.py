"""Opening a lyricpad:// link in the window: its song, then its annotation, selected and scrolled into view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from lyricpad.core.app_links import AppLink
from lyricpad.core.errors import AnnotationNotFound
from lyricpad.gui.notice_bar import STATUS_MS

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow


def open_app_link(window: MainWindow, link: AppLink) -> bool:
    """Show the song *link* names and select its annotation, as "Go to Passage" does; False when its song
    is not in this library (the window is told why in a dialog, and nothing changes).

    An annotation that is gone, or in the trash, leaves the song open and says so in the status bar.
    """
    session = window.session
    if (
        session.song_summary(link.song_id) is None
    ):  # not in this library (ids are per library), or in its trash
        message = QCoreApplication.translate(
            "open_app_link",
            "The song of this link is not in the library open here ({library}):\n{link}\n\n"
            "Links name songs by their id in the library that wrote them (its export, or another "
            "library opened with --library), or the song was deleted.",
        ).format(
            library=session.library_path or QCoreApplication.translate("open_app_link", "in memory"),
            link=link.url,
        )
        QMessageBox.information(window, "lyricpad", message)
        return False
    window.flush_edits()  # typing not yet saved belongs to the song shown now
    session.select_song(link.song_id)
    if link.annotation_id is None:
        return True
    annotation_id = link.annotation_id
    try:
        annotation = session.annotation(annotation_id)
    except AnnotationNotFound:
        annotation = None
    if annotation is None or annotation.song_id != link.song_id:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "open_app_link", "The annotation of this link is not in this song any more."
            ),
            2 * STATUS_MS,
        )
        return True
    if window.current_song.annotation(annotation_id) is None:  # in the trash: shown there, not in a pane
        window.select_annotation(annotation_id)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "open_app_link",
                "The annotation of this link is in the trash: restore it to see it in the text.",
            ),
            2 * STATUS_MS,
        )
        return True
    window.annotations_dock.show()
    window.select_annotation(annotation_id)  # selected in the annotations list, scrolled to
    window.highlighting.reveal(annotation_id)  # and its passage scrolled into view in its pane
    return True
