"""Dependencies point inward: routing/ and knowledge/ know nothing of botbuilder, aiohttp or the edge;
admin/ is given what it needs by the wiring and imports nothing from bot/; only routing's storage speaks SQL."""

import ast
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
