"""Entry point for the frozen bundle (PyInstaller needs a script, not a package)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
