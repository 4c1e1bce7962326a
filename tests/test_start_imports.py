"""What starting costs: the window's first paint and a CLI command import only what they use, and a
process started from the command line ends without the interpreter's teardown only when that is safe.

Each check runs in a fresh interpreter (a subprocess), so the modules this test run has imported
already do not hide an eager import. A failure names the modules that came in: make that import
lazy again (inside the function that needs it) rather than widening the list.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from lyricpad.core.demo import DEMO_TITLE

WINDOW_NEVER_NEEDS = (
    # Dialogs: built when their menu item is chosen.
    "lyricpad.gui.backup_dialog",
    "lyricpad.gui.check_dialog",
    "lyricpad.gui.damaged_dialog",
    "lyricpad.gui.export_dialog",
    "lyricpad.gui.import_review_dialog",
    "lyricpad.gui.lens_dialog",
    "lyricpad.gui.publish_dialog",
    # Import, export and handout machinery: loaded with the first file read or written.
    "lyricpad.core.importers",
    "lyricpad.core.html_import",
    "lyricpad.core.salvage",
    "lyricpad.core.export.commonmark",
    "lyricpad.core.export.handout",
    "lyricpad.core.export.json_format",
    "lyricpad.core.export.markdown",
    "lyricpad.core.export.post",
    "lyricpad.core.export.w3c",
    "lyricpad.app.handout",
    "lxml",
    "trafilatura",
    "PySide6.QtNetwork",  # only a window that hands off to, or listens for, other starts
    "PySide6.QtPrintSupport",
    # The Markdown source editor and pygments' Markdown lexer (with the HTML, CSS and JavaScript
    # lexers it loads): built when an article is first edited.
    "lyricpad.gui.article_source_editor",
    "pygments.lexers.markup",
)
"""Modules (and packages: their submodules too) the window's first paint must not import."""

CLI_LISTING_NEVER_NEEDS = (
    "PySide6",
    "shiboken6",
    "lyricpad.app",
    "lyricpad.gui",
    "markdown_it",  # `songs` renders no article
    "pygments",
    "lxml",
    "trafilatura",
    "lyricpad.core.importers",
    "lyricpad.core.export.markdown",
    "lyricpad.core.export.json_format",
)
"""Modules (and packages) `lyricpad songs --json` must not import."""

REPORT_MODULES = "import json, sys; print(json.dumps(sorted(sys.modules)))"


def run_python(code: str, tmp_path, *, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # the per-user folders are the test's own
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=tmp_path,
    )


