"""`cartref pack keygen|build|verify|apply|rollback|list|trust|rotate-key|export`: signed content packs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop import outputs, paths
from desktop.commands.common import print_json, print_table, text_argument


def register(sub: Any) -> None:
    p = sub.add_parser("pack", help="build, check, apply or roll back signed content packs")
    psub = p.add_subparsers(dest="pack_command", required=True)

    k = psub.add_parser("keygen", help="make a signing key pair: KEY (private, mode 0600) and KEY.pub")
    k.add_argument("--out", type=outputs.argument, required=True, help="private key file; the public key goes to KEY.pub")
    k.add_argument("--name", type=text_argument, default=None, help="who owns the key (shown to people who import packs)")
    k.set_defaults(func=run_keygen)

    b = psub.add_parser("build", help="make a signed pack from a data folder")
    b.add_argument("--data", type=Path, default=None, help="content folder (default: data/)")
    b.add_argument("--key", type=Path, required=True, help="private key file from `pack keygen`")
    b.add_argument("--version", dest="pack_version", required=True, help="pack version, dotted numbers such as 2026.12.1")
    b.add_argument("--out", type=outputs.argument, required=True, help="pack file to write (e.g. cartref-2026.12.1.cartpack)")
    b.add_argument("--changelog-en", default="", help="what changed, in English")
    b.add_argument("--changelog-zh", default="", help="what changed, in Chinese")
    b.add_argument("--date", default=None, help="release date YYYY-MM-DD (default: today)")
    b.add_argument("--expires", default=None, help="expiry date YYYY-MM-DD (default: a year after the release date)")
    b.set_defaults(func=run_build)

    v = psub.add_parser("verify", help="check a pack's signature, structure and every file's hash")
    v.add_argument("file", type=Path)
    v.add_argument("--json", action="store_true")
    v.add_argument("--accept-expired", action="store_true", help="report an expired pack as ok (with a warning)")
    v.set_defaults(func=run_verify)

    a = psub.add_parser("apply", help="verify a pack and install its knowledge base")
    a.add_argument("file", type=Path)
    a.add_argument("--allow-downgrade", action="store_true", help="install even if not newer than the installed pack")
    a.add_argument("--accept-expired", action="store_true", help="install a pack past its expiry date (a newer one may exist)")
    a.set_defaults(func=run_apply)

    r = psub.add_parser("rollback", help="go back to the previous knowledge base")
    r.set_defaults(func=run_rollback)

    ls = psub.add_parser("list", help="installed and previous knowledge base, pack history, trusted keys")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)

    t = psub.add_parser("trust", help="trust packs signed by this public key; revoke a key; act on a key rotation")
    t.add_argument("pubkey", type=Path, nargs="?", default=None)
    t.add_argument("--revoke", metavar="KEY", default=None, help="stop trusting a key (fingerprint or public-key file), bundled keys too")
    t.add_argument("--rotation", type=Path, default=None, help="a signed key-rotation statement: trust its new key, revoke the old one")
    t.set_defaults(func=run_trust)

    rk = psub.add_parser("rotate-key", help="sign a statement handing trust from an old signing key to a new one")
    rk.add_argument("--key", type=Path, required=True, help="the old private key (trusted by users today)")
    rk.add_argument("--new-key", type=Path, required=True, help="the new private key")
    rk.add_argument("--out", type=Path, required=True, help="statement file to write (give it to users with the next pack)")
    rk.set_defaults(func=run_rotate_key)

    e = psub.add_parser("export", help="write out the installed pack (signed, as it was applied)")
    e.add_argument("file", type=outputs.argument)
    e.add_argument("--centres", "--centers", action="store_true",
                   help="add this site's own centre list as a section signed with --key (a hub's network)")
    e.add_argument("--key", type=Path, default=None, help="private key that signs the centre list (from `pack keygen`)")
    e.add_argument("--site", type=text_argument, default=None, help="the sending site's name, shown beside its centres")
    e.set_defaults(func=run_export)


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def run_keygen(args: argparse.Namespace) -> int:
    from desktop.packs.keys import generate_keypair, write_keypair

    pair = generate_keypair(args.name or args.out.stem)
    private, public = write_keypair(pair, args.out)
    _out(f"private key: {private} (mode 0600; keep it secret and out of version control)")
    _out(f"public key:  {public}")
    _out(f"fingerprint: {pair.public.fingerprint}  name: {pair.name}")
    return 0


def run_build(args: argparse.Namespace) -> int:
    from desktop.errors import ContentError
    from desktop.packs.build import build_pack
    from desktop.packs.keys import load_private_key

    key = load_private_key(args.key)
    data = args.data or paths.data_dir()
    try:
        built = build_pack(
            data,
            key,
            args.pack_version,
            args.out,
            changelog_en=args.changelog_en,
            changelog_zh=args.changelog_zh,
            release_date=args.date,
            expires=args.expires,
        )
    except ContentError as exc:
        for problem in exc.problems:
            sys.stderr.write(problem + "\n")
        sys.stderr.write(f"cartref: pack build refused: {len(exc.problems)} problem(s) in {data}\n")
        return 2
    m = built.manifest
    size = built.path.stat().st_size
    _out(
        f"built {built.path} (pack {m.pack_version}, kb {m.kb_version}, {len(m.files)} files, "
        f"{size / 1024:.1f} KiB, content {m.content_hash[:12]}, sha256 {built.sha256[:12]})"
    )
    _out(f"signed by {key.name} ({key.public.fingerprint})")
    return 0


def _describe(info: Any) -> dict[str, Any]:
    m = info.manifest
    return {
        "file": str(info.path),
        "pack_version": m.pack_version,
        "release_date": m.release_date,
        "expires": m.expiry_date.isoformat(),
        "schema_version": m.schema_version,
        "kb_version": m.kb_version,
        "content_date": m.content_date,
        "content_hash": m.content_hash,
        "files": len(m.files),
        "bytes": m.total_size,
        "signer": info.signer.name,
        "signer_fingerprint": info.signer.fingerprint,
        "signer_origin": info.signer.origin,
        "changelog": m.changelog,
        "sha256": info.pack_sha256,
    }


def _expired_warning(m: Any) -> None:
    sys.stderr.write(f"cartref: warning: pack {m.pack_version} expired on {m.expiry_date.isoformat()}; a newer pack may exist\n")


def run_verify(args: argparse.Namespace) -> int:
    from desktop.packs.archive import verify_pack
    from desktop.packs.manifest import check_expiry

    info = verify_pack(args.file)
    if check_expiry(info.manifest, accept_expired=args.accept_expired):
        _expired_warning(info.manifest)
    if args.json:
        print_json({"ok": True, **_describe(info)})
        return 0
    m = info.manifest
    _out(f"{args.file}: ok")
    _out(f"  pack {m.pack_version}, released {m.release_date}, expires {m.expiry_date.isoformat()}, schema {m.schema_version}, kb {m.kb_version} ({m.content_date})")
    _out(f"  {len(m.files)} files, {m.total_size} bytes, every sha256 matches the signed manifest")
    _out(f"  signed by {info.signer.name} ({info.signer.fingerprint}, {info.signer.origin} key)")
    for lang in ("en", "zh-Hans"):
        if m.changelog.get(lang):
            _out(f"  changes ({lang}): {m.changelog[lang]}")
    return 0


def run_apply(args: argparse.Namespace) -> int:
    from desktop.packs.apply import apply_pack
    from desktop.packs.site_section import has_kb, has_section

    section = has_section(args.file)
    if section and not has_kb(args.file):
        return _import_centres(args.file)  # a hub's centre list alone
    if section:
        from desktop.packs.site_section import read_section

        read_section(args.file)  # checked before the KB changes: a bad section stops everything
    result = apply_pack(args.file, allow_downgrade=args.allow_downgrade, accept_expired=args.accept_expired)
    m = result.info.manifest
    if result.expired_accepted:
        _expired_warning(m)
    if result.previous_version:
        was = result.previous_version
    elif result.replaced_unknown:
        was = "an installed knowledge base that failed its authentication check"
    else:
        was = "the bundled knowledge base"
    _out(f"applied pack {m.pack_version} (released {m.release_date}, signed by {result.info.signer.name}) over {was}")
    _out(f"installed {result.kb_path} in {result.seconds:.2f} s; `cartref pack rollback` restores the previous one")
    if section:
        return _import_centres(args.file)
    return 0


def _import_centres(path: Path) -> int:
    """The pack's signed centre list into the user database (one transaction), marked with its origin."""
    from desktop.packs.site_section import import_section
    from desktop.userdata import db

    conn = db.open_user_db()
    try:
        section = import_section(path, conn)
    finally:
        conn.close()
    _out(f"added {len(section.centres)} centre(s) from {section.origin} (signed by {section.signer.name}, "
         f"{section.created}); they are listed as added at {section.origin}")
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    from desktop.packs.apply import rollback

    event = rollback()
    version = event.get("pack_version")
    if version == "bundled":
        _out("rolled back: the program now uses its bundled knowledge base")
    else:
        _out(f"rolled back to pack {version}" + (f" (released {event['release_date']})" if event.get("release_date") else ""))
    return 0


