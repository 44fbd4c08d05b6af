"""Import Amazon's seller feedback report into Feedback.

Report type GET_SELLER_FEEDBACK_DATA (1–3 stars only), and Seller Central's
Feedback Manager download, which has the same layout for every rating: six
tab-separated columns `Date, Rating, Comments, Your Response, Order ID, Rater
Email`. The header is translated into the marketplace's language while the
order stays, so an English header is read by name (its columns may come in
any order) and any other by position. Dates are written in the marketplace's
format (US M/D/YY, DE D.M.YY, JP YY/M/D, SE YYYY-MM-DD, most others D/M/YY),
often without zero padding. A file saved through a spreadsheet may quote
fields holding tabs or newlines; Amazon's own file does not quote, and a
comment may begin with a literal `"`.

Rows are upserted by (account, order id, date). A new negative or neutral
feedback opens its removal case.
"""

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from feedback.defects import SOURCE as DEFECT_SOURCE
from feedback.models import Feedback
from helpdesk.importing import (
    ImportResult,
    ReportError,
    RowRejected,
    bulk_update_by_pk,
    decode_report,
    legacy_encoding,
)
from helpdesk.marketplaces import MARKETPLACES
from helpdesk.models import Order, SellerAccount
from helpdesk.models.orders import ORDER_ID_RE
from helpdesk.services.audit import audit
from helpdesk.services.defects import defects_refresh
from helpdesk.services.search import search_pending_mark

from .feedback import feedback_case_open, feedback_local_today, removal_snapshot

CHUNK_ROWS = 250  # rows per transaction, and per progress report
FIELDS = ("date", "rating", "comments", "response", "order_id", "rater_email")
REQUIRED = ("date", "rating", "order_id")
ENGLISH_NAMES = {
    "date": "date",
    "rating": "rating",
    "comments": "comments",
    "comment": "comments",
    "your response": "response",
    "response": "response",
    "order id": "order_id",
    "order-id": "order_id",
    "rater email": "rater_email",
    "rater-email": "rater_email",
}
# How Amazon writes each strftime format, for the reasons shown to people.
FORMAT_NAMES = {
    "%m/%d/%y": "M/D/YY",
    "%d/%m/%y": "D/M/YY",
    "%d.%m.%y": "D.M.YY",
    "%y/%m/%d": "YY/M/D",
    "%Y-%m-%d": "YYYY-MM-DD",
}
EARLIEST = date(1999, 1, 1)  # Amazon's seller feedback started after this

_ORDER_ID = re.compile(ORDER_ID_RE, re.ASCII)
_EMAIL_MAX = Feedback._meta.get_field("rater_email").max_length

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class _Row:
    line: int
    order_id: str
    date: date
    rating: int
    comments: str
    response: str
    rater_email: str

    @property
    def key(self) -> tuple[str, date]:
        return self.order_id, self.date


def _records(text: str, *, width: int = len(FIELDS)) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each non-blank record; the first line is line 1.

    A record whose first line holds a `"` is read as CSV with quotes, so a
    quoted field may hold tabs and newlines; when the quote is never closed
    and would swallow the rows below it, the line is read as it is."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    index = 0
    while index < len(lines):
        line = lines[index].removesuffix("\r")
        if not line.strip():
            index += 1
            continue
        if '"' in line:
            following = (lines[i].removesuffix("\r") + "\n" for i in range(index, len(lines)))
            reader = csv.reader(following, delimiter="\t", quotechar='"', strict=True)
            try:
                cells = next(reader)
            except csv.Error:
                cells = None
            used = reader.line_num
            swallowed = any(lines[i].count("\t") >= width - 1 for i in range(index + 1, index + used))
            if cells is not None and not swallowed:
                yield index + 1, cells
                index += used
                continue
        yield index + 1, line.split("\t")
        index += 1


