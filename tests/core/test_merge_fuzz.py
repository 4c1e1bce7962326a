"""Generated hostile JSON and W3C files thrown at the merge: a clean import or one clean refusal, never damage."""

import copy
import itertools
import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lyricpad.core.check import check_library
from lyricpad.core.errors import LyricpadError
from lyricpad.core.export import dumps_json, export_json, export_w3c
from lyricpad.core.merge import MergeReport, merge_json, merge_w3c
from lyricpad.core.store import Library

FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

_demo = Library.open(None)
JSON_BASE = export_json(_demo)
W3C_BASE = export_w3c(_demo, [s.id for s in _demo.songs.all()])
_demo.close()
for _kind in ("songs", "articles", "annotations"):
    for _item in JSON_BASE[_kind]:
        _item["updated"] = "2099-01-01T00:00:00.000+00:00"  # newer than the library's: every item written
for _item in W3C_BASE["first"]["items"]:
    _item["modified"] = "2099-01-01T00:00:00.000+00:00"

SONG_ID = JSON_BASE["songs"][0]["id"]
LYRICS = JSON_BASE["songs"][0]["lyrics"]
UUID = str(uuid.UUID(SONG_ID))

ODD_STRINGS = [
    "",
    " ",
    "\ud800",
    "a\udfffb",
    "\x00",
    "\u202e",
    "{{% param x %}}",
    UUID.upper(),
    f"{{{UUID}}}",
    f"urn:uuid:{UUID}",
    UUID.replace("-", ""),
    "urn:uuid:not-a-uuid",
    "٣" * 32,
    "not a uuid",
    "2024-05-01T12:00:00",
    "2099-01-01T00:00:00+00:00",
    "anchored",
    "needs_review",
    "orphaned",
    "lyrics",
    "article",
    "TextPositionSelector",
    "TextQuoteSelector",
    LYRICS[:12],
    LYRICS[5:40],
    LYRICS,
]
ODD_INTS = [
    0,
    -1,
    1,
    2,
    len(LYRICS),
    len(LYRICS) + 1,
    10**12,
    2**63 - 1,
    2**63,
    -(2**63),
    -(2**63) - 1,
    10**40,
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(ODD_INTS),
    st.integers(min_value=-5, max_value=len(LYRICS) + 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(ODD_STRINGS),
    st.text(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "x", "start"]), inner, max_size=3)
    ),
    max_leaves=6,
)


def _containers(doc, path=()):
    """Every list and object in *doc*, with the path to it."""
    yield path, doc
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in items:
        if isinstance(value, dict | list):
            yield from _containers(value, (*path, key))


def _like(data, old):
    """A value for a field that held *old*: mostly of its kind but hostile, sometimes anything."""
    if data.draw(st.integers(min_value=0, max_value=3), label="anything") == 0:
        return data.draw(values, label="value")
    if isinstance(old, bool) or old is None:
        return data.draw(scalars, label="value")
    if isinstance(old, int):
        return data.draw(st.sampled_from(ODD_INTS) | st.integers(min_value=-3, max_value=len(LYRICS) + 3))
    if isinstance(old, str):
        return data.draw(st.sampled_from(ODD_STRINGS) | st.text(max_size=12), label="text")
    return data.draw(values, label="value")


def mutated(data, base):
    """A deep copy of *base* with a few random values replaced, keys removed or added.

    Objects holding plain values (fragments, selectors, items) are chosen most often, and a
    value is mostly replaced by one of its own kind, so that most files get past the first
    check and reach the later ones.
    """
    doc = copy.deepcopy(base)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="mutations")):
        places = [c for _, c in _containers(doc)]
        objects = [c for c in places if isinstance(c, dict)]
        if objects and data.draw(st.integers(min_value=0, max_value=4), label="object") > 0:
            places = objects
        container = places[data.draw(st.integers(min_value=0, max_value=len(places) - 1), label="where")]
        action = data.draw(
            st.sampled_from(["replace", "replace", "replace", "delete", "add"]), label="action"
        )
        keys = list(container) if isinstance(container, dict) else list(range(len(container)))
        if action == "add" or not keys:
            if isinstance(container, dict):
                key = data.draw(st.sampled_from([*ODD_STRINGS[:4], "extra", "id", "start", "line_end"]))
                container[key] = data.draw(values, label="value")
            else:
                container.append(data.draw(values, label="value"))
            continue
        key = data.draw(st.sampled_from(keys), label="key")
        if action == "delete":
            del container[key]
        else:
            container[key] = _like(data, container[key])
    return doc


_libraries = itertools.count()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


def _throw(folder, merge, doc, *, demo: bool = True) -> None:
    """Merge *doc* (as the text of a file) into a new library (with the demo song, or empty): a
    report or one clean error, nothing changed by a refusal, and the library sound afterwards."""
    lib = Library.open(folder / f"library-{next(_libraries)}.sqlite", seed_demo=demo)
    try:
        text = json.dumps(doc)  # surrogates escaped and huge numbers written, as a script would
        before = dumps_json(export_json(lib, exported="x"))
        try:
            report = merge(lib, text)
        except LyricpadError as exc:  # MergeRefused among them
            message = str(exc)
            assert "\n" not in message and message.count("nothing was changed") <= 1
            assert dumps_json(export_json(lib, exported="x")) == before
        else:
            assert isinstance(report, MergeReport)
        problems = check_library(lib).problems
        assert not problems, [str(p) for p in problems]
    finally:
        lib.close()


@FUZZ
@given(st.data())
def test_generated_json_exports_merge_cleanly_or_are_refused(folder, data):
    _throw(folder, merge_json, mutated(data, JSON_BASE), demo=data.draw(st.booleans(), label="demo"))


@FUZZ
@given(st.data())
def test_generated_w3c_documents_merge_cleanly_or_are_refused(folder, data):
    _throw(folder, merge_w3c, mutated(data, W3C_BASE))
