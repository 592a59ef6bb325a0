"""Clinical tools: each calculator's answer (budget 50 ms in the window; the infection plan counts as one) and the emergency handover
sheet to PDF (budget 300 ms), the budgets of issue 23, measured here rather than in timed tests."""

from __future__ import annotations

import statistics
import time
from datetime import date


def run() -> list[dict[str, object]]:
    from desktop.clinical.handover import handover
    from desktop.clinical.infections import infection_plan, plan_html
    from desktop.clinical.neurowatch import neuro_watch
    from desktop.clinical.pathway import pathway
    from desktop.clinical.tocilizumab import tocilizumab
    from desktop.handouts.sheets import handover_pdf

    answers = []
    for i in range(50):
        t = time.perf_counter()
        tocilizumab(60 + i % 40, i % 4, None, [24, 16, 8][: i % 4]).reasons("zh-Hans")
        pathway(i % 5, (i + 2) % 5, weight_kg=70, product="cilta-cel").to_json("zh-Hans")
        neuro_watch(day=14 + i, temp_c=37.0 + (i % 3) / 2, signs=["handwriting"] if i % 2 else []).reasons("zh-Hans")
        plan = infection_plan(ld_date=date(2026, 11, 26), infusion=date(2026, 12, 1), hbv=("positive", "negative", "unknown")[i % 3],
                              risk=("low", "high")[i % 2], steroid_days=i % 6, day=7 + i % 20, anc=300 + 40 * i,
                              igg=350 + 10 * i)
        plan_html(plan, "zh-Hans", ("clinician", "patient")[i % 2])
        answers.append((time.perf_counter() - t) * 1000)
    sheet = handover(product="cilta-cel", infusion=date(2026, 12, 1), today=date(2026, 12, 9), crs_grade=2,
                     tocilizumab=["2026-12-08 10:00"], centre="Centre X", phone="+86 10 1234 5678")
    first = time.perf_counter()
    handover_pdf(sheet)  # the first sheet also loads the fonts
    first_ms = (time.perf_counter() - first) * 1000
    pdf = []
    for _ in range(7):
        t = time.perf_counter()
        handover_pdf(sheet)
        pdf.append((time.perf_counter() - t) * 1000)
    p95 = sorted(answers)[int(len(answers) * 0.95) - 1]
    med = statistics.median(pdf)
    return [
        {"name": "clinical calculators: tocilizumab + pathway + neuro watch + infection plan, one answer each (p95 of 50)",
         "value": p95, "unit": "ms", "budget": 50.0, "floor": "", "ok": p95 <= 50},
        {"name": "emergency handover sheet to PDF (median of 7, fonts loaded)", "value": med, "unit": "ms",
         "budget": 300.0, "floor": "", "ok": med <= 300},
        {"name": "  the first handover sheet of a session (loads the fonts)", "value": first_ms, "unit": "ms",
         "budget": "", "floor": ""},
    ]
