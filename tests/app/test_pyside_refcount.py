"""Regression guard: PySide6 6.12.0 on Python < 3.12 loses a reference to None per void call.

That build returns None from void Qt methods without taking a reference, so after a
few thousand calls Python aborts with "Fatal Python error: none_dealloc". pyproject.toml
keeps 6.12 away from Python < 3.12; these tests say so if it ever comes back.
"""

import gc
import sys

import pytest
from PySide6 import __version_info__ as pyside_version
from PySide6.QtGui import QColor, QTextCharFormat

CALLS = 20_000
CHUNK = 250
SLACK = 100
"""Unrelated objects freed during the loop may drop a few references; the bug drops one per call."""


def test_void_qt_calls_keep_none_alive():
    text_format = QTextCharFormat()
    colour = QColor(212, 160, 23, 85)
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        # Checked after every chunk, so that the broken build fails this test instead of
        # aborting the whole run when None's count reaches zero.
        for done in range(CHUNK, CALLS + 1, CHUNK):
            for _ in range(CHUNK):
                text_format.setBackground(colour)
            lost = before - sys.getrefcount(None)
            assert lost <= SLACK, f"None lost {lost} references in {done} void Qt calls"
    finally:
        gc.enable()


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="the bug needs Python < 3.12 (None is immortal since)"
)
def test_pyside6_6_12_is_not_installed_on_python_before_3_12():
    assert tuple(pyside_version[:2]) != (6, 12), (
        f"PySide6 {'.'.join(map(str, pyside_version[:3]))} aborts on Python "
        f"{sys.version_info.major}.{sys.version_info.minor}; install PySide6 < 6.12"
    )
