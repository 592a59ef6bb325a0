"""`cartref pack keygen|build|verify|apply|rollback|list|trust|rotate-key|export`: signed content packs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop import outputs, paths
from desktop.commands.common import (
    is_zh,
    long_date,
    print_json,
    print_table,
    text_argument,
    ui_lang,
)
from desktop.i18n import N_, Msg, gettext, translate_line


def register(sub: Any) -> None:
    p = sub.add_parser("pack", help=N_("build, check, apply or roll back signed content packs"))
    psub = p.add_subparsers(dest="pack_command", required=True)

    k = psub.add_parser("keygen", help=N_("make a signing key pair: KEY (private, mode 0600) and KEY.pub"))
    k.add_argument("--out", type=outputs.argument, required=True, help=N_("private key file; the public key goes to KEY.pub"))
    k.add_argument("--name", type=text_argument, default=None, help=N_("who owns the key (shown to people who import packs)"))
    k.set_defaults(func=run_keygen)

    b = psub.add_parser("build", help=N_("make a signed pack from a data folder"))
    b.add_argument("--data", type=Path, default=None, help=N_("content folder (default: data/)"))
    b.add_argument("--key", type=Path, required=True, help=N_("private key file from `pack keygen`"))
    b.add_argument("--version", dest="pack_version", required=True, help=N_("pack version, dotted numbers such as 2026.12.1"))
    b.add_argument("--out", type=outputs.argument, required=True, help=N_("pack file to write (e.g. cartref-2026.12.1.cartpack)"))
    b.add_argument("--changelog-en", default="", help=N_("what changed, in English"))
    b.add_argument("--changelog-zh", default="", help=N_("what changed, in Chinese"))
    b.add_argument("--date", default=None, help=N_("release date YYYY-MM-DD (default: today)"))
    b.add_argument("--expires", default=None, help=N_("expiry date YYYY-MM-DD (default: a year after the release date)"))
    b.set_defaults(func=run_build)

    v = psub.add_parser("verify", help=N_("check a pack's signature, structure and every file's hash"))
    v.add_argument("file", type=Path)
    v.add_argument("--json", action="store_true")
    v.add_argument("--accept-expired", action="store_true", help=N_("report an expired pack as ok (with a warning)"))
    v.set_defaults(func=run_verify)

    a = psub.add_parser("apply", help=N_("verify a pack and install its knowledge base"))
    a.add_argument("file", type=Path)
    a.add_argument("--allow-downgrade", action="store_true", help=N_("install even if not newer than the installed pack"))
    a.add_argument("--accept-expired", action="store_true", help=N_("install a pack past its expiry date (a newer one may exist)"))
    a.set_defaults(func=run_apply)

    r = psub.add_parser("rollback", help=N_("go back to the previous knowledge base"))
    r.set_defaults(func=run_rollback)

    ls = psub.add_parser("list", help=N_("installed and previous knowledge base, pack history, trusted keys"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)

    t = psub.add_parser("trust", help=N_("trust packs signed by this public key; revoke a key; act on a key rotation"))
    t.add_argument("pubkey", type=Path, nargs="?", default=None)
    t.add_argument("--revoke", metavar="KEY", default=None, help=N_("stop trusting a key (fingerprint or public-key file), bundled keys too"))
    t.add_argument("--rotation", type=Path, default=None, help=N_("a signed key-rotation statement: trust its new key, revoke the old one"))
    t.set_defaults(func=run_trust)

    rk = psub.add_parser("rotate-key", help=N_("sign a statement handing trust from an old signing key to a new one"))
    rk.add_argument("--key", type=Path, required=True, help=N_("the old private key (trusted by users today)"))
    rk.add_argument("--new-key", type=Path, required=True, help=N_("the new private key"))
    rk.add_argument("--out", type=Path, required=True, help=N_("statement file to write (give it to users with the next pack)"))
    rk.set_defaults(func=run_rotate_key)

    e = psub.add_parser("export", help=N_("write out the installed pack (signed, as it was applied)"))
    e.add_argument("file", type=outputs.argument)
    e.add_argument("--centres", "--centers", action="store_true",
                   help=N_("add this site's own centre list as a section signed with --key (a hub's network)"))
    e.add_argument("--key", type=Path, default=None, help=N_("private key that signs the centre list (from `pack keygen`)"))
    e.add_argument("--site", type=text_argument, default=None, help=N_("the sending site's name, shown beside its centres"))
    e.set_defaults(func=run_export)


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def run_keygen(args: argparse.Namespace) -> int:
    from desktop.packs.keys import generate_keypair, write_keypair

    _ = gettext(ui_lang(args))
    pair = generate_keypair(args.name or args.out.stem)
    private, public = write_keypair(pair, args.out)
    _out(_("private key: %(path)s (mode 0600; keep it secret and out of version control)") % {"path": private})
    _out(_("public key:  %(path)s") % {"path": public})
    _out(_("fingerprint: %(fingerprint)s  name: %(name)s") % {"fingerprint": pair.public.fingerprint, "name": pair.name})
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
            sys.stderr.write(translate_line(problem, ui_lang(args)) + "\n")
        _ = gettext(ui_lang(args))
        sys.stderr.write("cartref: " + _("pack build refused: %(n)s problem(s) in %(data)s")
                         % {"n": len(exc.problems), "data": data} + "\n")
        return 2
    _ = gettext(ui_lang(args))
    m = built.manifest
    size = built.path.stat().st_size
    _out(_("built %(path)s (pack %(pack)s, KB %(kb)s, %(files)s files, %(size)s KiB, content %(content)s, "
           "sha256 %(sha)s)") % {"path": built.path, "pack": m.pack_version, "kb": m.kb_version, "files": len(m.files),
                                 "size": f"{size / 1024:.1f}", "content": m.content_hash[:12], "sha": built.sha256[:12]})
    _out(_("signed by %(name)s (%(fingerprint)s)") % {"name": key.name, "fingerprint": key.public.fingerprint})
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


def _expired_warning(m: Any, lang: str = "en") -> None:
    _ = gettext(lang)
    sys.stderr.write("cartref: " + _("warning: pack %(version)s expired on %(date)s; a newer pack may exist")
                     % {"version": m.pack_version, "date": long_date(m.expiry_date.isoformat(), lang)} + "\n")


def run_verify(args: argparse.Namespace) -> int:
    from desktop.packs.archive import verify_pack
    from desktop.packs.manifest import check_expiry

    lang = ui_lang(args)
    _ = gettext(lang)
    info = verify_pack(args.file)
    if check_expiry(info.manifest, accept_expired=args.accept_expired):
        _expired_warning(info.manifest, lang)
    if args.json:
        print_json({"ok": True, **_describe(info)})
        return 0
    m = info.manifest
    _out(_("%(path)s: ok") % {"path": args.file})
    _out("  " + _("pack %(pack)s, released %(released)s, expires %(expires)s, schema %(schema)s, KB %(kb)s (%(date)s)") % {
        "pack": m.pack_version, "released": long_date(m.release_date, lang),
        "expires": long_date(m.expiry_date.isoformat(), lang), "schema": m.schema_version, "kb": m.kb_version,
        "date": long_date(m.content_date, lang)})
    _out("  " + _("%(files)s files, %(bytes)s bytes, every sha256 matches the signed manifest") % {
        "files": len(m.files), "bytes": m.total_size})
    _out("  " + _("signed by %(name)s (%(fingerprint)s, %(origin)s key)") % {
        "name": info.signer.name, "fingerprint": info.signer.fingerprint, "origin": _origin(info.signer.origin, lang)})
    # the changelog in the reader's language first; the other one as well when it exists
    order = ("zh-Hans", "en") if is_zh(lang) else ("en", "zh-Hans")
    for code in order:
        if m.changelog.get(code):
            label = _("changes (Chinese)") if code == "zh-Hans" else _("changes (English)")
            _out(f"  {label}: {m.changelog[code]}")
            if is_zh(lang):
                break  # a Chinese reader is not shown the English changelog when a Chinese one exists
    return 0


def _origin(origin: str, lang: str) -> str:
    """A key's origin (bundled, user) as words."""
    _ = gettext(lang)
    return {"bundled": _("bundled"), "user": _("added by you")}.get(origin, origin)


