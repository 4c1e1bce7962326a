"""The command line in a new user's first hour: near titles suggested, JSON of some songs, folders made said."""

import json

import pytest
from cli_testing import data_dump

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.demo import DEMO_ARTICLE_TITLE, DEMO_TITLE
from lyricpad.core.errors import SongNotFound
from lyricpad.core.store import Library

SECOND = "Paper Boats at Dawn"
SECOND_LYRICS = "Fold the paper, fold the light\nSend it out across the night\n\nPaper boats at dawn\n"
SECOND_ARTICLE = "# Folding\n\nThe line “Send it out across the night” carries the whole song.\n"


@pytest.fixture
def demo_id(library_path) -> str:
    with Library.open(library_path) as lib:
        return lib.songs.resolve(DEMO_TITLE).id


def _add_second_song(path) -> dict:
    """A second song with an article, an annotation in a lens of its own and a tag, and a link made by hand."""
    with Library.open(path) as lib:
        song = lib.songs.add(SECOND, artist="Invented Band", lyrics=SECOND_LYRICS)
        article = lib.articles.add(song.id, "Folding", SECOND_ARTICLE)
        lens = lib.lenses.add("Paper", "#3366cc")
        return {"song": song.id, "article": article.id, "lens": lens.id}


# ------------------------------------------------------------------- close matches


def _commands_naming(song: str, tmp_path) -> list[list[str]]:
    """Every command that takes a SONG, with *song* in its place."""
    lyrics = tmp_path / "new.txt"
    lyrics.write_text("one\ntwo\n", encoding="utf-8")
    article = tmp_path / "article.md"
    article.write_text("An article\n\nabout a song.\n", encoding="utf-8")
    return [
        ["show", song],
        ["annotate", song, "--lines", "2"],
        ["annotations", song],
        ["links", song],
        ["link", song, "--article", DEMO_ARTICLE_TITLE, "--quote", "lantern", "--lines", "1"],
        ["edit-lyrics", song, str(lyrics)],
        ["import", str(article), "--as", "article", "--song", song],
        ["export", song],
        ["export", song, "--format", "json"],
        ["export", song, "--format", "w3c"],
        ["post", DEMO_ARTICLE_TITLE, "--song", song],
        ["handout", song, "-o", str(tmp_path / "handout.html")],
    ]


@pytest.mark.parametrize("typed", ["Lanterns", "lantern on the watter", "LANTERNS ON THE", "the water"])
def test_every_command_taking_a_song_names_the_close_matches(cli, library_path, tmp_path, demo_id, typed):
    before = data_dump(library_path)
    for args in _commands_naming(typed, tmp_path):
        code, out, err = cli(*args)
        assert code == 1, args
        assert out == "" and err.count("\n") == 1, (args, err)  # one line, on stderr
        assert err.startswith(f"lyricpad: error: no song matches “{typed}” exactly; did you mean: "), args
        assert f"“{DEMO_TITLE} — The Hollow Pines” ({demo_id[:8]})" in err, args
    assert data_dump(library_path) == before
    assert not (tmp_path / "handout.html").exists()


def test_ids_and_exact_titles_still_name_a_song(cli_json, demo_id):
    for ref in (demo_id, demo_id[:8], DEMO_TITLE, DEMO_TITLE.upper(), f"  {DEMO_TITLE}  "):
        assert cli_json("show", ref)["id"] == demo_id


