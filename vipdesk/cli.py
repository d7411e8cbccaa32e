"""Command line: ``vipdesk`` (GUI), ``vipdesk demo``, ``vipdesk db upgrade``, ``vipdesk sync``,
``vipdesk letter``.

Any problem the user can act on prints one line and exits with code 2; nothing waits for a
person when a screenshot is asked for.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence

from vipdesk import __version__
from vipdesk.config import DATABASE_ENV, HOME_ENV, resolve_settings
from vipdesk.core.errors import VipDeskError

EXIT_PROBLEM = 2
PASSPHRASE_ENV = "VIPDESK_PASSPHRASE"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=f"central database URL (default: ${DATABASE_ENV}, else the embedded demo file)",
    )
    parser = argparse.ArgumentParser(
        prog="vipdesk",
        description="VIP Desk: high-value debt recovery workstation.",
        epilog=f"Set {HOME_ENV} to keep every local file (database, settings, logs) in one folder.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"VIP Desk {__version__}")
    parser.add_argument(
        "--screenshot", metavar="PATH", help="render the main window offscreen to PNG and exit"
    )
    parser.add_argument("--user", metavar="NAME", help="sign in directly as this user")
    parser.add_argument(
        "--open-case", metavar="ID", help="with --screenshot: open this case (number or id)"
    )
    parser.add_argument(
        "--tab", metavar="NAME", help="with --open-case: the page to show (resumen, ...)"
    )
    parser.add_argument("--language", choices=["es", "en"], help="interface language")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", parents=[common], help="create or replace the demo portfolio"
    )
    demo.add_argument("--cases", type=int, default=200, help="number of cases (default 200)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")

    sync = commands.add_parser(
        "sync",
        parents=[common],
        help="sync a user's encrypted local cache with the central database",
    )
    sync.add_argument("--user", metavar="NAME", help="whose cache (default: the only one here)")

    letter = commands.add_parser(
        "letter",
        parents=[common],
        help="generate a letter for a case on the central database, for batch runs",
    )
    letter.add_argument("--case", required=True, metavar="ID", help="case number or id")
    letter.add_argument(
        "--kind",
        required=True,
        metavar="KIND",
        help="propuesta, convenio, requerimiento, recordatorio, finiquito or expediente",
    )
    letter.add_argument("--out", required=True, metavar="DIR", help="folder to write the PDF to")
    letter.add_argument(
        "--user", metavar="NAME", help="who generates it (default: the case's executive)"
    )

    db = commands.add_parser("db", help="database administration")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", parents=[common], help="apply schema migrations")
    revision = db_commands.add_parser(
        "revision", parents=[common], help="(developers) autogenerate a migration"
    )
    revision.add_argument("-m", "--message", required=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "db":
            return _db(args)
        if args.command == "sync":
            return _sync(args)
        if args.command == "letter":
            return _letter(args)
        return _gui(args)
    except VipDeskError as error:
        message = error.message
        if type(error).__name__ in ("CentralPassphraseMissing", "PassphraseCancelled"):
            # Still one line: scripts read the first line of stderr.
            message += f" (No keychain here: set {PASSPHRASE_ENV}, or run it in a terminal.)"
        print(f"vipdesk: {message}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130


def _demo(args: argparse.Namespace) -> int:
    from vipdesk.app import open_database
    from vipdesk.demo import generate

    if not 1 <= args.cases <= 1_000_000:
        print("vipdesk: --cases must be between 1 and 1,000,000", file=sys.stderr)
        return EXIT_PROBLEM
    settings = resolve_settings(database=getattr(args, "database", None))
    database = open_database(settings, create=True, passphrase=_cli_passphrase)
    try:
        started = time.perf_counter()
        stats = generate(database.engine, cases=args.cases, seed=args.seed)
        print(
            f"demo portfolio: {stats.cases} cases, {stats.debtors} debtors, "
            f"{stats.obligations} obligations, {stats.interactions} interactions, "
            f"{stats.promises} promises, {stats.payments} payments "
            f"in {time.perf_counter() - started:.1f} s"
        )
    finally:
        database.dispose()
    return 0


def _cli_passphrase(creating: bool) -> str | None:
    """No keychain here: the passphrase comes from $VIPDESK_PASSPHRASE, else the terminal."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass("VIP Desk passphrase (no keychain on this computer): ")
    if creating and getpass.getpass("Repeat it: ") != first:
        print("vipdesk: the two passphrases differ", file=sys.stderr)
        return None
    return first


