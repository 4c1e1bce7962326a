"""Issue 19 review: audio is offered only when Qt's multimedia module really makes a player."""

from __future__ import annotations

import importlib.machinery
import sys
import types

import pytest

from lyricpad.app import practice_clock


class _BrokenPlayer:
    """Stands in for a QMediaPlayer whose backend is missing: making one fails, as a broken install does."""

    def __init__(self, *args):
        raise RuntimeError("no multimedia backend")


@pytest.fixture
def broken_multimedia(monkeypatch):
    module = types.ModuleType("PySide6.QtMultimedia")
    module.__spec__ = importlib.machinery.ModuleSpec("PySide6.QtMultimedia", loader=None)
    module.QMediaPlayer = module.QAudioOutput = _BrokenPlayer
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", module)
    monkeypatch.setattr(practice_clock, "_audio_works", None)


def test_a_module_that_imports_but_makes_no_player_offers_no_audio(qapp, broken_multimedia):
    assert practice_clock.audio_available() is False
    assert practice_clock.audio_available() is False  # asked once, remembered


def test_without_the_module_no_audio(qapp, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    monkeypatch.setattr(practice_clock, "_audio_works", None)
    assert practice_clock.audio_available() is False
