"""The window's command line: a lyricpad:// link is opened, not imported; a file:// URI is a file."""

import pytest

from lyricpad.command_line import parse_arguments
from lyricpad.main import main

LINK = "lyricpad://song/0b6c3f4e-2d51-4c8e-9a57-6d1f2e8b9c40#annotation-3b0f8a52-7c1e-4d7a-9a55-1f0e6c2d9b34"


@pytest.mark.parametrize(
    ("argv", "files", "links"),
    [
        ([LINK], [], [LINK]),
        (["a.lrc", LINK, "--song", "S"], ["a.lrc"], [LINK]),
        (["LYRICPAD:nonsense"], [], ["LYRICPAD:nonsense"]),  # meant as a link: read (and refused) as one
        (["file:///home/me/a%20b.lrc"], ["file:///home/me/a%20b.lrc"], []),
        (["--", LINK], [LINK], []),  # after --, every word is a file
        (["songs"], [], []),
    ],
)
def test_links_are_told_from_files(argv, files, links):
    args = parse_arguments(argv)
    assert (args.files, args.links) == (files, links)


def test_a_link_is_never_taken_for_a_mistyped_command(capsys, monkeypatch):
    import lyricpad.gui.launch as launch

    seen = []
    monkeypatch.setattr(launch, "run_window", lambda args: seen.append((args.files, args.links)) or 0)
    assert main([LINK]) == 0
    assert main(["file:///nowhere/no-dot-here"]) == 0
    assert seen == [([], [LINK]), (["file:///nowhere/no-dot-here"], [])]
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("option", [["--smoke"], ["--screenshot", "x.png"]])
def test_a_link_does_not_go_with_a_check_or_a_screenshot(capsys, option):
    with pytest.raises(SystemExit) as exited:
        main([*option, LINK])
    assert exited.value.code == 2
    assert "links open in the window" in capsys.readouterr().err
