"""Run every benchmark module present and print one table (value, budget, floor, ratio)."""

from __future__ import annotations

import importlib
import os
import sys
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MODULES = ("bench_search", "bench_geo", "bench_centres", "bench_handouts", "bench_clinical", "bench_ui", "bench_bundle", "bench_packs")


def _fmt(value: object) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def main() -> int:
    only = set(sys.argv[1:])
    # One QApplication for every in-process benchmark: a module that made a bare
    # QGuiApplication first would stop a later one from creating widgets.
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    rows: list[dict[str, object]] = []
    for name in MODULES:
        if only and name not in only:
            continue
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bench.{name}":
                continue
            raise
        sys.stderr.write(f"bench: running {name} …\n")
        try:
            rows.extend(module.run())
        except Exception as exc:  # a broken benchmark must not hide the others
            traceback.print_exc()
            rows.append({"name": f"{name} FAILED", "value": str(exc)[:60], "unit": "", "budget": "", "floor": ""})
    headers = ["benchmark", "value", "unit", "budget", "floor", "ratio", "ok"]
    table = []
    for r in rows:
        ratio = r.get("ratio")
        if ratio is None and isinstance(r.get("floor"), int | float) and isinstance(r.get("value"), int | float) and r["floor"]:
            ratio = float(r["value"]) / float(r["floor"])  # type: ignore[arg-type]
        ok = r.get("ok")
        table.append([str(r["name"]), _fmt(r.get("value")), str(r.get("unit", "")), _fmt(r.get("budget")),
                      _fmt(r.get("floor")), _fmt(ratio), "" if ok is None else ("yes" if ok else "NO")])
    widths = [max(len(h), *(len(t[i]) for t in table)) if table else len(h) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for t in table:
        print("  ".join(c.ljust(w) for c, w in zip(t, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
