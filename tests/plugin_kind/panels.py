from django.http import HttpRequest

from helpdesk.models import Case


def case_panel(request: HttpRequest, case: Case) -> tuple[str, dict]:
    return "plugin_kind/case_panel.html", {"thing": f"thing of case {case.pk}"}
