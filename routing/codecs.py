"""The routing tables' file formats: a CSV file per table and the JSON bundle, read and written.

`parse_import` is the one import parser (the CLI, the admin API and the import page use it); it takes
names and texts, so reading files stays at the edge: the CLI reads paths, the administration its uploads.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from routing.errors import Detail, FieldError, Problem, RoutingValidationError, UnknownTableError
from routing.records import Batch, record_json, text_value
from routing.schema import LIST_SEPARATOR, SPECS, TABLES, TableSpec, table_spec

BUNDLE_FORMAT = "samrad-routing"
BUNDLE_VERSION = 1
BUNDLE_KEYS = frozenset({"format", "version", "exported_at", *SPECS})
MAX_IMPORT_ROWS = 20_000  # rows one import may hold (CSV lines or bundle objects, all files together)
CSV_FIELD_LIMIT = 128 * 1024  # characters in one CSV field (the csv module's own default limit)
FORMULA_STARTS = "=+-@\t\r"


class ImportTooLargeError(RoutingValidationError):
    """An import holds more rows than MAX_IMPORT_ROWS; nothing was read beyond the limit."""

    def __init__(self, rows: int, limit: int = MAX_IMPORT_ROWS) -> None:
        self.rows = rows
        self.limit = limit
        super().__init__([FieldError("rows", Problem.TOO_MANY_ROWS, detail={"limit": limit})])


@dataclass(frozen=True)
class ImportFile:
    """One file to import: its name (a table CSV like contacts.csv, or a .json bundle) and its text."""

    name: str
    text: str


# ---------------------------------------------------------------- the import parser

def parse_import(files: Iterable[ImportFile], *, max_rows: int = MAX_IMPORT_ROWS) -> list[Batch]:
    """Files as import batches in table order: table CSVs (named after their table) or JSON bundles.

    Raises RoutingValidationError naming the file and line of every problem found while reading, and
    ImportTooLargeError when all files together hold more than *max_rows* rows. CPU work only: callers on
    the event loop run it in a thread.
    """
    batches: list[Batch] = []
    errors: list[FieldError] = []
    rows = 0
    for upload in files:
        if "\x00" in upload.text:
            errors.append(FieldError("file", Problem.NUL_CHARACTERS, upload.name))
            continue
        stem, _, suffix = upload.name.rpartition(".")
        if suffix.lower() == "json":
            try:
                bundle = json.loads(upload.text)
            except json.JSONDecodeError as error:
                errors.append(FieldError("json", Problem.JSON_SYNTAX, f"{upload.name}:{error.lineno}",
                                         {"reason": error.msg}))
                continue
            except RecursionError:
                errors.append(FieldError("json", Problem.JSON_TOO_DEEP, upload.name))
                continue
            if not isinstance(bundle, dict):
                errors.append(FieldError("json", Problem.BUNDLE_NOT_OBJECT, upload.name))
                continue
            rows += sum(len(items) for key, items in bundle.items() if key in SPECS and isinstance(items, list))
            if rows > max_rows:
                raise ImportTooLargeError(rows, max_rows)
            found, problems = bundle_batches(bundle, upload.name, json_item_lines(upload.text))
            batches.extend(found)
            errors.extend(problems)
            continue
        try:
            spec = table_spec(stem.rsplit("/", 1)[-1])
        except UnknownTableError:
            errors.append(FieldError("file", Problem.FILE_NAME, upload.name))
            continue
        try:
            read = read_csv(upload.text.lstrip("\ufeff"), upload.name, spec, max_rows=max_rows - rows)
        except ImportTooLargeError:
            raise ImportTooLargeError(max_rows + 1, max_rows) from None
        except RoutingValidationError as error:
            errors.extend(error.errors)
            continue
        rows += len(read)
        batches.append((spec.name, upload.name, read))
    if errors:
        raise RoutingValidationError(errors)
    order = {spec.name: number for number, spec in enumerate(TABLES)}
    return sorted(batches, key=lambda batch: order[batch[0]])


# ---------------------------------------------------------------- the JSON bundle

def bundle_batches(bundle: Mapping[str, Any], name: str, lines: Mapping[tuple[str, int], int] | None = None
                   ) -> tuple[list[Batch], list[FieldError]]:
    """A bundle's tables as import batches, and its problems of shape (format, unknown keys, non-lists).

    *lines* maps (table, index) to the line an object starts on, so problems name it (`json_item_lines`).
    """
    errors: list[FieldError] = []
    if bundle.get("format", BUNDLE_FORMAT) != BUNDLE_FORMAT:
        errors.append(FieldError("format", Problem.BUNDLE_FORMAT, name, {"expected": BUNDLE_FORMAT}))
    unknown = sorted((key for key in bundle if key not in BUNDLE_KEYS), key=str)
    errors.extend(FieldError(key, Problem.NOT_A_TABLE, name) for key in unknown)
    batches: list[Batch] = []
    for spec in TABLES:
        items = bundle.get(spec.name, [])
        if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
            errors.append(FieldError(spec.name, Problem.NOT_A_LIST, name))
            continue
        batches.append((spec.name, name, [(json_location(name, spec.name, index, lines or {}), item)
                                          for index, item in enumerate(items)]))
    return batches, errors


def export_bundle(records: Mapping[str, Iterable[Mapping[str, Any]]], exported_at: datetime) -> dict[str, Any]:
    """Every table's records as one JSON-safe bundle."""
    bundle: dict[str, Any] = {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION,
                              "exported_at": exported_at.isoformat()}
    for name, table in records.items():
        bundle[name] = [record_json(r) for r in table]
    return bundle