def run_apply(args: argparse.Namespace) -> int:
    from desktop.packs.apply import apply_pack
    from desktop.packs.site_section import has_kb, has_section

    lang = ui_lang(args)
    _ = gettext(lang)
    section = has_section(args.file)
    if section and not has_kb(args.file):
        return _import_centres(args.file, lang)  # a hub's centre list alone
    if section:
        from desktop.packs.site_section import read_section

        read_section(args.file)  # checked before the KB changes: a bad section stops everything
    result = apply_pack(args.file, allow_downgrade=args.allow_downgrade, accept_expired=args.accept_expired)
    m = result.info.manifest
    if result.expired_accepted:
        _expired_warning(m, lang)
    if result.previous_version:
        # English has always said "over 2026.11.25"; Chinese needs the noun
        was = _("pack %(version)s") % {"version": result.previous_version} if is_zh(lang) else result.previous_version
    elif result.replaced_unknown:
        was = _("an installed knowledge base that failed its authentication check")
    else:
        was = _("the bundled knowledge base")
    _out(_("applied pack %(pack)s (released %(released)s, signed by %(signer)s) over %(was)s") % {
        "pack": m.pack_version, "released": long_date(m.release_date, lang), "signer": result.info.signer.name, "was": was})
    _out(_("installed %(path)s in %(seconds)s s; `cartref pack rollback` restores the previous one") % {
        "path": result.kb_path, "seconds": f"{result.seconds:.2f}"})
    if section:
        return _import_centres(args.file, lang)
    return 0


