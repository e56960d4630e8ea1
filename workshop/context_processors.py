from django.conf import settings

from . import roles


def workshop(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    is_workshop = roles.is_workshop(user)
    return {
        "is_workshop": is_workshop,
        "is_manager": roles.is_manager(user),
        "is_partner": roles.is_partner(user),
        "workshop_name": settings.WORKSHOP_NAME,
        # Evaluated only by the templates that show the site switcher.
        "selectable_sites": roles.selectable_sites(user) if is_workshop else (),
    }
