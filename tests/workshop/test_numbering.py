import pytest
from django.db import transaction

from workshop.numbering import take_number, take_numbers

pytestmark = pytest.mark.django_db


def test_numbers_follow_each_other_per_year():
    with transaction.atomic():
        assert [take_number("invoice", year=2026) for _ in range(3)] == [1, 2, 3]
        assert take_number("invoice", year=2027) == 1
        assert list(take_numbers("invoice", 2, year=2026)) == [4, 5]


def test_a_rolled_back_transaction_gives_its_number_back():
    with pytest.raises(ValueError), transaction.atomic():
        take_number("certificate")
        raise ValueError
    with transaction.atomic():
        assert take_number("certificate") == 1


@pytest.mark.django_db(transaction=True)  # outside the test case's own transaction
def test_numbers_are_only_taken_inside_a_transaction():
    with pytest.raises(RuntimeError):
        take_number("certificate")
