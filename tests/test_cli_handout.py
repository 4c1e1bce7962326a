"""CLI: `lyricpad handout`, a song's handout as PDF (laid out by Qt, without a display) or HTML (no Qt)."""

import io
import os
import subprocess
import sys
import unicodedata

import pytest
from cli_testing import data_dump
from pypdf import PdfReader

from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join(
        "".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages
    )


@pytest.fixture
def demo(library_path):
    Library.open(library_path).close()
    return library_path


def test_a_pdf_handout_of_the_demo_song(cli, demo, tmp_path):
    target = tmp_path / "handouts" / "lanterns.pdf"
    code, out, err = cli("handout", DEMO_TITLE, "-o", target)
    assert (code, err) == (0, "")
    assert f"to {target}" in out
    text = pdf_text(target)
    assert "Theharbourlightsarefoldingup" in text and "Notes" in text
    assert "aclosereading" not in text  # the article only when asked for
    mediabox = PdfReader(io.BytesIO(target.read_bytes())).pages[0].mediabox
    assert float(mediabox.width) == pytest.approx(595.3, abs=1)  # A4 by default


def test_article_and_letter_paper(cli, cli_json, demo, tmp_path):
    article_id = cli_json("show", DEMO_TITLE)["articles"][0]["id"]
    target = tmp_path / "h.pdf"
    code, _, err = cli("handout", DEMO_TITLE, "--article", article_id[:8], "--paper", "letter", "-o", target)
    assert code == 0, err
    assert "aclosereading" in pdf_text(target)
    mediabox = PdfReader(io.BytesIO(target.read_bytes())).pages[0].mediabox
    assert (float(mediabox.width), float(mediabox.height)) == pytest.approx((612, 792), abs=1)


def test_an_html_handout_loads_no_qt(demo, tmp_path):
    target = tmp_path / "h.html"
    script = (
        "import sys\nfrom lyricpad.main import main\n"
        f"code = main(['--library', {str(demo)!r}, 'handout', {DEMO_TITLE!r}, '-o', {str(target)!r}])\n"
        "print(code, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.split()[-2:] == ["0", "False"], result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_pdf_without_a_display(demo, tmp_path):
    """The real command, without DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM: Qt renders offscreen."""
    target = tmp_path / "h.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "lyricpad", "--library", str(demo), "handout", DEMO_TITLE, "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((DEMO_TITLE,), "say where to write the handout"),
        ((DEMO_TITLE, "-o", "{tmp}/h.txt"), "written as .pdf or .html, not 'h.txt'"),
        (("No Such Song", "-o", "{tmp}/h.pdf"), "No Such Song"),
        ((DEMO_TITLE, "--article", "nope", "-o", "{tmp}/h.pdf"), "nope"),
    ],
)
def test_refusals_say_why_and_change_nothing(cli, demo, tmp_path, args, message):
    folder = tmp_path / "out"
    folder.mkdir()
    before = data_dump(demo)
    args = [a.replace("{tmp}", str(folder)) for a in args]
    code, out, err = cli("handout", *args)
    assert code == 1 and out == ""
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1
    assert message.replace("{tmp}", str(folder)) in err
    assert list(folder.iterdir()) == []
    assert data_dump(demo) == before


def test_a_folder_is_not_a_file(cli, demo, tmp_path):
    folder = tmp_path / "handout.pdf"
    folder.mkdir()
    code, _, err = cli("handout", DEMO_TITLE, "-o", folder)
    assert code == 1 and "lyricpad: error:" in err and "handout.pdf" in err
    assert list(folder.iterdir()) == []


def test_the_library_itself_is_never_the_output(cli, demo):
    before = demo.read_bytes()
    code, _, err = cli("handout", DEMO_TITLE, "-o", demo)
    assert code == 1 and "lyricpad: error:" in err
    assert demo.read_bytes() == before


def test_an_unknown_paper_is_a_usage_error(cli, demo, tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        cli("handout", DEMO_TITLE, "--paper", "a3", "-o", tmp_path / "h.pdf")
    assert exited.value.code == 2 and "invalid choice: 'a3'" in capsys.readouterr().err
    assert not (tmp_path / "h.pdf").exists()
