"""The handoff in parts (#13 item 5): botbuilder is spoken only at the Teams edge of bot/handoff/."""

import ast
from pathlib import Path

import pytest

HANDOFF = Path(__file__).resolve().parent.parent.parent / "bot" / "handoff"
# The Teams edge of the handoff: the messenger, the cards and the Bot Framework events.
TEAMS_EDGE = {"teams_messenger.py", "cards.py", "interop.py"}


def imports_botbuilder(path: Path) -> bool:
    """Whether *path* imports botbuilder or botframework itself (annotation-only imports count too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    names += [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module]
    return any(name.split(".")[0] in {"botbuilder", "botframework"} for name in names)


@pytest.mark.parametrize("module", sorted(p.name for p in HANDOFF.glob("*.py") if p.name not in TEAMS_EDGE))
def test_handoff_lifecycle_modules_import_no_botbuilder(module):
    assert not imports_botbuilder(HANDOFF / module)


def test_the_teams_messenger_is_where_botbuilder_is_spoken():
    assert imports_botbuilder(HANDOFF / "teams_messenger.py")
