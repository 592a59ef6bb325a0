"""The window frame: start-up, main window, theme, language, fonts, error hook, KB check."""
