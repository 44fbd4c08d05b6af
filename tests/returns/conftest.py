"""Helpers for the returns tests: the report and mail fixtures, reports built in code, imports."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from helpdesk.models import ImportJob
from helpdesk.services.imports import import_job_create, import_job_run
from messaging.models import MailSource
from messaging.services import inbound_process, inbound_receive
from returns.kinds import RETURNS_REPORT

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "returns"
MAIL_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mail"
# The fixtures' requests were made in July 2025; the tests look at them from then.
JULY_2025 = datetime(2025, 7, 15, 12, 0, tzinfo=UTC)

MFN_HEADER = [
    "Order ID",
    "Order date",
    "Return request date",
    "Return request status",
    "Amazon RMA ID",
    "Merchant RMA ID",
    "Label type",
    "Label cost",
    "Currency code",
    "Return carrier",
    "Tracking ID",
    "Label to be paid by",
    "A-to-Z Claim",
    "Is prime",
    "ASIN",
    "Merchant SKU",
    "Item Name",
    "Return quantity",
    "Return Reason",
    "In policy",
    "Return type",
    "Resolution",
    "Invoice number",
    "Return delivery date",
    "Order Amount",
    "Order quantity",
    "SafeT Action reason",
    "SafeT claim id",
    "SafeT claim state",
    "SafeT claim creation time",
    "SafeT claim reimbursement amount",
    "Refunded Amount",
]


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def mfn_report(rows: list[dict[str, str]]) -> bytes:
    """A seller-fulfilled returns flat file: each row's cells by header name, the others empty."""
    lines = ["\t".join(MFN_HEADER)] + ["\t".join(row.get(name, "") for name in MFN_HEADER) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def mfn_row(order_id: str, rma: str, sku: str, *, day: str = "10-Jul-2025", status: str = "Approved", **cells) -> dict:
    names = {name.lower().replace(" ", "_").replace("-", "_"): name for name in MFN_HEADER}
    row = {
        "Order ID": order_id,
        "Amazon RMA ID": rma,
        "Merchant SKU": sku,
        "Return request date": day,
        "Return request status": status,
        "Return quantity": "1",
        "Currency code": "USD",
        "Item Name": f"Product {sku}",
    }
    row.update({names[name]: value for name, value in cells.items()})
    return row


def run_import(account, data: bytes, *, filename: str = "returns.txt", actor=None) -> ImportJob:
    """Keep the file and import it, as the upload page and the command do."""
    job = import_job_create(account=account, kind=RETURNS_REPORT, filename=filename, raw=data, actor=actor)
    return import_job_run(job_id=job.id)


def ingest_mail(account, raw: bytes, name: str = "notice.eml"):
    """Store and read one mail for `account`; the stored row after reading (notices handed over after commit)."""
    mail, _ = inbound_receive(raw=raw, source=MailSource.UPLOAD, account=account, source_ref=name)
    return inbound_process(mail_id=mail.pk)


@pytest.fixture
def july():
    with time_machine.travel(JULY_2025, tick=False):
        yield JULY_2025
