"""The app layer is Qt without widgets: its tests run in the tests' application, with the English translation
installed (the singular and plural of each "%n change(s)"), whatever order they run in."""

import pytest

from lyricpad.app.session import Session
from lyricpad.core.store import Library


@pytest.fixture(autouse=True)
def english_application(qapp):
    return qapp


class Clock:
    """The time as a session's timers read it: set by the test (`clock.now += 60`)."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def session(library_path, clock):
    """A session on a new library whose clock the test sets (a test file may define its own `session`)."""
    session = Session(Library.open(library_path), clock=clock)
    yield session
    session.close()
