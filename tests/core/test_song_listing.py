"""The song listing: the songs without their lyrics, sorted by SQLite as lyricpad always sorted them."""

import json

import pytest
from helpers.big_library import build_big_library

from lyricpad.cli.output import print_json
from lyricpad.core.store import Library
from lyricpad.core.store.songs import SONG_ORDERS
from lyricpad.core.text import sort_key

TITLES = [
    ("Éclair", "Zoë"),
    ("eclair", ""),
    ("ECLAIR", "ada"),
    ("Zebra", ""),
    ("apple", "Ábaco"),
    ("Über", "b"),
]


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """2,000 songs (titles mixing case and accents), a few in the trash."""
    path = build_big_library(
        tmp_path_factory.mktemp("big") / "big.sqlite", songs=2000, annotations=4000, trashed=7
    )
    with Library.open(path) as library:
        yield library


def python_order(songs, order):
    """The order the song list used to sort in Python (before the library sorted it), for comparing."""

    def title(song):
        return (sort_key(song.title), sort_key(song.artist), song.created, song.id)

    if order == "artist":
        return sorted(
            songs, key=lambda s: (not sort_key(s.artist), sort_key(s.artist), *title(s)[:1], *title(s)[2:])
        )
    if order in ("updated", "created"):
        ranked = sorted(songs, key=title)
        return sorted(ranked, key=lambda s: getattr(s, order), reverse=True)  # stable: ties keep title order
    return sorted(songs, key=title)


@pytest.mark.parametrize("order", list(SONG_ORDERS))
def test_listing_is_sorted_by_sqlite_as_python_sorted_it(big, order):
    listed = [s.id for s in big.songs.listing(order)]
    assert listed == [s.id for s in python_order(big.songs.all(), order)]
    assert len(listed) == 2000 - 7


def test_listing_of_accents_and_case_in_title_order(library):
    for title, artist in TITLES:
        library.songs.add(title, artist=artist)
    listed = [(s.title, s.artist) for s in library.songs.listing() if s.title in dict(TITLES)]
    assert listed == [
        ("apple", "Ábaco"),
        ("eclair", ""),
        ("ECLAIR", "ada"),
        ("Éclair", "Zoë"),
        ("Über", "b"),
        ("Zebra", ""),
    ]


def test_a_summary_is_the_song_without_its_lyrics(big, library):
    library.songs.add("Blank"), library.songs.add("Ends", lyrics="a\nb\n\n")
    for lib in (big, library):
        songs = {s.id: s for s in lib.songs.all()}
        for summary in lib.songs.listing(line_counts=True):
            assert summary.to_json() == songs[summary.id].to_json()  # line_count counted by SQLite
            assert summary.display_name == songs[summary.id].display_name
    assert [s.line_count for s in library.songs.listing()] == [None] * len(library.songs.all())


def test_count_summary_and_first_song(big):
    listing = big.songs.listing()
    assert big.songs.count() == len(listing)
    assert big.songs.first_id() == listing[0].id
    assert big.songs.summary(listing[5].id) == listing[5]
    trashed = next(s for s in big.songs.all(include_deleted=True) if s.deleted)
    assert big.songs.summary(trashed.id) is None and big.songs.summary("no-such-id") is None
    with pytest.raises(ValueError):
        big.songs.listing("colour")


def test_an_empty_library_lists_nothing(empty_library):
    assert empty_library.songs.listing() == [] and empty_library.songs.count() == 0
    assert empty_library.songs.first_id() == ""


@pytest.mark.parametrize(
    "data",
    [
        [],
        [{}],
        [
            {
                "a": None,
                "b": True,
                "c": False,
                "d": 0,
                "e": -5,
                "big": 10**30,
                "f": 'x"\\\n\u2028\x7f\x85é😀\x00',
            }
        ],
        [{"k\n": "v"}, {}],
        {"not": "a list"},
        [{"a": 1.5}],
        [{"a": [1, 2]}],
        [{"a": {"b": 1}}],
        [1, "x"],
        [[]],
        "text",
    ],
)
def test_print_json_writes_what_json_dumps_writes(capsys, data):
    print_json(data)
    expected = json.dumps(data, ensure_ascii=False, indent=2)
    out = capsys.readouterr().out
    assert json.loads(out) == data
    # The same text, but for DEL and C1 characters, which print_json always escapes.
    assert out == expected.replace("\x7f", "\\u007f").replace("\x85", "\\u0085") + "\n"


def test_songs_json_is_what_it_was(big, capsys):
    print_json([s.to_json() for s in big.songs.listing(line_counts=True)])
    fast = capsys.readouterr().out
    assert fast == json.dumps([s.to_json() for s in big.songs.all()], ensure_ascii=False, indent=2) + "\n"
