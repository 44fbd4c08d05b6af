"""The repository explains itself: nothing in it points outside it."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_file_points_outside_the_repository():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    outside = ("../shared", "shared/reference", "DESIGN.md", "STYLE.md")
    offenders = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in {".py", ".md", ".html", ".toml", ".yml", ".txt", ".cfg", ".js", ".css"} and path.exists():
            text = path.read_text(errors="replace")
            offenders += [f"{name}: {word}" for word in outside if word in text and name != "tests/test_repository.py"]
    assert offenders == []