def test_close_matches_are_ranked_and_at_most_five(cli, library_path):
    titles = [
        "Lantern Song",  # a typo away
        "Lanterns Again",  # begins with what was typed
        "The Lanterns",  # holds what was typed
        "Lanterns",  # the exact title, in the trash: never suggested
        "Lanterns at Sea",
        "Lanterns in Snow",
        "Lanterns of Old Harbour Town",
        "Nothing Alike",
    ]
    with Library.open(library_path) as lib:
        made = {title: lib.songs.add(title) for title in titles}
        lib.songs.set_deleted(made["Lanterns"].id)
    code, _, err = cli("show", "lanterns")
    assert code == 1
    suggested = err.split("did you mean: ", 1)[1].split("? (", 1)[0]
    named = [part.split("” (")[0].lstrip("“") for part in suggested.split(", “")]
    # Titles that begin with it (shortest first), then titles holding it, then look-alikes; five at most.
    assert named == [
        "Lanterns Again",
        "Lanterns at Sea",
        "Lanterns in Snow",
        f"{DEMO_TITLE} — The Hollow Pines",
        "Lanterns of Old Harbour Town",
    ]
    with Library.open(library_path) as lib:
        near = [song.title for song in lib.songs.close_matches("lanterns", limit=20)]
        assert near[5:] == ["The Lanterns", "Lantern Song"]
        assert "Nothing Alike" not in near and "Lanterns" not in near
        with pytest.raises(SongNotFound, match="did you mean: “Lantern Song”"):
            lib.songs.resolve("Lantren Song")


def test_nothing_near_keeps_the_plain_message(cli):
    code, _, err = cli("show", "Zebra Crossing")
    assert code == 1 and "did you mean" not in err
    assert "no song matches 'Zebra Crossing' (give an exact title, an id" in err


@pytest.mark.parametrize("typed", ["L", "la", " o ", "Th"])
def test_one_or_two_letters_suggest_nothing(cli, library_path, typed):
    with Library.open(library_path) as lib:
        lib.songs.add("Lanterns Again")  # begins with every one of them
        lib.songs.add("Tho")  # a typo away from "Th"
        assert lib.songs.close_matches(typed) == []
    code, out, err = cli("show", typed)
    assert code == 1 and out == "" and "did you mean" not in err
    assert "no song matches" in err


