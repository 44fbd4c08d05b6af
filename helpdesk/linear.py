"""Regular expressions that run in time linear in the text, whatever the pattern: Google's RE2.

Python's `re` backtracks: a pattern someone else wrote (an admin's custom rule) can take hours on a
crafted text of a few kilobytes. RE2 cannot: it has no backtracking, so no look-arounds and no
back-references either, and it refuses a pattern that uses them. Every pattern Sellerdesk did not write
itself runs here; the built-in rules stay on `re` and are proven linear by a property test
(tests/helpdesk/test_linear_patterns.py).

RE2's own classes are ASCII: `\\w`, `\\d`, `\\s` and `\\b` know no accented letter. `WORD` and
`NOT_WORD` are Python's `\\w` and `\\W` in RE2 syntax, for the patterns built here.

The text is encoded to UTF-8 once and searched as bytes, each search going on from the previous match:
the binding would encode a `str` again on every call.
"""

from collections.abc import Iterator

import re2

WORD = r"[\p{L}\p{N}_]"
NOT_WORD = r"[^\p{L}\p{N}_]"
# RE2 refuses a pattern whose compiled program would need more memory than this (a huge repetition count).
MAX_MEMORY = 8 << 20


class InvalidLinearPattern(ValueError):
    """A pattern RE2 refuses; the message is RE2's reason."""


def _options(*, ignore_case: bool) -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    options.max_mem = MAX_MEMORY
    return options


class LinearPattern:
    """A pattern compiled by RE2 (UTF-8 syntax: `\\p{L}` is any letter)."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str, *, ignore_case: bool = False):
        self.pattern = pattern
        try:
            self._compiled = re2.compile(pattern, options=_options(ignore_case=ignore_case))
        except re2.error as exc:
            reason = exc.args[0] if exc.args else "not a pattern RE2 can run"
            if isinstance(reason, bytes):
                reason = reason.decode("utf-8", "replace")
            raise InvalidLinearPattern(str(reason)) from exc

    def spans(self, text: str, *, group: int = 0) -> Iterator[tuple[int, int]]:
        """The (start, end) of `group` in each match, as offsets into `text`, empty ones left out.
        The next match is looked for from the end of `group`, so a pattern may read one character past
        it (a word boundary) without hiding a match that starts there."""
        data = text.encode("utf-8")
        chars = _CharOffsets(data)
        pos = 0
        while pos <= len(data):
            found = self._compiled.search(data, pos)
            if found is None:
                return
            start, end = found.span(group)
            if 0 <= start < end:
                yield chars.at(start), chars.at(end)
                pos = end
            else:
                pos = _next_char(data, max(pos, found.start()))

    def matches_empty(self) -> bool:
        """Whether the pattern matches the empty text (and so would flag every text)."""
        return self._compiled.search(b"") is not None

    def search(self, text: str) -> tuple[int, int] | None:
        """The span of the first non-empty match, or None."""
        return next(self.spans(text), None)


def _next_char(data: bytes, pos: int) -> int:
    """The byte offset of the character after the one at `pos`."""
    pos += 1
    while pos < len(data) and data[pos] & 0xC0 == 0x80:
        pos += 1
    return pos


class _CharOffsets:
    """Byte offsets into UTF-8 data as character offsets, for offsets asked mostly in increasing order."""

    __slots__ = ("data", "byte", "char")

    def __init__(self, data: bytes):
        self.data, self.byte, self.char = data, 0, 0

    def at(self, byte: int) -> int:
        if byte < self.byte:
            self.byte, self.char = 0, 0
        self.char += len(self.data[self.byte : byte].decode("utf-8", "replace"))
        self.byte = byte
        return self.char
