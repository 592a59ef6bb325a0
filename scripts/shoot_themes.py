"""Screenshots of the views issue 21 changed, in the light, dark and high-contrast themes.

    python scripts/shoot_themes.py [OUT_DIR]      (default docs/screenshots/themes)

Runs offscreen with a private CARTREF_HOME; one PNG per view and theme, then one montage per
view (ImageMagick `montage` when installed) so the three themes sit side by side.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CARTREF_HOME", tempfile.mkdtemp(prefix="cartref-shots-"))

VIEWS = ("compare", "timeline", "changes", "grading", "journey", "bookmarks", "centres", "calendar")
THEMES = ("light", "dark", "high-contrast")


def main() -> int:
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication(sys.argv[:1])
    from desktop import paths
    from desktop.kb.store import KnowledgeBase, OpenedKB
    from desktop.ui.shell.main_window import MainWindow
    from desktop.userdata.db import open_user_db

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "themes"
    out.mkdir(parents=True, exist_ok=True)
    conn = open_user_db()
    w = MainWindow(OpenedKB(KnowledgeBase(paths.bundled_kb_path()), None), conn)
    w.resize(1200, 800)
    w.show()
    for theme in THEMES:
        w.set_theme(theme)
        for key in VIEWS:
            w.navigate(f"view:{key}")
            view = w.stack.currentWidget()
            if key == "grading":
                view.temp.setFocus()  # type: ignore[attr-defined]
                view.temp.selectAll()  # type: ignore[attr-defined]
                view.temp.lineEdit().insert("102.2")  # type: ignore[attr-defined]
                view.temp.interpretText()  # type: ignore[attr-defined]
            if key == "centres":
                field = next(f for f in view.findChildren(QLineEdit) if f.isVisible())
                field.setText("Kunming")
                field.returnPressed.emit()
            for _ in range(5):
                app.processEvents()
            w.grab().save(str(out / f"{key}-{theme}.png"))
        # the search panel's empty state with a long query
        search = w.findChild(QLineEdit, "searchField")
        if search is not None:
            search.setText("x" * 300)
            for _ in range(20):
                app.processEvents()
            w.grab().save(str(out / f"search-empty-{theme}.png"))
            search.clear()
        w.navigate("outcome:" + next(o.id for o in w.kb.outcomes("fumanba-1") if o.metric == "pfs_12mo"))  # type: ignore[attr-defined]
        app.processEvents()
        w.grab().save(str(out / f"outcome-{theme}.png"))
    w.set_theme("light")
    w.close()
    conn.close()
    montage = None if os.environ.get("CARTREF_SHOTS_SINGLE") else shutil.which("montage")
    if montage:
        for key in (*VIEWS, "search-empty", "outcome"):
            files = [str(out / f"{key}-{t}.png") for t in THEMES]
            subprocess.run([montage, *files, "-tile", "3x1", "-geometry", "800x533+4+4", "-depth", "8", "-colors", "256",
                            str(out / f"{key}-themes.png")],
                           check=True)
            for f in files:
                Path(f).unlink()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
