#!/usr/bin/env python3
"""Wall-clock cost of one auroralint process against ``python -c "import pystachio"``.

A pre-commit hook starts a fresh process on every commit, so this is the number users feel.
Each command runs ``--runs`` times (after one warm-up); the script prints the medians and the
ratio to the pystachio import, the yardstick the project budgets against (at most about 2.2).

    python scripts/bench_startup.py [--runs 50] [CONFIG]

CONFIG defaults to Aurora's examples/jobs/hello_docker_engine.aurora from ../shared/corpus
when it is there, else to examples/services/hello_world.aurora of this repository.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS_CONFIG = REPO.parent / "shared/corpus/configs/examples/jobs/hello_docker_engine.aurora"


def medians_ms(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, float]:
    """Each command's median wall time; the commands take turns, so that a slow moment of the
    machine weighs on all of them alike rather than on whichever ran then."""
    samples: dict[str, list[float]] = {label: [] for label in commands}
    for attempt in range(runs + 1):
        for label, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if attempt:  # the first round warms the disk cache and writes bytecode
                samples[label].append((time.perf_counter() - start) * 1000)
    return {label: statistics.median(values) for label, values in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=50)
    options = parser.parse_args()
    config = options.config or (
        CORPUS_CONFIG if CORPUS_CONFIG.is_file() else REPO / "examples/services/hello_world.aurora"
    )
    config = config.resolve()
    auroralint = shutil.which("auroralint") or f"{sys.executable} -m auroralint"
    commands = {
        "python -c 'import pystachio'": [sys.executable, "-c", "import pystachio"],
        "auroralint inspect CONFIG": [*auroralint.split(), "inspect", str(config)],
        "auroralint CONFIG (all rules)": [*auroralint.split(), "--exit-zero", str(config)],
    }
    os.environ.setdefault("USER", "auroralint")
    print(f"config: {config}\nruns per command: {options.runs} (medians, taking turns)\n")
    medians = medians_ms(commands, options.runs, config.parent)
    baseline = medians["python -c 'import pystachio'"]
    for label, ms in medians.items():
        print(f"{label:<34} {ms:7.1f} ms  {ms / baseline:4.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
