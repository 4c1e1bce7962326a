"""lyricpad:// links: made for exports, parsed strictly when opened; file:// URIs made paths."""

import sys
import uuid

import pytest

from lyricpad.core.app_links import (
    MAX_LINK_LENGTH,
    AppLink,
    InvalidAppLink,
    app_link,
    file_uri_path,
    is_app_link,
    is_file_uri,
    parse_app_link,
)
from lyricpad.core.errors import LyricpadError

SONG = "0b6c3f4e-2d51-4c8e-9a57-6d1f2e8b9c40"
NOTE = "3b0f8a52-7c1e-4d7a-9a55-1f0e6c2d9b34"


def test_a_song_link_and_an_annotation_link_are_made_and_read_back():
    assert app_link(SONG) == f"lyricpad://song/{SONG}"
    assert app_link(SONG, NOTE) == f"lyricpad://song/{SONG}#annotation-{NOTE}"
    assert parse_app_link(app_link(SONG)) == AppLink(SONG)
    assert parse_app_link(app_link(SONG, NOTE)) == AppLink(SONG, NOTE)
    assert str(AppLink(SONG, NOTE)) == app_link(SONG, NOTE)


@pytest.mark.parametrize("_", range(20))
def test_every_id_the_library_makes_goes_through(_):
    song, note = str(uuid.uuid4()), str(uuid.uuid4())
    assert parse_app_link(app_link(song, note)) == AppLink(song, note)


@pytest.mark.parametrize(
    "text",
    [
        f"LYRICPAD://SONG/{SONG}#annotation-{NOTE}",
        f"Lyricpad://song/{SONG.upper()}#annotation-{NOTE.upper()}",
    ],
)
def test_the_scheme_host_and_ids_are_read_in_any_case(text):
    assert parse_app_link(text) == AppLink(SONG, NOTE)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (f"lyricpad://song/{SONG}%23annotation-{NOTE}", "percent-encoded"),
        (f"lyricpad://song/{SONG[:8]}%2D{SONG[9:]}", "percent-encoded"),
        (f"lyricpad://song/{SONG}/{NOTE}", "more than one path segment"),
        (f"lyricpad://song/{SONG}/", "more than one path segment"),
        (f"lyricpad://song//{SONG}", "more than one path segment"),
        (f"https://song/{SONG}", "does not start with lyricpad://"),
        (f"lyricpadx://song/{SONG}", "does not start with lyricpad://"),
        (f"lyricpad:song/{SONG}", "two slashes"),
        (f"lyricpad://article/{SONG}", "does not open a song"),
        (f"lyricpad://song:80/{SONG}", "does not open a song"),
        (f"lyricpad://me@song/{SONG}", "does not open a song"),
        (f"lyricpad:///{SONG}", "does not open a song"),
        ("lyricpad://song/", "the song's id is missing"),
        ("lyricpad://song", "the song's id is missing"),
        ("lyricpad://song/Lanterns", "does not name a song by its id"),
        (f"lyricpad://song/{SONG}x", "does not name a song by its id"),
        (f"lyricpad://song/{SONG}#", "fragment other than #annotation-ID"),
        (f"lyricpad://song/{SONG}#note-{NOTE}", "fragment other than #annotation-ID"),
        (f"lyricpad://song/{SONG}#annotation-", "id after #annotation- is missing"),
        (f"lyricpad://song/{SONG}#annotation-{NOTE}#x", "does not name an annotation by its id"),
        (f"lyricpad://song/{SONG}?annotation={NOTE}", "has a query"),
        (f"lyricpad://song/{SONG} ", "spaces, control characters"),
        (f"lyricpad://song/{SONG}\x1b[2J", "spaces, control characters"),
        (f"lyricpad://song/{SONG}#annotation-{NOTE}é", "not ASCII"),
        (f"lyricpad://song/{SONG}#annotation-{'a' * 300}", "characters long"),
        ("lyricpad:", "two slashes"),
    ],
)
def test_anything_else_is_refused_saying_what_is_wrong(text, problem):
    with pytest.raises(InvalidAppLink) as caught:
        parse_app_link(text)
    message = str(caught.value)
    assert problem in message
    assert isinstance(caught.value, LyricpadError)
    assert "\x1b" not in message  # a terminal shows the link, not what it would do
    assert message.startswith("not a lyricpad link: ")


def test_a_refused_link_is_named_in_the_message_but_a_long_one_is_cut():
    with pytest.raises(InvalidAppLink, match="lyricpad://article/"):
        parse_app_link(f"lyricpad://article/{SONG}")
    long = f"lyricpad://song/{SONG}#annotation-" + "b" * 2000
    with pytest.raises(InvalidAppLink) as caught:
        parse_app_link(long)
    assert len(str(caught.value)) < 400


def test_the_longest_link_written_fits_the_limit():
    assert len(app_link(SONG, NOTE)) <= MAX_LINK_LENGTH
    link = f"lyricpad://song/{SONG}#annotation-{NOTE}"
    padded = link.replace("lyricpad://song", "lyricpad://" + "s" * (MAX_LINK_LENGTH - len(link) + 4))
    assert len(padded) == MAX_LINK_LENGTH
    with pytest.raises(InvalidAppLink, match="does not open a song"):  # not "too long": the limit is > not >=
        parse_app_link(padded)


@pytest.mark.parametrize("bad", ["Lanterns", "", f"{SONG}/x"])
def test_a_link_is_only_made_of_ids(bad):
    with pytest.raises(InvalidAppLink, match="by its id"):
        app_link(bad or "x", None)
    with pytest.raises(InvalidAppLink, match="annotation by its id"):
        app_link(SONG, bad or "y")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lyricpad://song/x", True),
        ("LyricPad:whatever", True),
        ("lyricpad", False),
        ("lyricpad.lrc", False),
        ("/home/me/lyricpad:x.lrc", False),
        ("file:///x", False),
    ],
)
def test_what_is_meant_as_a_link(text, expected):
    assert is_app_link(text) is expected


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
@pytest.mark.parametrize(
    ("uri", "path"),
    [
        ("file:///home/me/Music/a.lrc", "/home/me/Music/a.lrc"),
        ("file://localhost/home/me/a.lrc", "/home/me/a.lrc"),
        ("FILE:///home/me/My%20Songs/%C3%A9t%C3%A9.txt", "/home/me/My Songs/été.txt"),
        ("file:///tmp/caf%E9.lrc", "/tmp/caf\udce9.lrc"),  # not UTF-8: the bytes kept, as os.fsdecode does
    ],
)
def test_file_uris_become_local_paths(uri, path):
    assert is_file_uri(uri)
    assert file_uri_path(uri) == path


@pytest.mark.parametrize(
    ("uri", "problem"),
    [
        ("file://server/share/a.lrc", "on another machine"),
        ("file:a.lrc", "whole path"),
        ("file:///a.lrc?x=1", "not a file URI"),
    ],
)
def test_other_file_uris_are_refused(uri, problem):
    with pytest.raises(InvalidAppLink, match=problem):
        file_uri_path(uri)
