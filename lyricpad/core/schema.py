"""The library's schema and its forward-only migrations; PRAGMA user_version mirrors the last step."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from lyricpad.core.errors import LibraryDamaged, NotALibrary

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x4C595250  # "LYRP": marks an SQLite file as a lyricpad library
"""Written to PRAGMA application_id; a database with another id is not ours to touch."""


class _Migrations:
    """sqlite-utils' `Migrations`, made (and sqlite-utils imported, ~65 ms) only when a library is
    created or upgraded: opening a current one needs neither."""

    def __init__(self, name: str):
        self._name = name
        self._steps: list = []
        self._real = None

    def __call__(self, *, name: str):
        def register(fn):
            self._steps.append((name, fn))
            return fn

        return register

    def _migrations(self):
        if self._real is None:
            from sqlite_utils.migrations import Migrations

            real = Migrations(self._name)
            for name, fn in self._steps:
                real(name=name)(fn)
            self._real = real
        return self._real

    def pending(self, db) -> list:
        """The steps not yet applied to *db* (the store's connection or a `sqlite_utils.Database`)."""
        return self._migrations().pending(getattr(db, "utils", db))

    def apply(self, db, *, stop_before: str | None = None) -> None:
        self._migrations().apply(getattr(db, "utils", db), stop_before=stop_before)


migrations = _Migrations("lyricpad")
_STEPS: list[str] = []


def _step(name: str):
    """Register a migration step; the step also sets user_version to its 1-based number."""

    def register(fn):
        _STEPS.append(name)
        version = len(_STEPS)

        def apply(db: sqlite_utils.Database) -> None:
            fn(db)
            # Inside the step's transaction, so the version moves with the schema or not at all.
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {version}")

        apply.__name__ = name
        migrations(name=name)(apply)
        return fn

    return register


DEFAULT_LENSES = (
    ("Theme", "#d4a017"),
    ("Imagery", "#3aa655"),
    ("Rhyme & sound", "#8e5cc9"),
    ("Structure", "#2f7fd1"),
    ("Story", "#e07b39"),
    ("Question", "#d9455f"),
    ("Reference", "#7a8a99"),
)

_LENS_NAMESPACE = uuid.UUID("6f1c1c4e-6a53-4f39-9d0c-2b8f1d5e7a10")


def default_lens_id(name: str) -> str:
    """The fixed id of a default lens: the same in every library, so libraries can be merged."""
    return str(uuid.uuid5(_LENS_NAMESPACE, name.casefold()))


# The annotations' target CHECKs below are those of step 0001; step 0004 loosens them (see
# _relax_annotation_targets): the text of a library's schema is what each step left.
# Every table has an INTEGER PRIMARY KEY `n` so its rowid survives VACUUM (the FTS
# indexes point at rowids); the UUID `id` is what everything else refers to.
_SCHEMA_1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE songs (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    artist TEXT NOT NULL DEFAULT '',
    album TEXT NOT NULL DEFAULT '',
    year INTEGER,
    language TEXT NOT NULL DEFAULT '',
    lyrics TEXT NOT NULL DEFAULT '',
    lyrics_format TEXT NOT NULL DEFAULT 'plain' CHECK (lyrics_format IN ('plain', 'lrc')),
    source_file TEXT NOT NULL DEFAULT '',
    line_times TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE TABLE articles (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    song_id TEXT NOT NULL REFERENCES songs(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX articles_song ON articles(song_id, position);
CREATE TABLE lenses (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    colour TEXT NOT NULL CHECK (colour GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE annotations (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    song_id TEXT NOT NULL REFERENCES songs(id) ON DELETE CASCADE,
    target TEXT NOT NULL CHECK (target IN ('lyrics', 'article')),
    article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
    lens_id TEXT REFERENCES lenses(id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'anchored'
        CHECK (status IN ('anchored', 'needs_review', 'orphaned')),
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    CHECK ((target = 'lyrics') = (article_id IS NULL))
);
CREATE INDEX annotations_song ON annotations(song_id);
CREATE INDEX annotations_article ON annotations(article_id);
CREATE INDEX annotations_lens ON annotations(lens_id);
CREATE TABLE fragments (
    n INTEGER PRIMARY KEY,
    annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    char_start INTEGER NOT NULL CHECK (char_start >= 0),
    char_end INTEGER NOT NULL CHECK (char_end > char_start),
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    line_start INTEGER NOT NULL CHECK (line_start >= 1),
    line_end INTEGER NOT NULL CHECK (line_end >= line_start),
    occurrence INTEGER NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
    UNIQUE (annotation_id, position)
);
CREATE TABLE tags (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    created TEXT NOT NULL
);
CREATE TABLE annotation_tags (
    annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);
"""

_FTS_1 = {
    "songs": ("title", "artist", "album", "lyrics"),
    "articles": ("title", "body"),
    "annotations": ("note",),
    "fragments": ("quote",),
}
FTS_COLUMNS = {**_FTS_1, "translations": ("text",)}  # translations: step 0004 (`index_translations`)
"""Tables indexed for full-text search (each as `<table>_fts`, in the order checks list them);
sqlite-utils' triggers keep each index current."""


@_step("0001_initial")
def _initial(db: sqlite_utils.Database) -> None:
    db.executescript(_SCHEMA_1)
    for table, columns in _FTS_1.items():
        db[table].enable_fts(
            columns, fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
        )
    db["lenses"].insert_all(
        {"id": default_lens_id(name), "name": name, "colour": colour, "position": i}
        for i, (name, colour) in enumerate(DEFAULT_LENSES)
    )


_SCHEMA_2 = """
ALTER TABLE fragments ADD COLUMN proposed_start INTEGER CHECK (proposed_start >= 0);
ALTER TABLE fragments ADD COLUMN proposed_end INTEGER;
ALTER TABLE fragments ADD COLUMN proposed_line_start INTEGER;
ALTER TABLE fragments ADD COLUMN proposed_line_end INTEGER;
ALTER TABLE songs ADD COLUMN lrc_tags TEXT;
ALTER TABLE songs ADD COLUMN word_times TEXT;
ALTER TABLE articles ADD COLUMN published TEXT NOT NULL DEFAULT '';
"""


@_step("0002_proposals_and_lrc")
def _proposals_and_lrc(db: sqlite_utils.Database) -> None:
    """Re-anchoring's proposed places (issue 4); LRC header tags and word times, an article's date (issue 5)."""
    for statement in _SCHEMA_2.split(";"):
        if statement.strip():
            db.execute(statement)


_SCHEMA_3 = """
CREATE TABLE quote_links (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    song_id TEXT NOT NULL REFERENCES songs(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    origin TEXT NOT NULL CHECK (origin IN ('detected', 'user')),
    kind TEXT NOT NULL DEFAULT 'link' CHECK (kind IN ('link', 'unlink')),
    char_start INTEGER NOT NULL CHECK (char_start >= 0),
    char_end INTEGER NOT NULL CHECK (char_end > char_start),
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    places TEXT NOT NULL DEFAULT '[]',
    lyrics_start INTEGER CHECK (lyrics_start >= 0),
    lyrics_end INTEGER,
    lyrics_quote TEXT NOT NULL DEFAULT '',
    lyrics_prefix TEXT NOT NULL DEFAULT '',
    lyrics_suffix TEXT NOT NULL DEFAULT '',
    score REAL NOT NULL DEFAULT 1.0 CHECK (score >= 0 AND score <= 1),
    misquoted INTEGER NOT NULL DEFAULT 0 CHECK (misquoted IN (0, 1)),
    differences TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored', 'orphaned')),
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    CHECK (origin = 'user' OR kind = 'link')
);
CREATE INDEX quote_links_song ON quote_links(song_id);
CREATE INDEX quote_links_article ON quote_links(article_id, char_start);
CREATE TABLE quote_link_texts (
    n INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    song_digest TEXT NOT NULL,
    body_digest TEXT NOT NULL,
    detector INTEGER NOT NULL,
    lyrics TEXT NOT NULL,
    rendered TEXT NOT NULL,
    updated TEXT NOT NULL
)
"""


@_step("0003_quote_links")
def _quote_links(db: sqlite_utils.Database) -> None:
    """Quotations of the lyrics in articles, and the user's decisions about them (issue 15).

    `quote_links` holds detected links (derived: recomputed from the texts) and the user's
    decisions (links made by hand, unlinks of detected ones). `quote_link_texts` keeps, per
    article, the texts the links were last computed on: a text changed any way at all (an
    edit, an undo, an import, a merge) is noticed by its digest, and the user's decisions
    follow it through a diff of the old text and the new.
    """
    for statement in _SCHEMA_3.split(";"):
        if statement.strip():
            db.execute(statement)


_SCHEMA_4 = """
ALTER TABLE annotations ADD COLUMN time_ms INTEGER CHECK (time_ms >= 0);
CREATE TABLE study_corrections (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    song_id TEXT NOT NULL REFERENCES songs(id) ON DELETE CASCADE,
    line INTEGER NOT NULL CHECK (line >= 1),
    line_text TEXT NOT NULL,
    before_text TEXT,
    after_text TEXT,
    field TEXT NOT NULL CHECK (field IN ('syllables', 'stress', 'rhyme', 'section')),
    value TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored', 'orphaned')),
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX study_corrections_song ON study_corrections(song_id);
CREATE UNIQUE INDEX study_corrections_anchored
    ON study_corrections(song_id, line, field) WHERE status = 'anchored';
CREATE TABLE translations (
    n INTEGER PRIMARY KEY,
    song_id TEXT NOT NULL UNIQUE REFERENCES songs(id) ON DELETE CASCADE,
    language TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    updated TEXT NOT NULL
)
"""


@_step("0004_study")
def _study(db: sqlite_utils.Database) -> None:
    """The study view's data (issue 19): the user's corrections of computed values, a song's
    translation (line-aligned with its lyrics), and a note's time in the song.

    A correction is anchored to a line by the line's text and its neighbours', and follows it
    through edits; one whose line changed or went is kept, orphaned. The song's language was
    there from the start (`songs.language`, free text; empty means English). Annotations may be
    on the translation too (target 'translation'). A translation's text is searched like the lyrics.
    """
    for statement in _SCHEMA_4.split(";"):
        if statement.strip():
            db.execute(statement)
    _relax_annotation_targets(db)
    index_translations(db)


_TRANSLATIONS_FTS = (
    """CREATE VIRTUAL TABLE "translations_fts" USING FTS5 (
    "text",
    tokenize='unicode61 remove_diacritics 2',
    content="translations"
)""",
    """CREATE TRIGGER "translations_ai" AFTER INSERT ON "translations" BEGIN
  INSERT INTO "translations_fts" (rowid, "text") VALUES (new.rowid, new."text");
END""",
    """CREATE TRIGGER "translations_ad" AFTER DELETE ON "translations" BEGIN
  INSERT INTO "translations_fts" ("translations_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END""",
    """CREATE TRIGGER "translations_au" AFTER UPDATE ON "translations" BEGIN
  INSERT INTO "translations_fts" ("translations_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "translations_fts" (rowid, "text") VALUES (new.rowid, new."text");
END""",
    "INSERT INTO translations_fts (translations_fts) VALUES ('rebuild')",
)
"""The translations' index as sqlite-utils' `enable_fts` makes the others (step 0001), statement by
statement: `enable_fts` runs a script, and a script would commit the step's transaction halfway."""


def index_translations(db: sqlite_utils.Database) -> None:
    """Step 0004's full-text index of the translations (`translations_fts`), filled from the rows there.

    Its own function so that a library saved by a build of step 0004 that did not index them yet
    (the test fixture v4.sqlite was) could be given the index the step makes today."""
    for statement in _TRANSLATIONS_FTS:
        db.execute(statement)


_TARGET_CHECKS = (
    ("CHECK (target IN ('lyrics', 'article'))", "CHECK (target IN ('lyrics', 'article', 'translation'))"),
    (
        "CHECK ((target = 'lyrics') = (article_id IS NULL))",
        "CHECK ((target = 'article') = (article_id IS NOT NULL))",
    ),
)
"""The annotations table's CHECK constraints before and after notes on a song's translation (issue 19)."""


def _relax_annotation_targets(db: sqlite_utils.Database) -> None:
    """Let annotations be on a song's translation: target 'translation', with no article.

    SQLite cannot ALTER a CHECK constraint. Rebuilding the table is no choice here: the step
    runs in a transaction with foreign keys on (PRAGMA foreign_keys cannot change inside
    one), so dropping the old table would cascade-delete every fragment and tag link, and
    its FTS triggers would have to be made again. The new constraints only loosen the old:
    every row the old allowed ('lyrics' without an article, 'article' with one) the new
    allows too, and nothing on disk changes. For such a change SQLite's documentation
    (lang_altertable.html, "Making Other Kinds Of Table Schema Changes") gives the simpler
    procedure used here: in the transaction, rewrite the table's SQL in sqlite_schema with
    writable_schema on, raise schema_version so every connection reads the schema again, and
    check the result (the procedure's integrity check: here PRAGMA quick_check, which parses the
    new schema and tests every row against the new constraints) before the step commits; a
    failure of any part rolls the whole step back. An SQLite built with SQLITE_DBCONFIG_DEFENSIVE
    on refuses writable_schema: the step then fails with nothing changed.
    """
    (sql,) = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'annotations'"
    ).fetchone()
    for before, after in _TARGET_CHECKS:
        if sql.count(before) != 1:
            raise NotALibrary(
                "this library's annotations table is not as lyricpad made it (a constraint it needs to"
                " change is missing), so it cannot be upgraded; nothing was changed"
            )
        sql = sql.replace(before, after)
    (version,) = db.execute("PRAGMA schema_version").fetchone()
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'annotations'", [sql])
        db.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    problems = [row[0] for row in db.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise LibraryDamaged(
            "upgrading this library to let annotations be on a translation failed its check"
            f" ({problems[0]}); nothing was changed"
        )


SCHEMA_VERSION = len(_STEPS)
"""The newest schema this lyricpad writes; a library with a higher user_version is too new."""
