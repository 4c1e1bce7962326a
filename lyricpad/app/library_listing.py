"""What the library's song list says when it shows no song, apart from the widget that shows it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def empty_song_list_text(shown: int, filter_text: str, new_song_keys: str) -> str:
    """Why no song is listed ("" when *shown* is not 0): the filter matches none, or there are none yet."""
    if shown:
        return ""
    if filter_text.strip():
        text = QCoreApplication.translate("library_listing", "No songs match “{words}”")
        return text.format(words=filter_text.strip())
    text = QCoreApplication.translate("library_listing", "No songs yet.\nNew Song… ({keys}) adds one.")
    return text.format(keys=new_song_keys)
