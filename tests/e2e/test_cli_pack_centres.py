"""A hub's own centres travel inside `cartref pack export --centres` and are added, marked with
the hub's name, by `cartref pack apply` on another site (issue 22)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers.packs_kit import Kit, install_template
from tests.helpers.paths import ROOT


def cartref(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CARTREF_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, encoding="utf-8", env=env,
                          cwd=ROOT, timeout=180)


def test_hub_centres_travel_in_the_signed_pack(kit: Kit, tmp_path: Path) -> None:
    hub, other = tmp_path / "hub", tmp_path / "other"
    install_template(kit, hub)  # the hub has pack v1 installed
    install_template(kit, other)
    assert cartref(hub, "centers", "add", "--name", "Hub Ward", "--coordinates", "25.04,102.72",
                   "--contact", "ward=+86 871 6532 4888").returncode == 0
    out = tmp_path / "hub.cartpack"
    missing = cartref(hub, "pack", "export", str(out), "--centres")
    assert missing.returncode == 2 and "--key" in missing.stderr
    proc = cartref(hub, "pack", "export", str(out), "--centres", "--key", str(kit.key_file), "--site", "Kunming Hub")
    assert proc.returncode == 0, proc.stderr
    names = zipfile.ZipFile(out).namelist()
    assert "manifest.json" in names and "site/centres.json" in names and "site/centres.signature" in names
    assert cartref(other, "pack", "verify", str(out)).returncode == 0  # the publisher's signature still holds
    applied = cartref(other, "pack", "apply", str(out), "--allow-downgrade")
    assert applied.returncode == 0, applied.stderr
    assert "Kunming Hub" in applied.stdout
    rows = json.loads(cartref(other, "centers", "--kind", "site", "--json").stdout)
    assert [(r["name_en"], r["from_site"], r["added_at_this_site"]) for r in rows] == [("Hub Ward", "Kunming Hub", False)]
    assert rows[0]["phones"][0]["display"] == "+86 871 6532 4888"


def test_a_tampered_centre_list_changes_nothing(kit: Kit, tmp_path: Path) -> None:
    hub, other = tmp_path / "hub", tmp_path / "other"
    install_template(kit, hub)
    install_template(kit, other)
    assert cartref(hub, "centers", "add", "--name", "Hub Ward", "--coordinates", "25.04,102.72").returncode == 0
    out = tmp_path / "hub.cartpack"
    assert cartref(hub, "pack", "export", str(out), "--centres", "--key", str(kit.key_file), "--site", "Hub").returncode == 0
    bad = tmp_path / "bad.cartpack"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "site/centres.json":
                data = data.replace(b"Hub Ward", b"Evil Ward")
            dst.writestr(info, data)
    proc = cartref(other, "pack", "apply", str(bad), "--allow-downgrade")
    assert proc.returncode == 2 and "signature" in proc.stderr and "Traceback" not in proc.stderr
    assert json.loads(cartref(other, "centers", "--kind", "site", "--json").stdout or "[]") == []
