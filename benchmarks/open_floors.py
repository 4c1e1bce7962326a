"""What opening a big song costs at the least, whatever the window does with it: the parts measured
alone, in this process, so that the "open a big song" row can be read against them.

- reading the song's annotations with the store (the objects any window must have to show them);
- the article typeset as the window shows it (rendered Markdown in a bare QTextBrowser, laid out
  and painted), where the row's baseline puts the article's Markdown source in as plain text;
- a bare QTreeView listing as many two-line rows from a QStandardItemModel, laid out and painted.
"""

from __future__ import annotations

from pathlib import Path

from timing import median_seconds  # benchmarks/timing.py
from window_rows import _app, _song_ids, settle


def open_song_floors(path: Path, repeat: int) -> dict[str, float]:
    """Seconds for each part above, on the song "Big" of the library at *path*."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTextBrowser, QTreeView

    from lyricpad.core.markdown import render_article
    from lyricpad.core.store import Library
    from lyricpad.gui.article_document import fill_document

    song_id = _song_ids(path)["Big"]
    lib = Library.open(path, seed_demo=False)
    try:
        read = median_seconds(lambda: lib.annotations.for_song(song_id), repeat)
        annotations = lib.annotations.for_song(song_id)
        body = lib.articles.for_song(song_id)[0].body
    finally:
        lib.close()

    _app()
    browser = QTextBrowser()
    browser.resize(600, 800)
    browser.show()
    settle()

    def typeset() -> None:
        browser.clear()
        fill_document(browser.document(), render_article(body), browser.palette(), browser.font())
        settle()

    article = median_seconds(typeset, repeat)
    browser.close()

    view = QTreeView()
    view.setHeaderHidden(True)
    view.resize(320, 800)
    view.show()
    settle()
    texts = [f"{a.fragments[0].quote[:60]}\n{a.note[:60]}" for a in annotations]

    def listing() -> None:
        model = QStandardItemModel()
        model.invisibleRootItem().appendRows([QStandardItem(text) for text in texts])
        view.setModel(model)
        settle()

    rows = median_seconds(listing, repeat)
    view.close()
    count = len(annotations)
    return {
        f"reading the big song's {count:,} annotations with the store": read,
        "typesetting its article as the window shows it (rendered Markdown, a bare QTextBrowser)": article,
        f"a bare QTreeView listing {count:,} two-line rows (QStandardItemModel)": rows,
    }
