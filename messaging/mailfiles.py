"""Mail on disk: single .eml files, folders of them, Maildir folders and mbox files (stdlib `mailbox`)."""

import mailbox
from collections.abc import Iterator
from pathlib import Path


def _is_maildir(path: Path) -> bool:
    return all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))


def _is_mbox(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(5) == b"From "


def read_mail_files(path: Path) -> Iterator[tuple[str, bytes]]:
    """(reference, bytes) for every mail at `path`, in a stable order. Raises OSError if unreadable."""
    if path.is_dir() and _is_maildir(path):
        box = mailbox.Maildir(path, factory=None, create=False)
        for key in sorted(box.keys()):
            yield f"{path}:{key}", box.get_bytes(key)
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_file() and child.suffix.lower() == ".eml":
                yield str(child), child.read_bytes()
    elif _is_mbox(path):
        box = mailbox.mbox(path, factory=None, create=False)
        for number, key in enumerate(box.keys(), start=1):
            yield f"{path}:{number}", box.get_bytes(key)
    else:
        yield str(path), path.read_bytes()
