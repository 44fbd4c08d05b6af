"""How often the feedback eligibility assistant agrees with the labelled comments.

Reads tests/fixtures/feedback/eligibility_labelled.json and assesses every
comment with its account's marketplace; `--scale N` repeats the set N times for
the timing (the figures on agreement do not change). Prints each language's
hits per label and split, then the final lines: `accuracy` (the ground given
matches the label exactly, over every comment), `holdout_accuracy` (the same
over the comments written after the rules), `decision_accuracy` (likely
removable or not, over every comment), the first two again per language
(`accuracy_en`, `holdout_accuracy_en`, `accuracy_de`, `holdout_accuracy_de`, and the same for
`fr`, `es` and `it`), per category of the assistant's former blind spots (the comments written to
measure one: `mild_profanity`, `mixed`, `pricing_sense`, `fba_outcome`) a line per split and
language and `accuracy_<category>`, `holdout_accuracy_<category>`, and `n`. Needs no database.

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
    os.environ.setdefault("EMBEDDED", "1")  # no database or secrets needed: the laptop's defaults
    import django

    django.setup()
    from feedback.eligibility import assess

    cases = json.loads(LABELLED.read_text())["comments"]
    rounds = max(1, math.ceil(options.scale))
    started = time.perf_counter()
    for _ in range(rounds):
        opinions = [
            assess(
                comments=c["comment"],
                fulfillment_channel=c["channel"],
                buyer_name=c.get("buyer", ""),
                region=c.get("marketplace", "US"),
            )
            for c in cases
        ]
    elapsed = time.perf_counter() - started

    # Hits and counts by (language, label), by (language, split) and by (category, split, language).
    right, total, split_right, split_total = Counter(), Counter(), Counter(), Counter()
    category_right, category_total = Counter(), Counter()
    decisions = 0
    for case, opinion in zip(cases, opinions, strict=True):
        language, label, split = case.get("language", "en"), case["label"] or "keep", case["split"]
        got = opinion.reason.value if opinion.reason else "keep"
        total[language, label] += 1
        split_total[language, split] += 1
        if "category" in case:
            category_total[case["category"], split, language] += 1
            category_right[case["category"], split, language] += got == label
        if got == label:
            right[language, label] += 1
            split_right[language, split] += 1
        elif options.verbose:
            print(f"  [{language} {split}] {case['channel']} {label} ≠ {got} ({opinion.evidence!r}): {case['comment']}")
        decisions += (case["label"] is None) == (opinion.reason is None)

    def accuracy(language: str | None = None, split: str | None = None) -> float:
        keys = [k for k in split_total if language in (None, k[0]) and split in (None, k[1])]
        return sum(split_right[k] for k in keys) / sum(split_total[k] for k in keys)

    for counts, hits in ((total, right), (split_total, split_right)):
        for language, name in sorted(counts):
            print(f"{language} {name:16} {hits[language, name]:3}/{counts[language, name]}")
    for key in sorted(category_total):
        print(f"{' '.join(key)}: {category_right[key]}/{category_total[key]}")
    for category in sorted({key[0] for key in category_total}):
        for split in ("dev", "holdout"):
            keys = [key for key in category_total if key[:2] == (category, split)]
            hits = sum(category_right[key] for key in keys) / sum(category_total[key] for key in keys)
            figure(f"{'holdout_' if split == 'holdout' else ''}accuracy_{category}", hits)
    figure("comments_per_second", round(rounds * len(cases) / elapsed))
    figure("holdout_accuracy", accuracy(split="holdout"))
    figure("decision_accuracy", decisions / len(cases))
    print(f"accuracy: {accuracy():.2f}")
    for language in sorted({language for language, _ in split_total}):
        figure(f"accuracy_{language}", accuracy(language))
        figure(f"holdout_accuracy_{language}", accuracy(language, "holdout"))
    figure("n", len(cases))


if __name__ == "__main__":
    main()
