"""Qt widgets only: the main window, its views and Qt models. No SQL here (see desktop.kb)."""
