"""Test helpers shared across the unit, gui and e2e suites."""
