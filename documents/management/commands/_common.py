from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from workshop.models import User


def command_actor(username: str | None) -> User:
    """Who a document issued from the command line is recorded as issued by."""
    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("No active user is called “%(name)s”.") % {"name": username})
        return user
    user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    if user is None:
        raise CommandError(_("Say who issues the document with --user: there is no superuser."))
    return user
