"""Screenshots of every view of the window in one language, into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py zh-Hans   # main-<view>-zh.png
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py en        # main-<view>-en.png

It opens the main window on the built KB (resources/kb/kb.sqlite) in a throw-away CARTREF_HOME,
at 1280×800, and grabs the window on each navigation entry, on one page of each kind, on each
tab of the grading tools, on search results, and the dialogs that open without a file. Look at
them after taking them: that is what they are for (docs/i18n.md).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CARTREF_HOME"] = tempfile.mkdtemp(prefix="cartref-shots-")
os.environ.pop("CARTREF_KB", None)

PAGES = {
    "therapy": "therapy:eque-cel", "trial": "trial:fumanba-1",
    "outcome": "outcome:fumanba-1/car-t/all/n_infused/ash-2021", "glossary-term": "glossary:4-1bb",
    "centre": "center:beijing-hospital", "source": "source:CS1", "article": "article:crs-patient",
    "about": "article:about",
}


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QTabWidget

    from desktop import paths
    from desktop.kb.store import KnowledgeBase, OpenedKB
    from desktop.ui.shell.app import create_app
    from desktop.ui.shell.i18n import Translations, normalise
    from desktop.ui.shell.main_window import MainWindow
    from desktop.userdata.db import open_user_db

    lang = normalise(argv[0] if argv else "zh-Hans")
    suffix = "zh" if lang == "zh-Hans" else "en"
    out = ROOT / "docs" / "screenshots"
    app = create_app([])
    translations = Translations()
    translations.set_language(lang)
    window = MainWindow(OpenedKB(KnowledgeBase(paths.bundled_kb_path()), None), open_user_db(),
                        translations=translations, lang=lang)
    window.resize(1280, 800)
    window.show()

    def settle(seconds: float = 0.3) -> None:
        """Let the event loop run: previews are laid out on worker threads (handouts, calendar)."""
        import time

        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str, widget: QWidget | None = None) -> None:
        settle()
        path = out / f"main-{name}-{suffix}.png"
        (widget or window).grab().save(str(path))
        print(path.relative_to(ROOT))

    for key in window.nav_keys:
        window.navigate(f"view:{key}")
        settle(3.0 if key in ("handouts", "calendar") else 0.3)
        shoot(key)
        tabs = [t for t in window.stack.currentWidget().findChildren(QTabWidget) if t.isVisible()]
        for tab_widget in tabs[:1]:
            for i in range(1, tab_widget.count()):
                tab_widget.setCurrentIndex(i)
                shoot(f"{key}-tab{i + 1}")
            tab_widget.setCurrentIndex(0)
    for name, link in PAGES.items():
        window.navigate(link)
        shoot(name)
    window.search_field.setText("发热" if suffix == "zh" else "fever")
    settle()
    window.search.search_now()
    shoot("search")
    window.search_field.clear()
    window.navigate("view:home")

    from desktop.ui.views.feedback_dialogs import FeedbackDialog, ReportProblemDialog

    dialogs: dict[str, QDialog] = {
        "report-dialog": ReportProblemDialog("view:home", window.kb.meta().kb_version, window.user_db, window),
        "feedback-dialog": FeedbackDialog(window.user_db, window),
        "pack-dialog": _pack_summary(window, lang),
    }
    for name, dialog in dialogs.items():
        dialog.show()
        shoot(name, dialog)
        dialog.close()
    QApplication.processEvents()
    translations.set_language("en")
    return 0


def _pack_summary(parent: QWidget, lang: str) -> QDialog:
    """The pack details dialog for a made-up signed pack: what a user sees before applying one."""
    from desktop.packs.archive import PackInfo
    from desktop.packs.keys import PublicKey
    from desktop.packs.manifest import FileEntry, Manifest
    from desktop.ui.views.pack_import import PackSummaryDialog

    manifest = Manifest(pack_version="1.2.0", schema_version=1, content_hash="0" * 64, release_date="2026-12-01",
                        changelog={"en": "Updated trial results.", "zh-Hans": "更新了试验结果。"},
                        files=(FileEntry("kb.sqlite", "0" * 64, 4_000_000),), kb_version="1.2.0",
                        content_date="2026-11-30")
    signer = PublicKey(raw=b"\x01" * 32, name="项目发布密钥 2026" if lang == "zh-Hans" else "Release key 2026",
                       origin="bundled")
    info = PackInfo(path=Path("update.cartpack"), manifest=manifest, signer=signer, pack_sha256="0" * 64)
    return PackSummaryDialog(info, "1.1.0", lang, parent)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
