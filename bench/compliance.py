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
`holdout_recall_<lang>`.

Per category of the guard's former blind spots (`tests/compliance/labelled/item.py`: `rating_ask`,
`perk`, `confirmation`, `coercion`, `disparagement`, `must_pass`), over the messages written to
measure it, a line per split and language: how many of the messages to block it caught, and how many
of those to pass it wrongly blocked; then `recall_<category>`, `false_blocks_<category>` (the share of
the messages to pass that were blocked) and the same over the holdout (`holdout_recall_<category>`, ...).
Per rule, over every message: `rule <name>:` how many messages to block it flagged, how many of its
category's messages to block it caught, and its false blocks in each language. The last two lines are
precision and recall over every message.
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
from messaging.compliance.findings import RULES  # noqa: E402
from tests.compliance.labelled import (  # noqa: E402
    BLOCK,
    CATEGORIES,
    CATEGORY_RULES,
    DEV,
    HOLDOUT,
    KNOWN_MISSES,
    LABELLED,
)


def _precision(counts: Counter) -> float:
    return counts["tp"] / (counts["tp"] + counts["fp"]) if counts["tp"] + counts["fp"] else 1.0


def _recall(counts: Counter) -> float:
    return counts["tp"] / (counts["tp"] + counts["fn"]) if counts["tp"] + counts["fn"] else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="check the labelled set this many times (timing only)")
    scale = max(1, math.ceil(parser.parse_args().scale))

    # Outcome counts ("tp", "fp", "fn", "tn") overall, by (language, split) and by (category, split, language);
    # by rule, the messages to block it flagged and those to pass it blocked, by language.
    overall, by_part, by_category = Counter(), {}, {}
    rule_flagged, rule_caught, rule_false = Counter(), Counter(), Counter()
    wrong = []
    started = time.perf_counter()
    for round_ in range(scale):
        for item in LABELLED:
            findings = check_text(item.text, allowed_domains=item.allowed_domains)
            if round_:
                continue
            blocked, must_block = is_blocked(findings), item.label == BLOCK
            outcome = ("t" if blocked == must_block else "f") + ("p" if blocked else "n")
            overall[outcome] += 1
            by_part.setdefault((item.language, item.split), Counter())[outcome] += 1
            if item.category:
                by_category.setdefault((item.category, item.split, item.language), Counter())[outcome] += 1
            for rule in {f.rule for f in findings if f.blocking}:
                if must_block:
                    rule_flagged[rule] += 1
                    rule_caught[rule] += rule in CATEGORY_RULES.get(item.category, ())
                else:
                    rule_false[rule, item.language] += 1
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
    for category in CATEGORIES:
        for split in (DEV, HOLDOUT):
            parts = {key[2]: counts for key, counts in by_category.items() if key[:2] == (category, split)}
            for language, counts in sorted(parts.items()):
                print(
                    f"{category} {split} {language}: caught {counts['tp']}/{counts['tp'] + counts['fn']}, "
                    f"false blocks {counts['fp']}/{counts['fp'] + counts['tn']}"
                )
            total = sum(parts.values(), Counter())
            prefix = "holdout_" if split == HOLDOUT else ""
            if total["tp"] + total["fn"]:
                figure(f"{prefix}recall_{category}", _recall(total))
            figure(f"{prefix}false_blocks_{category}", total["fp"] / (total["fp"] + total["tn"]))
    languages = sorted({item.language for item in LABELLED})
    for rule in RULES:
        meant = [c for c, rules in CATEGORY_RULES.items() if rule in rules]
        to_catch = sum(
            counts["tp"] + counts["fn"] for (category, _, _), counts in by_category.items() if category in meant
        )
        siblings = sorted({r for c in meant for r in CATEGORY_RULES[c]} - {rule})
        shared = f", which it shares with {', '.join(siblings)}" if siblings else ""
        caught = f", caught {rule_caught[rule]} of the {to_catch} of its category{shared}" if to_catch else ""
        false = ", ".join(f"{language} {rule_false[rule, language]}" for language in languages)
        print(f"rule {rule}: flagged {rule_flagged[rule]} messages to block{caught}; false blocks {false}")
    figure("messages_per_second", round(checked / elapsed))
    figure("ms_per_message", 1000 * elapsed / checked)
    figure("precision", _precision(overall))
    figure("recall", _recall(overall))


if __name__ == "__main__":
    main()
