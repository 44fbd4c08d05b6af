"""Measure the compliance checker on the labelled set in tests/compliance/labelled.py.

    .venv/bin/python bench/compliance.py [--scale N]

"Positive" means blocked. Precision: of the messages the checker blocked, the share
that must be blocked. Recall: of the messages that must be blocked, the share it
blocked. --scale N checks the whole set ceil(N) times, for the throughput figure only.
The checker is pure Python, so no database or settings are needed. Each figure is
a final `key: value` line; the last two are precision and recall.
"""

import sys
from pathlib import Path

# Run as a script, this file's folder would come first on sys.path, and bench/queue.py
# would shadow the standard library's `queue`: start from the root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import math  # noqa: E402
import time  # noqa: E402

from bench.common import figure  # noqa: E402
from messaging.compliance.checker import check_text, is_blocked  # noqa: E402
from tests.compliance.labelled import BLOCK, KNOWN_MISSES, LABELLED  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="check the labelled set this many times (timing only)")
    scale = max(1, math.ceil(parser.parse_args().scale))

    tp = fp = fn = tn = 0
    wrong = []
    started = time.perf_counter()
    for round_ in range(scale):
        for item in LABELLED:
            blocked = is_blocked(check_text(item.text, allowed_domains=item.allowed_domains))
            if round_:
                continue
            must_block = item.label == BLOCK
            tp += blocked and must_block
            fp += blocked and not must_block
            fn += must_block and not blocked
            tn += not blocked and not must_block
            if blocked != must_block:
                wrong.append(item)
    elapsed = time.perf_counter() - started
    checked = len(LABELLED) * scale

    for item in wrong:
        known = " (known miss)" if item.text in KNOWN_MISSES else ""
        print(f"wrong{known}: labelled {item.label}: {item.text!r} ({item.note})")
    figure("messages", len(LABELLED))
    figure("must_block", tp + fn)
    figure("must_pass", tn + fp)
    figure("false_positives", fp)
    figure("false_negatives", fn)
    figure("messages_per_second", round(checked / elapsed))
    figure("ms_per_message", 1000 * elapsed / checked)
    figure("precision", tp / (tp + fp) if tp + fp else 1.0)
    figure("recall", tp / (tp + fn) if tp + fn else 1.0)


if __name__ == "__main__":
    main()
