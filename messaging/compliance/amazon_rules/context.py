"""What every rule reads: the original text, its normalised views, sentences, negation, protected numbers."""

import re
from bisect import bisect_right
from collections.abc import Iterable

from ..findings import ADVISORY, RULES, Finding
from ..normalise import View, deobfuscate


class Context:
    def __init__(self, text: str, allowed_domains: Iterable[str], *, answering: bool = False):
        self.original = text
        self.answering = answering  # the message answers a buyer's message: news of the order is no notification
        self.plain = View.of(text)  # normalised; obfuscations kept
        self.clear = deobfuscate(self.plain, text)  # normalised and de-obfuscated
        self.allowed = {d.strip().lower().removeprefix("www.") for d in allowed_domains if d.strip()}
        self.sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(self.clear.text)]
        self._starts = [start for start, _ in self.sentences]
        self.protected = [self.plain.span(m.start(), m.end()) for p in _PROTECTED for m in p.finditer(self.plain.text)]

    def finding(self, view: View, rule: str, start: int, end: int, explanation: str = "") -> Finding:
        a, b = view.span(start, end)
        return Finding(
            rule=rule,
            start=a,
            end=b,
            text=self.original[a:b],
            explanation=explanation or RULES[rule][1],
            blocking=rule not in ADVISORY,
        )

    def sentence_index(self, pos: int) -> int:
        """The index in `sentences` of the one holding `pos`, -1 before the first."""
        return bisect_right(self._starts, pos) - 1

    def sentence_of(self, pos: int) -> tuple[int, int]:
        index = self.sentence_index(pos)
        if index >= 0 and pos < self.sentences[index][1]:
            return self.sentences[index]
        return 0, len(self.clear.text)

    def by_sentence(self, matches: Iterable[re.Match]) -> dict[int, list[re.Match]]:
        """`matches` grouped by the sentence each starts in, in order."""
        grouped: dict[int, list[re.Match]] = {}
        for m in matches:
            grouped.setdefault(self.sentence_index(m.start()), []).append(m)
        return grouped

    def negated(self, pos: int) -> bool:
        """A negation shortly before `pos`, in the same clause ("no extra fee", "we won't ask you to pay",
        "keine zusätzlichen Kosten", "sans frais", "sin coste", "senza costi"). A German "dass"/"ob" clause
        belongs to the one before its comma
        ("Wir sagen nicht, dass Sie lügen")."""
        text = self.clear.text
        start = max(self.sentence_of(pos)[0], pos - 40)
        clause = max(text.rfind(" - ", start, pos), _last_comma(text, start, pos))
        return bool(NEGATION.search(text, max(start, clause + 1), pos))

    def is_protected(self, span: tuple[int, int]) -> bool:
        return any(span[0] < end and start < span[1] for start, end in self.protected)


def _last_comma(text: str, start: int, end: int) -> int:
    comma = text.rfind(",", start, end)
    while comma >= 0 and _SUBORDINATE.match(text, comma):
        comma = text.rfind(",", start, comma)
    return comma


