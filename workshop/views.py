from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import roles
from .roles import selectable_sites, workshop_required


@workshop_required
@require_POST
def switch_site(request: HttpRequest) -> HttpResponse:
    """Lists default to the user's current site; a user may only pick one of their own sites."""
    user = request.user
    site = get_object_or_404(selectable_sites(user), pk=request.POST.get("site"))
    user.current_site = site
    user.save(update_fields=["current_site"])
    messages.success(request, _("You are now working at %(site)s.") % {"site": site.name})
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


def home(request: HttpRequest) -> HttpResponse:
    """Each role lands on its own home page."""
    if roles.is_partner(request.user):
        return redirect("partners:home")
    if roles.is_workshop(request.user):
        return redirect("inventory:home")
    if request.user.is_staff:
        return redirect("admin:index")
    raise PermissionDenied
