"""What every benchmark shares: Django on DATABASE_URL, --scale, percentiles, figures."""

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(description: str, default_scale: float = 1.0) -> argparse.Namespace:
    """Parse `--scale` and start Django against DATABASE_URL (which must be PostgreSQL)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--scale",
        type=float,
        default=default_scale,
        help="multiply the data sizes by this (0.01 for a quick run); 1 is the full benchmark",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL database the benchmark may fill, e.g. postgres://postgres@127.0.0.1/sellerdesk_bench"
        )
    # Measure the production configuration, not the debug one.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpdesk.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    return args


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def figure(key: str, value: float | int | str) -> None:
    if isinstance(value, float):
        value = f"{value:.3f}"
    print(f"{key}: {value}", flush=True)
