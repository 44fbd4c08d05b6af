"""Who may reach each outbound URL (see tests/helpdesk/permission_rows.py for the format)."""

ROWS: dict = {}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    return {}, {}