def _sync(args: argparse.Namespace) -> int:
    from vipdesk.app import open_central
    from vipdesk.local_cache import cache_path, is_built, open_cache
    from vipdesk.services import auth, sync
    from vipdesk.storage.cache_build import build_cache

    settings = resolve_settings(database=getattr(args, "database", None))
    user = args.user
    if not user:
        caches = sorted((settings.paths.data / "caches").glob("*.db"))
        if len(caches) != 1:
            print("vipdesk: name the user with --user", file=sys.stderr)
            return EXIT_PROBLEM
        user = caches[0].stem
    connected = open_central(settings, passphrase=_cli_passphrase)
    central = connected.database
    try:
        actor = auth.sign_in(central.unit_of_work(), user)
        fresh = not cache_path(settings, actor.username).exists()
        cache = open_cache(settings, actor.username, _cli_passphrase, connected.passphrase)
        try:
            if fresh or not is_built(cache):
                stats = build_cache(central.engine, cache.engine, actor)
                print(f"built the local cache: {stats.cases} cases in {stats.seconds:.1f} s")
            report = sync.sync_once(central, cache, actor.username)
            print(
                f"pushed {report.pushed}, refused {report.refused}, pulled {report.pulled}, "
                f"removed {report.removed}; waiting {report.pending}, "
                f"conflicts {report.conflicts}"
            )
        finally:
            cache.dispose()
    finally:
        central.dispose()
    return 0


def _letter(args: argparse.Namespace) -> int:
    """Generate one letter as the GUI does (same rules, same stored record, audited) and write
    its PDF into --out; print the PDF's path. Without --user, the case's executive generates
    it: the one who signs its contact details."""
    from pathlib import Path

    from vipdesk.app import open_central
    from vipdesk.documents.kinds import KINDS
    from vipdesk.services import auth, documents, letters

    if args.kind not in KINDS:
        print(f"vipdesk: unknown kind {args.kind!r}; one of: {', '.join(KINDS)}", file=sys.stderr)
        return EXIT_PROBLEM
    out = Path(args.out).expanduser()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"vipdesk: cannot use {out} as the folder: {error.strerror}", file=sys.stderr)
        return EXIT_PROBLEM
    settings = resolve_settings(database=getattr(args, "database", None))
    central = open_central(settings, passphrase=_cli_passphrase).database
    try:
        case_id, executive = documents.case_reference(central.unit_of_work(), args.case)
        actor = auth.sign_in(central.unit_of_work(), args.user or executive)
        info, pdf = letters.generate_pdf(central.unit_of_work(), actor, case_id, args.kind)
        print(documents.save_copy(pdf, out, info.file_name))
    finally:
        central.dispose()
    return 0


def _db(args: argparse.Namespace) -> int:
    from vipdesk.app import prepare_schema
    from vipdesk.config import prepare_paths
    from vipdesk.embedded import central_path, open_embedded
    from vipdesk.storage import schema
    from vipdesk.storage.database import create_database_engine, describe

    settings = resolve_settings(database=getattr(args, "database", None))
    prepare_paths(settings.paths)
    if settings.database_is_default:
        engine = open_embedded(settings, _cli_passphrase).engine
        label = str(central_path(settings))
    else:
        engine = create_database_engine(settings.database_url)
        label = describe(engine.url)
    try:
        if args.db_command == "revision":
            schema.autogenerate_revision(engine, args.message)
            return 0
        prepare_schema(engine, label)
        print(f"{label}: schema at {schema.head_revision()}")
    finally:
        engine.dispose()
    return 0


def _gui(args: argparse.Namespace) -> int:
    from pathlib import Path

    from vipdesk.app import configure_logging

    screenshot = Path(args.screenshot).resolve() if args.screenshot else None
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    settings = resolve_settings(database=getattr(args, "database", None))
    from vipdesk import gui_start

    try:
        connection = gui_start.connect(
            settings,
            args.language,
            interactive=screenshot is None,
            passphrase=os.environ.get(PASSPHRASE_ENV) or None,
        )
    except VipDeskError as error:
        if screenshot is None:
            from vipdesk.ui.fatal import show_fatal_error

            show_fatal_error(error, settings.paths.settings, args.language)
        raise
    if connection is None:  # the person cancelled the passphrase
        return EXIT_PROBLEM
    configure_logging(settings)
    from vipdesk.ui.application import run_gui

    try:
        return run_gui(
            connection.context(
                user=args.user,
                screenshot=screenshot,
                language=args.language,
                passphrase=os.environ.get(PASSPHRASE_ENV) or None,
                open_case=args.open_case,
                tab=args.tab,
            )
        )
    finally:
        connection.close()
