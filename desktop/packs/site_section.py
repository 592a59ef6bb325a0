"""The site's own centres as a signed section of a pack (issue 22).

A regional hub hands its referral network to other sites: `cartref pack export FILE --centres
--key KEY --site NAME` writes the installed pack (unchanged, still signed by its publisher)
plus two members, `site/centres.json` and `site/centres.signature` (Ed25519 by the hub's own
key over the exact JSON bytes). With no pack installed, the file holds the section alone.

`cartref pack apply FILE` on the other site checks the section like any pack: a trusted key
(`cartref pack trust HUB.pub`), a signature over these bytes, every centre valid; then adds
the centres to the user database in one transaction, marked with the section's origin (the
hub's name), never as sourced centres. A section that fails any check changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.fileio import atomic_path
from desktop.packs.archive import (
    MAX_SIGNATURE_BYTES,
    SITE_SECTION_MEMBERS,
    check_signature,
    check_structure,
    open_zip,
)
from desktop.packs.build import _info, signature_bytes
from desktop.packs.errors import PackProblem
from desktop.packs.keys import KeyPair, PublicKey
from desktop.userdata import site_centres

SECTION_NAME, SECTION_SIGNATURE = SITE_SECTION_MEMBERS
SECTION_MEMBERS = SITE_SECTION_MEMBERS
MAX_SECTION_BYTES = 16 * 1024 * 1024
FORMAT = "cartref-site-centres/1"


@dataclass(frozen=True)
class Section:
    origin: str
    created: str
    signer: PublicKey
    centres: list[site_centres.SiteCentre]


def section_bytes(origin: str, centres: list[site_centres.SiteCentre]) -> bytes:
    """The signed JSON: format, origin (the sending site), date and every centre."""
    body = {
        "format": FORMAT,
        "origin": origin,
        "created": dt.date.today().isoformat(),
        "centres": [c.to_json() for c in centres],
    }
    return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def write_section(out: Path, key: KeyPair, origin: str, centres: list[site_centres.SiteCentre],
                  base_pack: Path | None = None) -> int:
    """`base_pack`'s members (a signed KB pack, copied byte for byte) plus the signed section;
    written atomically. Returns the number of centres."""
    origin = origin.strip()
    if not origin:
        raise PackProblem("io", "Name the sending site (--site NAME): the receiving site shows it beside each centre.")
    data = section_bytes(origin, centres)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out, mode=0o644) as tmp, zipfile.ZipFile(tmp, "w") as zf:
        if base_pack is not None:
            with open_zip(base_pack) as base:
                for info in base.infolist():
                    if info.orig_filename in SECTION_MEMBERS:
                        continue  # a pack exported before: its old section is replaced
                    zf.writestr(info, base.read(info))
        zf.writestr(_info(SECTION_NAME), data)
        zf.writestr(_info(SECTION_SIGNATURE), signature_bytes(key, data))
    return len(centres)


def has_section(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return SECTION_NAME in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def has_kb(path: Path) -> bool:
    """Whether the file also holds a KB pack (else it carries centres alone)."""
    from desktop.packs.manifest import MANIFEST_NAME

    try:
        with zipfile.ZipFile(path) as zf:
            return MANIFEST_NAME in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return True  # let the pack check say what is wrong with it


def _centre(raw: Any, origin: str) -> site_centres.SiteCentre:
    """One centre of a section, checked without the sender's tools: the numbers were parsed
    when the sender typed them, so here they must already be in E.164 form."""
    if not isinstance(raw, dict):
        raise ValueError("a centre is not an object")
    phones = []
    for p in raw.get("phones") or []:
        number = str(p.get("number", "")) if isinstance(p, dict) else ""
        if not number.startswith("+") or not number[1:].isdigit() or not 7 <= len(number) <= 16:
            raise ValueError(f"phone {number!r} is not an E.164 number")
        phones.append(site_centres.Phone(str(p.get("label", ""))[:40], number, str(p.get("display", number))[:40]))
    lat, lon = float(raw["lat"]), float(raw["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("coordinates out of range")
    cid = str(raw.get("id", ""))
    if not cid.startswith(site_centres.ID_PREFIX) or len(cid) > 80:
        raise ValueError(f"id {cid!r} is not a site centre id")
    name = str(raw.get("name_en", "")).strip()
    if not name:
        raise ValueError("a centre has no name")
    text = {k: str(raw.get(k, "") or "")[:site_centres.MAX_LENGTH.get(k, 200)]
            for k in ("name_zh", "city", "city_zh", "province", "country", "notes")}
    return site_centres.SiteCentre(
        id=cid, name_en=name[:200], lat=lat, lon=lon, coord_precision="site" if raw.get("coord_precision") == "site" else "city",
        phones=tuple(phones)[:site_centres.MAX_PHONES],
        products=tuple(str(p)[:60] for p in (raw.get("products") or []))[:20], origin=origin, **text,
    )


def read_section(path: Path) -> Section:
    """The checked section of a pack file; PackProblem (one sentence) when anything is wrong."""
    with open_zip(Path(path)) as zf:
        members = check_structure(zf)
        if SECTION_NAME not in members or SECTION_SIGNATURE not in members:
            raise PackProblem("unsigned", "The file holds no signed list of centres.")
        if members[SECTION_NAME].file_size > MAX_SECTION_BYTES or members[SECTION_SIGNATURE].file_size > MAX_SIGNATURE_BYTES:
            raise PackProblem("too-large", "The list of centres in the pack is too large, so it was not imported.")
        data = zf.read(members[SECTION_NAME])
        signature = zf.read(members[SECTION_SIGNATURE])
    signer = check_signature(data, signature)
    try:
        body = json.loads(data.decode("utf-8"))
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise ValueError("unknown format")
        origin = str(body.get("origin", "")).strip()[:80]
        if not origin:
            raise ValueError("no origin")
        centres = [_centre(raw, origin) for raw in body.get("centres") or []]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise PackProblem("corrupt", f"The list of centres in the pack is not valid ({exc}), so nothing was imported.") from None
    return Section(origin, str(body.get("created", "")), signer, centres)


def import_section(path: Path, conn: Any) -> Section:
    """Check the section, then add its centres to the user database in one transaction. A
    centre the site added itself is never overwritten by a pack's."""
    section = read_section(path)
    own = {c.id for c in site_centres.list_all(conn) if not c.origin}
    incoming = [c for c in section.centres if c.id not in own]
    site_centres.save_many(conn, incoming)
    return Section(section.origin, section.created, section.signer, incoming)
