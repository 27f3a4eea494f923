#!/usr/bin/env python3
"""Compare ``auroralint inspect`` with Aurora's own loader on the shared corpus.

For every config in ../shared/corpus/configs, Aurora's loader produced the jobs (after
interpolation) and the refs left unbound, or the load error (../shared/corpus/expected). A
config agrees when auroralint gives identical ``json`` and ``unbound`` for each job, or reports
a load diagnostic where Aurora failed to load. Prints one line per disagreement and
``N/M configs agree``; exits 1 unless all agree.

    python scripts/conformance.py [CORPUS]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def inspect(configs: Path, files: list[str]) -> dict[str, dict]:
    """``auroralint inspect`` run as Aurora's loader was: from configs/, as user auroralint."""
    env = {**os.environ, "USER": "auroralint", "LOGNAME": "auroralint"}
    result = subprocess.run(
        [sys.executable, "-m", "auroralint", "inspect", *files],
        cwd=configs, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode not in (0, 1):
        raise SystemExit(f"auroralint inspect failed:\n{result.stderr}")
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    return {document["file"]: document for document in documents}


def disagreements(expected: dict, got: dict) -> list[str]:
    if "load_error" in expected:
        load = [d for d in got["diagnostics"] if d["code"].startswith("AUR0") and d["severity"] == "error"]
        return [] if load and not got["jobs"] else [f"Aurora failed to load it ({expected['load_error']})"
                                                     " but auroralint reported no load error"]  # fmt: skip
    problems = []
    want, have = expected["jobs"], got["jobs"]
    if len(want) != len(have):
        return [f"{len(want)} jobs expected, {len(have)} found"]
    for index, (job, mine) in enumerate(zip(want, have)):
        if job["json"] != mine["json"]:
            keys = sorted(k for k in set(job["json"]) | set(mine["json"])
                          if job["json"].get(k) != mine["json"].get(k))  # fmt: skip
            problems.append(f"jobs[{index}] json differs in {', '.join(keys)}")
        if job["unbound"] != mine["unbound"]:
            problems.append(f"jobs[{index}] unbound {mine['unbound']} != {job['unbound']}")
    return problems


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    configs, expected_dir = corpus / "configs", corpus / "expected"
    if not configs.is_dir():
        print(f"no corpus at {corpus}")
        return 2
    files = sorted(str(p.relative_to(configs)) for p in configs.rglob("*.aurora"))
    results = inspect(configs, files)
    agree = 0
    for file in files:
        expected = json.loads((expected_dir / file).with_suffix(".json").read_text())
        problems = disagreements(expected, results[os.path.normpath(file)])
        if problems:
            print(f"{file}: " + "; ".join(problems))
        else:
            agree += 1
    print(f"{agree}/{len(files)} configs agree")
    return 0 if agree == len(files) else 1


if __name__ == "__main__":
    raise SystemExit(main())
