"""Hostile input: what a crafted mail or a typed message may hold to stall a backtracking regular expression.

`CORPUS` is a name and a text per attack: long runs of every kind of whitespace, of letters, digits and
separators, nested brackets, and the shapes of Amazon's own lines repeated. `timed` measures a call in CPU seconds.
"""

import time
from collections.abc import Callable

RUN = 20_000  # characters in each run: "1-" * 10_000

# Every kind of whitespace a mail or a form can carry, and the invisible ones the normaliser drops.
WHITESPACE = {
    "space": " ",
    "tab": "\t",
    "newline": "\n",
    "crlf": "\r\n",
    "cr": "\r",
    "vertical tab": "\x0b",
    "form feed": "\x0c",
    "nbsp": "\xa0",
    "nbsp lines": "\xa0\n",
    "space lines": " \n",
    "narrow nbsp": "\u202f",
    "thin space": "\u2009",
    "em space": "\u2003",
    "ideographic space": "\u3000",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "byte order mark": "\ufeff",
    "line separator": "\u2028",
    "next line": "\x85",
    "ogham space": "\u1680",
}
UNITS = {
    **WHITESPACE,
    "letters": "a",
    "capitals": "A",
    "accented": "é",
    "cyrillic": "ж",
    "cjk": "字",
    "digits": "1",
    "digit dash": "1-",
    "digit space": "1 ",
    "digit dot": "1.",
    "dashes": "-",
    "dots": ".",
    "letter dot": "a.",
    "letter space": "a ",
    "spaced letters": "a  ",
    "at signs": "@",
    "letter at": "a@",
    "pipes": "|",
    "hashes": "# ",
    "quote marks": "> ",
    "colons": ": ",
    "commas": "1,",
    "dollar": "$1",
    "underscores": "_",
    "plus": "+1 ",
    "word dot": "dot ",
    "order id": "123-1234567-1234567 ",
    "asin": "[ASIN: ",
    "item line": "1 of x [ASIN: B000000000]\n",
    "order line": "Order ID 123-1234567-1234567:\n",
    "begin marker": "--- Begin message ",
    "end marker": "--- End message ---\n",
    "quote header": "On Mon wrote ",
    "street": "12 A ",
    "tag opens": "<a",
    "closing tags": "</",
    "comment opens": "<!--",
    "entities": "&#",
    "review ask": "review ",
    "negation": "not ",
}


# Words each rule flags, repeated: thousands of findings in one message.
FLAGGED = [
    "additional fee ",
    "zusätzliche Gebühr ",
    "frais supplémentaires ",
    "we will sue you ",
    "liar ",
    "idiot ",
    "a@b.com ",
    "www.x.com ",
    "call 555 123 4567 ",
    "refund ",
    "5 star review ",
    "remove the feedback ",
    "your order has shipped ",
    "Amazon requires you to leave a review ",
    "12 Main Street ",
    "no, ",
]


def run(unit: str, length: int = RUN) -> str:
    return unit * max(1, length // len(unit))


def corpus(length: int = RUN) -> dict[str, str]:
    texts = {name: run(unit, length) for name, unit in UNITS.items()}
    half = length // 2
    texts["nested brackets"] = "(" * half + ")" * half
    texts["nested square brackets"] = "[" * half + "]" * half
    texts["unclosed brackets"] = "([{<" * (length // 4)
    return texts


CORPUS = corpus()


def timed(call: Callable[[], object]) -> tuple[float, object]:
    """(seconds, result) of `call`: the CPU time this process spent on it, which other processes sharing the
    machine do not stretch as they stretch the wall clock (the database's own work is not counted)."""
    start = time.process_time()
    result = call()
    return time.process_time() - start, result
