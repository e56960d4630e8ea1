"""Nobody sees what is not theirs: a partner reaches its own households and requests only."""

import pytest
from django.urls import reverse

from partners.models import DeviceRequest, Household
from tests.factories import UserFactory
from workshop import roles

pytestmark = pytest.mark.django_db

# Both ways: (who looks, whose data, the other organisation's reference)
WAYS = [("ccas_user", "caf_request"), ("caf_user", "ccas_request")]


def urls_of(request) -> list[str]:
    return [
        reverse("partners:request_detail", args=[request.pk]),
        reverse("partners:household_detail", args=[request.household_id]),
    ]


@pytest.mark.parametrize(("viewer", "other"), WAYS)
def test_every_url_of_another_organisations_data_answers_404(client, request, viewer, other):
    request.getfixturevalue("caf_request"), request.getfixturevalue("ccas_request")
    client.force_login(request.getfixturevalue(viewer))
    theirs = request.getfixturevalue(other)
    for url in urls_of(theirs):
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("partners:request_cancel", args=[theirs.pk]), {"reason": "x"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "submitted"


@pytest.mark.parametrize(("viewer", "other"), WAYS)
def test_no_list_count_or_search_shows_another_organisations_data(client, request, viewer, other):
    mine = request.getfixturevalue({"caf_request": "ccas_request", "ccas_request": "caf_request"}[other])
    theirs = request.getfixturevalue(other)
    client.force_login(request.getfixturevalue(viewer))
    home = client.get(reverse("partners:home")).content.decode()
    assert mine.household.reference in home
    assert theirs.household.reference not in home
    searched = client.get(reverse("partners:home"), {"q": theirs.household.reference})
    assert list(searched.context["page"]) == []
    assert f">{theirs.household.reference}</a>" not in searched.content.decode()
    by_status = client.get(reverse("partners:home"), {"status": "submitted"})
    assert [r.pk for r in by_status.context["page"]] == [mine.pk]
    assert {s: n for s, _label, n in by_status.context["counts"]}["submitted"] == 1


@pytest.mark.parametrize(("viewer", "other"), WAYS)
def test_partners_are_kept_out_of_the_workshops_lists(client, request, viewer, other):
    request.getfixturevalue(other)
    client.force_login(request.getfixturevalue(viewer))
    for name in ("partners:queue", "partners:reservations", "inventory:device_list"):
        assert client.get(reverse(name)).status_code == 403
    assert (
        client.post(reverse("partners:decide", args=[request.getfixturevalue(other).pk, "accept"])).status_code == 403
    )


def test_visible_to_scopes_every_household_model(caf_user, caf_request, ccas_request):
    assert list(DeviceRequest.objects.visible_to(caf_user)) == [caf_request]
    assert list(Household.objects.visible_to(caf_user)) == [caf_request.household]


def test_a_partner_not_linked_to_an_organisation_sees_nothing(caf_request, ccas_request):
    loose = UserFactory(role=roles.PARTENAIRE)
    assert not DeviceRequest.objects.visible_to(loose).exists()
    assert not Household.objects.visible_to(loose).exists()


def test_workshop_staff_see_every_organisation(atelier, caf_request, ccas_request):
    assert DeviceRequest.objects.visible_to(atelier).count() == 2


def test_a_partner_cannot_create_a_request_without_an_organisation(client, partenaire):
    client.force_login(partenaire)
    assert client.get(reverse("partners:request_create")).status_code == 403
