"""Check a built Windows executable's resources: icon, version (the program's version), manifest.

Run with the Windows Python under Wine (it has pefile, PyInstaller's own dependency):
    python.exe scripts\\windows\\check_exe.py dist\\windows\\cartref\\cartref.exe 0.1.0
Prints one line per check; exit 1 when one fails.
"""

from __future__ import annotations

import sys

import pefile  # type: ignore[import-not-found]

RT_ICON, RT_GROUP_ICON, RT_VERSION, RT_MANIFEST = 3, 14, 16, 24


def main(exe: str, version: str) -> int:
    pe = pefile.PE(exe)
    resources = pe.DIRECTORY_ENTRY_RESOURCE.entries if hasattr(pe, "DIRECTORY_ENTRY_RESOURCE") else []
    kinds = {entry.id for entry in resources}
    strings: dict[str, str] = {}
    for info in getattr(pe, "FileInfo", []) or []:
        for block in info:
            for table in getattr(block, "StringTable", []):
                strings.update({k.decode(): v.decode() for k, v in table.entries.items()})
    manifest = ""
    for entry in resources:
        if entry.id == RT_MANIFEST:
            data = entry.directory.entries[0].directory.entries[0].data.struct
            manifest = pe.get_data(data.OffsetToData, data.Size).decode("utf-8", "replace")
    checks = {
        "icon": RT_ICON in kinds and RT_GROUP_ICON in kinds,
        f"version {version}": strings.get("ProductVersion") == version and strings.get("FileVersion") == version,
        "manifest": "assemblyIdentity" in manifest,
        "manifest: common controls 6": "Microsoft.Windows.Common-Controls" in manifest,
        "manifest: no administrator rights": 'level="requireAdministrator"' not in manifest,
        "64-bit": pe.FILE_HEADER.Machine == pefile.MACHINE_TYPE["IMAGE_FILE_MACHINE_AMD64"],
    }
    for name, ok in checks.items():
        print(f"check_exe: {name}: {'ok' if ok else 'MISSING'}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
