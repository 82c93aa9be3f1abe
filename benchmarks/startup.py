"""Cold wall time of the command line against ``python -c pass`` on the same machine.

Run by hand (``python benchmarks/startup.py``) or in CI as a report; never as a timed
test. Each command runs in a fresh interpreter, as a user or CI would start it; the
commands take turns, so that a busy machine slows them alike, and the best run of each
is compared with the best ``python -c pass``, in wall time and in CPU time (which other
processes on a shared machine disturb less). To see where the time goes:
``python -X importtime -m sources check 2>&1 >/dev/null | sort -t'|' -k2 -n | tail``.

The package's bytecode is compiled first, as ``pip install`` does: an editable install run
with ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile every module on every start,
which measures the compiler, not the package.

``--before SRC`` measures another copy of the package side by side, in the same turns: the
``src`` folder of an earlier commit (``git archive REV src | tar -x -C /tmp/before``), put
first on ``PYTHONPATH`` for its runs. Differences of a few per cent are only real when
measured this way: the machine's load moves every figure between runs.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import sources

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import sources'": [sys.executable, "-c", "import sources"],
    "sources footnotes": [sys.executable, "-m", "sources", "footnotes"],
    "sources check": [sys.executable, "-m", "sources", "check", "--exit-zero"],
    "sources check --format sarif": [sys.executable, "-m", "sources", "check", "--exit-zero", "--format", "sarif"],
}


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system) of one cold run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=Path.home(), env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", type=Path, metavar="SRC", help="another copy's src folder, measured alongside")
    args = parser.parse_args()
    compileall.compile_dir(Path(sources.__file__).parent, quiet=1)
    copies: dict[str, dict[str, str] | None] = {"": None}
    if args.before is not None:
        compileall.compile_dir(args.before, quiet=1)
        copies = {"before: ": {**os.environ, "PYTHONPATH": str(args.before.resolve())}, "after: ": None}
    peer = "python -c pass"  # the interpreter alone, one peer for every copy
    runs = [(peer, COMMANDS[peer], None)] + [
        (f"{label}{name}", command, env)
        for name, command in COMMANDS.items()
        if name != peer
        for label, env in copies.items()
    ]
    walls: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    cpus: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    for _ in range(args.runs):
        for name, command, env in runs:
            wall, cpu = run(command, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    bare, bare_cpu = min(walls[peer]), min(cpus[peer])
    width = max(len(name) for name in walls)
    print(f"{'command':<{width}} {'best s':>7} {'median s':>9} {'x pass':>7} {'CPU s':>7} {'x pass':>7}")
    for name, times in walls.items():
        cpu = min(cpus[name])
        print(
            f"{name:<{width}} {min(times):>7.3f} {statistics.median(times):>9.3f} {min(times) / bare:>7.1f} "
            f"{cpu:>7.3f} {cpu / bare_cpu:>7.1f}"
        )


if __name__ == "__main__":
    main()