def _import_centres(path: Path, lang: str = "en") -> int:
    """The pack's signed centre list into the user database (one transaction), marked with its origin."""
    from desktop.packs.site_section import import_section
    from desktop.userdata import db

    conn = db.open_user_db()
    try:
        section = import_section(path, conn)
    finally:
        conn.close()
    _ = gettext(lang)
    _out(_("added %(n)s centre(s) from %(origin)s (signed by %(signer)s, %(created)s); they are listed as added at "
           "%(origin)s") % {"n": len(section.centres), "origin": section.origin, "signer": section.signer.name,
                            "created": long_date(section.created, lang)})
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    from desktop.packs.apply import rollback

    lang = ui_lang(args)
    _ = gettext(lang)
    event = rollback()
    version = event.get("pack_version")
    if version == "bundled":
        _out(_("rolled back: the program now uses its bundled knowledge base"))
    elif event.get("release_date"):
        _out(_("rolled back to pack %(version)s (released %(released)s)") % {
            "version": version, "released": long_date(event["release_date"], lang)})
    else:
        _out(_("rolled back to pack %(version)s") % {"version": version})
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
    lang = ui_lang(args)
    _ = gettext(lang)
    for which, state in (("installed", info.current), ("previous", info.previous)):
        label = _("installed") if which == "installed" else _("previous")
        if state is None:
            _out(_("%(label)s: none (using the bundled knowledge base)") % {"label": label} if which == "installed"
                 else _("%(label)s: none") % {"label": label})
        else:
            pack = _("pack %(version)s") % {"version": state.pack_version} if state.pack_version else _("not from a known pack")
            damaged = "" if state.authentic else _(" (DAMAGED: changed since it was installed; not used)")
            _out(_("%(label)s: %(pack)s, KB %(kb)s (%(date)s), sha256 %(sha)s") % {
                "label": label, "pack": pack, "kb": state.kb_version, "date": long_date(state.content_date, lang),
                "sha": state.sha256[:12]} + damaged)
    _out(_("bundled: %(path)s") % {"path": info.bundled})
    _out("")
    if info.history:
        print_table(
            (_("when (UTC)"), _("action"), _("pack"), _("released"), _("signer")),
            [(e.get("applied_at", ""), _action(e.get("action", ""), lang), e.get("pack_version", ""),
              e.get("release_date", ""), e.get("signer", "")) for e in info.history],
        )
    else:
        _out(_("history: no packs applied yet"))
    _out("")
    if keys:
        _out(_("trusted keys: %(keys)s") % {"keys": "; ".join(
            f"{k.name} ({k.fingerprint}, {_origin(k.origin, lang)})" for k in keys)})
    else:
        _out(_("trusted keys: none"))
    if revoked:
        _out(_("revoked keys: %(keys)s") % {"keys": "; ".join(revoked)})
    return 0


