"""Articles as the reader sees them: Markdown rendered to the plain text that article annotations anchor to."""

from __future__ import annotations


def rendered_text(markdown: str) -> str:
    """The text of *markdown* as rendered for reading (what offsets of article annotations count over).

    Placeholder: returns the source unchanged until the renderer lands.
    """
    return markdown
