"""The partner portal and the managers' screens, through the test client."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inventory.workflow import Status
from partners.models import Allocation, DeviceRequest, RequestStatus

from .factories import HouseholdFactory, RequestFactory, commune

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def form_data(**overrides):
    return {
        "reference": "CAF-0042",
        "commune": "Lorient (56100)",
        "size": "3",
        "age_bracket": "26_59",
        "need": "laptop",
        "purpose": "job_search",
        "eligibility": "minimum_benefit",
        "attested_by": "Nadia Benali",
        "attested_on": TODAY.isoformat(),
        "urgency": "normal",
        "household_informed": "on",
        **overrides,
    }


@pytest.fixture
def caf_client(client, caf_user):
    commune()
    client.force_login(caf_user)
    return client


def test_a_partner_creates_a_request_for_a_household(caf_client, caf):
    response = caf_client.post(reverse("partners:request_create"), form_data())
    request = DeviceRequest.objects.get()
    assert response.url == reverse("partners:request_detail", args=[request.pk])
    assert request.organisation == caf and request.household.commune.insee_code == "56121"
    assert request.eligibility_expires_on > TODAY + datetime.timedelta(days=180)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"commune": "Nulle-Part"}, "commune"),
        ({"eligibility": "other"}, "eligibility_justification"),
        ({"attested_on": (TODAY + datetime.timedelta(days=2)).isoformat()}, "attested_on"),
        ({"household_informed": ""}, "household_informed"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(caf_client, overrides, field):
    response = caf_client.post(reverse("partners:request_create"), form_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not DeviceRequest.objects.exists()


def test_commune_suggestions_match_names_and_postal_codes(caf_client):
    by_name = caf_client.get(reverse("partners:communes"), {"commune": "lori"}).content.decode()
    by_code = caf_client.get(reverse("partners:communes"), {"commune": "56100"}).content.decode()
    assert 'value="Lorient (56100)"' in by_name and 'value="Lorient (56100)"' in by_code


def test_the_partner_sees_the_reservation_date(caf_client, queued_request, laptop, gestion):
    from partners import services

    until = TODAY + datetime.timedelta(days=9)
    services.allocate(request=queued_request, device=laptop, until=until, actor=gestion)
    page = caf_client.get(reverse("partners:request_detail", args=[queued_request.pk])).content.decode()
    assert "Appareil réservé" in page
    assert until.strftime("%Y") in page and str(until.day) in page


def test_the_partner_sees_its_position_in_the_waiting_list(caf_client, caf, queued_request):
    RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.ACCEPTED, urgency="urgent")
    response = caf_client.get(reverse("partners:request_detail", args=[queued_request.pk]))
    assert response.context["position"] == 2


def test_a_manager_accepts_then_allocates(gestion_client, caf_request, laptop):
    gestion_client.post(reverse("partners:decide", args=[caf_request.pk, "accept"]))
    page = gestion_client.get(reverse("partners:request_detail", args=[caf_request.pk]))
    assert laptop in page.context["allocate_form"].fields["device"].queryset
    until = (TODAY + datetime.timedelta(days=5)).isoformat()
    gestion_client.post(
        reverse("partners:decide", args=[caf_request.pk, "allocate"]), {"device": laptop.pk, "until": until}
    )
    laptop.refresh_from_db()
    assert laptop.status == Status.RESERVED
    assert Allocation.objects.get().request == caf_request


def test_refusing_without_a_reason_says_so(gestion_client, caf_request):
    response = gestion_client.post(
        reverse("partners:decide", args=[caf_request.pk, "refuse"]), {"reason": ""}, follow=True
    )
    assert "Motif" in response.content.decode()
    caf_request.refresh_from_db()
    assert caf_request.status == RequestStatus.SUBMITTED


def test_workshop_staff_see_requests_but_cannot_decide(atelier_client, caf_request):
    assert atelier_client.get(reverse("partners:request_detail", args=[caf_request.pk])).status_code == 200
    assert atelier_client.post(reverse("partners:decide", args=[caf_request.pk, "accept"])).status_code == 403


def test_the_device_page_says_for_whom_it_is_reserved(atelier_client, queued_request, laptop, gestion):
    from partners import services

    services.allocate(request=queued_request, device=laptop, until=TODAY, actor=gestion)
    page = atelier_client.get(laptop.get_absolute_url()).content.decode()
    assert queued_request.household.reference in page and "CAF du Morbihan" in page
    listing = atelier_client.get(reverse("partners:reservations")).content.decode()
    assert laptop.asset_tag in listing and queued_request.household.reference in listing


def test_the_reservations_list_pages_by_fifty_in_constant_queries(
    atelier_client, caf, site, gestion, django_assert_max_num_queries
):
    from tests.factories import ready_device

    for _ in range(51):
        device_request = RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.RESERVED)
        Allocation.objects.create(
            request=device_request, device=ready_device(site=site), reserved_until=TODAY, reserved_by=gestion
        )
    with django_assert_max_num_queries(10):
        first = atelier_client.get(reverse("partners:reservations"))
    assert len(first.context["page"]) == 50 and "(51)" in first.content.decode()
    second = atelier_client.get(reverse("partners:reservations"), {"page": 2, "site": "all"})
    assert len(second.context["page"]) == 1 and 'href="?site=all&page=1" rel="prev"' in second.content.decode()


def test_a_ready_device_page_shows_managers_who_waits_for_one(gestion_client, queued_request, laptop):
    page = gestion_client.get(laptop.get_absolute_url()).content.decode()
    assert queued_request.household.reference in page


def test_the_queue_tab_lists_requests_in_serving_order(gestion_client, caf):
    old = RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.ACCEPTED)
    urgent = RequestFactory(
        household=HouseholdFactory(organisation=caf), status=RequestStatus.ACCEPTED, urgency="urgent"
    )
    response = gestion_client.get(reverse("partners:queue"), {"tab": "queue"})
    assert list(response.context["page"]) == [urgent, old]


@pytest.mark.parametrize("count", [3, 30])
def test_list_queries_do_not_grow_with_the_number_of_requests(
    client, caf, caf_user, gestion, count, django_assert_max_num_queries
):
    for _ in range(count):
        RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.ACCEPTED)
    client.force_login(gestion)
    with django_assert_max_num_queries(12):
        client.get(reverse("partners:queue"), {"tab": "queue"})
    client.force_login(caf_user)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("partners:home"))
    assert [r.position for r in response.context["page"]] == list(range(count, 0, -1))  # newest first


def test_the_privacy_notice_says_what_is_kept_and_how_long(caf_client):
    page = caf_client.get(reverse("partners:privacy")).content.decode()
    assert "3 ans" in page and "santé" in page


def test_the_daily_commands_expire_reservations_and_review_requests(queued_request, laptop, gestion):
    from io import StringIO

    from django.core.management import call_command

    from partners import services

    allocation = services.allocate(request=queued_request, device=laptop, until=TODAY, actor=gestion)
    Allocation.objects.filter(pk=allocation.pk).update(reserved_until=TODAY - datetime.timedelta(days=1))
    out = StringIO()
    call_command("expire_reservations", stdout=out)
    call_command("review_requests", stdout=out)
    laptop.refresh_from_db()
    assert laptop.status == Status.READY
    assert out.getvalue().splitlines()[0].startswith("1 ")


def test_the_workshop_home_says_what_waits_today(atelier_client, caf, queued_request, settings):
    from partners.models import DeviceRequest

    late = RequestFactory(household=HouseholdFactory(organisation=caf))
    DeviceRequest.objects.filter(pk=late.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=settings.REQUEST_FLAG_DAYS + 1)
    )
    page = atelier_client.get(reverse("inventory:home")).content.decode()
    assert "nouvelles demandes" in page and "1 sans réponse depuis 10 jours" in page
    assert "foyers en attente" in page
