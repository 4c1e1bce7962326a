"""Widgets: the main window, its panes and panels, and the launcher that opens them."""
