"""How often the feedback eligibility assistant agrees with the labelled comments.

Reads tests/fixtures/feedback/eligibility_labelled.json and assesses every
comment; `--scale N` repeats the set N times for the timing (the figures on
agreement do not change). Prints each label's hits, then the final lines:
`accuracy` (the ground given matches the label exactly, over every comment),
`holdout_accuracy` (the same over the comments written after the rules),
`decision_accuracy` (likely removable or not, over every comment) and `n`.
Needs no database.

    .venv/bin/python bench/feedback_eligibility.py [--scale N] [--verbose]
"""

import sys
from pathlib import Path

# Run as a script, this file's folder would come first on sys.path, and bench/queue.py
# would shadow the standard library's `queue`: start from the root.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402

from bench.common import ROOT, figure  # noqa: E402

LABELLED = ROOT / "tests" / "fixtures" / "feedback" / "eligibility_labelled.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="repeat the set this many times for the timing")
    parser.add_argument("--verbose", action="store_true", help="print every disagreement")
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpdesk.settings")
    import django

    django.setup()
    from feedback.eligibility import assess

    cases = json.loads(LABELLED.read_text())["comments"]
    rounds = max(1, math.ceil(options.scale))
    started = time.perf_counter()
    for _ in range(rounds):
        opinions = [
            assess(comments=c["comment"], fulfillment_channel=c["channel"], buyer_name=c.get("buyer", ""))
            for c in cases
        ]
    elapsed = time.perf_counter() - started

    right, total, split_right, split_total = Counter(), Counter(), Counter(), Counter()
    decisions = 0
    for case, opinion in zip(cases, opinions, strict=True):
        label = case["label"] or "keep"
        got = opinion.reason.value if opinion.reason else "keep"
        total[label] += 1
        split_total[case["split"]] += 1
        if got == label:
            right[label] += 1
            split_right[case["split"]] += 1
        elif options.verbose:
            print(f"  [{case['split']}] {case['channel']} {label} ≠ {got} ({opinion.evidence!r}): {case['comment']}")
        decisions += (case["label"] is None) == (opinion.reason is None)

    for label in sorted(total):
        print(f"{label:16} {right[label]:3}/{total[label]}")
    for split in sorted(split_total):
        print(f"{split:16} {split_right[split]:3}/{split_total[split]}")
    figure("comments_per_second", round(rounds * len(cases) / elapsed))
    figure("holdout_accuracy", split_right["holdout"] / split_total["holdout"])
    figure("decision_accuracy", decisions / len(cases))
    print(f"accuracy: {sum(right.values()) / len(cases):.2f}")
    figure("n", len(cases))


if __name__ == "__main__":
    main()
