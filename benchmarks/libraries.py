"""The libraries the benchmarks measure, built once and kept in a cache folder.

Each library is built through lyricpad's own bulk import (`merge_json`, as `lyricpad merge` does),
then kept under ``$LYRICPAD_BENCH_CACHE`` (default ``~/.cache/lyricpad-bench``), named by what it
holds and by `BUILDER_VERSION`: change what a builder makes, bump the version, and the next run
builds afresh. A benchmark that writes works on a copy (`working_copy`), made through SQLite's
backup, so the cached file stays as built.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

BUILDER_VERSION = 1
STAMP = "2026-01-01T00:00:00.000+00:00"
WORDS = ["river", "lantern", "harbour", "tide", "salt", "water", "night", "light", "shore", "boat"]
WORDS += ["stone", "wind", "candle", "rope", "gull", "sail"]
COMMON_WORD = "sea"
COMMON_WORDS = (COMMON_WORD, "note")
"""In every annotation's note of the sized libraries: the search's common words."""
NOTES = [
    "A plain note about line {i}.",
    "Some *emphasis* and a [link](https://example.com/{i}).",
    "A list:\n\n- line {i}\n- more",
]


def cache_folder() -> Path:
    folder = Path(os.environ.get("LYRICPAD_BENCH_CACHE") or Path.home() / ".cache" / "lyricpad-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _uuid(n: int) -> str:
    return str(uuid.UUID(int=n))


def _lines(count: int, seed: int = 0) -> str:
    """*count* lines that differ from each other (so a quotation of one is found at one place)."""
    w = WORDS
    return "\n".join(
        f"{w[(i + seed) % 16]} {w[(i // 16) % 16]} {w[(i // 256) % 16]} line {i} of the song"
        for i in range(count)
    )


def _song(number: int, lyrics: str, title: str = "", artist: str = "") -> dict:
    return {
        "id": _uuid(number),
        "title": title or f"Song {number:05d}",
        "artist": artist,
        "album": "",
        "year": None,
        "language": "",
        "lyrics": lyrics,
        "lyrics_format": "plain",
        "source_file": "",
        "line_times": None,
        "created": STAMP,
        "updated": STAMP,
        "deleted": False,
        "lrc_tags": None,
        "word_times": None,
    }


def _annotations(song: dict, lines: list[int], first_id: int, note) -> list[dict]:
    from lyricpad.core.anchoring import anchor_for_lines
    from lyricpad.core.text import LineIndex

    lyrics = song["lyrics"]
    index = LineIndex(lyrics)
    made = []
    for k, line in enumerate(lines):
        a = anchor_for_lines(lyrics, line, line, index=index)
        fragment = {
            "start": a.start,
            "end": a.end,
            "quote": a.quote,
            "prefix": a.prefix,
            "suffix": a.suffix,
            "line_start": a.line_start,
            "line_end": a.line_end,
            "occurrence": a.occurrence,
            "proposal": None,
        }
        made.append(
            {
                "id": _uuid(first_id + k),
                "song_id": song["id"],
                "target": "lyrics",
                "article_id": None,
                "lens_id": None,
                "note": note(line),
                "tags": ["t"],
                "status": "anchored",
                "fragments": [fragment],
                "created": STAMP,
                "updated": STAMP,
                "deleted": False,
            }
        )
    return made


def _article(number: int, song: dict, body: str) -> dict:
    return {
        "id": _uuid(number),
        "song_id": song["id"],
        "title": "A close reading",
        "author": "",
        "source": "",
        "published": "",
        "body": body,
        "position": 0,
        "created": STAMP,
        "updated": STAMP,
        "deleted": False,
    }


def _prose(words: int, quotations: list[str]) -> str:
    """A Markdown article of about *words* words, a quotation of the lyrics after every few paragraphs."""
    sentence = "The writer keeps coming back to the sea in this part and the images pile up slowly."
    per = len(sentence.split())
    paragraphs, count, q = [], 0, 0
    while count < words:
        text = " ".join([sentence] * 4)
        if q < len(quotations):
            text += f" As the song has it, “{quotations[q]}”, and then it moves on."
            q += 1
        paragraphs.append(text)
        count += per * 4
    return "\n\n".join(paragraphs)


def _build(path: Path, songs: list[dict], articles: list[dict], annotations: list[dict], demo: bool) -> None:
    from lyricpad.core.merge import merge_json
    from lyricpad.core.store import Library

    temp = path.with_name(path.name + ".building")
    for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
        leftover.unlink(missing_ok=True)
    lib = Library.open(temp, seed_demo=demo)
    if songs:
        data = {
            "format": "lyricpad",
            "version": 1,
            "exported": STAMP,
            "lenses": [],
            "tags": [],
            "songs": songs,
            "articles": articles,
            "annotations": annotations,
            "link_decisions": [],
        }
        merge_json(lib, data)
    lib.close()
    os.replace(temp, path)


def _cached(name: str, make) -> Path:
    path = cache_folder() / f"{name}-v{BUILDER_VERSION}.sqlite"
    if not path.exists():
        make(path)
    return path


def demo() -> Path:
    """The demo library, as a first start makes it."""
    return _cached("demo", lambda path: _build(path, [], [], [], demo=True))


def sized(songs: int, per_song: int = 10, lines: int = 40) -> Path:
    """*songs* songs of *lines* lines, each with *per_song* annotations whose notes hold `COMMON_WORD`."""

    def make(path: Path) -> None:
        all_songs, annotations = [], []
        step = max(1, lines // per_song)
        for s in range(songs):
            lyrics = "\n".join(
                f"{WORDS[(s + i) % 16]} {WORDS[(s * 7 + i) % 16]} line {i} by the {WORDS[(i * 3) % 16]}"
                for i in range(lines)
            )
            song = _song(s + 1, lyrics, artist=f"Artist {s % 300}")
            all_songs.append(song)
            marked = [1 + k * step for k in range(per_song)]
            first = 10**9 + s * per_song
            annotations += _annotations(
                song, marked, first, lambda n: f"note on line {n} about the {COMMON_WORD}"
            )
        _build(path, all_songs, [], annotations, demo=False)

    return _cached(f"sized-{songs}x{per_song}", make)


def big_song(lines: int, article_words: int, annotations: int) -> Path:
    """One song of *lines* lines with an article of *article_words* words (quoting the lyrics every
    few paragraphs) and *annotations* annotations on its lines; a small second song to switch from."""

    def make(path: Path) -> None:
        song = _song(1, _lines(lines), title="Big", artist="Band")
        small = _song(2, _lines(10, seed=3), title="Small", artist="Band")
        quoted = song["lyrics"].split("\n")[5 :: max(1, lines // 50)]
        article = _article(3, song, _prose(article_words, quoted))
        marked = [1 + (k * lines) // annotations for k in range(annotations)]
        notes = _annotations(song, marked, 10**9, lambda n: NOTES[n % 3].format(i=n))
        _build(path, [song, small], [article], notes, demo=False)

    return _cached(f"bigsong-{lines}-{article_words}-{annotations}", make)


def long_text(lines: int) -> Path:
    """One song of *lines* lines and nothing else, and a small song to switch from."""

    def make(path: Path) -> None:
        _build(
            path,
            [_song(1, _lines(lines), title="Long"), _song(2, _lines(10, 3), title="Small")],
            [],
            [],
            False,
        )

    return _cached(f"long-{lines}", make)


def export_song(count: int) -> Path:
    """One song of *count* lines, each annotated (a third of the notes plain, a third inline Markdown,
    a third a list), with an article quoting a line in every 20: the links each annotation mentions."""

    def make(path: Path) -> None:
        song = _song(1, _lines(count), title="Many", artist="Band: x")
        lines = song["lyrics"].split("\n")
        article = _article(2, song, _prose(count * 2, [lines[k * 20 + 5] for k in range(count // 20)]))
        notes = _annotations(song, list(range(1, count + 1)), 10**9, lambda n: NOTES[n % 3].format(i=n))
        _build(path, [song], [article], notes, demo=False)

    return _cached(f"export-{count}", make)


def working_copy(path: Path, folder: Path) -> Path:
    """A copy of the cached library *path* in *folder*, made by SQLite (for benchmarks that write)."""
    target = folder / path.name
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target
