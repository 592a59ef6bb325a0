"""Release metadata agrees everywhere a user or an OS sees the version."""

from __future__ import annotations

import re
import tomllib

from desktop import __version__
from tests.helpers.paths import ROOT


def test_versions_agree() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    windows = (ROOT / "resources" / "version_info.txt").read_text(encoding="utf-8")
    assert project == __version__
    assert f"StringStruct('FileVersion', '{__version__}')" in windows
    numbers = tuple(int(n) for n in re.findall(r"filevers=\(([\d, ]+)\)", windows)[0].split(","))
    assert numbers[:3] == tuple(int(n) for n in __version__.split("."))


def test_desktop_entry_names_the_app_in_both_languages() -> None:
    text = (ROOT / "scripts" / "make_dist.py").read_text(encoding="utf-8")
    assert "Name=CAR-T Reference" in text and "Name[zh_CN]=" in text
