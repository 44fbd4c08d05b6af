"""Who may reach the throwaway kind's URL (see tests/helpdesk/permission_rows.py for the format)."""

LOGIN = 302

ROWS = {"plugin_kind:things": ("get", dict(anon=LOGIN, agent=200, manager=200, admin=200, outsider=200))}


def arguments(*, account, users) -> tuple[dict[str, list], dict[str, dict]]:
    return {}, {}
