"""The app layer is Qt without widgets: its tests run in the tests' application, with the English translation
installed (the singular and plural of each "%n change(s)"), whatever order they run in."""

import pytest


@pytest.fixture(autouse=True)
def english_application(qapp):
    return qapp
