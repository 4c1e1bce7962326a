"""lyricpad: study songs, lyrics beside an article, annotated and exported to Markdown."""

__version__ = "0.1.0"

APP_ID = "io.github.lyricpad.Lyricpad"
"""The one reverse-DNS application id: the .desktop file's name, the AppStream id, the icon name, Qt's
desktop file name, the single-instance socket's prefix and the settings organisation."""
