"""Routing commands: route, routing import/export/validate, load-demo."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import shutil
import tempfile
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bot.cardtext import terminal_safe
from bot.cli import CommandError, load_settings

if TYPE_CHECKING:
    from bot.wiring import Services
    from routing.codecs import ImportFile

T = TypeVar("T")


def _run(work: Callable[[Services], Awaitable[T]]) -> T:
    """Run *work* with the services on DATABASE_URL, turning database and validation errors into CommandError."""
    from bot.database import DatabaseUrlError, database_problem
    from bot.wiring import running
    from routing.errors import RoutingError

    settings = load_settings()

    async def go() -> T:
        async with running(settings) as services:
            return await work(services)

    try:
        return asyncio.run(go())
    except DatabaseUrlError as error:
        raise CommandError(str(error)) from None
    except RoutingError as error:
        from admin.text import routing_error

        raise CommandError(routing_error(error)) from None
    except Exception as error:
        problem = database_problem(error)
        if problem is None:
            raise
        raise CommandError(problem) from None


def _print(text: str) -> None:
    """Print *text* without terminal escape sequences or control characters (names in the tables are data)."""
    print(terminal_safe(text))


def _parse_at(raw: str | None) -> datetime | None:
    if raw is None:
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"--at must be an ISO-8601 time such as 2026-06-19T10:00, got {raw!r}") from None


def route(args: argparse.Namespace) -> int:
    """Match a preschool from free text and print the routing decision."""
    from admin.text import decision_view

    at = _parse_at(args.at)

    async def work(services: Services) -> dict[str, Any]:
        service = services.routing
        result = await service.match(args.text)
        decision = None
        if result.best is not None:
            decision = await service.decide(result.best.id, args.district, args.concern, args.outcome, at)
        elif args.district or (result.district is not None and not result.candidates):
            district = args.district or (result.district.id if result.district else None)
            decision = await service.decide(None, district, args.concern, args.outcome, at)
        directory = await service.directory()
        return {
            "matches": [{"id": c.preschool.skolverket_id or c.preschool.id, "name": c.preschool.name,
                         "district": (d.name if (d := directory.district(c.preschool.district_id)) else None),
                         "score": round(c.score, 1)} for c in result.candidates],
            "ambiguous": result.ambiguous,
            "confident": result.confident,
            "suggestion": None if result.suggestion is None else result.suggestion.name,
            "decision": None if decision is None else decision_view(decision),
        }

    output = _run(work)
    if args.json:
        _print(json.dumps(output, ensure_ascii=False, indent=2))
        return 0
    if not output["matches"]:
        _print("Ingen förskola hittades.")
    for match in output["matches"]:
        district = match["district"] or "stadsdel saknas"
        _print(f"  {match['score']:5.1f}  {match['name']}  ({district}, id {match['id']})")
    if output["ambiguous"]:
        _print("Flera förskolor passar — ange stadsdel eller gata.")
    elif output["suggestion"]:
        _print(f"Osäker träff — boten frågar först: Menar du {output['suggestion']}? "
               "Beslutet nedan gäller utan förskola.")
    decision = output["decision"]
    if decision is not None:
        _print(f"Stadsdel: {decision['district']['name'] if decision['district'] else 'okänd'}")
        for contact in decision["contacts"]:
            state = "tillgänglig nu" if contact["available_now"] else "ej tillgänglig nu"
            _print(f"  Kontakt: {contact['name']} — {contact['unit']['name']} ({state})")
        _print(f"  Anmälan: {decision['report']['eservice_url']} (där barnet bor)")
        after = decision["after_hours"]
        if not after["open_now"]:
            _print(f"  Stängt nu; nästa öppning {after['next_opening'] or 'okänd'}. Akut fara: ring 112.")
        _print("Spår:")
        for step in decision["trace"]:
            _print(f"  - {step}")
    return 0


def _actor(args: argparse.Namespace) -> str:
    if args.actor:
        return str(args.actor)
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def read_import(path: Path) -> list[ImportFile]:
    """The files an import of *path* names: a .json bundle, a table .csv, or a folder's table CSVs."""
    from routing.codecs import ImportFile
    from routing.errors import FieldError, Problem, RoutingValidationError

    files: list[ImportFile] = []
    for file in sorted(path.glob("*.csv")) if path.is_dir() else [path]:
        try:
            files.append(ImportFile(file.name, file.read_text(encoding="utf-8-sig")))
        except (OSError, UnicodeDecodeError) as error:
            raise RoutingValidationError([FieldError("file", Problem.UNREADABLE_FILE, file.name,
                                                         {"reason": str(error)})]) from None
    return files


