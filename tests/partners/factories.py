"""Partner organisations, referents, households and requests for tests."""

import datetime

import factory
from django.utils import timezone

from partners.models import DeviceRequest, Household, PartnerOrganisation, Referent
from tests.factories import UserFactory
from workshop import roles
from workshop.models import Commune


def commune(insee: str = "56121", name: str = "Lorient", postal: str = "56100") -> Commune:
    return Commune.objects.get_or_create(
        insee_code=insee, defaults={"name": name, "postal_codes": postal, "department": insee[:2]}
    )[0]


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation
        django_get_or_create = ("name",)

    kind = "caf"
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    email = factory.LazyAttribute(lambda o: f"{o.kind}@example.org")


def referent(username: str, organisation: PartnerOrganisation, **kwargs):
    user = UserFactory(username=username, role=roles.PARTENAIRE, email=f"{username}@example.org", **kwargs)
    Referent.objects.create(user=user, organisation=organisation)
    return user


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    organisation = factory.SubFactory(OrganisationFactory)
    reference = factory.Sequence(lambda n: f"FOYER-{n:04d}")
    commune = factory.LazyFunction(commune)
    size = 3
    age_bracket = "26_59"
    created_by = factory.SubFactory(UserFactory)


class RequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeviceRequest

    household = factory.SubFactory(HouseholdFactory)
    organisation = factory.SelfAttribute("household.organisation")
    need = "laptop"
    purpose = "job_search"
    eligibility = "minimum_benefit"
    attested_by = "Nadia Benali"
    attested_on = factory.LazyFunction(timezone.localdate)
    eligibility_expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=180))
    created_by = factory.SelfAttribute("household.created_by")
