"""A local stand-in for Amazon's Solicitations API, Orders API (getOrders) and Login-with-Amazon token endpoint.

It answers as Amazon's published SP-API model for solicitations and the real
responses Amazon's documentation quotes:
- POST /auth/o2/token: a refresh-token grant gives an access token;
- every SP-API call needs that token in `x-amz-access-token` (else 403
  Unauthorized "Access to requested resource is denied.") and `marketplaceIds`
  in the query (else 400 InvalidInput);
- GET /solicitations/v1/orders/{id}: the productReviewAndSellerFeedback action,
  or, for orders in `not_eligible`, the empty actions Amazon sends for an order
  it will not solicit;
- POST .../solicitations/productReviewAndSellerFeedback: 201 `{}`;
- the sandbox's invalid order id 123-1234567-0000000: 400 InvalidInput;
- GET /orders/v0/orders (getOrders v0): the orders in `orders` of the asked
  MarketplaceIds whose LastUpdateDate is in [LastUpdatedAfter, LastUpdatedBefore],
  oldest update first, `orders_page_size` a page, as `{"payload": {"Orders": [...],
  "NextToken": ..., "LastUpdatedBefore": ...}}`; a NextToken brings the next page.
  As Amazon: LastUpdatedAfter (or CreatedAfter) is required, and LastUpdatedBefore
  must be at least two minutes before now (else 400 InvalidInput).
- GET /finances/v0/financialEvents (listFinancialEvents v0): the events in
  `financial_events` ((list name, ShipmentEvent) pairs) whose PostedDate is in
  [PostedAfter, PostedBefore), oldest first, `finances_page_size` a page, each list
  under its name in `{"payload": {"FinancialEvents": {...}, "NextToken": ...}}`.
  As Amazon: PostedBefore needs PostedAfter, must be later than it and at least two
  minutes before now, and MaxResultsPerPage is 1 to 100 (else 400 InvalidInput).
- POST /reports/2021-06-30/reports (createReport): 202 `{"reportId": ...}` for a JSON body naming
  `reportType` and `marketplaceIds` (else 400 InvalidInput); GET .../reports/{reportId} (getReport):
  the report with the next of `report_statuses` as its processingStatus (the last one stays), and
  its reportDocumentId once DONE; GET .../documents/{id} (getReportDocument): a `url` on this server
  that serves `report_document` as is, without the access token, as Amazon's presigned URLs do.
Tests script other answers per operation and order with `answer()`, for
getOrders with `answer_orders()` and for listFinancialEvents with `answer_finances()`.
"""

import json
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ACCESS_TOKEN = "Atza|local-test-access-token"
SANDBOX_INVALID_ORDER = "123-1234567-0000000"
ACTIONS_PATH = "/solicitations/v1/orders/"
REVIEW_SUFFIX = "/solicitations/productReviewAndSellerFeedback"
ORDERS_PATH = "/orders/v0/orders"
FINANCES_PATH = "/finances/v0/financialEvents"
REPORTS_PATH = "/reports/2021-06-30/reports"
DOCUMENTS_PATH = "/reports/2021-06-30/documents/"
DOWNLOAD_PATH = "/report-documents/"

ACCESS_DENIED = {
    "errors": [{"code": "Unauthorized", "message": "Access to requested resource is denied.", "details": ""}]
}
INVALID_INPUT = {"errors": [{"code": "InvalidInput", "message": "Invalid Input", "details": ""}]}


def errors(code: str, message: str) -> dict:
    return {"errors": [{"code": code, "message": message, "details": ""}]}


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: str


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict | list | str | bytes  # a str or bytes is sent as is (for bodies that are not valid JSON)


