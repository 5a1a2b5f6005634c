"""The knowledge package stays pure: no bot framework, web server, database or sibling-layer imports."""

from __future__ import annotations

import ast
from pathlib import Path

import knowledge

FORBIDDEN = ("botbuilder", "botframework", "aiohttp", "sqlalchemy", "bot", "dialogs")


def test_knowledge_imports_nothing_from_outer_layers() -> None:
    root = Path(knowledge.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"
