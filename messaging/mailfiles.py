"""Mail on disk: single .eml files, folders of them, Maildir folders and mbox files (stdlib `mailbox`)."""

import mailbox
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def _is_maildir(path: Path) -> bool:
    return all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))


def _is_mbox(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(5) == b"From "


CHUNK = 1024 * 1024


def _capped(handle: BinaryIO, max_bytes: int) -> bytes | None:
    """The handle's bytes, read a chunk at a time (read(n) would set aside n bytes at once), or None
    as soon as they pass `max_bytes`."""
    chunks, total = [], 0
    while chunk := handle.read(CHUNK):
        total += len(chunk)
        if total > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _file(path: Path, max_bytes: int) -> bytes | None:
    if path.stat().st_size > max_bytes:
        return None
    with path.open("rb") as handle:
        return _capped(handle, max_bytes)


def read_mail_files(path: Path, *, max_bytes: int) -> Iterator[tuple[str, bytes | None]]:
    """(reference, bytes) for every mail at `path`, in a stable order, read one at a time; the bytes
    are None for a mail over `max_bytes`, which is never read whole. Raises OSError if unreadable."""
    if path.is_dir() and _is_maildir(path):
        box = mailbox.Maildir(path, factory=None, create=False)
        for key in sorted(box.keys()):
            with box.get_file(key) as handle:
                yield f"{path}:{key}", _capped(handle, max_bytes)
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_file() and child.suffix.lower() == ".eml":
                yield str(child), _file(child, max_bytes)
    elif _is_mbox(path):
        box = mailbox.mbox(path, factory=None, create=False)
        for number, key in enumerate(box.keys(), start=1):
            with box.get_file(key) as handle:
                yield f"{path}:{number}", _capped(handle, max_bytes)
    else:
        yield str(path), _file(path, max_bytes)
