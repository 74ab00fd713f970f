"""Render the packaged JSON Schemas' descriptions as docs/schema.md, field by field (tests/test_schema.py keeps it in sync).

    python -m tools.schema_docs          # rewrite docs/schema.md
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compare.export import SCHEMA_NAMES, load_schema

DOCS = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def _type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{spec['_owner']}-{name})" if "_owner" in spec else name
    if "const" in spec:
        return f"`{spec['const']}`"
    if "enum" in spec:
        return " \\| ".join(f"`{v}`" for v in spec["enum"])
    kind = spec.get("type", "any")
    kind = " or ".join(kind) if isinstance(kind, list) else kind
    if kind == "array":
        items = spec.get("items")
        if isinstance(items, dict):
            return f"array of {_type(items)}"
        if "prefixItems" in spec:
            return "[" + ", ".join(_type(p) for p in spec["prefixItems"]) + "]"
    return str(kind)


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _object(owner: str, title: str, spec: dict[str, Any]) -> list[str]:
    lines = [f"### {title}", "", _cell(spec.get("description", "")), ""]
    props = spec.get("properties", {})
    if props:
        required = set(spec.get("required", ()))
        lines += ["| field | type | required | description |", "|---|---|---|---|"]
        for name, sub in props.items():
            sub = {**sub, "_owner": owner} if "$ref" in sub else sub
            desc = sub.get("description") or _description_of_ref(owner, sub)
            lines.append(f"| `{name}` | {_type(sub)} | {'yes' if name in required else 'no'} | {_cell(desc)} |")
        lines.append("")
    elif "prefixItems" in spec:
        lines += ["| position | type | description |", "|---|---|---|"]
        for k, sub in enumerate(spec["prefixItems"]):
            lines.append(f"| {k} | {_type(sub)} | {_cell(sub.get('description', ''))} |")
        lines.append("")
    return lines


_SCHEMAS: dict[str, dict[str, Any]] = {}


def _description_of_ref(owner: str, sub: dict[str, Any]) -> str:
    if "$ref" not in sub:
        return ""
    name = sub["$ref"].rsplit("/", 1)[-1]
    return str(_SCHEMAS[owner]["$defs"][name].get("description", ""))


def _visit(owner: str, title: str, spec: dict[str, Any]) -> list[str]:
    """Render ``spec`` and, below it, every object it holds inline (not through a $ref)."""
    lines = _object(owner, title, spec)
    for field, sub in spec.get("properties", {}).items():
        inner = sub.get("items") if sub.get("type") == "array" else sub
        if isinstance(inner, dict) and (inner.get("properties") or inner.get("prefixItems")) and "$ref" not in inner:
            suffix = "[]" if inner is not sub else ""
            lines += _visit(owner, f"{title.split('</a>')[-1].split(' ')[0]}.{field}{suffix}", inner)
    return lines


def render() -> str:
    """Return docs/schema.md: for each schema, its top level and each definition as a table of fields."""
    lines = ["# Export schemas", "",
             "Generated from `compare/export/schemas/*.schema.json` by `python -m tools.schema_docs`; do not edit by hand.",
             "Print a schema with `compare schema NAME`; check a file with `compare.export.validate_alignment`.", ""]
    for short, name in SCHEMA_NAMES.items():
        schema = load_schema(short)
        _SCHEMAS[short] = schema
        lines += [f"## {name} (`compare schema {short}`)", ""]
        lines += _visit(short, short, schema)
        for def_name, spec in schema.get("$defs", {}).items():
            lines += _visit(short, f'<a id="{short}-{def_name}"></a>{def_name}', spec)
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> None:
    """Rewrite docs/schema.md."""
    DOCS.parent.mkdir(exist_ok=True)
    DOCS.write_text(render(), encoding="utf-8")
    print(DOCS)


if __name__ == "__main__":
    main()
