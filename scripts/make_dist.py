"""Release artefacts from dist/cartref/: a .tar.gz of the bundle and a Linux .desktop entry.

The .desktop file (absolute paths under /opt/cartref, where the README says to unpack) is
written beside the archive and inside the bundle, for `xdg-desktop-menu install`.
"""

from __future__ import annotations

import platform
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "cartref"
INSTALL_DIR = "/opt/cartref"  # where README tells users to unpack the archive

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Version=1.5
Name=CAR-T Reference
Name[zh_CN]=CAR-T 参考
GenericName=BCMA CAR-T therapy reference
GenericName[zh_CN]=BCMA CAR-T 疗法参考
Comment=Offline reference on BCMA CAR-T therapy for multiple myeloma
Comment[zh_CN]=离线的多发性骨髓瘤 BCMA CAR-T 疗法参考
Exec={exec} %F
Icon={icon}
Terminal=false
Categories=Education;Science;MedicalSoftware;
Keywords=CAR-T;myeloma;BCMA;FUCASO;CRS;ICANS;
"""


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from desktop import __version__

    return __version__


def main() -> int:
    if not (BUNDLE / "cartref").exists():
        print("make_dist: dist/cartref/cartref is missing; run `make bundle` first", file=sys.stderr)
        return 2
    entry = DESKTOP_ENTRY.format(exec=f"{INSTALL_DIR}/cartref", icon=f"{INSTALL_DIR}/_internal/resources/icons/cartref.png")
    for target in (BUNDLE / "cartref.desktop", DIST / "cartref.desktop"):
        target.write_text(entry, encoding="utf-8")
    arch = platform.machine().lower() or "unknown"
    archive = DIST / f"cartref-{version()}-linux-{arch}.tar.gz"
    tmp = archive.with_suffix(".tmp")
    with tarfile.open(tmp, "w:gz", compresslevel=9) as tar:
        tar.add(BUNDLE, arcname="cartref")
    tmp.replace(archive)
    print(f"{archive.relative_to(ROOT)}  {archive.stat().st_size / 1e6:.1f} MB")
    print(f"{(DIST / 'cartref.desktop').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