def _state_json(state: Any) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "path": str(state.path),
        "sha256": state.sha256,
        "kb_version": state.kb_version,
        "content_date": state.content_date,
        "pack_version": state.pack_version,
        "signer": state.pack.get("signer") if state.pack else None,
        "authentic": state.authentic,
    }


def run_list(args: argparse.Namespace) -> int:
    from desktop.packs.apply import installed_info
    from desktop.packs.keys import revoked_fingerprints, trusted_keys

    info = installed_info()
    keys = list(trusted_keys().values())
    revoked = sorted(revoked_fingerprints())
    if args.json:
        print_json(
            {
                "current": _state_json(info.current),
                "previous": _state_json(info.previous),
                "bundled": str(info.bundled),
                "history": info.history,
                "trusted_keys": [{"name": k.name, "fingerprint": k.fingerprint, "origin": k.origin} for k in keys],
                "revoked_keys": revoked,
            }
        )
        return 0
    for label, state in (("installed", info.current), ("previous", info.previous)):
        if state is None:
            _out(f"{label}: none" + (" (using the bundled knowledge base)" if label == "installed" else ""))
        else:
            pack = f"pack {state.pack_version}" if state.pack_version else "not from a known pack"
            damaged = "" if state.authentic else " (DAMAGED: changed since it was installed; not used)"
            _out(f"{label}: {pack}, kb {state.kb_version} ({state.content_date}), sha256 {state.sha256[:12]}{damaged}")
    _out(f"bundled: {info.bundled}")
    _out("")
    if info.history:
        print_table(
            ("when (UTC)", "action", "pack", "released", "signer"),
            [(e.get("applied_at", ""), e.get("action", ""), e.get("pack_version", ""), e.get("release_date", ""), e.get("signer", "")) for e in info.history],
        )
    else:
        _out("history: no packs applied yet")
    _out("")
    _out("trusted keys: " + "; ".join(f"{k.name} ({k.fingerprint}, {k.origin})" for k in keys) if keys else "trusted keys: none")
    if revoked:
        _out("revoked keys: " + "; ".join(revoked))
    return 0


