"""lyricpad: study songs, lyrics beside an article, annotated and exported to Markdown."""

__version__ = "0.1.0"
