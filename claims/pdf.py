"""The evidence pack as a PDF, drawn with ReportLab (pure Python: no system libraries)."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .evidence import EvidencePack, local_now
from .validity import Finding


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def evidence_pdf(pack: EvidencePack) -> bytes:
    styles = getSampleStyleSheet()
    body, small, h1, h2 = styles["BodyText"], styles["Italic"], styles["Title"], styles["Heading2"]
    claim, record = pack.claim, pack.record
    story = [
        _p(f"{claim.get_kind_display()}: order {claim.amazon_order_id}", h1),
        _p(f"{claim.account.name} · claimed {record.local(claim.claimed_at)} · prepared {local_now(claim)}", small),
        Spacer(1, 4 * mm),
    ]
    facts = [("Reason", claim.reason or claim.get_ground_display())]
    if claim.amount is not None:
        facts.append(("Amount", f"{claim.amount} {claim.currency}"))
    if claim.kind == "chargeback":
        facts.append(("Liability", claim.get_liability_display()))
    story += [_table(facts, body), Spacer(1, 3 * mm)]

    story.append(_p("Shipment and delivery", h2))
    story.append(_table(pack.shipping or [("Order", "not imported yet")], body))
    story.append(_p(f"Delivery address: {pack.address[1]}", body))
    if pack.kept_until:
        story.append(_p(f"Shipping records are kept until at least {record.day(pack.kept_until)}.", small))

    story.append(_p("Correspondence with the buyer", h2))
    if pack.trail:
        rows = [[_p("When", body), _p("Who", body), _p("Message", body)]]
        rows += [[_p(record.local(e.at), body), _p(e.who, body), _p(e.text, body)] for e in pack.trail]
        story.append(_grid(rows, [38 * mm, 30 * mm, 102 * mm]))
    else:
        story.append(_p("No message or call about this order.", body))

    story.append(_p("Returns, refunds and other claims on the order", h2))
    story += [_p(f"• {line}", body) for line in pack.history] or [_p("None.", body)]

    story.append(_p("Is the claim valid?", h2))
    story.append(_p(pack.verdict.summary, body))
    rows = [[_p("Check", body), _p("Finding", body), _p("Evidence", body)]]
    for check in pack.verdict.checks:
        finding = check.finding_label + ("" if check.finding == Finding.UNKNOWN else f": {check.summary}")
        rows.append([_p(check.question, body), _p(finding, body), _p("\n".join(check.evidence) or "—", body)])
    story.append(_grid(rows, [55 * mm, 45 * mm, 70 * mm]))

    if claim.statement:
        story += [_p("Statement sent to Amazon", h2), _p(claim.statement, body)]

    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{claim.get_kind_display()} {claim.amazon_order_id}",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    document.build(story)
    return buffer.getvalue()


def _table(rows: list[tuple[str, str]], style) -> Table:
    table = Table([[_p(label, style), _p(value, style)] for label, value in rows], colWidths=[45 * mm, 125 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _grid(rows: list, widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
            ]
        )
    )
    return table