def _parse_date(value: str, fmt: str, *, today: date) -> date:
    """A date in the marketplace's format, zero padding optional, four-digit years tolerated."""
    formats = [fmt, fmt.replace("%y", "%Y")] if "%y" in fmt else [fmt]
    for candidate in formats:
        try:
            parsed = datetime.strptime(value, candidate).date()
        except ValueError:
            continue
        if parsed > today:
            raise RowRejected(f"bad Date {value!r}: in the future")
        if parsed < EARLIEST:
            raise RowRejected(f"bad Date {value!r}: before Amazon had seller feedback")
        return parsed
    raise RowRejected(f"bad Date {value[:40]!r}: expected {FORMAT_NAMES.get(fmt, fmt)}")


def _parse_row(line: int, cells: dict[str, str], *, fmt: str, today: date) -> _Row:
    order_id = cells["order_id"]
    if not order_id:
        raise RowRejected("missing Order ID")
    if not _ORDER_ID.fullmatch(order_id):
        raise RowRejected(f"bad Order ID {order_id[:40]!r}: expected NNN-NNNNNNN-NNNNNNN")
    if not cells["date"]:
        raise RowRejected("missing Date")
    when = _parse_date(cells["date"], fmt, today=today)
    rating = cells["rating"]
    if not (rating.isascii() and rating.isdigit() and 1 <= int(rating) <= 5):
        raise RowRejected(f"bad Rating {rating[:40]!r}: expected a whole number of stars from 1 to 5")
    email = cells["rater_email"]
    if len(email) > _EMAIL_MAX:
        raise RowRejected(f"bad Rater Email {email[:40]!r}: longer than {_EMAIL_MAX} characters")
    return _Row(line, order_id, when, int(rating), cells["comments"], cells["response"], email)


class _Layout:
    """Which cell of a record holds which field."""

    def __init__(self, header: list[str]) -> None:
        names = [cell.strip().strip('"').lstrip("\ufeff").strip().lower() for cell in header]
        by_name = {ENGLISH_NAMES[name]: i for i, name in reversed(list(enumerate(names))) if name in ENGLISH_NAMES}
        if all(field in by_name for field in REQUIRED):
            self.positions = {field: by_name.get(field) for field in FIELDS}
            self.by_position = False
        elif len([name for name in names if name]) >= len(REQUIRED) + 2:
            # A translated header: Amazon keeps the order of the columns.
            self.positions = {field: i for i, field in enumerate(FIELDS)}
            self.by_position = True
        else:
            found = ", ".join(name for name in names if name)[:300]
            raise ReportError(
                "this is not a seller feedback report: expected the columns Date, Rating, Comments, "
                f"Your Response, Order ID, Rater Email; found: {found or 'nothing'}"
            )

    def cells(self, record: list[str]) -> dict[str, str]:
        def cell(position: int | None) -> str:
            return record[position].strip() if position is not None and position < len(record) else ""

        return {field: cell(position) for field, position in self.positions.items()}


def _read(text: str, *, account: SellerAccount, result: ImportResult) -> list[_Row]:
    """Every acceptable row, rejecting the others with their line number and reason."""
    fmt = MARKETPLACES[account.marketplace].feedback_date_format
    today = feedback_local_today(account=account) + timedelta(days=1)  # Amazon's day may run ahead of ours
    records = _records(text)
    first = next(records, None)
    if first is None:
        raise ReportError("the file is empty: no header row")
    layout = _Layout(first[1])
    if layout.by_position and _looks_like_data(layout.cells(first[1]), fmt=fmt, today=today):
        records = _chain(first, records)  # no header at all: the first line is a row

    rows: list[_Row] = []
    first_line: dict[tuple[str, date], int] = {}
    for line, record in records:
        try:
            row = _parse_row(line, layout.cells(record), fmt=fmt, today=today)
        except RowRejected as exc:
            result.reject(line, str(exc))
            continue
        if row.key in first_line:
            result.reject(
                line,
                f"order {row.order_id} has feedback dated {row.date:%Y-%m-%d} twice "
                f"(first on line {first_line[row.key]})",
            )
            continue
        first_line[row.key] = line
        rows.append(row)
    if not rows and result.errors and all(error.reason.startswith("bad Date") for error in result.errors):
        raise ReportError(
            f"no row has a date in the format of {account.marketplace} ({FORMAT_NAMES.get(fmt, fmt)}): "
            "is this the seller feedback report of this account's marketplace?"
        )
    return rows


