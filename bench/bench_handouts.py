"""Handout rendering: one handout to PDF after start-up (<= 300 ms) and a batch of 100
personalised handouts (<= 30 s), beside the floor of laying out and writing the same HTML."""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from desktop import paths
from desktop.kb.store import KnowledgeBase


def run() -> list[dict[str, object]]:
    from desktop.handouts import catalog
    from desktop.handouts.batch import Job, run_jobs
    from desktop.handouts.pdf import HandoutDocument, ensure_gui_app, render_pdf
    from desktop.handouts.render import Contact, Options, Personal, render_handout
    from desktop.recovery.plan import plan_for

    def who_for(name: str, who: Personal) -> Personal:
        """The nerve-check sheet is only for a product whose label warns of delayed neurotoxicity."""
        return replace(who, product="cilta-cel") if catalog.get(name).needs_delayed_neuro else who

    ensure_gui_app()
    kb = KnowledgeBase(paths.bundled_kb_path(), check=False)
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        person = Personal(patient="王丽 Wang Li", infusion_date=date(2026, 3, 14), contacts=(Contact("24h", "+862055500123", "+86 20 5550 0123"),), note="Bring your medicines list.")
        render_pdf(kb, "warning-signs", out / "warm.pdf", plan_for(kb, person), Options(lang="zh-Hans"), person)  # start-up: fonts, templates
        one = []
        floor = []
        for i in range(9):
            name = catalog.names()[i % len(catalog.names())]
            who = who_for(name, person)
            t = time.perf_counter()
            plan = plan_for(kb, who)  # timed too: the form computes it from the typed dates
            render_pdf(kb, name, out / f"one-{i}.pdf", plan, Options(lang="zh-Hans" if i % 2 else "en"), who)
            one.append((time.perf_counter() - t) * 1000)
            rendered = render_handout(kb, name, plan, Options(lang="zh-Hans" if i % 2 else "en"), who)
            t = time.perf_counter()
            HandoutDocument(rendered).write_pdf(out / f"floor-{i}.pdf")
            floor.append((time.perf_counter() - t) * 1000)
        med = statistics.median(one)
        rows.append({"name": "handout to PDF after start-up (median of 9)", "value": med, "unit": "ms", "budget": 300.0,
                     "floor": statistics.median(floor), "ok": med <= 300})
        people = [Personal(patient=f"Patient {i}", infusion_date=date(2026, 1, 1) + timedelta(days=i), contacts=(Contact("24h", f"+86205550{i:04d}", f"+86 20 5550 {i:04d}"),))
                  for i in range(100)]
        t = time.perf_counter()
        names = [catalog.names()[i % len(catalog.names())] for i in range(len(people))]
        chosen = [who_for(name, who) for name, who in zip(names, people, strict=True)]
        jobs = [
            Job(name, who, plan_for(kb, who),
                Options(lang="zh-Hans" if i % 2 else "en", large_print=i % 5 == 0), out / f"batch-{i:03d}.pdf")
            for i, (name, who) in enumerate(zip(names, chosen, strict=True))
        ]
        run_jobs(kb, jobs)
        batch = time.perf_counter() - t
        rows.append({"name": "batch of 100 personalised handouts", "value": batch, "unit": "s", "budget": 30.0,
                     "floor": len(jobs) * statistics.median(floor) / 1000, "ok": batch <= 30})
    return rows
