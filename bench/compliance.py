"""Measure the compliance checker on the labelled set in tests/compliance/labelled/.

    .venv/bin/python bench/compliance.py [--scale N]

"Positive" means blocked. Precision: of the messages the checker blocked, the share
that must be blocked. Recall: of the messages that must be blocked, the share it
blocked. --scale N checks the whole set ceil(N) times, for the throughput figure only.
The checker is pure Python, so no database or settings are needed.

Each figure is a final `key: value` line. Per language (`de`, `en`, `es`, `fr`, `it`)
over the messages the rules were tuned to: `messages_<lang>`, `precision_<lang>`,
`recall_<lang>`; over each holdout written before that language's rules (`de`, `es`,
`fr`, `it`): `holdout_messages_<lang>`, `holdout_precision_<lang>`,
`holdout_recall_<lang>`. The last two lines are precision and recall over every message.
"""

import sys
from pathlib import Path

# Run as a script, this file's folder would come first on sys.path, and bench/queue.py
# would shadow the standard library's `queue`: start from the root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import math  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402

from bench.common import figure  # noqa: E402
from messaging.compliance.checker import check_text, is_blocked  # noqa: E402
from tests.compliance.labelled import BLOCK, DEV, HOLDOUT, KNOWN_MISSES, LABELLED  # noqa: E402


def _precision(counts: Counter) -> float:
    return counts["tp"] / (counts["tp"] + counts["fp"]) if counts["tp"] + counts["fp"] else 1.0


def _recall(counts: Counter) -> float:
    return counts["tp"] / (counts["tp"] + counts["fn"]) if counts["tp"] + counts["fn"] else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="check the labelled set this many times (timing only)")
    scale = max(1, math.ceil(parser.parse_args().scale))

    # Outcome counts ("tp", "fp", "fn", "tn") overall and by (language, split).
    overall, by_part = Counter(), {}
    wrong = []
    started = time.perf_counter()
    for round_ in range(scale):
        for item in LABELLED:
            blocked = is_blocked(check_text(item.text, allowed_domains=item.allowed_domains))
            if round_:
                continue
            must_block = item.label == BLOCK
            outcome = ("t" if blocked == must_block else "f") + ("p" if blocked else "n")
            overall[outcome] += 1
            by_part.setdefault((item.language, item.split), Counter())[outcome] += 1
            if blocked != must_block:
                wrong.append(item)
    elapsed = time.perf_counter() - started
    checked = len(LABELLED) * scale

    for item in wrong:
        known = " (known miss)" if item.text in KNOWN_MISSES else ""
        print(f"wrong{known}: [{item.language} {item.split}] labelled {item.label}: {item.text!r} ({item.note})")
    figure("messages", len(LABELLED))
    figure("must_block", overall["tp"] + overall["fn"])
    figure("must_pass", overall["tn"] + overall["fp"])
    figure("false_positives", overall["fp"])
    figure("false_negatives", overall["fn"])
    for (language, split), counts in sorted(by_part.items(), key=lambda part: (part[0][1] != DEV, part[0])):
        prefix = "holdout_" if split == HOLDOUT else ""
        figure(f"{prefix}messages_{language}", counts.total())
        figure(f"{prefix}precision_{language}", _precision(counts))
        figure(f"{prefix}recall_{language}", _recall(counts))
    figure("messages_per_second", round(checked / elapsed))
    figure("ms_per_message", 1000 * elapsed / checked)
    figure("precision", _precision(overall))
    figure("recall", _recall(overall))


if __name__ == "__main__":
    main()
