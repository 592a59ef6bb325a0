"""The bundled map outlines load, are sane, and the projection round-trips."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from desktop.geo.outlines import (
    load_outline_records,
    load_outlines,
    project,
    unproject,
    write_binary,
)
from desktop.paths import resource_path


def test_outlines_load_and_cover_the_world() -> None:
    outlines = load_outlines()
    assert len(outlines) > 200
    names = {o.name for o in outlines}
    assert {"China", "United States of America", "Japan", "Hong Kong"} <= names
    china = next(o for o in outlines if o.name == "China")
    assert china.bbox[0] == pytest.approx(73.6, abs=0.3) and china.bbox[2] == pytest.approx(134.8, abs=0.3)
    for o in outlines:
        for ring in o.rings:
            assert len(ring) % 2 == 0 and len(ring) >= 6
            assert all(-180 <= v <= 180 for v in ring[0::2]) and all(-90 <= v <= 90 for v in ring[1::2])


def test_outlines_file_is_small_and_licensed() -> None:
    path = resource_path("maps", "countries-50m.bin")
    assert path.stat().st_size < 1_000_000
    note = resource_path("maps", "LICENSE-naturalearth.txt").read_text(encoding="utf-8")
    assert "public domain" in note and "Natural Earth" in note


def test_binary_is_exactly_the_json_source(tmp_path: Path) -> None:
    """countries-50m.bin must be regenerated whenever the JSON source changes."""
    out = tmp_path / "x.bin"
    write_binary(resource_path("maps", "countries-50m.json"), out)
    assert out.read_bytes() == resource_path("maps", "countries-50m.bin").read_bytes()


def test_broken_file_is_a_value_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"not an outline file")
    with pytest.raises(ValueError):
        load_outline_records(bad)
    truncated = tmp_path / "trunc.bin"
    truncated.write_bytes(resource_path("maps", "countries-50m.bin").read_bytes()[:5000])
    with pytest.raises((ValueError, struct.error)):
        load_outline_records(truncated)


@pytest.mark.parametrize(("lat", "lon"), [(0, 0), (30.58, 114.27), (-33.9, 151.2), (79.0, -170.0), (-89.5, 179.9)])
def test_projection_round_trip(lat: float, lon: float) -> None:
    x, y = project(lat, lon)
    back = unproject(x, y)
    assert back == pytest.approx((lat, lon), abs=1e-9)


def test_projection_is_north_up_and_linear() -> None:
    assert project(40, 0)[1] < project(10, 0)[1] < project(-10, 0)[1]
    # linear in both axes, so the map widget can project with one QTransform
    x1, y1 = project(10, 20)
    x2, y2 = project(30, 60)
    assert x2 - x1 == pytest.approx(2 * (x1 - project(10, 0)[0]))
    assert y2 - y1 == pytest.approx(-20.0)
