from django.http import HttpRequest

from helpdesk.models import Case


def case_panel(request: HttpRequest, case: Case) -> tuple[str, dict]:
    """What this app shows on the case page: (template, context)."""
    return "feedback/case_panel.html", {}
