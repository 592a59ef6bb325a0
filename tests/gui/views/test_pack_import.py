""""Import update…": summary before applying, progress + Cancel on a worker thread, clear result."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.packs_kit import V1, V2, Kit, build_kit, craft, install_template, snapshot

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import paths
from desktop.kb.store import open_kb
from desktop.packs.errors import PackCancelled
from desktop.ui.views import pack_import
from desktop.ui.views.pack_import import PackProgressDialog, PackSummaryDialog, import_pack


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return build_kit(tmp_path_factory.mktemp("packkit"))


@pytest.fixture
def home(kit: Kit, cartref_home: Path) -> Path:
    install_template(kit, cartref_home)
    return cartref_home


@pytest.fixture
def window(qtbot: Any) -> QWidget:
    w = QWidget()
    w.resize(800, 600)
    qtbot.addWidget(w)
    w.show()
    return w


class Responder:
    """Answers each modal dialog as it opens: {kind: action}, kind in summary/progress/message."""

    def __init__(self, plan: dict[str, Callable[[QWidget], None]]) -> None:
        self.plan = plan
        self.seen: list[tuple[str, dict[str, str], str]] = []
        """(kind, what the dialog showed, its main text), read while it was open."""
        self._handled: set[int] = set()
        self.timer = QTimer()
        self.timer.timeout.connect(self.poll)
        self.timer.start(20)

    def poll(self) -> None:
        w = QApplication.activeModalWidget()
        if w is None or id(w) in self._handled:
            return
        if isinstance(w, PackSummaryDialog):
            kind, text = "summary", w.version_label.text()
        elif isinstance(w, PackProgressDialog):
            kind, text = "progress", w.stage_label.text()
        elif isinstance(w, QMessageBox):
            kind, text = "message", w.text()
        else:
            return
        action = self.plan.get(kind)
        if kind == "progress" and action is None:
            return  # let it run; it closes itself
        self._handled.add(id(w))
        shown = {"title": w.windowTitle()}
        if isinstance(w, PackSummaryDialog):
            shown.update(changelog=w.changelog.toPlainText(), apply=w.apply_button.text())
        if isinstance(w, QMessageBox):
            shown.update(informative=w.informativeText())
        self.seen.append((kind, shown, text))
        if action is not None:
            action(w)

    def stop(self) -> None:
        self.timer.stop()

    def kinds(self) -> list[str]:
        return [k for k, _, _ in self.seen]


def accept(w: QWidget) -> None:
    grab(w)
    w.accept()  # type: ignore[attr-defined]


def reject(w: QWidget) -> None:
    w.reject()  # type: ignore[attr-defined]


def ok(w: QWidget) -> None:
    assert isinstance(w, QMessageBox)
    grab(w)
    w.button(QMessageBox.StandardButton.Ok).click()


def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def press(w: QWidget) -> None:
        assert isinstance(w, QMessageBox)
        w.button(button).click()

    return press


_grabs: dict[str, Any] = {}


def grab(w: QWidget) -> None:
    """Keep what the dialog looked like (informative text read later, pixmap checked non-empty)."""
    _grabs[type(w).__name__] = {"pixmap": w.grab(), "informative": w.informativeText() if isinstance(w, QMessageBox) else ""}


@pytest.fixture
def responder() -> Iterator[Callable[[dict[str, Callable[[QWidget], None]]], Responder]]:
    made: list[Responder] = []

    def make(plan: dict[str, Callable[[QWidget], None]]) -> Responder:
        r = Responder(plan)
        made.append(r)
        return r

    yield make
    for r in made:
        r.stop()


def _kb_version() -> str:
    opened = open_kb()
    try:
        return opened.kb.meta().kb_version
    finally:
        opened.kb.close()


def test_import_shows_summary_progress_and_result(home: Path, kit: Kit, window: QWidget, responder: Any) -> None:
    r = responder({"summary": accept, "message": ok})
    assert import_pack(window, str(kit.v2)) is True
    assert r.kinds() == ["summary", "message"]
    summary = r.seen[0][1]
    assert V2 in r.seen[0][2] and V1 in r.seen[0][2], "new and installed versions shown"
    assert summary["changelog"] == "Updated the version."
    assert V2 in r.seen[1][2]
    assert _kb_version() == "1.1.0"
    assert not _grabs["PackSummaryDialog"]["pixmap"].isNull()


def test_summary_names_the_signer_and_fingerprint(home: Path, kit: Kit, window: QWidget, qtbot: Any) -> None:
    from desktop.packs.archive import inspect_pack

    info = inspect_pack(kit.v2)
    dialog = PackSummaryDialog(info, V1, "en", window)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(pack_import.QLabel))
    assert "Test signer" in texts and kit.key.public.fingerprint in texts and "2026-12-01" in texts
    assert "a key you chose to trust" in texts


def test_declining_the_summary_changes_nothing(home: Path, kit: Kit, window: QWidget, responder: Any) -> None:
    before = snapshot(home)
    r = responder({"summary": reject})
    assert import_pack(window, str(kit.v2)) is False
    assert r.kinds() == ["summary"] and snapshot(home) == before


def test_refused_pack_is_one_clear_sentence(home: Path, kit: Kit, window: QWidget, responder: Any, tmp_path: Path) -> None:
    before = snapshot(home)
    stranger = craft(tmp_path / "s.cartpack", kit.stranger, kit.v2)
    r = responder({"message": ok})
    assert import_pack(window, str(stranger)) is False
    assert r.kinds() == ["message"]
    assert r.seen[0][2] == "The pack is signed by a key this program does not trust, so it was not applied."
    assert "unknown key" in r.seen[0][1]["informative"] and "unchanged" in r.seen[0][1]["informative"]
    assert snapshot(home) == before


def test_expired_or_revoked_packs_are_refused_with_their_own_sentence(home: Path, kit: Kit, window: QWidget, responder: Any, tmp_path: Path) -> None:
    """Review 2026-12-07 (issue 24): freeze and key-compromise refusals read as what they are."""
    from desktop.packs.keys import revoke_key

    before = snapshot(home)

    def expire(manifest: dict[str, Any]) -> None:
        manifest["release_date"], manifest["expires"] = "2025-01-01", "2025-06-30"

    expired = craft(tmp_path / "e.cartpack", kit.key, kit.v2, edit_manifest=expire)
    r = responder({"message": ok})
    assert import_pack(window, str(expired)) is False
    assert r.seen[0][2] == "This content update has expired; a newer one may exist, so it was not applied."
    r.stop()
    revoke_key(kit.key.public.fingerprint)
    r = responder({"message": ok})
    assert import_pack(window, str(kit.v2)) is False
    assert r.seen[0][2] == "The pack is signed by a key that was revoked, so it was not applied."
    assert snapshot(home) == before


def test_cancel_runs_on_a_worker_thread_and_changes_nothing(home: Path, kit: Kit, window: QWidget, responder: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    before = snapshot(home)
    seen_threads: list[int] = []

    def slow_apply(path: Path, *, allow_downgrade: bool, progress: Any, cancel: Any) -> Any:
        seen_threads.append(threading.get_ident())
        for i in range(500):
            progress("check", i / 500)
            if cancel():
                raise PackCancelled()
            time.sleep(0.01)
        raise AssertionError("Cancel was never delivered")

    monkeypatch.setattr(pack_import, "apply_pack", slow_apply)
    values: list[int] = []

    def press_cancel(w: QWidget) -> None:
        assert isinstance(w, PackProgressDialog)
        qtbot.waitUntil(lambda: w.bar.value() > 0, timeout=5000)  # progress reaches the UI thread
        values.append(w.bar.value())
        w.cancel_button.click()

    r = responder({"summary": accept, "progress": press_cancel, "message": ok})
    assert import_pack(window, str(kit.v2)) is False
    assert r.kinds() == ["summary", "progress", "message"]
    assert r.seen[2][2] == "The update was cancelled."
    assert seen_threads and seen_threads[0] != threading.get_ident(), "apply ran on the UI thread"
    assert values and values[0] > 0, "the progress bar moved before Cancel"
    assert snapshot(home) == before


def test_disk_full_message(home: Path, kit: Kit, window: QWidget, responder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop.content.build.build_kb", full)
    before = snapshot(home)
    r = responder({"summary": accept, "message": ok})
    assert import_pack(window, str(kit.v2)) is False
    assert r.seen[-1][2] == "There is not enough free disk space to apply the update."
    assert snapshot(home) == before


def test_older_pack_asks_before_downgrading(home: Path, kit: Kit, window: QWidget, responder: Any) -> None:
    from desktop.packs.apply import apply_pack

    apply_pack(kit.v2)
    r = responder({"message": answer(QMessageBox.StandardButton.No)})
    assert import_pack(window, str(kit.v1)) is False and r.kinds() == ["message"]
    r.stop()
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok])
    r2 = responder({"message": lambda w: answer(next(answers))(w), "summary": accept})
    applied = import_pack(window, str(kit.v1))
    assert r2.kinds() == ["message", "summary", "message"], [(k, t) for k, _, t in r2.seen]
    assert applied is True
    assert _kb_version() == "1.0.0"


def test_file_dialog_when_no_path(home: Path, kit: Kit, window: QWidget, responder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def choose(parent: Any, title: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return ("", "")

    monkeypatch.setattr(pack_import.QFileDialog, "getOpenFileName", staticmethod(choose))
    assert import_pack(window, None) is False
    assert "*.cartpack" in asked[0]
    monkeypatch.setattr(pack_import.QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(kit.v2), "")))
    responder({"summary": accept, "message": ok})
    assert import_pack(window, None) is True and _kb_version() == "1.1.0"


def test_the_main_window_language_picks_the_changelog(home: Path, kit: Kit, responder: Any, qtbot: Any) -> None:
    w = QWidget()
    w.lang = "zh-Hans"  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    r = responder({"summary": accept, "message": ok})
    assert import_pack(w, str(kit.v2)) is True
    assert r.seen[0][1]["changelog"] == "更新了版本号。"


@pytest.fixture
def chinese(tmp_path: Path) -> Iterator[None]:
    """Install the compiled packs translation (built from the .ts if make has not run)."""
    qm = paths.resource_path("i18n", "packs_zh_CN.qm")
    if not qm.exists():
        lrelease = shutil.which("pyside6-lrelease") or str(Path(__import__("sys").executable).with_name("pyside6-lrelease"))
        qm = tmp_path / "packs_zh_CN.qm"
        subprocess.run([lrelease, "-silent", str(paths.resource_path("i18n", "packs_zh_CN.ts")), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_chinese_ui(home: Path, kit: Kit, window: QWidget, responder: Any, chinese: None, tmp_path: Path) -> None:
    r = responder({"summary": accept, "message": ok})
    assert import_pack(window, str(kit.v2), lang="zh-Hans") is True
    summary = r.seen[0][1]
    assert summary["title"] == "导入内容更新"
    assert summary["apply"] == "应用更新"
    assert summary["changelog"] == "更新了版本号。"
    assert r.seen[0][2] == f"{V2}（当前安装：{V1}）"
    assert r.seen[1][2].startswith("知识库现在是")
    stranger = craft(tmp_path / "s.cartpack", kit.stranger, kit.v2)
    r.stop()
    r2 = responder({"message": ok})
    assert import_pack(window, str(stranger), lang="zh-Hans") is False
    assert r2.seen[0][2] == "更新包的签名密钥不受本程序信任，因此未应用。"
