"""`cartref kb diff` and `cartref feedback` through the real command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers.paths import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def _cartref(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CARTREF_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, capture_output=True, encoding="utf-8", timeout=120)


def test_kb_diff(tmp_path: Path, mini_kb: Path) -> None:
    new_data = tmp_path / "new"
    shutil.copytree(FIXTURES / "mini", new_data)
    kb_yaml = new_data / "kb.yaml"
    kb_yaml.write_text(kb_yaml.read_text(encoding="utf-8").replace('"1.0.0"', '"1.0.1"'), encoding="utf-8")
    out = tmp_path / "new.sqlite"
    built = _cartref("kb", "build", "--data", str(new_data), "--out", str(out), home=tmp_path)
    assert built.returncode == 0, built.stderr
    text = _cartref("kb", "diff", str(mini_kb), str(out), home=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "meta kb_version: 1.0.0 → 1.0.1" in text.stdout
    as_json = _cartref("kb", "diff", str(mini_kb), str(out), "--json", home=tmp_path)
    data = json.loads(as_json.stdout)
    assert data["meta_changes"]["kb_version"] == {"old": "1.0.0", "new": "1.0.1"}
    missing = _cartref("kb", "diff", str(tmp_path / "nope.sqlite"), str(out), home=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


def test_feedback_commands(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    sys.path.insert(0, str(ROOT))
    from desktop.userdata import feedback
    from desktop.userdata.db import open_user_db

    conn = open_user_db(home / "user.sqlite")
    feedback.record_no_results(conn, "zevor-cel driving", "1.0.0")
    feedback.record_page_problem(conn, "article:crs-patient", "typo in title", "1.0.0")
    conn.close()
    listed = _cartref("feedback", "list", "--json", home=home)
    assert listed.returncode == 0, listed.stderr
    assert [i["kind"] for i in json.loads(listed.stdout)] == ["no-results", "page-problem"]
    target = tmp_path / "fb.json"
    exported = _cartref("feedback", "export", str(target), home=home)
    assert exported.returncode == 0 and "exported 2" in exported.stdout
    assert json.loads(target.read_text(encoding="utf-8"))["counts"] == {"no-results": 1, "page-problem": 1}
    bad = _cartref("feedback", "export", str(tmp_path / "no" / "fb.json"), home=home)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    cleared = _cartref("feedback", "clear", home=home)
    assert cleared.returncode == 0 and "cleared 2" in cleared.stdout
    assert json.loads(_cartref("feedback", "list", "--json", home=home).stdout) == []
