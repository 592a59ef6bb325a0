"""A copy of tests/fixtures/mini with a small rules file, for the rules, calendar and diff tests.

The periods here are test values shaped like the real ones (a US rule that changes on
2025-06-26, a China protocol schedule), not clinical content.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers.paths import FIXTURES

RULES_YAML = """\
regions:
  - id: US
    name_en: United States (test labels)
    name_zh: 美国（测试）
  - id: China
    name_en: China (test protocol)
    name_zh: 中国（测试）
    note_en: No proximity rule in the test sources.
    note_zh: 测试资料中无就近居住规定。
rules:
  - id: cn-ld
    topic: lymphodepletion
    therapy_ids: [eque-cel]
    jurisdiction: Test protocol
    jurisdiction_zh: 测试方案
    region: China
    text_en: Three days of chemotherapy, one rest day.
    text_zh: 化疗3天，休息1天。
    day_from: -4
    day_to: -2
    valid_from: 2021-07-15
    source_ids: [S1]
    reviewed_on: 2026-01-01
  - id: us-ld
    topic: lymphodepletion
    jurisdiction: Test label
    region: US
    text_en: Three days of chemotherapy within days -6 to -2.
    day_from: -6
    day_to: -2
    valid_from: 2024-05
    source_ids: [S1]
    reviewed_on: 2026-01-01
  - id: us-near-4w
    topic: stay-near-centre
    jurisdiction: Test label (old)
    region: US
    text_en: Stay near for 4 weeks.
    text_zh: 就近居住4周。
    value: 4
    unit: weeks
    valid_from: 2021-03
    valid_to: 2025-06-26
    source_ids: [S1]
    reviewed_on: 2026-01-01
  - id: us-near-2w
    topic: stay-near-centre
    jurisdiction: Test label (new)
    region: US
    text_en: Stay near for 2 weeks.
    text_zh: 就近居住2周。
    value: 2
    unit: weeks
    valid_from: 2025-06-26
    supersedes: us-near-4w
    source_ids: [S1]
    reviewed_on: 2026-01-01
  - id: us-drive-8w
    topic: driving
    jurisdiction: Test label (old)
    region: US
    text_en: No driving for 8 weeks.
    value: 8
    unit: weeks
    valid_from: 2021-03
    valid_to: 2025-06-26
    source_ids: [S1]
    reviewed_on: 2026-01-01
  - id: us-drive-2w
    topic: driving
    jurisdiction: Test label (new)
    region: US
    text_en: No driving for 2 weeks.
    value: 2
    unit: weeks
    valid_from: 2025-06-26
    source_ids: [S1]
    reviewed_on: 2026-01-01
  - id: us-monitor-1m
    topic: monitoring-period
    jurisdiction: Test label
    region: US
    text_en: Monitoring for one month.
    value: 1
    unit: months
    valid_from: 2021-03
    source_ids: [S1]
    reviewed_on: 2026-01-01
events:
  - id: test-programme-removed
    kind: safety-programme
    date: 2025-06-26
    therapy_ids: [eque-cel]
    jurisdiction: Test agency
    text_en: Test safety programme removed.
    source_ids: [S1]
"""


def mini_with_rules(dest: Path, rules_yaml: str = RULES_YAML) -> Path:
    """Copy the mini fixture to `dest` and add data/rules/rules.yaml."""
    shutil.copytree(FIXTURES / "mini", dest)
    (dest / "rules").mkdir(exist_ok=True)
    (dest / "rules" / "rules.yaml").write_text(rules_yaml, encoding="utf-8")
    return dest
