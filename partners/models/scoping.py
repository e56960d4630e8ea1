"""Who may see which household data: the one place that scopes partner users.

Every model that holds a household's data uses a queryset built on ScopedQuerySet and names
the path to its organisation; every partner view, list, count, search, export and document
starts from `.visible_to(user)`.
"""

from django.db import models

from workshop import roles


def organisation_of(user):
    """The partner organisation a user works for, or None (workshop staff, unlinked partner)."""
    referent = getattr(user, "referent", None) if user.is_authenticated else None
    return referent.organisation if referent is not None else None


class ScopedQuerySet(models.QuerySet):
    organisation_path = "organisation"

    def visible_to(self, user):
        if roles.is_workshop(user):
            return self
        if roles.is_partner(user):
            referent = getattr(user, "referent", None)
            if referent is not None:
                return self.filter(**{f"{self.organisation_path}_id": referent.organisation_id})
        return self.none()
