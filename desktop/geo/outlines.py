"""Country outlines for the offline map, and the map projection (pure Python, no Qt).

The outlines are Natural Earth 1:50m admin-0 countries (public domain) as redistributed by
world-atlas 2.0.2, flattened to plain rings of lon/lat pairs and simplified to 0.08°
(resources/maps/countries-50m.json; licence note in resources/maps/LICENSE-naturalearth.txt).

The program reads the same data from resources/maps/countries-50m.bin, written from the JSON
by `write_binary` (a test keeps the two identical): parsing 65,000 JSON numbers costs more
than the whole first frame of the map may, while the binary form is one read. Each ring there
is a little-endian uint32 point count followed by float32 lon/lat pairs, which is also the
layout Qt's QDataStream reads a QPolygonF from, so the map widget hands the bytes to Qt as
they are.

The projection is equirectangular with longitudes scaled by cos 30° (see `project`).
"""

from __future__ import annotations

import json
import math
import struct
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.paths import resource_path

OUTLINES_FILE = ("maps", "countries-50m.bin")
SOURCE_FILE = ("maps", "countries-50m.json")
MAGIC = b"CRTMAP1\n"
X_SCALE = math.cos(math.radians(30.0))


@dataclass(frozen=True)
class CountryOutline:
    """One country: its rings (each a flat tuple lon0, lat0, lon1, lat1, ...) and bounds."""

    id: str
    name: str
    rings: tuple[tuple[float, ...], ...]
    bbox: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat

    @property
    def point_count(self) -> int:
        return sum(len(r) // 2 for r in self.rings)


@dataclass(frozen=True)
class OutlineRecord:
    """One country as stored: each ring as bytes (uint32 LE count + float32 LE lon/lat pairs)."""

    id: str
    name: str
    rings: tuple[bytes, ...]


def project(lat: float, lon: float) -> tuple[float, float]:
    """Map (x, y) in degree units, y growing downwards like screen coordinates.

    An equirectangular projection with longitudes shrunk by cos 30°: shapes look right for
    China and the mid-latitudes, and because it is linear the map widget can hand the raw
    outline coordinates to Qt and let one QTransform do the projecting (no per-point Python).
    """
    return lon * X_SCALE, -max(-90.0, min(90.0, lat))


def unproject(x: float, y: float) -> tuple[float, float]:
    """Inverse of `project`: (lat, lon)."""
    return -y, x / X_SCALE


def outlines_path() -> Path:
    return resource_path(*OUTLINES_FILE)


def write_binary(source: Path, target: Path) -> None:
    """Convert the JSON outlines (`{"countries": [{"id", "name", "rings": [[lon, lat, ...]]}]}`)."""
    data = json.loads(source.read_text(encoding="utf-8"))
    out = bytearray(MAGIC)
    countries = [c for c in data.get("countries", []) if c.get("rings")]
    out += struct.pack("<I", len(countries))
    for c in countries:
        for text in (str(c.get("id", "")), str(c.get("name", ""))):
            raw = text.encode("utf-8")
            out += struct.pack("<H", len(raw)) + raw
        rings = [r for r in c["rings"] if len(r) >= 6 and len(r) % 2 == 0]
        out += struct.pack("<I", len(rings))
        for ring in rings:
            out += struct.pack(f"<I{len(ring)}f", len(ring) // 2, *ring)
    target.write_bytes(bytes(out))


@lru_cache(maxsize=2)
def _records(path: str) -> tuple[OutlineRecord, ...]:
    blob = Path(path).read_bytes()
    if not blob.startswith(MAGIC):
        raise ValueError(f"{path}: not a CAR-T Reference outline file")
    pos = len(MAGIC)
    (count,) = struct.unpack_from("<I", blob, pos)
    pos += 4
    out: list[OutlineRecord] = []
    for _ in range(count):
        texts = []
        for _field in range(2):
            (n,) = struct.unpack_from("<H", blob, pos)
            texts.append(blob[pos + 2 : pos + 2 + n].decode("utf-8"))
            pos += 2 + n
        (ring_count,) = struct.unpack_from("<I", blob, pos)
        pos += 4
        rings = []
        for _ring in range(ring_count):
            (points,) = struct.unpack_from("<I", blob, pos)
            end = pos + 4 + points * 8
            if end > len(blob):
                raise ValueError(f"{path}: truncated")
            rings.append(blob[pos:end])
            pos = end
        out.append(OutlineRecord(texts[0], texts[1], tuple(rings)))
    return tuple(out)


def load_outline_records(path: Path | None = None) -> list[OutlineRecord]:
    """The stored rings as bytes, for the map widget (cached; raises OSError / ValueError)."""
    return list(_records(str(path or outlines_path())))


def _decode(ring: bytes) -> tuple[float, ...]:
    values = array("f")
    values.frombytes(ring[4:])
    if values.itemsize != 4:  # pragma: no cover - every supported platform has 4-byte floats
        raise ValueError("unexpected float size")
    if struct.pack("<I", 1) != struct.pack("=I", 1):  # pragma: no cover - big-endian hosts
        values.byteswap()
    return tuple(values)


def load_outlines(path: Path | None = None) -> list[CountryOutline]:
    """Every country outline with its rings as lon/lat tuples and its bounds.

    Raises OSError / ValueError when the file is missing or unreadable; the map view shows
    pins on a blank sea then, and the self-test reports it.
    """
    out = []
    for rec in load_outline_records(path):
        rings = tuple(_decode(r) for r in rec.rings)
        bbox = (
            min(min(r[0::2]) for r in rings), min(min(r[1::2]) for r in rings),
            max(max(r[0::2]) for r in rings), max(max(r[1::2]) for r in rings),
        )
        out.append(CountryOutline(rec.id, rec.name, rings, bbox))
    return out