_SENTENCE = re.compile(r"[^.!?;\n]+(?:[.!?;]+(?=\s|$)|[.!?;]+|\n+|$)|[.!?;\n]+")
_SUBORDINATE = re.compile(r",\s*(?:dass|ob)\b")
NEGATION = re.compile(
    r"\b(?:not|never|without|nothing(?! (?:less|short|but)\b)|cannot|unable|neither|nor)\b"
    r"|n't\b(?! (?:forget|hesitate|miss))"
    # Spanish "no dude en", "no es (usted) más que" (is nothing but) are no negation.
    r"|\bno\b(?! (?:dude|dudes|duden|olvide|olvides|se olvide|te olvides|solo|hay problema)\b)"
    r"(?! (?:es|son|era|eres)(?: usted)? (?:mas|nada mas|otra cosa) que\b)"
    # German: "kein Problem" and "keine Sorge" are no negation, nor are "nicht nur" and "vergessen Sie nicht".
    r"|\bkein(?:e|en|em|er|es)?\b(?! (?:problem|sorge|ursache|thema|frage)\b)"
    r"|(?<!vergessen sie )(?<!zogern sie )\bnicht\b(?! (?:nur|vergessen)\b)"
    r"|\b(?:nichts|ohne|nie|niemals|weder|keinesfalls|keineswegs)\b"
    # French, Spanish, Italian: "n'hésitez pas", "non esiti", "non è altro che", "sin embargo", "nessun problema".
    r"|(?<!hesitez )(?<!hesite )(?<!oubliez )(?<!oublie )(?<!manquez )\bpas\b(?! (?:de (?:probleme|souci)|seulement)\b)"
    r"|\b(?:aucun|aucune|ningun|ninguna|ninguno|nessun|nessuna|nessuno)\b(?! (?:probleme|souci|problema)\b)"
    r"|\bsans\b(?! (?:doute|faute|hesiter)\b)|\bsin\b(?! (?:duda|falta|embargo)\b)|\bsenza\b(?! (?:dubbio|problemi)\b)"
    r"|\bnon\b(?!-)(?! (?:esiti|esitate|esitare|dimentichi|dimenticate|dimenticare|solo|seulement)\b)"
    r"(?! (?:e|sei) (?:altro|nient'altro) che\b)"
    r"|\b(?:jamais|rien|nunca|jamas|nada|tampoco|niente|nulla|neanche|nemmeno|ni)\b"
)

# Identifiers and quantities that look like phone or card numbers but are not.
_PROTECTED = [
    re.compile(r"\b\d{3}-\d{7}-\d{7}\b"),  # Amazon order id
    re.compile(r"\b1z[0-9a-z]{16}\b"),  # UPS
    re.compile(r"\btba\d{9,12}\b"),  # Amazon Logistics
    re.compile(r"\b9[1-5]\d{2}(?: ?\d{4}){4} ?\d{2}\b"),  # USPS
    re.compile(r"\bb0[0-9a-z]{8}\b"),  # ASIN
    re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b"),  # dates
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),  # times
    # prices; a number starting where its run of digits and separators starts (from each digit, the rest of a long
    # run would be read again)
    re.compile(r"[$€£]\s?\d[\d,.]*|(?<![\w.,])\d[\d,.]*\s?(?:usd|eur|gbp|[$€£])"),
    # a number right after the word that names it: "tracking 7489 1234 5678", "SN 4829-1147-2200",
    # "Retourennummer lautet 0123 4567 8901"
    re.compile(
        r"\b(?:tracking|track|waybill|shipment|parcel|package|reference|ref|invoice|serial|sn|lot|part|model|sku|asin"
        r"|isbn|upc|ean|order|case|rma|claim|authori[sz]ation"
        r"|(?:sendungs|tracking|paket|bestell|auftrags|rechnungs|kunden|artikel|serien|retouren|rucksende|referenz"
        r"|vorgangs|ticket|fall|chargen|modell)(?:-?nummer|-?nr\.?))(?:\s*(?:number|no\.?|num|#|id"
        r"|code))?\s*[:#]?\s*(?:(?:is|was|reads|lautet|ist|war)\s+)?"
        r"(?:[a-z]*\d[a-z0-9]*(?:[ -](?=[a-z]*\d)|(?![ -]?[a-z]*\d))){1,6}"
    ),
    # "numéro de suivi Colissimo est 6A12...", "número de pedido: 171-...", "numero di tracciamento BRT è 1234..."
    re.compile(
        r"\b(?:numero|num\.?|n\.?o|n°)\s*(?:de |di |d'|del |dello |della |de la )(?:suivi|commande|colis|facture|serie"
        r"|retour|seguimiento|pedido|envio|factura|referencia|devolucion|tracciamento|tracking|ordine|spedizione"
        r"|fattura|riferimento|reso|pratica)(?:\s+[a-z]+)?\s*[:#]?\s*(?:(?:est|es|e|:)\s+)?"
        r"(?:[a-z]*\d[a-z0-9]*(?:[ -](?=[a-z]*\d)|(?![ -]?[a-z]*\d))){1,6}"
    ),
]