def test_the_window_song_option_suggests_too(qapp, library_path, demo_id, capsys, dialogs):
    from lyricpad.main import main

    assert main(["--library", str(library_path), "--song", "Lanterns", "--smoke"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean: " in err and demo_id[:8] in err


# ------------------------------------------------------------------- JSON of some songs


def test_json_export_without_a_song_is_the_whole_library(cli, library_path):
    _add_second_song(library_path)
    code, out, err = cli("export", "--format", "json")
    assert code == 0, err
    whole = json.loads(out)
    assert sorted(s["title"] for s in whole["songs"]) == [DEMO_TITLE, SECOND]
    code, out, _ = cli("export", "--all", "--format", "json")  # --all still accepted, the same file
    assert code == 0
    assert {k: v for k, v in json.loads(out).items() if k != "exported"} == {
        k: v for k, v in whole.items() if k != "exported"
    }
    code, _, err = cli("export", SECOND, "--all", "--format", "json")
    assert code == 1 and "not both" in err


def _link_and_annotate(cli, ids) -> None:
    for args in (
        [
            "annotate",
            SECOND,
            "--quote",
            "fold the light",
            "--lens",
            "Paper",
            "--note",
            "the turn",
            "--tag",
            "fold",
        ],
        ["annotate", SECOND, "--quote", "carries", "--article", "Folding", "--lens", "Theme"],
        ["link", SECOND, "--article", "Folding", "--quote", "Send it out across the night", "--lines", "2"],
    ):
        code, _, err = cli(*args)
        assert code == 0, err


def test_json_export_of_named_songs_holds_just_those(cli, library_path, demo_id):
    ids = _add_second_song(library_path)
    _link_and_annotate(cli, ids)
    code, out, err = cli("export", SECOND, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [s["id"] for s in data["songs"]] == [ids["song"]]
    assert [a["id"] for a in data["articles"]] == [ids["article"]]
    assert {a["song_id"] for a in data["annotations"]} == {ids["song"]} and len(data["annotations"]) == 2
    assert sorted(lens["name"] for lens in data["lenses"]) == ["Paper", "Theme"]  # the lenses used
    assert data["tags"] == ["fold"]
    assert [(d["kind"], d["article_id"], d["first_line"]) for d in data["link_decisions"]] == [
        ("link", ids["article"], 2)
    ]
    # Both songs, each once, in one file: the same as the whole library here.
    code, out, _ = cli("export", SECOND, DEMO_TITLE, ids["song"][:8], "--format", "json")
    both = json.loads(out)
    assert sorted(s["id"] for s in both["songs"]) == sorted([demo_id, ids["song"]])
    assert len(both["annotations"]) == len(json.loads(cli("export", "--format", "json")[1])["annotations"])


def test_json_of_one_song_merges_into_another_library_and_back(cli, library_path, tmp_path, demo_id):
    ids = _add_second_song(library_path)
    _link_and_annotate(cli, ids)
    part = tmp_path / "out" / "paper-boats.json"
    code, out, err = cli("export", SECOND, "--format", "json", "-o", part)
    assert code == 0, err
    with Library.open(library_path) as lib:
        lib_lyrics = lib.songs.get(ids["song"]).lyrics

    other = tmp_path / "other.sqlite"
    with Library.open(other) as lib:  # its own demo song, with a note written there only
        lyrics = lib.songs.get(demo_id).lyrics
        lib.annotations.add(demo_id, [anchor_for_lines(lyrics, 2, 2)], note="only in the other library")
        demo_before = len(lib.annotations.for_song(demo_id))
    code, out, err = cli("import", part, "--json", library=other)
    assert code == 0, err
    (report,) = json.loads(out)
    assert report["added"] > 0
    with Library.open(other) as lib:
        song = lib.songs.get(ids["song"])
        assert song.lyrics == lib_lyrics
        notes = sorted(a.note for a in lib.annotations.for_song(song.id))
        assert notes == ["", "the turn"]
        assert "Paper" in [lens.name for lens in lib.lenses.all()]
        assert [link.origin for link in lib.links.for_song(song.id) if link.origin == "user"] == ["user"]
        assert len(lib.annotations.for_song(demo_id)) == demo_before  # the rest is left alone
        assert len(lib.songs.all()) == 2
        # A change made in the other library...
        turn = next(a for a in lib.annotations.for_song(song.id) if a.note == "the turn")
        lib.annotations.set_note(turn.id, "the turn, revised")
    code, out, err = cli("import", part, "--json", library=other)  # the same file again: nothing new
    assert code == 0 and json.loads(out)[0]["added"] == 0

    back = tmp_path / "back.json"
    assert cli("export", ids["song"][:8], "--format", "json", "-o", back, library=other)[0] == 0
    code, out, err = cli("import", back, library=library_path)  # ...merges back into the first
    assert code == 0, err
    with Library.open(library_path) as lib:
        assert "the turn, revised" in [a.note for a in lib.annotations.for_song(ids["song"])]
        assert len(lib.songs.all()) == 2 and len(lib.lenses.all()) == len(
            {lens.name for lens in lib.lenses.all()}
        )


# ------------------------------------------------------------------- folders made


def test_export_says_which_folder_it_made(cli, tmp_path):
    target = tmp_path / "new" / "dir" / "x.md"
    code, out, err = cli("export", DEMO_TITLE, "-o", target)
    assert code == 0, err
    new = tmp_path / "new"  # both "new" and "new/dir" were made: both are named
    assert out == f"Exported to {target} (created folder {target.parent} and its missing parents {new})\n"
    assert target.read_text(encoding="utf-8").startswith("# ") or target.stat().st_size > 0
    code, out, _ = cli("export", DEMO_TITLE, "-o", target)  # the folder is there now: nothing to say
    assert out == f"Exported to {target}\n"

    vault = tmp_path / "vault" / "songs"
    code, out, _ = cli("export", "--all", "-o", f"{vault}/")
    assert code == 0 and out.startswith(
        f"Exported 1 song and an index to {vault} (created folder {vault} and its missing parents {vault.parent}): "
    )
    data = json.loads(cli("export", "--all", "-o", f"{tmp_path / 'v2'}/", "--json")[1])
    assert data["created_folder"] == str(tmp_path / "v2") and len(data["written"]) == 2
    assert data["created_folders"] == [str(tmp_path / "v2")]

    code, out, err = cli("export", "--format", "json", "-o", tmp_path / "j" / "all.json", "--json")
    assert (
        code == 0
        and out == ""
        and err == f"Exported to {tmp_path / 'j' / 'all.json'} (created folder {tmp_path / 'j'})\n"
    )
    json.loads((tmp_path / "j" / "all.json").read_text(encoding="utf-8"))


def test_post_handout_and_backup_say_which_folder_they_made(cli, tmp_path):
    post = tmp_path / "blog" / "post.md"
    code, out, err = cli("post", DEMO_ARTICLE_TITLE, "-o", post)
    assert code == 0, err
    assert out.rstrip("\n").endswith(f"to {post} (created folder {post.parent})")
    data = json.loads(cli("post", DEMO_ARTICLE_TITLE, "-o", tmp_path / "b2" / "p.md", "--json")[1])
    assert data["created_folder"] == str(tmp_path / "b2")
    deep = tmp_path / "a" / "b" / "c" / "x.md"
    code, out, err = cli("post", DEMO_ARTICLE_TITLE, "-o", deep)
    assert code == 0 and deep.is_file(), err
    a, b = tmp_path / "a", tmp_path / "a" / "b"
    assert out.rstrip("\n").endswith(
        f"to {deep} (created folder {deep.parent} and its missing parents {a}, {b})"
    )
    data = json.loads(cli("post", DEMO_ARTICLE_TITLE, "-o", tmp_path / "d" / "e" / "p.md", "--json")[1])
    assert data["created_folders"] == [str(tmp_path / "d"), str(tmp_path / "d" / "e")]
    assert data["created_folder"] == str(tmp_path / "d" / "e")

    handout = tmp_path / "print" / "handout.html"
    code, out, err = cli("handout", DEMO_TITLE, "-o", handout)
    assert code == 0, err
    assert out.rstrip("\n").endswith(f"to {handout} (created folder {handout.parent})") and handout.is_file()

    backup = tmp_path / "keep" / "safe.sqlite"
    code, out, err = cli("backup", "-o", backup)
    assert code == 0, err
    assert out.rstrip("\n").endswith(f"to {backup} (created folder {backup.parent})")
    code, out, _ = cli("backup", "-o", f"{tmp_path / 'many'}/")
    assert code == 0 and out.rstrip("\n").endswith(f"(created folder {tmp_path / 'many'})")
    data = json.loads(cli("backup", "-o", f"{tmp_path / 'more'}/", "--json")[1])
    assert data["created_folder"] == str(tmp_path / "more")
    data = json.loads(cli("backup", "-o", f"{tmp_path / 'more'}/", "--json")[1])
    assert "created_folder" not in data  # it was there already


# ------------------------------------------------------------------- a mistyped command


def _refused_usage(library_path, capsys, *args) -> str:
    from lyricpad.main import main

    with pytest.raises(SystemExit) as stop:
        main(["--library", str(library_path), *args])
    out, err = capsys.readouterr()
    assert stop.value.code == 2 and out == "" and err.count("\n") == 1
    return err


@pytest.mark.parametrize(
    "typed, meant", [("shw", "show"), ("exprot", "export"), ("anotations", "annotations")]
)
def test_a_mistyped_command_names_the_one_meant(library_path, capsys, typed, meant):
    err = _refused_usage(library_path, capsys, typed, DEMO_TITLE)
    assert f"invalid choice: {typed!r} is neither a command" in err and f"; did you mean {meant!r}?" in err
    assert not library_path.exists()  # refused before the library was made


def test_a_word_like_no_command_gets_no_guess(library_path, capsys):
    assert "did you mean" not in _refused_usage(library_path, capsys, "frobnicate")
