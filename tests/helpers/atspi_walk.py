"""Walk the running window through AT-SPI, as a screen reader sees it (tests/e2e/test_atspi.py).

Runs under the SYSTEM python3 (pyatspi is a Debian package, python3-pyatspi), inside the
dbus-run-session the test starts; the app runs under the project's venv as a child of this
script. It opens every view as a screen-reader user would, by selecting the rows of the
navigation list through the accessible Selection interface, and after each one walks the
showing part of the accessible tree. It prints one JSON object:
  {"views": [...], "unnamed": [[view, role, path], ...], "announced": {...}, "seconds": s}
Usage: atspi_walk.py APP_PYTHON WORKDIR  (the app's environment comes from this process's).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "password text",
    "spin button", "slider", "list", "tree", "tree table", "table", "page tab list", "page tab", "menu item",
    "entry", "date editor", "scroll bar", "label", "link", "panel", "filler", "canvas", "image",
}
CONTAINERS = {"table", "tree table", "list", "tree", "combo box", "menu bar", "menu", "popup menu", "page tab list"}
"""Roles whose children (cells, items, tabs) are named by the model; the container itself must be named."""


def pump(seconds: float) -> None:
    """Let events arrive (pyatspi delivers them through the GLib main context)."""
    end = time.monotonic() + seconds
    ctx = GLib.MainContext.default()
    while time.monotonic() < end:
        while ctx.pending():
            ctx.iteration(False)
        time.sleep(0.02)


def find_app(name: str, timeout: float) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name and app.childCount:
                return app
        time.sleep(0.1)
    raise SystemExit(f"the application {name!r} never appeared on the accessibility bus")


def children(obj: Any) -> list[Any]:
    out = []
    for i in range(obj.childCount):
        try:
            c = obj.getChildAtIndex(i)
        except Exception:
            continue
        if c is not None:
            out.append(c)
    return out


def find(obj: Any, pred: Any, depth: int = 0) -> Any:
    if pred(obj):
        return obj
    if depth > 30:
        return None
    try:
        role = obj.getRoleName()
    except Exception:
        return None
    if role in CONTAINERS and depth > 0:  # cells and items: not what is looked for, and many
        return None
    for c in children(obj):
        hit = find(c, pred, depth + 1)
        if hit is not None:
            return hit
    return None


def unnamed_controls(obj: Any, path: str = "", out: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """Focusable, showing objects with no accessible name (not descending into item views)."""
    out = [] if out is None else out
    try:
        role = obj.getRoleName()
        state = obj.getState()
        name = obj.name or ""
    except Exception:
        return out
    if not state.contains(pyatspi.STATE_SHOWING):
        return out
    here = f"{path}/{role}"
    if role == "combo box" and not labelled(obj) and name.strip() and name in item_names(obj):
        # On Linux Qt names a combo box by the choice it shows and says what it is for through
        # its label (a labelled-by relation, from QLabel.setBuddy): without one a screen reader
        # says the value alone.
        name = ""
    if state.contains(pyatspi.STATE_FOCUSABLE) and not name.strip() and role not in ("scroll bar",):
        try:
            ident = obj.get_accessible_id() or ""  # Qt: the widgets' objectName path
        except Exception:
            ident = ""
        out.append((role, f"{here} [{ident}]"))
    if role in CONTAINERS or role == "menu bar":
        return out
    for c in children(obj):
        unnamed_controls(c, here, out)
    return out


def labelled(obj: Any) -> bool:
    try:
        relations = obj.getRelationSet()
    except Exception:
        return False
    return any(r.getRelationType() == pyatspi.RELATION_LABELLED_BY and r.getNTargets() for r in relations)


def item_names(combo: Any) -> set[str]:
    names: set[str] = set()
    for child in children(combo):
        for item in children(child)[:300]:
            names.add(item.name or "")
    return names


def search_announcement(frame: Any) -> dict[str, Any]:
    """Type a query into the search field through the EditableText interface and record what is
    announced about the results."""
    heard: list[list[str]] = []

    def listen(event: Any) -> None:
        heard.append([str(event.type), str(event.source.name or ""), str(event.any_data or "")])

    field = find(frame, lambda o: o.getRoleName() == "text" and o.getState().contains(pyatspi.STATE_SHOWING)
                 and o.getState().contains(pyatspi.STATE_EDITABLE) and o.name in ("Search", "搜索"))
    if field is None:
        return {"error": "no search field"}
    pyatspi.Registry.registerEventListener(listen, "object:announcement")
    field.queryEditableText().setTextContents("cytokine")
    pump(0.8)
    pyatspi.Registry.deregisterEventListener(listen, "object:announcement")
    return {"events": heard}


def main() -> int:
    app_python, workdir = sys.argv[1], sys.argv[2]
    started = time.monotonic()
    proc = subprocess.Popen([app_python, "-m", "desktop"], cwd=workdir, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=os.environ.copy())
    result: dict[str, Any] = {"views": [], "unnamed": [], "announced": {}}
    try:
        app = find_app("CAR-T Reference", 30)
        frame = find(app, lambda o: o.getRoleName() == "frame")
        nav = None
        end = time.monotonic() + 10
        while nav is None and time.monotonic() < end:
            nav = find(frame, lambda o: o.getRoleName() == "list" and o.getState().contains(pyatspi.STATE_SHOWING)
                       and o.childCount >= 10)
            if nav is None:
                time.sleep(0.1)
        if nav is None:
            raise SystemExit("no navigation list in the accessible tree")
        selection = nav.querySelection()
        names = [c.name for c in children(nav)]
        result["navigation"] = nav.name
        for row, label in enumerate(names):
            title = frame.name
            selection.selectChild(row)  # what a screen reader does on a list item
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and (frame.name == title and row > 0):
                time.sleep(0.05)
            pump(0.15)
            heading = find(frame, lambda o: o.getRoleName() == "heading" and o.getState().contains(pyatspi.STATE_SHOWING))
            result["views"].append([label, frame.name, heading.name if heading is not None else None])
            for role, path in unnamed_controls(frame):
                result["unnamed"].append([label, role, path])
            if row == names_index(names, "grading"):
                result["announced"] = grade_announcement(frame)
        result["search"] = search_announcement(frame)
        for role, path in unnamed_controls(frame):
            result["unnamed"].append(["search", role, path])
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    result["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(result, ensure_ascii=False))
    return 0


GRADING_ROW = int(os.environ.get("ATSPI_GRADING_ROW", "8"))


def names_index(_names: list[str], _key: str) -> int:
    return GRADING_ROW


def grade_announcement(frame: Any) -> dict[str, Any]:
    """Set the temperature to 39 °C through the Value interface, as an assistive technology can,
    and record what is said about the grade: events on the grade label, and its name/description."""
    heard: list[list[str]] = []

    def listen(event: Any) -> None:
        try:
            heard.append([event.type, str(event.source.name or ""), str(event.any_data or "")])
        except Exception:
            heard.append([str(event.type), "", ""])

    kinds = ["object:property-change:accessible-description", "object:property-change:accessible-name",
             "object:announcement"]
    pyatspi.Registry.registerEventListener(listen, *kinds)
    spin = find(frame, lambda o: o.getRoleName() == "spin button" and o.getState().contains(pyatspi.STATE_SHOWING))
    if spin is None:
        return {"error": "no spin button on the grading view"}
    before = describe_grade(frame)
    try:
        spin.queryValue().currentValue = 39.0
    except Exception as exc:
        return {"error": f"cannot set the temperature: {exc}"}
    pump(0.6)
    after = describe_grade(frame)
    pyatspi.Registry.deregisterEventListener(listen, *kinds)
    return {"before": before, "after": after, "events": heard}


def describe_grade(frame: Any) -> str:
    label = find(frame, lambda o: o.getRoleName() == "label" and o.getState().contains(pyatspi.STATE_SHOWING)
                 and "CRS" in f"{o.name} {o.description}" and any(c.isdigit() for c in f"{o.name} {o.description}"))
    if label is None:
        return ""
    return f"{label.name} | {label.description}"


if __name__ == "__main__":
    sys.exit(main())
