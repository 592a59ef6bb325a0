"""Haversine distance against known city pairs (great-circle figures from the ellipsoid)."""

from __future__ import annotations

import math

import pytest

from desktop.geo.distance import haversine_km

# (lat1, lon1, lat2, lon2, reference km, tolerance as a fraction)
PAIRS = [
    # Beijing - Shanghai city centres: about 1,070 km (the check, within 1%)
    (39.9075, 116.39723, 31.22222, 121.45806, 1068.0, 0.01),
    # London - Paris: 343.5 km on the WGS84 ellipsoid
    (51.50853, -0.12574, 48.85341, 2.3488, 343.5, 0.01),
    # New York - Los Angeles: 3,944 km
    (40.71427, -74.00597, 34.05223, -118.24368, 3944.0, 0.01),
    # Sydney - Santiago: 11,340 km across the Pacific (antimeridian in between)
    (-33.86785, 151.20732, -33.45694, -70.64827, 11340.0, 0.01),
]


@pytest.mark.parametrize(("lat1", "lon1", "lat2", "lon2", "km", "tol"), PAIRS)
def test_known_city_pairs(lat1: float, lon1: float, lat2: float, lon2: float, km: float, tol: float) -> None:
    assert haversine_km(lat1, lon1, lat2, lon2) == pytest.approx(km, rel=tol)


def test_beijing_shanghai_is_about_1070_km() -> None:
    d = haversine_km(39.9075, 116.39723, 31.22222, 121.45806)
    assert abs(d - 1070) / 1070 < 0.01


def test_symmetry_zero_and_antipodes() -> None:
    assert haversine_km(30.58, 114.27, 30.58, 114.27) == 0.0
    a = haversine_km(10.0, 20.0, -35.0, 140.0)
    assert a == pytest.approx(haversine_km(-35.0, 140.0, 10.0, 20.0))
    half = math.pi * 6371.0088
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(half)
    assert haversine_km(90.0, 0.0, -90.0, 0.0) == pytest.approx(half)


def test_one_degree_of_latitude() -> None:
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.19, abs=0.01)
