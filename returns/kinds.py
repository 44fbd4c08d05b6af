"""The kind of case, the clock and the report this app owns (registered in `apps.py`)."""

RETURN = "return"  # a buyer's return of a seller-fulfilled order
RETURN_RESPONSE = "return_response"  # answer a return request within 48 hours
RETURNS_REPORT = "returns"  # Amazon's returns reports: MFN flat file, MFN XML, FBA customer returns
