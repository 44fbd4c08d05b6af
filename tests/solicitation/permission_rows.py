"""Who may reach each solicitation URL (see tests/helpdesk/permission_rows.py for the format)."""

ROWS: dict = {}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    return {}, {}
