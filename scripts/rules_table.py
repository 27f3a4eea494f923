#!/usr/bin/env python3
"""Write the rule table of README.md from the rules themselves (``--check`` only compares)."""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def table() -> str:
    from auroralint.registry import all_rules

    rows = ["| code | name | severity | what it reports | options |", "| --- | --- | --- | --- | --- |"]
    for rule in all_rules():
        options = ", ".join(f"`{key}`" for key in rule.options) or ""
        summary = rule.summary.replace("|", "\\|")
        rows.append(f"| `{rule.code}` | {rule.name} | {rule.severity} | {summary} | {options} |")
    return "\n".join(rows)


def main() -> int:
    text = README.read_text()
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    updated = f"{head}{START}\n{table()}\n{END}{tail}"
    if "--check" in sys.argv:
        if updated != text:
            print("README.md rule table is out of date: run scripts/rules_table.py")
            return 1
        return 0
    README.write_text(updated)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
