"""What Amazon's return-authorisation notice says, in the marketplaces' languages.

Mail reading (`messaging.parsing`) already knows the notice's kind, its order id and its text.
The text lists the request as labelled lines — `Item:`, `Quantity:`, `Return reason:`,
`Customer comments:`, sometimes an ASIN, a SKU and the Amazon RMA id — with the labels
translated (`Artikel:`, `Motif du retour :`, `Motivo del reso:`, …). An item starts at its item
label; the lines after it belong to it. Pure functions; no database.
"""

import re
from dataclasses import dataclass, field

LABELS: dict[str, tuple[str, ...]] = {
    "item": (
        "item",
        "item name",
        "product",
        "product name",
        "artikel",
        "artikelbezeichnung",
        "produkt",
        "article",
        "produit",
        "artículo",
        "articulo",
        "producto",
        "articolo",
        "prodotto",
        "product naam",
        "artikelnaam",
        "商品名",
    ),
    "quantity": ("quantity", "qty", "menge", "anzahl", "quantité", "cantidad", "quantità", "aantal", "数量"),
    "reason": (
        "return reason",
        "reason",
        "reason for return",
        "rücksendegrund",
        "grund der rücksendung",
        "grund",
        "motif du retour",
        "motif",
        "motivo de la devolución",
        "motivo de devolución",
        "motivo",
        "motivo del reso",
        "motivo del reso richiesto",
        "reden voor retourzending",
        "reden",
        "返品理由",
    ),
    "comments": (
        "customer comments",
        "customer comment",
        "buyer comments",
        "comments",
        "kommentar des kunden",
        "kundenkommentar",
        "kommentare des kunden",
        "commentaires du client",
        "commentaire du client",
        "commentaires",
        "comentarios del cliente",
        "comentarios",
        "commenti del cliente",
        "commenti",
        "opmerkingen van de klant",
        "お客様のコメント",
    ),
    "asin": ("asin",),
    "sku": ("sku", "merchant sku", "seller sku", "händler-sku", "sku du vendeur", "sku del vendedor"),
    "rma": (
        "rma",
        "rma id",
        "amazon rma id",
        "return merchandise authorization",
        "return merchandise authorisation",
        "rücksendenummer",
        "numéro de retour",
        "número de devolución",
        "numero di reso",
    ),
}
_LABEL_BY_TEXT = {label: name for name, labels in LABELS.items() for label in labels}
_LINE = re.compile(
    r"^[ \t*•-]*(?P<label>[^\W\d][^:：\n]{0,40}?)\s*(?:\(RMA\)\s*)?(?:#|n[°º.]|nr\.?)?\s*[:：]\s*(?P<value>.*)$",
    re.MULTILINE,
)
# Amazon's RMA ids end in "RRMA" (DfqRyqfBRRMA): found even where no label names them.
_RMA = re.compile(r"\b([A-Za-z0-9]{6,20}RRMA)\b")
_ASIN = re.compile(r"\b(B0[A-Z0-9]{8})\b")
_QUANTITY = re.compile(r"\d{1,5}")


@dataclass
class NoticeItem:
    title: str = ""
    quantity: int = 1
    reason: str = ""
    asin: str = ""
    sku: str = ""


@dataclass
class NoticeText:
    rma_id: str = ""
    comments: str = ""
    items: list[NoticeItem] = field(default_factory=list)


def read_notice(text: str) -> NoticeText:
    """The request's RMA id, the buyer's comments and its items, from the notice's text."""
    notice = NoticeText()
    current: NoticeItem | None = None
    for found in _LINE.finditer(text):
        name = _LABEL_BY_TEXT.get(" ".join(found.group("label").casefold().split()))
        value = found.group("value").strip()
        if name is None or not value:
            continue
        if name == "rma":
            notice.rma_id = notice.rma_id or _rma_in(value)
        elif name == "comments":
            notice.comments = f"{notice.comments}\n{value}".strip()
        elif name == "item" or current is None:
            current = NoticeItem()
            notice.items.append(current)
        if current is None or name in {"rma", "comments"}:
            continue
        if name == "item":
            current.title = value[:500]
            current.asin = current.asin or _asin_in(value)
        elif name == "quantity":
            quantity = _QUANTITY.search(value)
            current.quantity = int(quantity.group(0)) if quantity and int(quantity.group(0)) > 0 else 1
        elif name == "reason":
            current.reason = value[:80]
        elif name == "asin":
            current.asin = _asin_in(value) or value[:10]
        elif name == "sku":
            current.sku = value[:80]
    if not notice.rma_id:
        found = _RMA.search(text)
        notice.rma_id = found.group(1) if found else ""
    return notice


def _rma_in(value: str) -> str:
    found = _RMA.search(value)
    if found:
        return found.group(1)
    token = re.search(r"[A-Za-z0-9]{8,40}", value)
    return token.group(0) if token else ""


def _asin_in(value: str) -> str:
    found = _ASIN.search(value)
    return found.group(1) if found else ""
