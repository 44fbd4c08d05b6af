from feedback.kinds import FEEDBACK_REPORT
from helpdesk.management.base import ReportImportCommand


class Command(ReportImportCommand):
    help = (
        "Import an Amazon seller feedback report (GET_SELLER_FEEDBACK_DATA, or Seller Central's Feedback Manager "
        "download; tab-separated, optionally gzip-compressed) for one seller account. "
        "Rejected rows are listed on stderr as `line N: reason`; the summary goes to stdout."
    )
    kind = FEEDBACK_REPORT
