"""`lyricpad annotate --time M:SS[.xx]`: a note about a moment of the song; the time is in its JSON and its line."""

import pytest
from cli_testing import data_dump

from lyricpad.arguments import song_time
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library


@pytest.mark.parametrize(
    ("typed", "ms"),
    [
        ("0:00", 0),
        ("1:23", 83_000),
        ("1:23.4", 83_400),
        ("1:23.45", 83_450),
        ("12:05.07", 725_070),
        ("0:59.99", 59_990),
    ],
)
def test_times_are_read_as_milliseconds(typed, ms):
    assert song_time(typed) == ms


def test_annotate_with_a_time_stores_it_and_shows_it(cli, cli_json, library_path):
    made = cli_json(
        "annotate", DEMO_TITLE, "--lines", "2", "--note", "the drums come in", "--time", "1:23.45"
    )
    assert made["time_ms"] == 83_450
    with Library.open(library_path) as lib:
        assert lib.annotations.get(made["id"]).time_ms == 83_450
    listed = cli_json("annotations", DEMO_TITLE)
    assert {a["id"]: a["time_ms"] for a in listed}[made["id"]] == 83_450
    assert [a["time_ms"] for a in cli_json("show", DEMO_TITLE)["annotations"] if a["id"] == made["id"]] == [
        83_450
    ]
    code, out, _ = cli("annotations", DEMO_TITLE)
    assert code == 0 and "line 2 at 1:23.45  " in out
    code, out, _ = cli("annotate", DEMO_TITLE, "--lines", "3", "--time", "2:05")
    assert code == 0 and "line 3 at 2:05  " in out


def test_annotate_without_a_time_has_none(cli_json):
    assert cli_json("annotate", DEMO_TITLE, "--lines", "2")["time_ms"] is None


@pytest.mark.parametrize(
    "typed",
    [
        "1:75",
        "-1:00",
        "abc",
        "1:5",
        "1:23.456",
        "1:23.",
        ":30",
        "1:2３",
        "١:٢٣",
        " 1:23",
        "1:23 ",
        "1:60",
        "1.23",
        "99999:00",
        "",
    ],
)
def test_a_time_that_is_not_m_ss_is_a_usage_error_and_changes_nothing(cli, library_path, capsys, typed):
    cli("songs")
    before = data_dump(library_path)
    with pytest.raises(SystemExit) as exit_info:
        cli("annotate", DEMO_TITLE, "--lines", "2", f"--time={typed}")
    out, err = capsys.readouterr()
    assert exit_info.value.code == 2 and out == ""
    expected = (
        f"lyricpad: error: argument --time: {typed!r} is not a time in the song: give M:SS or M:SS.xx,"
        " seconds under 60 (e.g. 1:23 or 1:23.45) (see 'lyricpad annotate --help')"
    )
    assert err.strip().splitlines() == [expected]  # one line, then nothing else
    assert data_dump(library_path) == before
