"""Gapless numbers: taken under a row lock, inside the transaction of the action that uses them."""

from django.db import IntegrityError, transaction

from .models import Sequence


def take_numbers(name: str, count: int = 1, *, year: int = 0) -> range:
    """Reserve `count` consecutive numbers of a sequence; must run inside the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_numbers() must run inside a transaction so that a failure leaves no gap.")
    try:
        with transaction.atomic():
            Sequence.objects.get_or_create(name=name, year=year)
    except IntegrityError:  # created by a concurrent transaction in the meantime
        pass
    sequence = Sequence.objects.select_for_update().get(name=name, year=year)
    first = sequence.last_value + 1
    sequence.last_value += count
    sequence.save(update_fields=["last_value"])
    return range(first, first + count)


def take_number(name: str, *, year: int = 0) -> int:
    return take_numbers(name, 1, year=year)[0]
