"""Files sent to a buyer with a reply, as Amazon's buyer-seller messaging takes them: images (JPEG,
PNG, GIF) and PDFs, at most 5 files, under 10 MB together. The type is read from the file's own bytes
(its extension must agree), and each file name is read by the compliance guard like the text: a name
may not carry a web address, an e-mail address, a phone number or anything else a message may not."""

import re
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile

from messaging.compliance.checker import Finding, rule_label

MAX_FILES = 5
MAX_TOTAL_BYTES = 10 * 1024 * 1024  # "less than 10 MB" in all
MAX_NAME_LENGTH = 120

# type: (content type, extensions, how the file starts)
TYPES = {
    "pdf": ("application/pdf", (".pdf",), (b"%PDF-",)),
    "jpeg": ("image/jpeg", (".jpg", ".jpeg"), (b"\xff\xd8\xff",)),
    "png": ("image/png", (".png",), (b"\x89PNG\r\n\x1a\n",)),
    "gif": ("image/gif", (".gif",), (b"GIF87a", b"GIF89a")),
}
ALLOWED = "PDF, JPEG, PNG or GIF"
_SEPARATORS = re.compile(r"[_+]+")


class AttachmentRefused(Exception):
    """The files cannot be sent as they are; the message says which and why."""


@dataclass(frozen=True)
class OutboundFile:
    filename: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


def name_text(filename: str) -> str:
    """What the guard reads of a file name: the name without its extension, separators as spaces."""
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    return _SEPARATORS.sub(" ", stem)


def _kind(filename: str, head: bytes) -> str | None:
    lower = filename.lower()
    for kind, (_, extensions, starts) in TYPES.items():
        if lower.endswith(extensions) and head.startswith(starts):
            return kind
    return None


def files_read(uploads: list[UploadedFile]) -> list[OutboundFile]:
    """The uploads as files Amazon takes; AttachmentRefused names the first one it does not, and why."""
    if len(uploads) > MAX_FILES:
        raise AttachmentRefused(f"Amazon takes at most {MAX_FILES} files with a message; {len(uploads)} were given.")
    if sum(upload.size or 0 for upload in uploads) >= MAX_TOTAL_BYTES:
        raise AttachmentRefused("Amazon takes files under 10 MB in all with a message: these are larger together.")
    files = []
    for upload in uploads:
        name = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1].strip()
        if not name:
            raise AttachmentRefused("A file has no name.")
        if len(name) > MAX_NAME_LENGTH:
            raise AttachmentRefused(f"“{name[:40]}…”: a file name may have at most {MAX_NAME_LENGTH} characters.")
        data = upload.read()
        kind = _kind(name, data[:16])
        if kind is None:
            raise AttachmentRefused(
                f"“{name}” is not a {ALLOWED} file (by its name and its content): Amazon refuses it."
            )
        files.append(OutboundFile(filename=name, content_type=TYPES[kind][0], data=data))
    if sum(f.size for f in files) >= MAX_TOTAL_BYTES:
        raise AttachmentRefused("Amazon takes files under 10 MB in all with a message: these are larger together.")
    return files


def names_refusal(files: list[OutboundFile], findings_of) -> str | None:
    """Why a file name may not go to the buyer (`findings_of(text)` is the guard), or None."""
    for file in files:
        blocking = [f for f in findings_of(name_text(file.filename)) if f.blocking]
        if blocking:
            first: Finding = blocking[0]
            return (
                f"The file name “{file.filename}” breaks Amazon's messaging rules ({rule_label(first.rule)}: "
                f"“{first.text}”): rename the file."
            )
    return None
