"""The Reports API (2021-06-30): ask Amazon for a report, see whether it is ready, read its document.

Used for the Account Health report (`GET_V2_SELLER_PERFORMANCE_REPORT`): `health_fetch_step` asks
for one, and once Amazon has it ready, keeps the document as received in an import job and runs
the import, like an upload. Amazon takes from seconds to minutes: the task calls the step again
until the report is done (`helpdesk.tasks.fetch_account_health`)."""

from dataclasses import dataclass

import httpx
from sp_api.api import Reports
from sp_api.auth.exceptions import AuthorizationError

from helpdesk.importing import HEALTH_REPORT
from helpdesk.models import ImportJob, SellerAccount
from helpdesk.services.audit import audit
from helpdesk.services.health import REPORT_TYPE
from helpdesk.services.imports import import_job_create, import_job_run

from .client import TIMEOUT_S, SpApiError, SpApiTarget, StatusChecked, spapi_client, transient_failures_raised
from .credentials import SpApiCredentials, spapi_credentials
from .selectors import amazon_connection_for

DONE, WAITING = "DONE", frozenset({"IN_QUEUE", "IN_PROGRESS"})


class _ReportsClient(StatusChecked, Reports):
    """sp_api's Reports 2021-06-30 client, failing by the HTTP status."""


class ReportRefused(Exception):
    """Amazon refused the request or could not make the report; the message says why."""


@dataclass(frozen=True)
class ReportsReader:
    credentials: SpApiCredentials
    target: SpApiTarget
    marketplace_id: str

    def _client(self) -> _ReportsClient:
        return spapi_client(
            _ReportsClient, credentials=self.credentials, marketplace_id=self.marketplace_id, target=self.target
        )

    def _call(self, operation: str, *args, **kwargs) -> dict:
        client = self._client()
        try:
            with transient_failures_raised():
                return getattr(client, operation)(*args, **kwargs).payload or {}
        except SpApiError as exc:
            raise ReportRefused(f"Amazon refused {operation} ({exc.http_status} {exc.code}): {exc.message}") from exc
        except AuthorizationError as exc:
            raise ReportRefused(f"Login with Amazon refused the credentials: {exc.message or exc.error_code}") from exc
        finally:
            client.close()

    def request(self, report_type: str) -> str:
        payload = self._call("create_report", reportType=report_type, marketplaceIds=[self.marketplace_id])
        return str(payload["reportId"])

    def status(self, report_id: str) -> tuple[str, str]:
        """(processingStatus, reportDocumentId or "")."""
        payload = self._call("get_report", report_id)
        return str(payload.get("processingStatus", "")), str(payload.get("reportDocumentId") or "")

    def document(self, document_id: str) -> bytes:
        """The document's bytes as Amazon stores them (perhaps gzipped: the importer reads both)."""
        payload = self._call("get_report_document", document_id)
        with transient_failures_raised(), httpx.Client(timeout=TIMEOUT_S) as client:
            response = client.get(payload["url"])
            if not response.is_success:
                raise SpApiError(http_status=response.status_code, code="Download", message="document download failed")
            return response.content


def reports_reader_for(account: SellerAccount) -> ReportsReader | None:
    credentials = spapi_credentials(amazon_connection_for(account))
    if credentials is None:
        return None
    return ReportsReader(
        credentials=credentials, target=SpApiTarget.from_settings(), marketplace_id=account.marketplace_id
    )


@dataclass(frozen=True)
class FetchStep:
    report_id: str = ""  # Amazon is still making it: ask again about this report
    job: ImportJob | None = None  # done: the import it became


def health_fetch_step(*, account: SellerAccount, report_id: str = "") -> FetchStep:
    """Ask Amazon for the account's Account Health report (without `report_id`), or see whether the
    one asked for is ready; once it is, keep and import it. Raises ReportRefused (audited) when Amazon
    refuses or fails it, TransientSpApiError when Amazon cannot be reached (try again)."""
    reader = reports_reader_for(account)
    try:
        if reader is None:
            raise ReportRefused("the account has no Amazon connection (SP-API credentials)")
        if not report_id:
            return FetchStep(report_id=reader.request(REPORT_TYPE))
        state, document_id = reader.status(report_id)
        if state in WAITING:
            return FetchStep(report_id=report_id)
        if state != DONE or not document_id:
            raise ReportRefused(f"Amazon could not make the report (status {state or 'not given'})")
        data = reader.document(document_id)
    except ReportRefused as exc:
        audit(verb="health.fetch_failed", summary=f"Account Health report not fetched: {exc}", account=account)
        raise
    job = import_job_create(account=account, kind=HEALTH_REPORT, filename=f"account-health-{report_id}.json", raw=data)
    return FetchStep(job=import_job_run(job_id=job.id))