def routing_import(args: argparse.Namespace) -> int:
    """Import a JSON bundle, a table CSV or a folder of CSVs, all-or-nothing."""
    path = Path(args.file)
    if not path.exists():
        raise CommandError(f"{path} finns inte")

    async def work(services: Services) -> dict[str, dict[str, int]]:
        files = await asyncio.to_thread(read_import, path)
        return (await services.routing.store.import_files(files, actor=_actor(args))).to_dict()

    summary = _run(work)
    for action in ("created", "updated", "unchanged"):
        counts = ", ".join(f"{table} {n}" for table, n in summary[action].items()) or "inga"
        print(f"{action}: {counts}")
    return 0


def routing_export(args: argparse.Namespace) -> int:
    """Export every routing table as CSV files in a folder, or as one JSON bundle."""
    out = Path(args.out)

    async def work(services: Services) -> Any:
        store = services.routing.store
        return await (store.export_json() if args.format == "json" else store.export_csv())

    data = _run(work)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target and move into place, so a failure never leaves half an export.
    if args.format == "json":
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=out.parent, delete=False,
                                         suffix=".tmp") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        os.replace(handle.name, out)
    else:
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} finns redan och är ingen mapp (CSV-export skriver en fil per tabell)")
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=".export-"))
        try:
            for name, text in data.items():
                (staging / name).write_text(text, encoding="utf-8")
            out.mkdir(exist_ok=True)
            for name in data:
                os.replace(staging / name, out / name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    print(f"Exporterade till {out}")
    return 0


def routing_validate(_args: argparse.Namespace) -> int:
    """Print gaps in the routing tables; exit 1 when something needs fixing."""
    from admin.text import validation_lines

    async def work(services: Services) -> Any:
        return await services.routing.store.validation_report()

    report = _run(work)
    for line in validation_lines(report):
        _print(line)
    return 0 if report.ok else 1


def load_demo(args: argparse.Namespace) -> int:
    """Load the demo districts, preschools, fictional units and contacts."""
    from routing.demo import load_demo as load

    async def work(services: Services) -> Any:
        return await load(services.engine, if_empty=args.if_empty)

    summary = _run(work)
    if summary is None:
        print("Routingtabellerna har redan data; demodata laddades inte.")
    else:
        print("Demodata laddad: " + ", ".join(f"{t} {n}" for t, n in summary.created.items()))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add route, routing (import/export/validate) and load-demo."""
    parser = subparsers.add_parser("route", help="hitta en förskola och visa vart en konsultation går")
    parser.add_argument("text", help="förskolans namn, adress eller stadsdel som personalen skulle skriva")
    parser.add_argument("--concern", help="orosområde, t.ex. physical, neglect, family_support")
    parser.add_argument("--outcome", choices=["acute", "report", "consult", "support"], help="bedömningens utfall")
    parser.add_argument("--district", help="stadsdelens id eller namn (gamla namn går också)")
    parser.add_argument("--at", help="tidpunkt i ISO 8601 (utan zon = Europe/Stockholm); standard nu")
    parser.add_argument("--json", action="store_true", help="skriv JSON")
    parser.set_defaults(func=route)

    routing = subparsers.add_parser("routing", help="vägvalstabellerna: import, export, kontroll")
    sub = routing.add_subparsers(dest="routing_command", required=True)
    imp = sub.add_parser("import", help="importera en JSON-bunt, en tabells CSV eller en mapp med CSV-filer "
                                        "(allt eller inget)")
    imp.add_argument("file")
    imp.add_argument("--actor", help="vem som gör ändringen (sparas i historiken)")
    imp.set_defaults(func=routing_import)
    exp = sub.add_parser("export", help="exportera alla vägvalstabeller")
    exp.add_argument("--format", choices=["csv", "json"], default="csv")
    exp.add_argument("--out", required=True, help="mapp (csv) eller fil (json)")
    exp.set_defaults(func=routing_export)
    sub.add_parser("validate", help="visa luckor: förskolor utan stadsdel, saknad socionom …").set_defaults(
        func=routing_validate)

    demo = subparsers.add_parser("load-demo", help="läs in demodata för vägval (påhittade kontakter)")
    demo.add_argument("--if-empty", action="store_true", help="bara om vägvalstabellerna är tomma")
    demo.set_defaults(func=load_demo)
