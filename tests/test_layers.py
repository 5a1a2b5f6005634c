"""Dependencies point inward: routing/ and knowledge/ know nothing of botbuilder, aiohttp or the edge;
only routing's storage speaks SQL."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "routing": {"botbuilder", "botframework", "aiohttp", "bot", "dialogs", "knowledge"},
    "knowledge": {"botbuilder", "botframework", "aiohttp", "bot", "dialogs", "routing", "sqlalchemy"},
    "dialogs": {"bot", "aiohttp"},
}


# SQL in routing/ lives in its storage: the SQL rows (tables.py) and the store that reads and writes them.
ROUTING_SQL = ["routing/storage.py", "routing/tables.py"]


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


def test_only_the_storage_of_routing_imports_sqlalchemy():
    users = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "routing").rglob("*.py")
                   if "sqlalchemy" in imported_roots(path, runtime=True))
    assert users == ROUTING_SQL
