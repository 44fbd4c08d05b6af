from helpdesk.importing import ORDERS_REPORT
from helpdesk.management.base import ReportImportCommand


class Command(ReportImportCommand):
    help = (
        "Import an Amazon all-orders report (tab-separated, optionally gzip-compressed) for one seller account. "
        "Rejected rows are listed on stderr as `line N: reason`; the summary goes to stdout."
    )
    kind = ORDERS_REPORT
