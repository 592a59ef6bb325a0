"""Where things live: bundled resources (dev tree or frozen bundle) and writable user state.

One place knows about `sys._MEIPASS`, `$CARTREF_HOME` and the portable marker, so no module
ever looks at the current directory.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from pathlib import Path

APP_NAME = "cartref"
PORTABLE_MARKER = "portable"  # a file beside the frozen executable: keep user state beside it too
PORTABLE_DATA = "user-data"


@functools.cache  # fixed for the life of the process; resolving it walks the file system
def app_root() -> Path:
    """The folder that holds `resources/` (and `data/` in a source checkout)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def data_dir() -> Path:
    """The authored content (only present in a source checkout)."""
    return app_root() / "data"


def bundled_kb_path() -> Path:
    """The KB built from data/ and shipped with the program (read-only fallback)."""
    return resource_path("kb", "kb.sqlite")


def portable_dir() -> Path | None:
    """`user-data/` beside the frozen executable when a `portable` file sits there, else None.

    The portable zip (a USB stick, a PC where nothing may be installed) ships the marker, so
    bookmarks, settings and installed packs travel with the program and the PC keeps nothing.
    A source checkout is never portable: its "executable" is the Python interpreter.
    """
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    if not (exe_dir / PORTABLE_MARKER).is_file():
        return None
    return exe_dir / PORTABLE_DATA


def user_dir() -> Path:
    """All writable state, in this order: `$CARTREF_HOME`; beside a portable program; the
    platform's user data folder (Windows: %LOCALAPPDATA%\\cartref, not the roaming %APPDATA%,
    because installed knowledge bases are megabytes that a roaming profile would copy at every
    logon; Linux: ~/.local/share/cartref; macOS: ~/Library/Application Support/cartref)."""
    home = os.environ.get("CARTREF_HOME")
    if home:
        path = Path(home).expanduser()
    elif (portable := portable_dir()) is not None:
        path = portable
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))
    _make(path)
    return path


def _make(path: Path) -> None:
    """Create a writable folder if it can be; a read-only user folder must not stop a lookup
    (reading the bundled KB needs none of it, F12): whoever writes there reports the error."""
    with contextlib.suppress(OSError):
        path.mkdir(parents=True, exist_ok=True)


def installed_kb_dir() -> Path:
    """Where content packs install KBs, each under a name of its own; which one is current and
    which previous is in the pointer file there (`desktop.kb.installed`)."""
    path = user_dir() / "kb"
    _make(path)
    return path


def user_db_path() -> Path:
    return user_dir() / "user.sqlite"


def log_dir() -> Path:
    path = user_dir() / "logs"
    _make(path)
    return path
