"""The handoff in parts (#13 items 5, 7): its lifecycle speaks no botbuilder; the Teams edge (bot/teams/) does."""

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent.parent / "bot"
HANDOFF = BOT / "handoff"


def imports_botbuilder(path: Path) -> bool:
    """Whether *path* imports botbuilder or botframework itself (annotation-only imports count too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    names += [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module]
    return any(name.split(".")[0] in {"botbuilder", "botframework"} for name in names)


@pytest.mark.parametrize("module", sorted(p.name for p in HANDOFF.glob("*.py")))
def test_handoff_lifecycle_modules_import_no_botbuilder(module):
    assert not imports_botbuilder(HANDOFF / module)


def test_the_teams_messenger_is_where_botbuilder_is_spoken():
    assert imports_botbuilder(BOT / "teams" / "messenger.py")
