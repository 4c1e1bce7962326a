"""Issue 19 with issue 17's layout: the study view's stress patterns, left out where they would wrap the
lyrics (compact mode), shown on the user's asking (View > Show Stress Patterns, the margin's menu), remembered."""

from __future__ import annotations

from gui_testing import study_computed, wrapped_lines
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from screen_runs import ran_on_screen, start_on_test_screen

start_on_test_screen()  # the test runs on a 1024x700 screen (screen_runs.py)

STRESS = "Stress Patterns Even If Lines Wrap"


def right_click(margin, line_y: int) -> None:
    point = QPoint(margin.width() // 2, line_y)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, margin.mapToGlobal(point))
    QApplication.sendEvent(margin, event)


def test_stress_patterns_left_out_at_1024_come_back_on_asking_and_are_remembered(
    request, qtbot, open_window, demo_path, menus, shots
):
    if ran_on_screen(request, 1024, 700):
        return
    window = open_window(demo_path)
    controller = window.study_view
    action = controller.stress_action
    assert action in window.menus.view_menu.actions() and not action.isEnabled()  # nothing to show yet
    QTest.keyClick(
        window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    study_computed(qtbot, window, 100)
    pane, margin = window.lyrics_pane, controller.margin
    # Compact at 1024: the lyrics keep their lines whole, the stress patterns are in the tooltips only.
    assert margin.compact and margin.columns().stress[1] == 0
    assert wrapped_lines(pane) == []
    narrow = margin.width()

    # The margin's right-click menu offers it, ticked as the View menu's item is.
    block = pane.document().findBlockByNumber(1)
    y = round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).center().y())
    right_click(margin, y)
    assert STRESS in [text.replace("&", "") for text in menus[-1]]
    action.trigger()  # View > Show Stress Patterns
    qtbot.wait(100)
    assert controller.stress_shown() and not margin.compact
    assert margin.columns().stress[1] > 0 and margin.width() > narrow
    assert wrapped_lines(
        pane
    )  # the user asked for it: the longest lines do not fit (a chord sheet scrolls sideways)
    shots(window, "19-stress-patterns-shown-1024x700")
    window.close()

    again = open_window(demo_path)
    study_computed(qtbot, again, 100)
    assert again.study_view.stress_shown() and not again.study_view.margin.compact
    again.study_view.stress_action.trigger()  # off again: compact, the lines whole
    qtbot.wait(100)
    assert again.study_view.margin.compact and wrapped_lines(again.lyrics_pane) == []
