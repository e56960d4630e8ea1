"""The roles are Django groups; every permission check goes through this module."""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

ATELIER = "atelier"
GESTION = "gestion"
PARTENAIRE = "partenaire"
ROLES = (ATELIER, GESTION, PARTENAIRE)

# Managers do everything workshop staff do.
WORKSHOP_ROLES = (ATELIER, GESTION)


def has_role(user, *roles: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = user._role_names = frozenset(user.groups.values_list("name", flat=True))
    return bool(cached.intersection(roles))


def is_workshop(user) -> bool:
    return has_role(user, *WORKSHOP_ROLES)


def is_manager(user) -> bool:
    return has_role(user, GESTION)


def is_partner(user) -> bool:
    return not user.is_superuser and has_role(user, PARTENAIRE) and not is_workshop(user)


def role_required(*roles: str) -> Callable:
    """View decorator: the user must hold one of these roles (login itself is enforced by middleware)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


workshop_required = role_required(*WORKSHOP_ROLES)
manager_required = role_required(GESTION)


def selectable_sites(user):
    from .models import Site

    return Site.objects.filter(is_active=True) if user.is_superuser else user.sites.filter(is_active=True)