def loaded_among(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def modules_after(args: list[str], tmp_path) -> tuple[list[str], str]:
    """The modules imported by the time `lyricpad ARGS` returns (run in process: it does not end early)."""
    code = f"""
        import sys
        from lyricpad.main import main
        code = main({args!r})
        sys.stdout.flush()
        print("\\nexit", code)
        {REPORT_MODULES}
    """
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    output, _, modules = result.stdout.rpartition("\n" + "exit 0\n")
    assert modules, f"lyricpad {' '.join(args)} did not exit 0: {result.stdout}{result.stderr}"
    return json.loads(modules), output


@pytest.fixture
def demo_library(tmp_path):
    from lyricpad.core.store import Library

    path = tmp_path / "demo.lyricpad"
    Library.open(path).close()  # the demo song with its article, as a first run creates it
    return path


def test_the_windows_first_paint_imports_no_dialog_nor_file_machinery(tmp_path, demo_library):
    modules, output = modules_after(["--library", str(demo_library), "--smoke"], tmp_path)
    assert "painted" in output
    # It did paint the window, its panes and the demo article: those modules are here.
    assert {"lyricpad.gui.main_window", "lyricpad.gui.article_pane", "markdown_it"} <= set(modules)
    assert loaded_among(modules, WINDOW_NEVER_NEEDS) == []


def test_a_cli_listing_imports_neither_qt_nor_what_it_does_not_print(tmp_path, demo_library):
    modules, output = modules_after(["--library", str(demo_library), "songs", "--json"], tmp_path)
    assert json.loads(output)[0]["title"]
    assert "lyricpad.core.store" in modules
    assert loaded_among(modules, CLI_LISTING_NEVER_NEEDS) == []


def test_what_is_loaded_late_still_works_once_asked_for(tmp_path):
    # The names the lazy modules hand out on first use are the real ones.
    code = """
        import sys
        from lyricpad.core import export, lexers
        assert "lyricpad.core.export.markdown" not in sys.modules
        from lyricpad.core.export import GROUPS, export_markdown, labels
        assert export_markdown.__module__ == "lyricpad.core.export.markdown" and GROUPS
        assert "pygments.lexers.markup" not in sys.modules
        lexer = lexers.MarkdownSourceLexer()
        tokens = list(lexer.get_tokens("```\\ncode\\n```\\n"))
        assert lexers.MarkdownSourceLexer is type(lexer) and tokens
        try:
            export.no_such_name
        except AttributeError:
            pass
        else:
            raise AssertionError("an unknown name was found")
        print("ok")
    """
    result = run_python(code, tmp_path)
    assert result.stdout.strip() == "ok", result.stderr


# ------------------------------------------------------------------ ending


def lyricpad_run(args: list[str], tmp_path, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "lyricpad", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
        **kwargs,
    )


def test_commands_end_with_their_exit_status_and_all_their_output(tmp_path, demo_library):
    library = ["--library", str(demo_library)]
    shown = lyricpad_run([*library, "show", DEMO_TITLE, "--json"], tmp_path)
    assert shown.returncode == 0 and json.loads(shown.stdout)["title"]  # the whole JSON, flushed
    missing = lyricpad_run([*library, "show", "No such song"], tmp_path)
    assert missing.returncode == 1 and "no song matches" in missing.stderr
    usage = lyricpad_run([*library, "annotate"], tmp_path)
    assert usage.returncode == 2 and "error:" in usage.stderr
    smoke = lyricpad_run([*library, "--smoke"], tmp_path)
    assert smoke.returncode == 0 and "painted" in smoke.stdout


def end_process_in(tmp_path, before_ending: str) -> subprocess.CompletedProcess:
    """Run *before_ending*, then end_process(3): exit status 3 when it ended the process, else 0."""
    code = f"""
        import sys
        from lyricpad.process import end_process
        {before_ending}
        end_process(3)
        print("teardown")
    """
    return run_python(code, tmp_path)


def test_ending_early_writes_pending_settings_first(tmp_path):
    ini = tmp_path / "written.ini"
    result = end_process_in(
        tmp_path,
        f"""
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        settings = QSettings({str(ini)!r}, QSettings.Format.IniFormat)
        settings.setValue("window/last", "kept")
        print("set")""",
    )
    assert (result.returncode, result.stdout) == (3, "set\n"), result.stderr
    assert "kept" in ini.read_text()


def test_ending_early_waits_for_a_thread_at_work(tmp_path):
    result = end_process_in(
        tmp_path,
        """
        import threading, time
        threading.Thread(target=time.sleep, args=(0.5,)).start()""",
    )
    assert (result.returncode, result.stdout) == (0, "teardown\n"), result.stderr


def test_ending_early_waits_for_a_library_still_open(tmp_path):
    result = end_process_in(
        tmp_path,
        f"""
        from lyricpad.core.store import Library
        library = Library.open({str(tmp_path / "library.sqlite")!r})""",
    )
    assert (result.returncode, result.stdout) == (0, "teardown\n"), result.stderr


def test_ending_early_waits_for_a_library_worker_at_work(tmp_path):
    """A LibraryWorker runs its job in a thread pool of its own, not Qt's global one."""
    result = end_process_in(
        tmp_path,
        f"""
        import threading
        from PySide6.QtCore import QCoreApplication
        from lyricpad.app.session import Session
        from lyricpad.app.worker import LibraryWorker
        app = QCoreApplication([])
        session = Session.open({str(tmp_path / "library.sqlite")!r})
        started, worker = threading.Event(), LibraryWorker(session)

        def job(reader, _progress):
            reader.close()  # no library open any more: only the job's thread is at work
            started.set()
            threading.Event().wait(0.5)

        worker.run_job(job)
        started.wait(30)
        session.close()""",
    )
    assert (result.returncode, result.stdout) == (0, "teardown\n"), result.stderr


def test_ending_early_leaves_a_closed_output_to_python(tmp_path):
    result = end_process_in(tmp_path, "sys.stdout.close()")
    assert result.returncode != 3, result.stderr


def test_the_quicker_qt_import_check_gives_pyside_s_own_answers(tmp_path):
    code = """
        import sys
        import PySide6.QtCore
        feature = sys.modules.get("shibokensupport.feature")
        upstream = getattr(feature, "_mod_uses_pyside", None)
        if upstream is None:
            print("no check")  # this PySide6 has no such check: nothing to compare
            raise SystemExit
        import json, lyricpad.core.text, lyricpad.gui.main_window, lyricpad.process
        from lyricpad.process import quicken_qt_imports
        quicken_qt_imports()
        quick = feature._mod_uses_pyside
        assert quick is not upstream
        modules = [json, sys, lyricpad.core.text, lyricpad.gui.main_window, lyricpad.process, PySide6.QtCore]
        answers = [(quick(m), upstream(m)) for m in modules]
        assert all(a == b for a, b in answers), answers
        assert [a for a, _ in answers] == [False, False, False, True, True, False], answers
        print("same")
    """
    result = run_python(code, tmp_path)
    assert result.stdout.strip() in ("same", "no check"), result.stderr
