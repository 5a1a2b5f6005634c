"""Every word the administration shows lives in admin/text/: templates and code hold none of their own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ADMIN = Path(__file__).resolve().parents[2] / "admin"
TEMPLATES = sorted((ADMIN / "templates").glob("*.html"))
# Attributes whose values a person reads (or a screen reader says).
READ_ATTRIBUTES = re.compile(r'\b(?:placeholder|aria-label|title|alt)="([^"]*)"')
JINJA = re.compile(r"{#.*?#}|{%.*?%}|{{.*?}}", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&\w+;|&#\d+;")
LETTER = re.compile(r"[^\W\d_]")


def _prose(template: Path) -> list[str]:
    """Letters a template shows that do not come from a `{{ ... }}` expression."""
    source = JINJA.sub("", template.read_text(encoding="utf-8"))
    shown = [value for value in READ_ATTRIBUTES.findall(source) if LETTER.search(value)]
    text = ENTITY.sub("", TAG.sub(" ", source))
    return shown + [line.strip() for line in text.splitlines() if LETTER.search(line)]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_templates_hold_no_prose_of_their_own(template: Path) -> None:
    assert _prose(template) == []


def _strings(path: Path) -> list[str]:
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("module", [p for p in sorted(ADMIN.rglob("*.py")) if (ADMIN / "text") not in p.parents],
                         ids=lambda path: str(path.relative_to(ADMIN)))
def test_swedish_is_written_only_in_admin_text(module: Path) -> None:
    assert [s for s in _strings(module) if re.search("[åäöÅÄÖ]", s)] == []


def test_the_administration_has_its_own_words_not_the_bots() -> None:
    imported = set()
    for path in ADMIN.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add((node.module.split(".")[0], str(path.relative_to(ADMIN))))
            elif isinstance(node, ast.Import):
                imported.update((alias.name.split(".")[0], str(path.relative_to(ADMIN))) for alias in node.names)
    assert sorted(where for package, where in imported if package == "dialogs") == []
