from helpdesk.management.base import ReportImportCommand
from helpdesk.models import ImportJob


class Command(ReportImportCommand):
    help = (
        "Import an Amazon all-orders report (tab-separated, optionally gzip-compressed) for one seller account. "
        "Rejected rows are listed on stderr as `line N: reason`; the summary goes to stdout."
    )
    kind = ImportJob.Kind.ORDERS
