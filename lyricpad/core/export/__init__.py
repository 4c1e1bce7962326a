"""Exporting annotations: Markdown (blog and Obsidian), lyricpad JSON, W3C Web Annotations; atomic file writes.

The functions the command line and the window call::

    export_markdown(library, song_ids, *, profile="blog", group_by="pane", full_lyrics=False, footnotes=False, ids=False) -> str
    export_library_markdown(library, folder, *, song_ids=None, ..., progress=None) -> list[Path]
    render_post(library, article_id, *, profile="blog", notes="footnotes", fmt="markdown", ...) -> str
    export_json(library) -> dict          # merge back with lyricpad.core.merge.merge_json
    export_w3c(library, song_ids=None) -> dict   # merge back with lyricpad.core.merge.merge_w3c
    write_atomic(path, text) -> Path
    dumps_json(data) -> str               # the text written for JSON and W3C files
"""

from __future__ import annotations

import importlib
import json

from lyricpad.core.export.files import ExportFailed, write_atomic

_LAZY = {
    "export_json": "json_format",
    "GROUPS": "markdown",
    "PROFILES": "markdown",
    "export_library_markdown": "markdown",
    "export_markdown": "markdown",
    "render_post": "post",
    "export_w3c": "w3c",
}
"""Names imported from their module when first asked for: `lyricpad.core.export.files` (atomic
writes, used by backups and the window) must not load every exporter with it."""


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def dumps_json(data) -> str:
    """JSON as lyricpad writes it to a file: UTF-8 text (not \\u escapes), indented, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


__all__ = [
    "GROUPS",
    "PROFILES",
    "ExportFailed",
    "dumps_json",
    "export_json",
    "export_library_markdown",
    "export_markdown",
    "export_w3c",
    "render_post",
    "write_atomic",
]
