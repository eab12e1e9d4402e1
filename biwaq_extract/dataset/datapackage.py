"""Frictionless `datapackage.json` for the dataset, derived from the table declarations in `schemas`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from biwaq_extract import __version__
from biwaq_extract.dataset.schemas import HISTORY_TABLES, SCHEMA_VERSION, TABLES, Table

DATAPACKAGE_FILE = "datapackage.json"
PROFILE = "tabular-data-package"


def csv_path(table: Table) -> str:
    return f"csv/{table.name}.csv"


def parquet_path(table: Table) -> str:
    """Where a table's Parquet file lives, relative to the dataset folder."""
    if table.name.startswith("history_"):
        return f"history/{table.name.removeprefix('history_')}.parquet"
    return f"tables/{table.name}.parquet"


def all_tables() -> list[Table]:
    """Current tables then their history twins, in declaration order."""
    return list(TABLES.values()) + list(HISTORY_TABLES.values())


def _field(column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    if column.type == "datetime":
        field["format"] = "%Y-%m-%dT%H:%M:%SZ"
    return field


def resource(table: Table) -> dict[str, Any]:
    """One tabular resource: the CSV copy (which Frictionless can read) and, as `parquet`, the Parquet file."""
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "primaryKey": list(table.primary_key),
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fk.fields), "reference": {"resource": fk.table, "fields": list(fk.reference_fields)}}
            for fk in table.foreign_keys
        ]
    return {
        "profile": "tabular-data-resource",
        "name": table.name,
        "description": table.description,
        "path": csv_path(table),
        "parquet": parquet_path(table),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": schema,
    }


def build_descriptor() -> dict[str, Any]:
    """The whole descriptor. It holds no dates or run ids, so it is byte-identical for the same package version."""
    return {
        "profile": PROFILE,
        "name": "biwaq-esf-newsletter",
        "title": "Entities, dates, events and participant counts extracted from the German ESF newsletter",
        "schema_version": SCHEMA_VERSION,
        "generator": f"biwaq-extract {__version__}",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": [resource(t) for t in all_tables()],
    }


def validate_dataset(folder: Path) -> list[str]:
    """Validate descriptor and data (types, required values, primary and foreign keys) with Frictionless.

    Returns the problems as readable lines; an empty list means the dataset is valid.
    """
    import frictionless

    report = frictionless.validate(str(Path(folder) / DATAPACKAGE_FILE))
    return [f"{task.name}: {err.type}: {err.note}" for task in report.tasks for err in task.errors] + [
        f"{err.type}: {err.note}" for err in report.errors
    ]
