"""The fields of each entity, described once from its dataclass: columns, cleaning, rows and JSON.

Reads (row -> object), writes (the values a caller gives, cleaned), snapshots (object -> row, written
back exactly) and the JSON export are all derived from these descriptions, so a new field is
described in one place.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from lyricpad.core.errors import InvalidValue
from lyricpad.core.models import (
    CORRECTION_STATUSES,
    STATUSES,
    TARGETS,
    Annotation,
    Article,
    Lens,
    Song,
    StoredCorrection,
    Translation,
)
from lyricpad.core.study import CORRECTABLE
from lyricpad.core.text import normalise_line, normalise_text, strip_controls


def _same(value):
    return value


def _pair(name: str, value) -> dict:
    return {name: value}


@dataclasses.dataclass(frozen=True)
class Field:
    """One field of a model: how a given value is cleaned, stored, read back and exported.

    A field with *clean* may be given by callers (add, update), and is cleaned again when a snapshot
    is written back; one without is bookkeeping (ids, times, positions) written as it was read.
    *column* None: the field is stored in a table of its own (fragments, tags).
    """

    name: str
    clean: Callable[[Any], Any] | None = None
    column: str | None = ""  # "": the field's name
    load: Callable[[Any], Any] = _same  # column value -> field value
    dump: Callable[[Any], Any] = _same  # field value -> column value (fields without *clean*)
    json: Callable[[str, Any], dict] = _pair  # field name and value -> the JSON keys it exports as

    @property
    def column_name(self) -> str | None:
        return self.name if self.column == "" else self.column


class Entity:
    """The described fields of one model, in the order its JSON lists them."""

    def __init__(self, model: type, table: str, fields: Iterable[Field]):
        self.model = model
        self.table = table
        self.fields = {f.name: f for f in fields}
        described = [f.name for f in fields]
        declared = [f.name for f in dataclasses.fields(model)]
        if len(described) != len(self.fields) or sorted(described) != sorted(declared):
            raise TypeError(f"the fields of {model.__name__} must each be described once")

    @property
    def columns(self) -> list[str]:
        return [f.column_name for f in self.fields.values() if f.column_name]

    def clean(self, values: Mapping[str, Any]) -> dict:
        """The values a caller gives, checked and cleaned, by column (any other field is refused)."""
        clean = {}
        for name, value in values.items():
            field = self.fields.get(name)
            if field is None or field.clean is None:
                raise InvalidValue(f"{self.table} have no field {name!r}")
            clean[field.column_name] = field.clean(value)
        return clean

    def from_row(self, row: Mapping[str, Any], **given) -> Any:
        """The object of a row; *given* are the fields read from elsewhere (fragments, tags, lens)."""
        values = {}
        for field in self.fields.values():
            values[field.name] = (
                given[field.name] if field.name in given else field.load(row[field.column_name])
            )
        return self.model(**values)

    def reader(self, given: Sequence[str]) -> tuple[list[str], Callable[..., Any]]:
        """For bulk reads: the columns to select, and a function making the object of one row of them
        read as a tuple, with the fields *given* from elsewhere (in that order): ``read(values, *given)``.

        The same objects as `from_row`, without a dict per row nor a look-up per field.
        """
        columns = [f.column_name for f in self.fields.values() if f.name not in given and f.column_name]
        steps = []  # per declared field: (index among the given, or -1; index among the columns; load)
        for declared in dataclasses.fields(self.model):
            field = self.fields[declared.name]
            if field.name in given:
                steps.append((given.index(field.name), -1, None))
            else:
                steps.append(
                    (-1, columns.index(field.column_name), None if field.load is _same else field.load)
                )
        model = self.model

        def read(values: Sequence[Any], *extra: Any) -> Any:
            return model(
                *[
                    extra[g] if g >= 0 else (values[c] if load is None else load(values[c]))
                    for g, c, load in steps
                ]
            )

        return columns, read

    def to_row(self, item) -> dict:
        """The row that writes *item* back exactly as it was read (its text cleaned as always)."""
        row = {}
        for field in self.fields.values():
            if field.column_name:
                value = getattr(item, field.name)
                row[field.column_name] = field.clean(value) if field.clean else field.dump(value)
        return row

    def to_json(self, item) -> dict:
        data = {}
        for field in self.fields.values():
            data.update(field.json(field.name, getattr(item, field.name)))
        return data


# ------------------------------------------------------------------ cleaning


def _line(value) -> str:
    return normalise_line(value or "")


def _text(value) -> str:
    return normalise_text(value or "")


def _required_line(what: str) -> Callable[[Any], str]:
    def clean(value) -> str:
        value = _line(value)
        if not value:
            raise InvalidValue(what)
        return value

    return clean


def _one_of(choices: tuple[str, ...], what: str) -> Callable[[Any], str]:
    def clean(value) -> str:
        if value not in choices:
            raise InvalidValue(f"unknown {what} {value!r}")
        return value

    return clean


def _year(value) -> int | None:
    if value is not None and (type(value) is not int or not 0 < value < 10000):
        raise InvalidValue(f"the year {value!r} is not a year")
    return value


def clean_colour(colour: str) -> str:
    """A colour as stored: '#rrggbb' in lower case."""
    value = (colour or "").strip().lower()
    if not re.fullmatch(r"#[0-9a-f]{6}", value):
        raise InvalidValue(f"the colour {colour!r} is not of the form #rrggbb")
    return value


def _line_times_json(value) -> str | None:
    """Per-line LRC times (a list with, per line, None or a list of milliseconds) as JSON."""
    if value is None:
        return None
    valid = isinstance(value, list) and all(
        item is None or (isinstance(item, list) and all(type(ms) is int and ms >= 0 for ms in item))
        for item in value
    )
    if not valid:
        raise InvalidValue("line times must give, per line, nothing or a list of milliseconds")
    return json.dumps(value)


def _lrc_tags_json(value) -> str | None:
    """LRC header tags (tag name -> text) as JSON."""
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidValue("LRC tags must map tag names to text")
    # One-line values that may be shown as a title: control characters go, as from titles.
    return json.dumps({strip_controls(k): strip_controls(v) for k, v in value.items()}, ensure_ascii=False)


def _word_times_json(value) -> str | None:
    """Per-line word times (None or a list of [milliseconds, offset in the line]) as JSON."""
    if value is None:
        return None
    valid = isinstance(value, list) and all(
        item is None
        or (
            isinstance(item, list)
            and all(
                isinstance(pair, list | tuple)
                and len(pair) == 2
                and all(type(n) is int and n >= 0 for n in pair)
                for pair in item
            )
        )
        for item in value
    )
    if not valid:
        raise InvalidValue("word times must give, per line, nothing or a list of [milliseconds, offset]")
    return json.dumps([None if item is None else [list(pair) for pair in item] for item in value])


def _time_ms(value) -> int | None:
    """A time in a song, in milliseconds (None: no time)."""
    if value is not None and (type(value) is not int or not 0 <= value < 2**53):
        raise InvalidValue(f"the time {value!r} is not a number of milliseconds")
    return value


def _line_number(value) -> int:
    if type(value) is not int or value < 1:
        raise InvalidValue(f"the line {value!r} is not a line number (they start at 1)")
    return value


def _lyric_line(value) -> str:
    """One line of lyrics, exactly as the lyrics hold it (spaces kept: it is compared with them)."""
    value = _text(value)
    if "\n" in value:
        raise InvalidValue("a line of lyrics cannot hold a line break")
    return value


def _optional_lyric_line(value) -> str | None:
    return None if value is None else _lyric_line(value)


def _json_or_none(value: str | None):
    return json.loads(value) if value else None


def _lens_json(name: str, lens: Lens | None) -> dict:
    # lens_id is what a merge reads back; the name is there for scripts.
    return {"lens_id": lens.id if lens else None, "lens": lens.name if lens else None}


def _deleted(**kw) -> Field:
    return Field("deleted", load=bool, dump=int, **kw)


# ------------------------------------------------------------------ entities

SONG = Entity(
    Song,
    "songs",
    [
        Field("id"),
        Field("title", _required_line("a song needs a title")),
        Field("artist", _line),
        Field("album", _line),
        Field("year", _year),
        Field("language", _line),
        Field("lyrics", _text),
        Field("lyrics_format", _one_of(("plain", "lrc"), "lyrics format")),
        Field("source_file", _line),
        Field("line_times", _line_times_json, load=_json_or_none),
        Field("created"),
        Field("updated"),
        _deleted(),
        Field("lrc_tags", _lrc_tags_json, load=_json_or_none),
        Field("word_times", _word_times_json, load=_json_or_none),
    ],
)

ARTICLE = Entity(
    Article,
    "articles",
    [
        Field("id"),
        Field("song_id"),
        Field("title", _line),
        Field("author", _line),
        Field("source", _line),
        Field("body", _text),
        Field("position"),
        Field("created"),
        Field("updated"),
        _deleted(),
        Field("published", _line),
    ],
)

LENS = Entity(
    Lens,
    "lenses",
    [
        Field("id"),
        Field("name", _required_line("a lens needs a name")),
        Field("colour", clean_colour),
        Field("position"),
    ],
)

ANNOTATION = Entity(
    Annotation,
    "annotations",
    [
        Field("id"),
        Field("song_id"),
        Field("target", _one_of(TARGETS, "target")),
        Field("article_id"),
        Field("lens", column="lens_id", dump=lambda lens: lens.id if lens else None, json=_lens_json),
        Field("note", _text),
        Field("tags", column=None, json=lambda name, tags: {name: list(tags)}),
        Field("status", _one_of(STATUSES, "status")),
        Field("fragments", column=None, json=lambda name, frags: {name: [f.to_dict() for f in frags]}),
        Field("created"),
        Field("updated"),
        _deleted(),
        Field("time_ms", _time_ms),
    ],
)
"""Listed in the order of the exported JSON (tags before status, as the format has always had it)."""

CORRECTION = Entity(
    StoredCorrection,
    "study_corrections",
    [
        Field("id"),
        Field("song_id"),
        Field("line", _line_number),
        Field("line_text", _lyric_line),
        Field("before_text", _optional_lyric_line),
        Field("after_text", _optional_lyric_line),
        Field("field", _one_of(CORRECTABLE, "field to correct")),
        Field("value", _line),
        Field("status", _one_of(CORRECTION_STATUSES, "correction status")),
        Field("created"),
        Field("updated"),
    ],
)

TRANSLATION = Entity(
    Translation,
    "translations",
    [
        Field("song_id"),
        Field("language", _line),
        Field("text", _text),
        Field("updated"),
    ],
)