def _when(value: str) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class FakeAmazon:
    def __init__(self):
        self.seen: list[Seen] = []
        self.not_eligible: set[str] = set()
        self.token_refusal: Answer | None = None
        self.orders: list[dict] = []
        self.orders_page_size = 100
        self.financial_events: list[tuple[str, dict]] = []
        self.finances_page_size = 100
        self._finances_answers: list[Answer] = []
        self._scripts: dict[tuple[str, str], list[Answer]] = {}
        self._order_answers: list[Answer] = []
        self._next_pages: dict[str, tuple[list[dict], str]] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

        self.report_statuses: list[str] = ["DONE"]
        self.report_document: bytes = b""
        self.reports_requested: list[dict] = []

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeAmazon":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, operation: str, order_id: str, *answers: Answer) -> None:
        """Answer the next calls of `operation` ("get" actions / "post" the request) for `order_id`, in turn."""
        self._scripts.setdefault((operation, order_id), []).extend(answers)

    def answer_orders(self, *answers: Answer) -> None:
        """Answer the next getOrders calls with these, in turn."""
        self._order_answers.extend(answers)

    def answer_finances(self, *answers: Answer) -> None:
        """Answer the next listFinancialEvents calls with these, in turn."""
        self._finances_answers.extend(answers)

    def finances_calls(self) -> list[Seen]:
        return [s for s in self.seen if s.path == FINANCES_PATH]

    def order_calls(self) -> list[Seen]:
        return [s for s in self.seen if s.path == ORDERS_PATH]

    def calls(self, operation: str | None = None) -> list[Seen]:
        """The SP-API calls received ("get" or "post"), token requests left out."""
        api = [s for s in self.seen if s.path.startswith(ACTIONS_PATH)]
        return api if operation is None else [s for s in api if s.method == operation.upper()]

    def token_requests(self) -> list[Seen]:
        return [s for s in self.seen if s.path == "/auth/o2/token"]

    def _respond(self, method: str, path: str, query: dict, headers: dict, body: str) -> Answer:
        if path == "/auth/o2/token" and method == "POST":
            return self._token(parse_qs(body))
        if path.startswith(DOWNLOAD_PATH) and method == "GET":
            return Answer(200, self.report_document)
        if path.startswith(REPORTS_PATH) or path.startswith(DOCUMENTS_PATH):
            if headers.get("x-amz-access-token") != ACCESS_TOKEN:
                return Answer(403, ACCESS_DENIED)
            return self._reports(method, path, body)
        if not path.startswith(ACTIONS_PATH) and path not in (ORDERS_PATH, FINANCES_PATH):
            return Answer(404, errors("NotFound", "Resource not found."))
        if headers.get("x-amz-access-token") != ACCESS_TOKEN:
            return Answer(403, ACCESS_DENIED)
        if path == ORDERS_PATH and method == "GET":
            return self._get_orders(query)
        if path == FINANCES_PATH and method == "GET":
            return self._list_financial_events(query)
        if not query.get("marketplaceIds"):
            return Answer(400, INVALID_INPUT)
        rest = path.removeprefix(ACTIONS_PATH)
        if method == "POST" and rest.endswith(REVIEW_SUFFIX):
            operation, order_id = "post", rest.removesuffix(REVIEW_SUFFIX)
        elif method == "GET" and "/" not in rest:
            operation, order_id = "get", rest
        else:
            return Answer(404, errors("NotFound", "Resource not found."))
        with self._lock:
            script = self._scripts.get((operation, order_id))
            if script:
                return script.pop(0)
        if order_id == SANDBOX_INVALID_ORDER:
            return Answer(400, INVALID_INPUT)
        if operation == "post":
            return Answer(201, {})
        marketplace = query["marketplaceIds"][0]
        self_link = {"href": f"{ACTIONS_PATH}{order_id}?marketplaceIds={marketplace}"}
        if order_id in self.not_eligible:
            return Answer(200, {"_links": {"actions": [], "self": self_link}, "_embedded": {"actions": []}})
        action = {
            "href": f"{ACTIONS_PATH}{order_id}{REVIEW_SUFFIX}?marketplaceIds={marketplace}",
            "name": "productReviewAndSellerFeedback",
        }
        return Answer(200, {"_links": {"actions": [action], "self": self_link}})

    def _get_orders(self, query: dict[str, list[str]]) -> Answer:
        if not query.get("MarketplaceIds"):
            return Answer(400, errors("InvalidInput", "Missing required 'MarketplaceIds'."))
        with self._lock:
            if self._order_answers:
                return self._order_answers.pop(0)
            if query.get("NextToken"):
                page = self._next_pages.pop(query["NextToken"][0], None)
                if page is None:
                    return Answer(400, errors("InvalidInput", "Invalid NextToken."))
                matching, before = page
            else:
                after = _when(query.get("LastUpdatedAfter", [""])[0])
                if after is None:
                    return Answer(
                        400, errors("InvalidInput", "Either 'CreatedAfter' or 'LastUpdatedAfter' is required.")
                    )
                latest = datetime.now(UTC) - timedelta(minutes=2)
                before_at = _when(query.get("LastUpdatedBefore", [""])[0]) or latest
                if before_at > latest:
                    return Answer(
                        400,
                        errors("InvalidInput", "LastUpdatedBefore must be at least 2 minutes before the request time."),
                    )
                marketplaces = query["MarketplaceIds"][0].split(",")
                matching = sorted(
                    (
                        o
                        for o in self.orders
                        if o["MarketplaceId"] in marketplaces and after <= _when(o["LastUpdateDate"]) <= before_at
                    ),
                    key=lambda o: o["LastUpdateDate"],
                )
                before = before_at.strftime("%Y-%m-%dT%H:%M:%SZ")
            page, rest = matching[: self.orders_page_size], matching[self.orders_page_size :]
            payload = {"Orders": page, "LastUpdatedBefore": before}
            if rest:
                token = f"next-page-{len(self.seen)}"
                self._next_pages[token] = (rest, before)
                payload["NextToken"] = token
        return Answer(200, {"payload": payload})

    def _list_financial_events(self, query: dict[str, list[str]]) -> Answer:
        size = int(query.get("MaxResultsPerPage", ["100"])[0])
        if not 1 <= size <= 100:
            return Answer(400, errors("InvalidInput", "MaxResultsPerPage must be between 1 and 100."))
        with self._lock:
            if self._finances_answers:
                return self._finances_answers.pop(0)
            after = _when(query.get("PostedAfter", [""])[0])
            latest = datetime.now(UTC) - timedelta(minutes=2)
            before = _when(query.get("PostedBefore", [""])[0])
            if before is not None and after is None:
                return Answer(400, errors("InvalidInput", "PostedAfter is required with PostedBefore."))
            before = before or latest
            if before > latest or (after is not None and before <= after):
                return Answer(
                    400, errors("InvalidInput", "PostedBefore must be after PostedAfter and 2 minutes before now.")
                )
            matching = sorted(
                (
                    (name, event)
                    for name, event in self.financial_events
                    if (after is None or after <= _when(event["PostedDate"])) and _when(event["PostedDate"]) < before
                ),
                key=lambda pair: pair[1]["PostedDate"],
            )
            start = int(query.get("NextToken", ["0"])[0].removeprefix("events-"))
            page = matching[start : start + min(size, self.finances_page_size)]
            lists: dict[str, list[dict]] = {}
            for name, event in page:
                lists.setdefault(name, []).append(event)
            payload: dict = {"FinancialEvents": lists}
            if start + len(page) < len(matching):
                payload["NextToken"] = f"events-{start + len(page)}"
        return Answer(200, {"payload": payload})

    def _reports(self, method: str, path: str, body: str) -> Answer:
        if method == "POST" and path == REPORTS_PATH:
            request = json.loads(body or "{}")
            if not request.get("reportType") or not request.get("marketplaceIds"):
                return Answer(400, INVALID_INPUT)
            with self._lock:
                self.reports_requested.append(request)
                return Answer(202, {"reportId": str(len(self.reports_requested))})
        if method == "GET" and path.startswith(REPORTS_PATH + "/"):
            report_id = path.removeprefix(REPORTS_PATH + "/")
            with self._lock:
                state = self.report_statuses.pop(0) if len(self.report_statuses) > 1 else self.report_statuses[0]
            report = {
                "reportId": report_id,
                "reportType": "GET_V2_SELLER_PERFORMANCE_REPORT",
                "processingStatus": state,
            }
            if state == "DONE":
                report["reportDocumentId"] = f"doc-{report_id}"
            return Answer(200, report)
        if method == "GET" and path.startswith(DOCUMENTS_PATH):
            document_id = path.removeprefix(DOCUMENTS_PATH)
            return Answer(200, {"reportDocumentId": document_id, "url": f"{self.url}{DOWNLOAD_PATH}{document_id}"})
        return Answer(404, errors("NotFound", "Resource not found."))

    def _token(self, form: dict[str, list[str]]) -> Answer:
        if self.token_refusal is not None:
            return self.token_refusal
        if form.get("grant_type") != ["refresh_token"] or not all(
            form.get(key) for key in ("refresh_token", "client_id", "client_secret")
        ):
            return Answer(400, {"error": "invalid_request", "error_description": "Missing grant parameters"})
        return Answer(
            200,
            {
                "access_token": ACCESS_TOKEN,
                "refresh_token": form["refresh_token"][0],
                "token_type": "bearer",
                "expires_in": 3600,
            },
        )

    def _handler(self):
        amazon = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self):
                parts = urlsplit(self.path)
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                headers = {key.lower(): value for key, value in self.headers.items()}
                query = parse_qs(parts.query)
                amazon.seen.append(Seen(self.command, parts.path, query, headers, body))
                answer = amazon._respond(self.command, parts.path, query, headers, body)
                if isinstance(answer.body, bytes):
                    data = answer.body
                else:
                    data = (answer.body if isinstance(answer.body, str) else json.dumps(answer.body)).encode()
                self.send_response(answer.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.send_header("x-amzn-RequestId", "local-test")
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _serve

            def log_message(self, *args):  # keep the test output clean
                pass

        return Handler
