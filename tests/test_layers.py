"""Dependencies point inward: routing/ and knowledge/ know nothing of botbuilder, aiohttp or the edge;
admin/ is given what it needs by the wiring and imports nothing from bot/; the Bot Framework SDK is spoken only in
bot/teams/ and dialogs/; only the storage modules speak SQL."""

import ast
from collections import deque
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "routing": {"botbuilder", "botframework", "aiohttp", "bot", "dialogs", "knowledge"},
    "knowledge": {"botbuilder", "botframework", "aiohttp", "bot", "dialogs", "routing", "sqlalchemy"},
    "dialogs": {"bot", "aiohttp"},
    "admin": {"bot", "botbuilder", "botframework"},
}


# SQL in routing/ lives in its storage: the SQL rows (tables.py) and the store that reads and writes them.
ROUTING_SQL = ["routing/storage.py", "routing/storage_rows.py"]
# Every module that imports SQLAlchemy at run time, by package: table declarations, stores, the engine and the
# migrations. Anything else is given a store (an annotation-only import under TYPE_CHECKING does not count).
STORAGE_MODULES = {
    "bot": ["bot/conversation_tables.py", "bot/database.py", "bot/handoff/handoff_tables.py",
            "bot/handoff/outbox_store.py", "bot/handoff/store.py", "bot/migrations/env.py", "bot/records.py",
            "bot/reference_store.py", "bot/state_store.py"],
    # admin/app.py, context.py, directory.py and keys.py import only the AsyncEngine type at run time.
    "admin": ["admin/account_tables.py", "admin/accounts.py", "admin/app.py", "admin/context.py",
              "admin/directory.py", "admin/handoffs.py", "admin/keys.py", "admin/statistics/queries.py",
              "admin/throttle.py"],
    "dialogs": [],
    "routing": ROUTING_SQL,
    "knowledge": [],
}
MIGRATIONS = ROOT / "bot" / "migrations" / "versions"  # revisions are SQL by nature
# The Bot Framework SDK (archived for Python; its successor is the Microsoft 365 Agents SDK) is spoken in one
# folder of bot/ and in dialogs/, so that a move to another SDK is those two folders.
SDK = {"botbuilder", "botframework"}
SDK_FOLDERS = ("bot/teams/", "dialogs/")


def imported_roots(path: Path, *, runtime: bool = False) -> set[str]:
    """Top-level packages *path* imports; with *runtime*, not those only imported for annotations."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    annotations_only = {id(inner) for node in ast.walk(tree)
                        if runtime and isinstance(node, ast.If)
                        and ast.unparse(node.test) in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}
                        for statement in node.body for inner in ast.walk(statement)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in annotations_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_inward(package):
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {name: roots for name, roots in offenders.items() if roots} == {}


def test_only_bot_reads_the_environment():
    readers = []
    for package in ("routing", "knowledge", "dialogs"):
        for path in (ROOT / package).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            if "os.environ" in source or "getenv(" in source:
                readers.append(str(path.relative_to(ROOT)))
    assert readers == []


def test_every_third_party_import_is_declared_in_pyproject():
    """What the code imports it declares (not only what arrives through botbuilder): a move to another SDK
    must not silently lose a dependency (issue #13 item 7)."""
    import re
    import sys
    import tomllib
    from importlib.metadata import packages_distributions

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def name(requirement: str) -> str:
        return re.split(r"[\s\[<>=~!;]", requirement, maxsplit=1)[0].lower().replace("_", "-")

    declared = {name(r) for r in project["dependencies"]}
    ours = {"bot", "admin", "dialogs", "routing", "knowledge", "tests", "bench"}
    distributions = packages_distributions()
    missing = {}
    for package in ("bot", "admin", "dialogs", "routing", "knowledge"):
        for path in (ROOT / package).rglob("*.py"):
            for root in imported_roots(path) - ours - set(sys.stdlib_module_names) - {"__future__"}:
                provided = {d.lower().replace("_", "-") for d in distributions.get(root, [root])}
                if not provided & declared:
                    missing.setdefault(root, str(path.relative_to(ROOT)))
    assert missing == {}


def test_only_the_storage_of_routing_imports_sqlalchemy():
    users = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "routing").rglob("*.py")
                   if "sqlalchemy" in imported_roots(path, runtime=True))
    assert users == ROUTING_SQL


