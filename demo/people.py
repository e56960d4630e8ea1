"""Demo sites and users: one per role, with a known password."""

from django.contrib.auth.models import Group, Permission

from workshop import roles
from workshop.models import Site, User

SITES = [
    {
        "code": "lorient",
        "name": "Atelier de Lorient",
        "address": "12 rue du Port",
        "postal_code": "56100",
        "city": "Lorient",
        "siret": "12345678900017",
        "phone": "02 97 00 00 00",
        "email": "atelier-lorient@example.org",
    },
    {
        "code": "vannes",
        "name": "Atelier de Vannes",
        "address": "3 allée des Lices",
        "postal_code": "56000",
        "city": "Vannes",
        "siret": "12345678900025",
        "phone": "02 97 11 11 11",
        "email": "atelier-vannes@example.org",
    },
]

USERS = [
    # username, first name, last name, role, staff (may open the admin for reference data)
    ("atelier", "Camille", "Le Goff", roles.ATELIER, False),
    ("gestion", "Yannick", "Le Bihan", roles.GESTION, True),
    ("partenaire.caf", "Nadia", "Benali", roles.PARTENAIRE, False),
    ("partenaire.ccas", "Marc", "Guillou", roles.PARTENAIRE, False),
]

# What managers may edit in the admin: the workshop's reference lists.
MANAGER_MODELS = (
    "devicecategory",
    "checklistitem",
    "operatingsystem",
    "donor",
    "territory",
    "partnerorganisation",
    "referent",
    "categoryterms",
    "pricegridentry",
    "pricecap",
)


def seed_sites() -> list[Site]:
    return [Site.objects.update_or_create(code=data["code"], defaults=data)[0] for data in SITES]


def seed_users(password: str, sites: list[Site]) -> dict[str, User]:
    manager_group = Group.objects.get(name=roles.GESTION)
    manager_group.permissions.add(*Permission.objects.filter(content_type__model__in=MANAGER_MODELS))
    users = {}
    for username, first, last, role, staff in USERS:
        user, _created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.is_staff = first, last, staff
        user.email = f"{username}@example.org"
        user.set_password(password)
        if role != roles.PARTENAIRE:
            user.current_site = sites[0]
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        if role != roles.PARTENAIRE:
            user.sites.set(sites)
        users[username] = user
    return users