def _looks_like_data(cells: dict[str, str], *, fmt: str, today: date) -> bool:
    try:
        _parse_row(0, cells, fmt=fmt, today=today)
    except RowRejected:
        return False
    return True


def _chain(first: tuple[int, list[str]], rest: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    yield first
    yield from rest


def feedback_import(
    *,
    account: SellerAccount,
    data: bytes,
    actor: AbstractBaseUser | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Upsert the feedback in a seller feedback report for `account`.

    A row counts as imported when it created or changed a feedback, as
    unchanged when it matched one exactly, and as rejected, with its line
    number and reason, when it cannot be read; rejected rows never stop the
    others. Raises `ReportError` when the whole file is unusable. Calls
    `progress(done, total)` as rows are written; writes one audit row.
    """
    text = decode_report(data, fallback_encoding=legacy_encoding(account.marketplace))
    result = ImportResult()
    rows = _read(text, account=account, result=result)
    total = len(rows) + result.rejected
    if progress:
        progress(result.rejected, total)
    snapshot = removal_snapshot(account=account)
    chunks = [rows[start : start + CHUNK_ROWS] for start in range(0, len(rows), CHUNK_ROWS)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        with transaction.atomic():
            _upsert(account=account, rows=chunk, result=result, snapshot=snapshot, actor=actor)
            if number == len(chunks):
                audit(
                    verb="feedback.imported",
                    summary=f"Feedback report: {result.summary_line()}",
                    actor=actor,
                    account=account,
                )
        if progress:
            progress(result.rejected + result.imported + result.unchanged, total)
    return result


def _upsert(
    *,
    account: SellerAccount,
    rows: list[_Row],
    result: ImportResult,
    snapshot: dict[str, Any],
    actor: AbstractBaseUser | None,
) -> None:
    """Write one chunk of rows; call inside a transaction."""
    if not rows:
        return
    # Serialise imports for one account, so two of them cannot both insert the same feedback.
    SellerAccount.objects.select_for_update().filter(pk=account.pk).exists()
    order_ids = list({row.order_id for row in rows})
    existing = {
        (feedback.amazon_order_id, feedback.date): feedback
        for feedback in Feedback.objects.filter(account=account, amazon_order_id__in=order_ids)
    }
    orders = {
        order.amazon_order_id: order for order in Order.objects.filter(account=account, amazon_order_id__in=order_ids)
    }
    now = timezone.now()
    new: list[Feedback] = []
    changed: list[Feedback] = []
    fields: set[str] = set()
    for row in rows:
        order = orders.get(row.order_id)
        feedback = existing.get(row.key)
        if feedback is None:
            feedback = Feedback(
                account=account,
                amazon_order_id=row.order_id,
                order=order,
                date=row.date,
                rating=row.rating,
                comments=row.comments,
                response=row.response,
                rater_email=row.rater_email,
                created_at=now,
            )
            new.append(feedback)
            result.imported += 1
            continue
        values = {"rating": row.rating, "comments": row.comments}
        if feedback.rater_purged_at is None:  # a report imported again never brings a purged address back
            values["rater_email"] = row.rater_email
        if row.response:  # an empty cell never wipes a response recorded here
            values["response"] = row.response
        if feedback.order_id is None and order is not None:
            values["order_id"] = order.pk
        changes = {field for field, value in values.items() if getattr(feedback, field) != value}
        for field in changes:
            setattr(feedback, field, values[field])
        if changes:
            feedback.updated_at = now
            changed.append(feedback)
            fields |= changes
            result.imported += 1
        else:
            result.unchanged += 1
    Feedback.objects.bulk_create(new)
    bulk_update_by_pk(changed, [*sorted(fields), "updated_at"])
    search_pending_mark(case_ids=[feedback.case_id for feedback in changed])
    for feedback in [*new, *changed]:
        if feedback.is_critical and feedback.is_live and feedback.case_id is None:
            feedback.account = account
            feedback_case_open(feedback=feedback, snapshot=snapshot, actor=actor, now=now)
    defects_refresh(account_id=account.id, source=DEFECT_SOURCE, refs=[feedback.pk for feedback in [*new, *changed]])
