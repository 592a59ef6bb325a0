"""Where the program may write a file the user named: never onto a device, a folder or a pipe.

An atomic write renames a new file over the target, so as root `--out /dev/null` would replace
the device node with a regular file (review F15); a pipe would make the rename succeed while the
reader waits forever. The target must be a regular file or not exist yet, in an existing folder,
and its name must be text (a name that is not UTF-8 cannot be shown in a message or handed to Qt,
F21). Ground floor: no Qt, no KB.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop.errors import UserInputError

# User-facing messages, in one place (to be moved into the message catalogues).
MESSAGES = {
    "empty": "no file name given",
    "nul": "a file name cannot contain a NUL character",
    "not-text": "the file name {0} is not valid text (UTF-8); choose another name",
    "folder": "cannot write {0}: it is a folder; give a file name",
    "special": "cannot write {0}: it is a device or a pipe, not a file",
    "no-folder": "cannot write {0}: folder {1} does not exist",
    "not-a-folder": "cannot write into {0}: it is not a folder",
    "cannot": "cannot write {0}: {1}",
}


def shown(path: Path | str) -> str:
    """A path as a message may print it, whatever bytes its name holds."""
    return repr(str(path).encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace"))[1:-1]


def _check_name(text: str) -> None:
    if not text:
        raise UserInputError(MESSAGES["empty"])
    if "\0" in text:
        raise UserInputError(MESSAGES["nul"])
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserInputError(MESSAGES["not-text"].format(shown(text))) from None


def check_output_file(path: Path | str, *, need_folder: bool = True) -> Path:
    """`path` as a file the program may replace; a one-line `UserInputError` otherwise.

    `need_folder=False` where the writer creates the folder itself (`pack keygen`)."""
    text = os.fspath(path)
    _check_name(text)
    target = Path(text)
    try:
        info = os.stat(target)  # follows a link: a link to /dev/null is a device too
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UserInputError(MESSAGES["cannot"].format(text, exc.strerror or exc)) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise UserInputError(MESSAGES["folder"].format(text))
        if not stat.S_ISREG(info.st_mode):
            raise UserInputError(MESSAGES["special"].format(text))
    if need_folder and not _is_dir(target.parent):
        raise UserInputError(MESSAGES["no-folder"].format(text, target.parent))
    return target


def _is_dir(path: Path) -> bool:
    """Path.is_dir, except that a name too long or otherwise unusable is "no" rather than raising."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def check_output_dir(path: Path | str) -> Path:
    """`path` as a folder to write files into (it may not exist yet)."""
    text = os.fspath(path)
    _check_name(text)
    target = Path(text)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise UserInputError(MESSAGES["cannot"].format(text, exc.strerror or exc)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise UserInputError(MESSAGES["not-a-folder"].format(text))
    return target


def check_written(path: Path, expected: int) -> None:
    """After a write: the file is there, regular, and as long as what was written (F14)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise UserInputError(MESSAGES["cannot"].format(path, exc.strerror or exc)) from None
    if not stat.S_ISREG(info.st_mode) or info.st_size != expected:
        path.unlink(missing_ok=True)
        raise UserInputError(MESSAGES["cannot"].format(path, "the file was not written completely"))


def argument(value: str) -> Path:
    """argparse `type=` for an output file: refused at once, as one line, exit 2. The folder is
    checked where the file is written (some commands create it)."""
    import argparse

    try:
        return check_output_file(value, need_folder=False)
    except UserInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def dir_argument(value: str) -> Path:
    """argparse `type=` for an output folder."""
    import argparse

    try:
        return check_output_dir(value)
    except UserInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
