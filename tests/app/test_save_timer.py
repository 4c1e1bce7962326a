"""The save-while-typing controller: a pause saves, and a burst of typing never waits longer than the maximum."""

import pytest

from lyricpad.app.commands import NOTE_BURST_SECONDS
from lyricpad.app.save_timer import SAVE_MAX_WAIT_MS, SaveTimer

HOUR_MS = 3_600_000
"""Longer than any test: a timer of this length never fires in one."""


@pytest.fixture
def make(qtbot):
    """A SaveTimer and the list its timeouts are recorded in (each as whether it was still pending then)."""

    def make_(pause_ms, max_wait_ms=None):
        timer = SaveTimer(pause_ms, max_wait_ms)
        fired = []
        timer.timeout.connect(lambda: fired.append(timer.is_pending()))
        return timer, fired

    return make_


def test_continuous_typing_waits_two_seconds_at_most():
    assert SAVE_MAX_WAIT_MS == 2000
    timer = SaveTimer(400)
    assert (timer.pause_ms, timer.max_wait_ms) == (400, SAVE_MAX_WAIT_MS)


def test_a_note_saved_every_maximum_wait_stays_one_undo_step():
    # Note edits merge into one undo step while they come less than NOTE_BURST_SECONDS apart.
    assert SAVE_MAX_WAIT_MS / 1000 < NOTE_BURST_SECONDS


def test_nothing_is_pending_before_a_change(make):
    timer, fired = make(HOUR_MS, HOUR_MS)
    assert not timer.is_pending()
    assert timer.due_in_ms() == -1 and timer.burst_age_ms() == -1
    assert timer.flush() is False
    assert fired == []


def test_flush_saves_a_waiting_edit_at_once_and_only_once(make):
    timer, fired = make(HOUR_MS, HOUR_MS)
    timer.changed()
    assert timer.is_pending()
    assert timer.flush() is True
    assert fired == [False]  # what the save sets off sees nothing pending any more
    assert not timer.is_pending()
    assert timer.flush() is False
    assert fired == [False]


def test_stop_forgets_a_waiting_edit(make, qtbot):
    timer, fired = make(10, 10)
    timer.changed()
    timer.stop()
    assert not timer.is_pending()
    qtbot.wait(100)
    assert fired == []


def test_changes_restart_the_pause_but_not_the_maximum_wait(make, qtbot):
    timer, fired = make(1000, HOUR_MS)
    timer.changed()
    qtbot.wait(300)
    timer.changed()
    qtbot.wait(300)
    timer.changed()
    # The burst's clock runs from its first change (a restart would put it back near 0) ...
    assert timer.burst_age_ms() >= 550
    # ... while the pause starts over at each change (left alone it would have <= 400 ms to go).
    assert timer.due_in_ms() > 700
    assert fired == []


def test_the_maximum_wait_saves_a_burst_whose_pause_never_comes(make, qtbot):
    timer, fired = make(HOUR_MS, 100)
    timer.changed()
    assert 0 <= timer.due_in_ms() <= 100  # never later than the maximum wait
    with qtbot.waitSignal(timer.timeout, timeout=5000):
        pass
    assert fired == [False] and not timer.is_pending()
    timer.changed()  # the next change starts a new burst, with a new maximum wait
    assert timer.is_pending() and 0 <= timer.due_in_ms() <= 100
    with qtbot.waitSignal(timer.timeout, timeout=5000):
        pass
    assert fired == [False, False]


def test_a_pause_saves_before_the_maximum_wait(make, qtbot):
    timer, fired = make(50, HOUR_MS)
    timer.changed()
    with qtbot.waitSignal(timer.timeout, timeout=5000):
        pass
    assert fired == [False]
    assert timer.burst_age_ms() == -1  # the burst ended with the save: the maximum wait too


def test_a_change_made_while_saving_waits_for_its_own_save(make, qtbot):
    timer = SaveTimer(HOUR_MS, HOUR_MS)
    saves = []

    def save():
        saves.append("saved")
        if len(saves) == 1:
            timer.changed()  # e.g. the editor normalised its text as the save came back

    timer.timeout.connect(save)
    timer.changed()
    timer.flush()
    assert saves == ["saved"] and timer.is_pending()
    timer.flush()
    assert saves == ["saved", "saved"] and not timer.is_pending()