def test_only_the_teams_edge_and_dialogs_import_the_bot_framework_sdk():
    """Annotation-only imports count too: a type from the SDK outside the fence is a dependency on it."""
    speakers = sorted(str(path.relative_to(ROOT)) for package in ("bot", "admin", "dialogs", "routing", "knowledge")
                      for path in (ROOT / package).rglob("*.py") if imported_roots(path) & SDK)
    assert [name for name in speakers if not name.startswith(SDK_FOLDERS)] == []
    assert any(name.startswith("bot/teams/") for name in speakers)  # the fence is where the SDK is spoken


OURS = ("bot", "admin", "dialogs", "routing", "knowledge")
# Modules that must not load the SDK even through our own modules: the card kit, the acute card's content and the
# route readers (the handoff uses all three) and the handoff lifecycle, which speaks activity JSON and card content;
# bot/teams/ translates.
SDK_FREE = ["dialogs/acute_card.py", "dialogs/cardkit.py", "dialogs/route_view.py",
            *sorted(str(path.relative_to(ROOT)) for path in (ROOT / "bot" / "handoff").glob("*.py"))]


def _module_files(name: str) -> list[Path]:
    """Our files that importing the dotted *name* runs: each package's __init__ on the way, then the module."""
    parts = name.split(".")
    found = []
    for end in range(1, len(parts) + 1):
        base = ROOT.joinpath(*parts[:end])
        found += [file for file in (base.with_suffix(".py"), base / "__init__.py") if file.is_file()]
    return found


@cache
def imported_modules(path: Path) -> frozenset[str]:
    """Every dotted name *path* imports (annotation-only imports too); `from a import b` gives `a` and `a.b`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = path.relative_to(ROOT).parent.parts
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative to the package of *path*
                base = ".".join([*package[:len(package) - node.level + 1], *filter(None, [node.module])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return frozenset(found)


def sdk_chain(start: Path) -> list[str]:
    """The shortest import chain by which *start* reaches the Bot Framework SDK through our modules; [] if none."""
    queue = deque([(start, [str(start.relative_to(ROOT))])])
    seen = {start}
    while queue:
        path, chain = queue.popleft()
        for name in sorted(imported_modules(path)):
            root = name.split(".")[0]
            if root in SDK:
                return [*chain, name]
            for file in _module_files(name) if root in OURS else ():
                if file not in seen:
                    seen.add(file)
                    queue.append((file, [*chain, str(file.relative_to(ROOT))]))
    return []


def test_the_chain_finder_follows_our_modules_to_the_sdk():
    chain = sdk_chain(ROOT / "dialogs" / "route_lookup.py")  # no SDK import of its own; its port module has one
    assert chain[:2] == ["dialogs/route_lookup.py", "dialogs/ports.py"]
    assert chain[-1].split(".")[0] in SDK
    assert sdk_chain(ROOT / "routing" / "route.py") == []


def test_the_card_kit_and_the_handoff_reach_no_bot_framework_sdk_even_through_our_modules():
    """None of them may load botbuilder, directly or through a module of ours they import (or one of its packages'
    __init__); a failure shows the import chain."""
    chains = {module: chain for module in SDK_FREE if (chain := sdk_chain(ROOT / module))}
    assert chains == {}


@pytest.mark.parametrize("package", sorted(STORAGE_MODULES))
def test_only_the_storage_modules_import_sqlalchemy(package):
    users = sorted(str(path.relative_to(ROOT)) for path in (ROOT / package).rglob("*.py")
                   if MIGRATIONS not in path.parents and "sqlalchemy" in imported_roots(path, runtime=True))
    assert users == sorted(STORAGE_MODULES[package])


# A module a newcomer can read in one sitting: past this, split it along its sections (docs/ARCHITECTURE.md).
MODULE_LINES = 400


def test_every_module_stays_below_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for package in ("bot", "dialogs", "routing", "knowledge", "admin")
        for path in (ROOT / package).rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) >= MODULE_LINES
    }
    assert too_long == {}
