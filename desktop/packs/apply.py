"""Apply, roll back and export packs so that a crash at any instant leaves a whole, valid KB.

Every installed KB has a file name of its own (`kb/kb-<pack version>-<random>.sqlite`); which
one is current and which previous is said by the pointer `kb/installed.txt` (desktop.kb.installed).
Changing it is one `os.replace` of that small file (atomic on one file system), so at every
instant the installed KB is either the old file or the new one, never a mix and never
missing; and no KB file is ever replaced, renamed or deleted while it is current or previous,
so a window (or any reader) may hold it open: Windows refuses all three on an open file.
Around that one step a journal (`journal.json`) records what is being done:

    1. verify + extract the pack into a temporary folder beside the KB
    2. build the new KB under a new name beside the others, `verify_kb` it, fsync it
    3. seal it (kb.seal); write the journal (the pointer's new names and the history event)
    4. write the pointer: current = the new file, previous = the old current  <- the commit point
    5. append to history.json, delete the journal
    6. delete KB files the pointer no longer names (one still open elsewhere is left for later)

`recover()` runs first in every pack command: if the pointer already names what the journal
says, the steps after the commit point are finished, otherwise the leftovers are removed. A
lock file keeps two updates from running at once. An install from before the pointer
(`current.sqlite`, `previous.sqlite`) is read as it is; the next apply or rollback writes a
pointer naming those files, and they are deleted once they are neither current nor previous.
"""

from __future__ import annotations

import base64
import datetime as dt
import errno
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop import paths
from desktop.errors import ContentError, KBError
from desktop.fileio import copy_durable, fsync_dir, fsync_file, write_bytes_atomic
from desktop.kb import installed as kb_installed
from desktop.kb import seal as kb_seal
from desktop.packs.archive import (
    Cancel,
    PackInfo,
    Progress,
    check_signature,
    extract_pack,
    inspect_pack,
    sha256_file,
)
from desktop.packs.errors import PackCancelled, PackProblem
from desktop.packs.manifest import check_expiry, parse_manifest
from desktop.packs.version import compare_versions
from desktop.readlimits import read_regular

__all__ = [
    "ApplyResult",
    "InstalledInfo",
    "KBState",
    "PackCancelled",
    "apply_pack",
    "export_pack",
    "installed_info",
    "load_history",
    "recover",
    "rollback",
]

PAUSE_ENV = "CARTREF_TEST_PAUSE_AT"
"""Tests only: name a stage and apply/rollback sleeps there so a test can SIGKILL it."""
STAGES = ("verified", "built", "journal", "committed", "history", "pruned")
INCOMING = ".incoming.sqlite"
"""Where the layout before the pointer built a new KB; removed if a killed run left it."""
ASIDE = ".previous.new"
"""Where the layout before the pointer set the old KB aside (finished by recover)."""
JOURNAL = "journal.json"
HISTORY = "history.json"
LOCK = ".lock"
MAX_STATE_BYTES = 16 * 1024 * 1024
"""history.json and journal.json are small; anything larger is not ours and reads as damaged."""
CHANGED_WHILE_APPLYING = ("The pack file changed while it was being applied (was the stick removed or the file "
                          "replaced?), so it was not applied; the installed knowledge base is unchanged.")
DISK_FULL = "There is not enough free disk space to apply the pack; the installed knowledge base is unchanged."


def _pause(stage: str) -> None:
    """Only when the test variable names this stage: say so on stderr, then sleep to be killed."""
    if os.environ.get(PAUSE_ENV) == stage:
        sys.stderr.write(f"cartref: paused at {stage}\n")
        sys.stderr.flush()
        time.sleep(float(os.environ.get("CARTREF_TEST_PAUSE_SECONDS", "60")))


def _sha_or_none(path: Path | None) -> str | None:
    return sha256_file(path) if path is not None and path.is_file() else None


def _installed_or_none() -> kb_installed.Installed:
    """The pointer's files; a damaged pointer reads as nothing installed (open_kb reports it)."""
    try:
        return kb_installed.read_installed()
    except KBError:
        return kb_installed.Installed(None, None, True)


