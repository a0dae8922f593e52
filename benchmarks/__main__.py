"""Print one line per figure: name, value, baseline, ratio, target.

Figures come from each `benchmarks/*_bench.py` module's `figures()`; a module that cannot run
here says why on its own line instead of failing the whole report.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback

import benchmarks


def main() -> int:
    print(f"{'figure':<46} {'value':>12} {'baseline':>12} {'ratio':>7}  target")
    failures = 0
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda i: i.name):
        if not info.name.endswith("_bench"):
            continue
        try:
            module = importlib.import_module(f"benchmarks.{info.name}")
            for name, value, baseline, ratio, target in module.figures():
                print(f"{name:<46} {value:>12.3f} {baseline:>12.3f} {ratio:>6.2f}x  {target}")
        except Exception:
            failures += 1
            print(f"{info.name}: could not run:", file=sys.stderr)
            traceback.print_exc()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
