"""CSV exports of lists, for every app: streamed, safe to open in a spreadsheet, audited.

A list page's export view builds its rows with a selector that reads in chunks
(`QuerySet.iterator(chunk_size=…)`) and hands them to `csv_response`: the file is written as it is
read, so an export of a million rows holds one chunk in memory, and each export leaves an audit row
(who exported what, with which filters).
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse

from helpdesk.models import SellerAccount
from helpdesk.services.audit import audit

# What makes a spreadsheet read a cell as a formula (and run it: =HYPERLINK, =cmd|…): these first,
# even after spaces, which spreadsheets skip; and a tab or a line break first, which some read as
# the cell's start.
FORMULA_STARTS = ("=", "+", "-", "@")
CONTROL_STARTS = ("\t", "\r", "\n")


def spreadsheet_safe(value: Any) -> str:
    """The cell as text, prefixed with an apostrophe where a spreadsheet would read a formula."""
    text = "" if value is None else str(value)
    if text[:1] in CONTROL_STARTS or text.lstrip()[:1] in FORMULA_STARTS:
        return "'" + text
    return text


class _Echo:
    """csv.writer's file: hands each written line back instead of storing it."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """A byte-order mark (so spreadsheets read UTF-8), then each row as a guarded CSV line."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([spreadsheet_safe(cell) for cell in row])


def csv_response(
    request: HttpRequest,
    *,
    filename: str,
    rows: Iterable[Sequence[Any]],
    what: str,
    account: SellerAccount | None = None,
) -> StreamingHttpResponse:
    """Stream `rows` (the header first) as `filename`, and audit the export of `what`."""
    audit(
        verb="export.csv",
        summary=f"Exported {what} as CSV",
        actor=request.user,
        account=account,
        after={"file": filename, "query": request.GET.urlencode()[:500]},
    )
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
