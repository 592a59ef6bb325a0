"""Handout rendering: one handout to PDF after start-up (<= 300 ms) and a batch of 100
personalised handouts (<= 30 s), beside the floor of laying out and writing the same HTML."""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from desktop import paths
from desktop.kb.store import KnowledgeBase


def run() -> list[dict[str, object]]:
    from desktop.handouts import catalog
    from desktop.handouts.batch import Job, run_jobs
    from desktop.handouts.pdf import HandoutDocument, ensure_gui_app, render_pdf
    from desktop.handouts.render import Options, Personal, render_handout
    from desktop.recovery.plan import plan_for

    ensure_gui_app()
    kb = KnowledgeBase(paths.bundled_kb_path(), check=False)
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        person = Personal(patient="王丽 Wang Li", infusion_date=date(2026, 3, 14), phones=("+86 20 5550 0123",), note="Bring your medicines list.")
        render_pdf(kb, "warning-signs", out / "warm.pdf", plan_for(kb, person), Options(lang="zh-Hans"), person)  # start-up: fonts, templates
        one = []
        floor = []
        for i in range(9):
            name = catalog.names()[i % len(catalog.names())]
            t = time.perf_counter()
            plan = plan_for(kb, person)  # timed too: the form computes it from the typed dates
            render_pdf(kb, name, out / f"one-{i}.pdf", plan, Options(lang="zh-Hans" if i % 2 else "en"), person)
            one.append((time.perf_counter() - t) * 1000)
            rendered = render_handout(kb, name, plan, Options(lang="zh-Hans" if i % 2 else "en"), person)
            t = time.perf_counter()
            HandoutDocument(rendered).write_pdf(out / f"floor-{i}.pdf")
            floor.append((time.perf_counter() - t) * 1000)
        med = statistics.median(one)
        rows.append({"name": "handout to PDF after start-up (median of 9)", "value": med, "unit": "ms", "budget": 300.0,
                     "floor": statistics.median(floor), "ok": med <= 300})
        people = [Personal(patient=f"Patient {i}", infusion_date=date(2026, 1, 1) + timedelta(days=i), phones=(f"+86 20 5550 {i:04d}",))
                  for i in range(100)]
        t = time.perf_counter()
        jobs = [
            Job(catalog.names()[i % len(catalog.names())], who, plan_for(kb, who),
                Options(lang="zh-Hans" if i % 2 else "en", large_print=i % 5 == 0), out / f"batch-{i:03d}.pdf")
            for i, who in enumerate(people)
        ]
        run_jobs(kb, jobs)
        batch = time.perf_counter() - t
        rows.append({"name": "batch of 100 personalised handouts", "value": batch, "unit": "s", "budget": 30.0,
                     "floor": len(jobs) * statistics.median(floor) / 1000, "ok": batch <= 30})
    return rows