def json_location(name: str, table: str, index: int, lines: Mapping[tuple[str, int], int]) -> str:
    """Where an object of a bundle is: "file:line (table[index])", or "file: table[index]" without a line."""
    line = lines.get((table, index))
    return f"{name}:{line} ({table}[{index}])" if line else f"{name}: {table}[{index}]"


def json_item_lines(text: str) -> dict[tuple[str, int], int]:
    """(table, index) → the line where that object of a JSON bundle starts; strings are skipped properly."""
    lines: dict[tuple[str, int], int] = {}
    depth, line, index = 0, 1, -1
    key: str | None = None
    table: str | None = None
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char == "\n":
            line += 1
        elif char == '"':
            end = position + 1
            while end < length and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if depth == 1:
                key = text[position + 1:end]
            position = end
        elif char in "{[":
            if depth == 1 and char == "[":
                table, index = key, -1
            elif depth == 2 and char == "{" and table is not None:
                index += 1
                lines[(table, index)] = line
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 1:
                table = None
        position += 1
    return lines


# ---------------------------------------------------------------- CSV

def read_csv(text: str, source: str, spec: TableSpec, *,
             max_rows: int = MAX_IMPORT_ROWS) -> list[tuple[str, Mapping[str, Any]]]:
    """Rows of CSV *text* as (location "file:line", raw values); a bad header is an error for line 1.

    Raises RoutingValidationError for text the csv module cannot read (a field over CSV_FIELD_LIMIT, a quote
    never closed), naming the line, and ImportTooLargeError past *max_rows* rows (reading stops there).
    """
    # strict: a quote that is never closed, or text after a closing quote, is an error, not a silently
    # swallowed rest of the file.
    reader = csv.DictReader(io.StringIO(text), strict=True)
    rows: list[tuple[str, Mapping[str, Any]]] = []
    start = 2
    try:
        header = reader.fieldnames or []
        missing = [f.name for f in spec.fields if f.required and f.name not in header]
        if missing:
            raise RoutingValidationError([FieldError(name, Problem.MISSING_COLUMN, f"{source}:1")
                                          for name in missing])
        for raw in reader:
            if len(rows) >= max_rows:
                raise ImportTooLargeError(len(rows) + 1, max_rows)
            extra = raw.pop(None, None)  # type: ignore[call-overload, unused-ignore]
            location = f"{source}:{start}"
            start = reader.line_num + 1
            values = {k: _uncell(v or "") for k, v in raw.items() if k is not None}
            if extra:
                values["(extra columns)"] = LIST_SEPARATOR.join(extra)
            rows.append((location, values))
    except csv.Error as error:
        code, detail = _csv_problem(error)
        raise RoutingValidationError([FieldError("csv", code, f"{source}:{start}", detail)]) from None
    return rows


def _csv_problem(error: csv.Error) -> tuple[Problem, Detail]:
    """The csv module's complaint as an import problem."""
    message = str(error)
    if "field larger than field limit" in message:
        return Problem.CSV_FIELD_TOO_LONG, {"limit": CSV_FIELD_LIMIT}
    if "unexpected end of data" in message or "EOF" in message:
        return Problem.CSV_UNCLOSED_QUOTE, {}
    if "expected after" in message:
        return Problem.CSV_TEXT_AFTER_QUOTE, {}
    return Problem.CSV_UNREADABLE, {"reason": message}


def _cell(value: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula: one starting with = + - @ gets a leading '."""
    if value and value[0] in FORMULA_STARTS:
        return "'" + value
    return value


def _uncell(value: str) -> str:
    """The value `_cell` neutralised, so an exported file imports unchanged ("'+46 8…" is "+46 8…")."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def write_csv(spec: TableSpec, records: Iterable[Mapping[str, Any]]) -> str:
    """Records as CSV text with a header row in the spec's column order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spec.columns)
    for record in records:
        writer.writerow([_cell(text_value(record.get(name))) for name in spec.columns])
    return out.getvalue()


def export_csv_files(records: Mapping[str, Iterable[Mapping[str, Any]]]) -> dict[str, str]:
    """Every table as CSV text, keyed by file name (districts.csv …)."""
    return {f"{name}.csv": write_csv(SPECS[name], table) for name, table in records.items()}