def run_trust(args: argparse.Namespace) -> int:
    from desktop.errors import UserInputError
    from desktop.packs.keys import apply_rotation, revoke_key, trust_key

    chosen = [a for a in (args.pubkey, args.revoke, args.rotation) if a is not None]
    if len(chosen) != 1:
        raise UserInputError("give exactly one of: a public-key file, --revoke KEY, --rotation FILE")
    if args.revoke is not None:
        fp, name = revoke_key(args.revoke)
        _out(f"revoked {name} ({fp}); packs it signs are refused from now on")
        return 0
    if args.rotation is not None:
        old, new = apply_rotation(args.rotation)
        _out(f"key rotation: now trusting {new.name} ({new.fingerprint}); revoked {old.name} ({old.fingerprint})")
        return 0
    key, added = trust_key(args.pubkey)
    if added:
        _out(f"trusted {key.name} ({key.fingerprint}); packs it signs can now be applied")
    else:
        _out(f"already trusted: {key.name} ({key.fingerprint}, {key.origin})")
    return 0


def run_rotate_key(args: argparse.Namespace) -> int:
    import datetime as dt

    from desktop.errors import UserInputError
    from desktop.fileio import write_bytes_atomic
    from desktop.packs.keys import load_private_key, make_rotation

    old, new = load_private_key(args.key), load_private_key(args.new_key)
    if old.seed == new.seed:
        raise UserInputError("the old and new keys are the same key")
    if args.out.exists():
        raise UserInputError(f"{args.out} already exists; refusing to overwrite it")
    write_bytes_atomic(args.out, make_rotation(old, new, dt.date.today().isoformat()), mode=0o644)
    _out(f"wrote {args.out}: {old.name} ({old.public.fingerprint}) hands over to {new.name} ({new.public.fingerprint})")
    _out("users run `cartref pack trust --rotation FILE` to move their trust to the new key")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from desktop.errors import UserInputError
    from desktop.packs.apply import export_pack

    if args.centres:
        return _export_with_centres(args)
    if args.key is not None or args.site is not None:
        raise UserInputError("--key and --site go with --centres (the site's own centre list)")
    event = export_pack(args.file)
    _out(f"exported pack {event['pack_version']} (signed by {event.get('signer', '?')}) to {args.file}")
    return 0


def _export_with_centres(args: argparse.Namespace) -> int:
    """The installed pack (if any) plus this site's centres, signed with the site's own key."""
    import tempfile

    from desktop.errors import UserInputError
    from desktop.packs.apply import export_pack
    from desktop.packs.errors import PackProblem
    from desktop.packs.keys import load_private_key
    from desktop.packs.site_section import write_section
    from desktop.userdata import db, site_centres

    if args.key is None or not args.site:
        raise UserInputError("--centres needs --key (your signing key) and --site (your site's name)")
    key = load_private_key(args.key)
    centres: list[Any] = []
    if paths.user_db_path().exists():
        conn = db.open_user_db(read_only_ok=True)
        try:
            # only the centres this site added: a list received from another hub is theirs to send
            centres = [c for c in site_centres.list_all(conn) if not c.origin]
        finally:
            conn.close()
    with tempfile.TemporaryDirectory(prefix="cartref-export-") as tmp:
        base: Path | None = Path(tmp) / "installed.cartpack"
        try:
            export_pack(base)  # type: ignore[arg-type]
            what = "the installed pack and "
        except PackProblem as exc:
            if exc.reason != "not-installed":
                raise
            base, what = None, ""
        n = write_section(args.file, key, args.site, centres, base_pack=base)
    _out(f"exported {what}{n} centre(s) of this site's list, signed by {key.name} as {args.site}, to {args.file}")
    return 0
