"""The normalised copies of a message that detection runs on, each character mapped to its original span.

`View.of(text)` is Unicode NFKC, case-folded, with accents, zero-width characters and look-alike letters
undone; `deobfuscate` further undoes "dot", "(at)", "hxxp", "[.]" and spaced-out letters. Every character
remembers the span of the original text it came from, so findings point at what the agent typed.
"""

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from messaging.vocabulary import de, en, es, fr, it

_FOLD = str.maketrans(
    {
        # Cyrillic and Greek letters that look Latin
        "а": "a",
        "в": "b",
        "е": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "ӏ": "l",
        "ɡ": "g",
        "α": "a",
        "β": "b",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ѵ": "v",
        # typographic punctuation
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "★": " star",
        "☆": " star",
        "⭐": " star",
        "\u3002": ".",
    }
)


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if unicodedata.category(ch) == "Cf":  # zero-width spaces and joiners, soft hyphens
        return ""
    folded = unicodedata.normalize("NFKC", ch).casefold()
    folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return folded.translate(_FOLD)


def fold(text: str) -> str:
    """The normalised form detection runs on (custom phrases are folded the same way)."""
    return "".join(_fold_char(ch) for ch in text)


class View:
    """A transformed copy of the text; character i came from original[starts[i]:ends[i]]."""

    __slots__ = ("text", "starts", "ends", "size")

    def __init__(self, text: str, starts: list[int], ends: list[int], size: int):
        self.text, self.starts, self.ends, self.size = text, starts, ends, size

    @classmethod
    def of(cls, original: str) -> "View":
        chars: list[str] = []
        starts: list[int] = []
        for i, ch in enumerate(original):
            out = _fold_char(ch)
            chars.append(out)
            starts.extend([i] * len(out))
        return cls("".join(chars), starts, [s + 1 for s in starts], len(original))

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else self.size
            return at, at
        return self.starts[start], self.ends[end - 1]

    def sub(self, pattern: re.Pattern, repl: Callable[[re.Match], str | None]) -> "View":
        """Replace matches; a replacement maps to the whole span its match came from. None keeps the match."""
        text, starts, ends = [], [], []
        pos = 0
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new is None or m.end() == m.start():
                continue
            text.append(self.text[pos : m.start()])
            starts.extend(self.starts[pos : m.start()])
            ends.extend(self.ends[pos : m.start()])
            a, b = self.span(m.start(), m.end())
            text.append(new)
            starts.extend([a] * len(new))
            ends.extend([b] * len(new))
            pos = m.end()
        text.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return View("".join(text), starts, ends, self.size)

    def squeeze(self, pattern: re.Pattern) -> "View":
        """Delete the whitespace inside each match, keeping every other character's own span."""
        keep = [True] * len(self.text)
        for m in pattern.finditer(self.text):
            for i in range(m.start(), m.end()):
                if self.text[i].isspace():
                    keep[i] = False
        return View(
            "".join(c for c, k in zip(self.text, keep, strict=False) if k),
            [s for s, k in zip(self.starts, keep, strict=False) if k],
            [e for e, k in zip(self.ends, keep, strict=False) if k],
            self.size,
        )


# Runs of single characters separated by single spaces: "w w w . s h o p", "f u c k".
_SPACED = re.compile(r"(?<!\S)\S(?: {1,2}\S(?!\S)){2,}")
_SCHEME = re.compile(r"\bh(?:xx|\*\*|tt)p(s?)(?=\s*[:\[])")
_DEFANGED = re.compile(r"[\[\(\{]([.:@])[\]\)\}]")
# "dot" spelled out in each language, and "d0t"; the French "point" only in brackets, since between two words it
# is an everyday one ("à ce point").
_DOTS = "|".join(dict.fromkeys([en.DOT, "d0t", de.DOT, es.DOT, it.DOT]))
# Each starts at the first space of a run (or at the bracket), so a long run of spaces is read once.
_BRACKETED_DOT = re.compile(rf"(?<!\s)\s*[\(\[\{{<]\s*(?:{_DOTS}|{fr.DOT})\s*[\)\]\}}>]\s*")
_WORD_DOT = re.compile(rf"(?<=[a-z0-9])\s+(?:{_DOTS})\s+(?=[a-z0-9])")
_BRACKETED_AT = re.compile(rf"(?<!\s)\s*[\(\[\{{<]\s*(?:{en.AT}|{de.AT})\s*[\)\]\}}>]\s*")
_SPACE_BEFORE_DOT = re.compile(r"(?<=[a-z0-9])\s+\.\s*(?=[a-z0-9])")
_DOT_THEN_SPACE = re.compile(r"(?<=[a-z0-9])\.\s+(?=(?:com|net|org)\b)")
_SPACED_COLON = re.compile(r"(?<=http)(s?)\s*:\s*/\s*/\s*")


def deobfuscate(view: View, original: str) -> View:
    view = view.squeeze(_SPACED)
    view = view.sub(_SCHEME, lambda m: f"http{m.group(1)}")
    view = view.sub(_DEFANGED, lambda m: m.group(1))
    view = view.sub(_BRACKETED_DOT, lambda m: ".")
    view = view.sub(_WORD_DOT, lambda m: ".")
    view = view.sub(_BRACKETED_AT, lambda m: "@")
    view = view.sub(_SPACE_BEFORE_DOT, lambda m: ".")

    def dot_then_space(m: re.Match) -> str | None:
        # "shop. com" is an obfuscated address; "item. Net weight" is two sentences.
        tld_at = view.starts[m.end()]
        return None if original[tld_at : tld_at + 1].isupper() else "."

    view = view.sub(_DOT_THEN_SPACE, dot_then_space)
    return view.sub(_SPACED_COLON, lambda m: f"{m.group(1)}://")
