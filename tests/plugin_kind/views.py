from django.http import HttpRequest, HttpResponse

from helpdesk.views.access import role_required


@role_required()
def things(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Plugin things")
