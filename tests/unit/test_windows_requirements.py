"""The Windows build's pinned wheels (scripts/windows/requirements.txt) keep to pyproject.toml."""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.helpers.paths import ROOT


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "scripts" / "windows" / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not pinned with ==: {line}"
            pins[canonicalize_name(name)] = version
    return pins


def test_every_pin_satisfies_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = _pins()
    runtime = [Requirement(r) for r in project["dependencies"]]
    for req in runtime + [Requirement(r) for r in project["optional-dependencies"]["dev"]]:
        name = canonicalize_name(req.name)
        if name in pins:
            assert req.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} is not {req.specifier}"
    missing = [r.name for r in runtime if canonicalize_name(r.name) not in pins]
    assert not missing, f"run-time dependencies with no Windows wheel pinned: {missing}"
    assert {"pyinstaller", "pytest", "pytest-qt", "hypothesis"} <= set(pins)