def _action(action: str, lang: str) -> str:
    """A history row's action as a word (apply, rollback, export ...); an unknown one as it is."""
    _ = gettext(lang)
    return {"apply": _("applied"), "applied": _("applied"), "rollback": _("rolled back"),
            "rolled-back": _("rolled back"), "export": _("exported")}.get(action, action)


def run_trust(args: argparse.Namespace) -> int:
    from desktop.errors import UserInputError
    from desktop.packs.keys import apply_rotation, revoke_key, trust_key

    chosen = [a for a in (args.pubkey, args.revoke, args.rotation) if a is not None]
    if len(chosen) != 1:
        raise UserInputError(Msg("give exactly one of: a public-key file, --revoke KEY, --rotation FILE"))
    lang = ui_lang(args)
    _ = gettext(lang)
    if args.revoke is not None:
        fp, name = revoke_key(args.revoke)
        _out(_("revoked %(name)s (%(fingerprint)s); packs it signs are refused from now on") % {"name": name, "fingerprint": fp})
        return 0
    if args.rotation is not None:
        old, new = apply_rotation(args.rotation)
        _out(_("key rotation: now trusting %(new)s (%(new_fp)s); revoked %(old)s (%(old_fp)s)") % {
            "new": new.name, "new_fp": new.fingerprint, "old": old.name, "old_fp": old.fingerprint})
        return 0
    key, added = trust_key(args.pubkey)
    if added:
        _out(_("trusted %(name)s (%(fingerprint)s); packs it signs can now be applied") % {
            "name": key.name, "fingerprint": key.fingerprint})
    else:
        _out(_("already trusted: %(name)s (%(fingerprint)s, %(origin)s)") % {
            "name": key.name, "fingerprint": key.fingerprint, "origin": _origin(key.origin, lang)})
    return 0


def run_rotate_key(args: argparse.Namespace) -> int:
    import datetime as dt

    from desktop.errors import UserInputError
    from desktop.fileio import write_bytes_atomic
    from desktop.packs.keys import load_private_key, make_rotation

    old, new = load_private_key(args.key), load_private_key(args.new_key)
    _ = gettext(ui_lang(args))
    if old.seed == new.seed:
        raise UserInputError(Msg("the old and new keys are the same key"))
    if args.out.exists():
        raise UserInputError(Msg("%(path)s already exists; refusing to overwrite it", path=str(args.out)))
    write_bytes_atomic(args.out, make_rotation(old, new, dt.date.today().isoformat()), mode=0o644)
    _out(_("wrote %(path)s: %(old)s (%(old_fp)s) hands over to %(new)s (%(new_fp)s)") % {
        "path": args.out, "old": old.name, "old_fp": old.public.fingerprint, "new": new.name,
        "new_fp": new.public.fingerprint})
    _out(_("users run `cartref pack trust --rotation FILE` to move their trust to the new key"))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from desktop.errors import UserInputError
    from desktop.packs.apply import export_pack

    if args.centres:
        return _export_with_centres(args)
    if args.key is not None or args.site is not None:
        raise UserInputError(Msg("--key and --site go with --centres (the site's own centre list)"))
    event = export_pack(args.file)
    _ = gettext(ui_lang(args))
    _out(_("exported pack %(version)s (signed by %(signer)s) to %(path)s") % {
        "version": event["pack_version"], "signer": event.get("signer", "?"), "path": args.file})
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
        raise UserInputError(Msg("--centres needs --key (your signing key) and --site (your site's name)"))
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
            with_pack = True
        except PackProblem as exc:
            if exc.reason != "not-installed":
                raise
            base, with_pack = None, False
        n = write_section(args.file, key, args.site, centres, base_pack=base)
    _ = gettext(ui_lang(args))
    values = {"n": n, "signer": key.name, "site": args.site, "path": args.file}
    if with_pack:
        _out(_("exported the installed pack and %(n)s centre(s) of this site's list, signed by %(signer)s as %(site)s, "
               "to %(path)s") % values)
    else:
        _out(_("exported %(n)s centre(s) of this site's list, signed by %(signer)s as %(site)s, to %(path)s") % values)
    return 0