def _discard(path: Path) -> bool:
    """Delete a file if it can be; False when it cannot (on Windows, one open elsewhere)."""
    try:
        path.unlink(missing_ok=True)
        return True
    except OSError:
        return False


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return True
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc).lower()


@contextmanager
def _locked(kb_dir: Path) -> Iterator[None]:
    """One update at a time, across processes; released by the OS if the process dies."""
    fh = open(kb_dir / LOCK, "a+b")  # noqa: SIM115 - held for the whole block
    try:
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PackProblem("io", "Another knowledge-base update is running; try again when it has finished.") from None
        yield
    finally:
        fh.close()


# -- history ---------------------------------------------------------------------------------
def history_path() -> Path:
    return paths.installed_kb_dir() / HISTORY


def load_history() -> list[dict[str, Any]]:
    """Every apply and rollback, oldest first. A damaged file reads as empty, never crashes."""
    try:
        data = json.loads(read_regular(history_path(), MAX_STATE_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # FileTooLarge is a ValueError
        return []
    events = data.get("events") if isinstance(data, dict) else None
    return [e for e in events if isinstance(e, dict)] if isinstance(events, list) else []


def _append_history(event: dict[str, Any]) -> None:
    events = load_history()
    if any(e.get("id") == event.get("id") for e in events):
        return
    events.append(event)
    payload = {"format": 1, "events": events}
    write_bytes_atomic(history_path(), (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def _pack_event_for(sha: str | None, events: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The apply event that produced the KB file with this sha256 (latest wins)."""
    if sha is None:
        return None
    for event in reversed(events if events is not None else load_history()):
        if event.get("kb_sha256") == sha and event.get("action") == "apply":
            return event
    return None


# -- state -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class KBState:
    path: Path
    sha256: str
    kb_version: str
    content_date: str
    pack: dict[str, Any] | None
    """The history event of the pack that produced this file (None: not from a known pack)."""
    authentic: bool = True
    """The file is byte for byte one a pack sealed (or nothing was ever sealed): see kb.seal."""

    @property
    def pack_version(self) -> str | None:
        return str(self.pack["pack_version"]) if self.pack else None


@dataclass(frozen=True)
class InstalledInfo:
    current: KBState | None
    previous: KBState | None
    bundled: Path
    history: list[dict[str, Any]] = field(default_factory=list)


def _state(path: Path | None, events: list[dict[str, Any]]) -> KBState | None:
    if path is None or not path.is_file():
        return None
    sha = sha256_file(path)
    meta: dict[str, str] = {}
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    authentic = not kb_seal.any_seals() or kb_seal.read_seal(sha) is not None
    return KBState(path, sha, meta.get("kb_version", "?"), meta.get("content_date", "?"), _pack_event_for(sha, events), authentic)


def installed_info() -> InstalledInfo:
    recover(quiet=True)
    events = load_history()
    files = _installed_or_none()
    return InstalledInfo(
        current=_state(files.current, events),
        previous=_state(files.previous, events),
        bundled=paths.bundled_kb_path(),
        history=events,
    )


# -- recovery --------------------------------------------------------------------------------
def recover(*, quiet: bool = False) -> str | None:
    """Finish or undo an update a crash interrupted; returns what was done (None: nothing)."""
    kb_dir = paths.installed_kb_dir()
    try:
        with _locked(kb_dir):
            return _recover_locked(kb_dir)
    except PackProblem:
        if quiet:
            return None  # another process is updating: it will tidy up itself
        raise


def _recover_locked(kb_dir: Path) -> str | None:
    done: str | None = None
    journal_file = kb_dir / JOURNAL
    journal: dict[str, Any] | None = None
    if journal_file.exists():
        try:
            loaded = json.loads(read_regular(journal_file, MAX_STATE_BYTES).decode("utf-8"))
            journal = loaded if isinstance(loaded, dict) else None
        except (OSError, ValueError, RecursionError):
            journal = None
    if journal is not None:
        if "pointer" in journal:
            committed = _pointer_names() == _journal_names(journal)
        else:
            committed = _finish_legacy_journal(kb_dir, journal)
        if committed:
            event = journal.get("event")
            if isinstance(event, dict):
                _append_history(event)
            done = f"finished an interrupted {journal.get('op', 'update')}"
        else:
            done = f"undid an interrupted {journal.get('op', 'update')}; the knowledge base was not changed"
    # Leftovers of an interrupted run (safe: we hold the lock, so no update is using them).
    _discard(kb_dir / ASIDE)
    _discard(kb_dir / INCOMING)
    for stray in kb_dir.iterdir():
        if stray.name.startswith(".extract-") or (stray.name.startswith(".") and stray.name.endswith(".tmp")):
            if stray.is_dir():
                shutil.rmtree(stray, ignore_errors=True)
            else:
                _discard(stray)
    if journal_file.exists():
        journal_file.unlink()
        fsync_dir(kb_dir)
    _prune_kb_files()
    return done


def _pointer_names() -> tuple[str | None, str | None] | None:
    """(current, previous) file names the pointer holds now (None: no pointer, or damaged)."""
    try:
        files = kb_installed.read_installed()
    except KBError:
        return None
    if not files.pointer:
        return None
    return (files.current.name if files.current else None, files.previous.name if files.previous else None)


def _journal_names(journal: dict[str, Any]) -> tuple[str | None, str | None] | None:
    pointer = journal.get("pointer")
    if not isinstance(pointer, list) or len(pointer) != 2:
        return ("?", "?")  # not ours: never equal to what the pointer holds
    return (pointer[0] if isinstance(pointer[0], str) else None, pointer[1] if isinstance(pointer[1], str) else None)


def _finish_legacy_journal(kb_dir: Path, journal: dict[str, Any]) -> bool:
    """A journal an older version left (it replaced current.sqlite itself): finish its step
    after the commit point exactly as it would have, so that layout stays whole until the next
    apply writes a pointer. True when its update had been committed."""
    if _installed_or_none().pointer:
        return False  # a pointer exists, so the old layout is not what is in use
    current = kb_dir / kb_installed.LEGACY_CURRENT
    if _sha_or_none(current) != journal.get("target_sha"):
        return False
    aside = kb_dir / ASIDE
    if aside.exists():
        try:
            os.replace(aside, kb_dir / kb_installed.LEGACY_PREVIOUS)
            fsync_dir(kb_dir)
        except OSError:
            pass  # previous.sqlite is open elsewhere (Windows): the older previous stays
    return True


def _prune_kb_files() -> None:
    """Delete KB files the pointer no longer names. One that is open elsewhere (Windows refuses
    to delete it) stays until a later pack command or the window tries again; never an error.
    Called only under the lock, so an update's new file, not named yet, is never touched."""
    for path in kb_installed.unused_files():
        _discard(path)


# -- apply -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ApplyResult:
    info: PackInfo
    previous_version: str | None
    kb_path: Path
    seconds: float
    replaced_unknown: bool = False
    """The KB replaced could not be authenticated (damaged or of unknown origin)."""
    expired_accepted: bool = False


@dataclass(frozen=True)
class Floor:
    """What a new pack must not go below. Neither part rests on history.json, which anyone
    with write access to the user folder could edit or delete (review F4)."""

    installed: str | None
    """Pack version of the installed KB, read from its seal's *signed* manifest (None: no
    authenticated installed KB; a damaged or unsealed one is never used anyway)."""
    bundled: str | None
    """kb_version of the KB shipped with the program: a pack older than that is a rollback (F3)."""
    unknown_installed: bool = False
    """An installed KB exists but could not be authenticated (it will be replaced)."""


def _bundled_version() -> str | None:
    try:
        conn = sqlite3.connect(f"{paths.bundled_kb_path().resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='kb_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _sealed_version(current: Path | None, events: list[dict[str, Any]]) -> tuple[str | None, bool]:
    """(pack version the installed KB was authenticated as, whether an unauthenticated one exists)."""
    if current is None:
        return None, False
    if not current.is_file():
        return None, os.path.lexists(current)
    try:
        sha = sha256_file(current)
    except OSError:
        return None, True
    record = kb_seal.read_seal(sha)
    if record is None:
        if kb_seal.any_seals():
            return None, True  # changed since it was sealed: not a floor, and not used
        event = _pack_event_for(sha, events)  # installed before seals existed: as before
        return (str(event["pack_version"]), False) if event else (None, True)
    if record.get("legacy"):
        version = record.get("pack_version")
        return (str(version), False) if isinstance(version, str) else (None, True)
    try:
        manifest_bytes = base64.b64decode(str(record.get("manifest", "")), validate=True)
        signature_bytes = base64.b64decode(str(record.get("signature", "")), validate=True)
        check_signature(manifest_bytes, signature_bytes)
        return parse_manifest(manifest_bytes).pack_version, False
    except (PackProblem, ValueError):
        return None, True  # its signer is no longer trusted, or the seal was forged


def version_floor(events: list[dict[str, Any]] | None = None) -> Floor:
    try:
        current = kb_installed.current_path()
    except KBError:  # a damaged pointer: the installed KB is not used, and will be replaced
        return Floor(None, _bundled_version(), True)
    installed, unknown = _sealed_version(current, events if events is not None else load_history())
    return Floor(installed, _bundled_version(), unknown)


def _check_downgrade(info: PackInfo, floor: Floor, allow_downgrade: bool) -> None:
    if allow_downgrade:
        return
    new = info.manifest.pack_version
    for against, strict, what in ((floor.installed, False, "the installed version"), (floor.bundled, True, "the version shipped with this program")):
        if against is None:
            continue
        try:
            order = compare_versions(new, against)
        except Exception:  # an unreadable floor version never blocks an update
            continue
        if order < 0 or (order == 0 and not strict):
            same = "the same as" if order == 0 else "older than"
            raise PackProblem(
                "downgrade",
                f"Pack version {new} is {same} {what} {against}, so it was not applied "
                "(use --allow-downgrade to install it anyway).",
            )


def installed_pack_version() -> str | None:
    return version_floor().installed


def inspect_for_apply(path: Path, *, allow_downgrade: bool = False, accept_expired: bool = False) -> PackInfo:
    """inspect_pack plus the downgrade and expiry rules: what the window shows before asking to apply."""
    recover(quiet=True)
    info = inspect_pack(path)
    check_expiry(info.manifest, accept_expired=accept_expired)
    _check_downgrade(info, version_floor(), allow_downgrade)
    return info


def packs_dir() -> Path:
    path = paths.user_dir() / "packs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def apply_pack(
    path: Path,
    *,
    allow_downgrade: bool = False,
    accept_expired: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ApplyResult:
    """Verify, build and swap in a pack. Raises PackProblem (one sentence) with the KB unchanged."""
    started = time.perf_counter()
    kb_dir = paths.installed_kb_dir()
    with _locked(kb_dir):
        _recover_locked(kb_dir)
        holder: list[Any] = []  # extraction folder, ("stored", pack copy), "committed" after the swap
        try:
            return _apply_locked(Path(path), kb_dir, allow_downgrade, accept_expired, progress, cancel, started, holder)
        except PackProblem:
            raise
        except (OSError, sqlite3.Error) as exc:
            if _is_disk_full(exc):
                raise PackProblem("disk-full", DISK_FULL) from None
            why = getattr(exc, "strerror", None) or str(exc)
            raise PackProblem("io", f"The pack could not be applied ({why}); the installed knowledge base is unchanged.") from None
        finally:
            for item in holder:
                if isinstance(item, Path):
                    shutil.rmtree(item, ignore_errors=True)
            if "committed" not in holder:  # never raises: the PackProblem is what the user sees
                for item in holder:
                    if isinstance(item, tuple) and item[0] in ("stored", "seal", "built"):
                        _discard(item[1])
                for leftover in (INCOMING, ASIDE, JOURNAL):
                    _discard(kb_dir / leftover)
                for stray in kb_dir.glob(".*.tmp"):  # a write cut short (desktop.fileio)
                    _discard(stray)


def _apply_locked(
    path: Path,
    kb_dir: Path,
    allow_downgrade: bool,
    accept_expired: bool,
    progress: Progress | None,
    cancel: Cancel | None,
    started: float,
    holder: list[Any],
) -> ApplyResult:
    def report(stage: str, fraction: float) -> None:
        if progress is not None:
            progress(stage, fraction)

    def check_cancel() -> None:
        if cancel is not None and cancel():
            raise PackCancelled()

    files = _installed_or_none()
    events = load_history()
    floor = version_floor(events)
    installed_version = floor.installed

    # 1. cheap checks first (structure, signature, schema, expiry, version): fail before inflating
    report("check", 0.0)
    first = inspect_pack(path)
    expired = check_expiry(first.manifest, accept_expired=accept_expired)
    _check_downgrade(first, floor, allow_downgrade)
    check_cancel()
    extract_dir = Path(tempfile.mkdtemp(prefix=".extract-", dir=kb_dir))
    holder.append(extract_dir)
    data_dir = extract_dir / "data"
    data_dir.mkdir()
    info = extract_pack(path, data_dir, progress, cancel)
    check_expiry(info.manifest, accept_expired=accept_expired)  # the file may have changed since
    _check_downgrade(info, floor, allow_downgrade)
    _pause("verified")

    # 2. build beside the live KB and check it like `cartref kb verify`
    from desktop.content.build import build_kb
    from desktop.kb.verify import verify_kb

    report("build", 0.0)
    check_cancel()
    incoming = kb_dir / _new_kb_name(info.manifest.pack_version, kb_dir)
    holder.append(("built", incoming))  # removed again if the update does not go through
    try:
        build_kb(data_dir, incoming)
    except ContentError as exc:
        raise PackProblem("content", f"The pack's content fails the knowledge-base checks ({exc}), so it was not applied.") from None
    report("build", 0.8)
    problems = verify_kb(incoming)
    if problems:
        raise PackProblem("content", f"The knowledge base built from the pack fails its checks ({problems[0]}), so it was not applied.")
    conn = sqlite3.connect(f"{incoming.resolve().as_uri()}?mode=ro", uri=True)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.close()
    if meta.get("content_hash") != info.manifest.content_hash:
        raise PackProblem("hash-mismatch", "The pack's content does not match the content hash in its signed manifest, so it was not applied.")
    if info.manifest.kb_version and meta.get("kb_version") != info.manifest.kb_version:
        raise PackProblem("hash-mismatch", "The pack's knowledge-base version does not match its signed manifest, so it was not applied.")
    fsync_file(incoming)
    fsync_dir(kb_dir)
    report("build", 1.0)
    _pause("built")

    # 3. keep the pack itself so `pack export` can hand on the exact signed file
    stored = packs_dir() / f"{info.pack_sha256}.cartpack"
    if not stored.exists():
        copy_durable(path, stored)
        holder.append(("stored", stored))  # removed again if the update does not go through
        # The copy reads the path a second time: the file on the stick may have changed since it
        # was verified (F23). Keep it only if it is byte for byte the pack that was verified.
        if sha256_file(stored) != info.pack_sha256:
            raise PackProblem("changed", CHANGED_WHILE_APPLYING)
    check_cancel()  # the last moment Cancel is honoured

    new_sha = sha256_file(incoming)
    # 4. seal the new file with the signed manifest (kb.seal): every later open checks it
    _seal_legacy((files.current, files.previous), events)
    seal_file = kb_seal.seal_path(new_sha)
    if not seal_file.exists():
        holder.append(("seal", seal_file))  # removed again if the update does not go through
    kb_seal.write_seal(new_sha, {
        "format": 1,
        "pack_version": info.manifest.pack_version,
        "kb_version": meta.get("kb_version", ""),
        "content_hash": info.manifest.content_hash,
        "signer_fingerprint": info.signer.fingerprint,
        "manifest": base64.b64encode(info.manifest_bytes).decode("ascii"),
        "signature": base64.b64encode(info.signature_bytes).decode("ascii"),
    })
    event = {
        "id": uuid.uuid4().hex,
        "action": "apply",
        "pack_version": info.manifest.pack_version,
        "release_date": info.manifest.release_date,
        "signer": info.signer.name,
        "signer_fingerprint": info.signer.fingerprint,
        "applied_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "kb_sha256": new_sha,
        "kb_version": meta.get("kb_version", ""),
        "content_date": meta.get("content_date", ""),
        "content_hash": info.manifest.content_hash,
        "pack_file": stored.name,
        "pack_sha256": info.pack_sha256,
        "changelog": info.manifest.changelog,
    }
    report("install", 0.0)
    # The old current becomes previous (after a rollback to the bundled KB there is none, and
    # the previous stays). A damaged pointer names nothing: the new KB starts afresh.
    old = files.current if files.current is not None and os.path.lexists(files.current) else None
    _commit(kb_dir, "apply", event, current=incoming, previous=old if old is not None else files.previous, holder=holder)
    _prune_packs()
    report("install", 1.0)
    return ApplyResult(info, installed_version, incoming, time.perf_counter() - started, floor.unknown_installed, expired)


def _new_kb_name(pack_version: str, kb_dir: Path) -> str:
    """A file name no KB has had here: the pack version, for people looking, and a random part."""
    version = re.sub(r"[^0-9A-Za-z.]+", "_", pack_version)[:40].strip("._") or "pack"
    while True:
        name = f"kb-{version}-{uuid.uuid4().hex[:8]}.sqlite"
        if not os.path.lexists(kb_dir / name):
            return name


def _seal_legacy(files: tuple[Path | None, ...], events: list[dict[str, Any]]) -> None:
    """KBs installed before seals existed keep working (and restorable by rollback) once seals
    do: seal them from their history entries (no signed manifest is at hand; they were trusted
    as before). Done once, on the first apply under seals."""
    if kb_seal.any_seals():
        return
    for path in files:
        if path is None or not path.is_file():
            continue
        sha = sha256_file(path)
        event = _pack_event_for(sha, events)
        if event is not None:
            kb_seal.write_seal(sha, {"format": 1, "legacy": True, "pack_version": str(event.get("pack_version", ""))})


def _commit(kb_dir: Path, op: str, event: dict[str, Any], *, current: Path | None, previous: Path | None,
            holder: list[Any]) -> None:
    """Journal, one atomic replacement of the pointer, then the bookkeeping after it.

    No KB file is replaced, renamed or deleted here while it is current or previous, so a
    reader holding one open (the window) never blocks an update, on Windows either.
    """
    names = [current.name if current is not None else None, previous.name if previous is not None else None]
    journal = {"op": op, "pointer": names, "target_sha": event.get("kb_sha256"), "event": event}
    write_bytes_atomic(kb_dir / JOURNAL, json.dumps(journal, ensure_ascii=False).encode("utf-8"))
    _pause("journal")
    try:
        write_bytes_atomic(kb_installed.pointer_path(), kb_installed.format_pointer(*names))  # <- the commit point
    except OSError:
        if _pointer_names() != tuple(names):
            raise
        # replaced, but the folder flush after it failed: committed all the same
    holder.append("committed")
    try:
        _pause("committed")
        _append_history(event)
        _pause("history")
        (kb_dir / JOURNAL).unlink(missing_ok=True)
        fsync_dir(kb_dir)
        _prune_kb_files()
        _pause("pruned")
    except OSError:
        pass  # the KB is already swapped; recover() finishes the bookkeeping next time


def _prune_packs() -> None:
    """Keep only the pack files and seals behind the current and previous KBs."""
    try:
        events = load_history()
        files = _installed_or_none()
        shas = {_sha_or_none(p) for p in (files.current, files.previous)}
        keep = set()
        for sha in shas:
            event = _pack_event_for(sha, events)
            if event:
                keep.add(str(event.get("pack_file")))
        for stored in packs_dir().glob("*.cartpack"):
            if stored.name not in keep:
                _discard(stored)
        folder = kb_seal.seals_dir()
        if folder.is_dir():
            for seal_file in folder.glob("*.json"):
                if seal_file.stem not in shas:
                    _discard(seal_file)
    except OSError:
        pass


# -- rollback and export ---------------------------------------------------------------------
def rollback() -> dict[str, Any]:
    """Swap current and previous. With no previous, go back to the bundled KB. Returns the event."""
    kb_dir = paths.installed_kb_dir()
    from desktop.kb.verify import verify_kb

    with _locked(kb_dir):
        _recover_locked(kb_dir)
        try:
            files = kb_installed.read_installed()
        except KBError as exc:
            raise PackProblem("content", f"There is nothing to roll back to ({exc}); apply a pack again.") from None
        current = files.current if files.current is not None and os.path.lexists(files.current) else None
        previous = files.previous if files.previous is not None and os.path.lexists(files.previous) else None
        if previous is None and current is None:
            raise PackProblem("no-previous", "There is no installed or previous knowledge base to roll back to.")
        target_sha: str | None = None
        events = load_history()
        restored: dict[str, Any] | None = None
        if previous is not None:
            problems = verify_kb(previous)
            if problems:
                raise PackProblem("content", f"The previous knowledge base is damaged ({problems[0]}), so it cannot be restored.")
            target_sha = sha256_file(previous)
            if kb_seal.any_seals() and kb_seal.read_seal(target_sha) is None:
                raise PackProblem(
                    "content",
                    "The previous knowledge base does not match the signed pack it came from (changed or damaged), so it cannot be restored.",
                )
            restored = _pack_event_for(target_sha, events)
        event = {
            "id": uuid.uuid4().hex,
            "action": "rollback",
            "pack_version": restored["pack_version"] if restored else ("bundled" if target_sha is None else "unknown"),
            "release_date": restored.get("release_date", "") if restored else "",
            "signer": restored.get("signer", "") if restored else "",
            "signer_fingerprint": restored.get("signer_fingerprint", "") if restored else "",
            "applied_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "kb_sha256": target_sha,
        }
        holder: list[Any] = []
        try:
            # previous becomes current and current previous; with no previous, the bundled KB is used
            _commit(kb_dir, "rollback", event, current=previous, previous=current, holder=holder)
        except OSError as exc:
            if holder:
                raise
            if _is_disk_full(exc):
                raise PackProblem("disk-full", "There is not enough free disk space to roll back; the installed knowledge base is unchanged.") from None
            raise PackProblem("io", f"Could not roll back ({exc.strerror or exc}); the installed knowledge base is unchanged.") from None
        finally:
            if "committed" not in holder:
                _discard(kb_dir / JOURNAL)
        return event


def export_pack(out: Path) -> dict[str, Any]:
    """Copy the signed pack behind the current KB to `out` (to carry to the next computer)."""
    recover(quiet=True)
    event = _pack_event_for(_sha_or_none(_installed_or_none().current))
    if event is None:
        raise PackProblem("not-installed", "No content pack is installed (the program uses its bundled knowledge base), so there is nothing to export.")
    stored = packs_dir() / str(event.get("pack_file"))
    if not stored.is_file() or sha256_file(stored) != event.get("pack_sha256"):
        raise PackProblem("not-installed", "The copy of the installed pack is missing or damaged, so it cannot be exported; apply the pack file again first.")
    out = Path(out)
    if out.resolve() == stored.resolve():
        raise PackProblem("io", "Choose an output file outside the program's own pack store.")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        copy_durable(stored, out)
    except OSError as exc:
        if _is_disk_full(exc):
            raise PackProblem("disk-full", "There is not enough free disk space to export the pack.") from None
        raise PackProblem("io", f"Could not write {str(out)!r} ({exc.strerror or exc}).") from None
    return event
