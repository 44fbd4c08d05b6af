from helpdesk.management.base import ReportImportCommand
from returns.kinds import RETURNS_REPORT


class Command(ReportImportCommand):
    help = (
        "Import one of Amazon's returns reports for one seller account: the seller-fulfilled returns report "
        "(GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE, tab-separated, or GET_XML_RETURNS_DATA_BY_RETURN_DATE) or FBA's "
        "customer returns report (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA); the layout is recognised from the file, "
        "which may be gzip-compressed, UTF-8 or Latin-1. Rejected rows are listed on stderr as `line N: reason`; "
        "the summary goes to stdout."
    )
    kind = RETURNS_REPORT
