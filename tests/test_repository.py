"""The repository explains itself: nothing in it points outside it."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = {".py", ".md", ".html", ".toml", ".yml", ".txt", ".cfg", ".js", ".css"}
CLIMBING = re.compile(r"(?<![\w/.-])((?:\.\./)+[\w./-]*)")  # a relative path that starts by going up
DOCUMENT = re.compile(r"(?<![\w-])([\w-]+\.md)\b")  # a Markdown file named anywhere in a text


def _tracked() -> list[str]:
    return subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()


def _texts() -> list[tuple[str, str]]:
    return [
        (name, (ROOT / name).read_text(errors="replace"))
        for name in _tracked()
        if (ROOT / name).suffix in TEXT and (ROOT / name).exists()
    ]


def test_no_relative_path_leads_out_of_the_repository():
    offenders = [
        f"{name}: {found}"
        for name, text in _texts()
        for found in CLIMBING.findall(text)
        if not ((ROOT / name).parent / found).resolve().is_relative_to(ROOT)
    ]
    assert offenders == []


def test_every_document_a_text_names_is_in_the_repository():
    present = {Path(name).name for name in _tracked() if name.endswith(".md")}
    offenders = [
        f"{name}: {found}" for name, text in _texts() for found in DOCUMENT.findall(text) if found not in present
    ]
    assert offenders == []
