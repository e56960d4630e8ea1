"""Loans, sales, memberships: the only code that changes them.

Each action locks the device (and the loan or sale), checks, changes, journals on the device and on
the loan or sale, and issues its document, in one transaction: a failure leaves no number used.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.models import DocumentKind
from inventory.models import Device
from inventory.services import apply, journal, lock
from inventory.workflow import Action, Status
from partners import services as partners
from partners.models import Allocation, Household, RequestStatus
from workshop.dates import add_months
from workshop.errors import DomainError
from workshop.models import User
from workshop.numbering import take_number

from . import documents, pricing
from .models import Loan, LoanStatus, Membership, Reminder, ReminderKind, Sale, SaleKind, SaleStatus
from .models.choices import Accessory, DepositState, PaymentMethod


class LoanError(DomainError):
    """A loan, sale or membership step that cannot be done; the message is shown as it is."""


# Journal actions on loans and sales (the device moves are journaled by inventory's actions).
RENEWED = "loan_renewed"
SIGNED = "loan_signed"
REMINDED = "loan_reminded"
JOINED = "membership_joined"
SALE_CANCELLED = "sale_cancelled"
ACTION_LABELS = {
    RENEWED: gettext_lazy("Loan renewed"),
    SIGNED: gettext_lazy("Contract signed"),
    REMINDED: gettext_lazy("Reminder sent"),
    JOINED: gettext_lazy("Membership recorded"),
    SALE_CANCELLED: gettext_lazy("Sale cancelled"),
}


# How the journal shows the details these services write.
JOURNAL_DETAILS = {
    "labels": {
        "loan": gettext_lazy("Loan"),
        "sale": gettext_lazy("Sale"),
        "due": gettext_lazy("Due date"),
        "price": gettext_lazy("Price (€ TTC)"),
        "kind": gettext_lazy("Kind"),
        "to": gettext_lazy("Sent to"),
        "missing": gettext_lazy("Missing"),
        "fee": gettext_lazy("Fee (€)"),
        "number": gettext_lazy("Number"),
    },
    "choices": {
        "kind": {**dict(ReminderKind.choices), **dict(DocumentKind.choices)},
        "missing": dict(Accessory.choices),
    },
    "hidden": ("document",),
}


def number(prefix: str, sequence: str, day: datetime.date) -> str:
    """PRET-2026-0001: gapless per year because it is taken inside the caller's transaction."""
    return f"{prefix}-{day.year}-{take_number(sequence, year=day.year):04d}"


def euros(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", ",")


# — Borrowers —


@dataclass(frozen=True)
class Borrower:
    """Who signs: filled at hand-over, needed for the contract and the reminders."""

    first_name: str
    last_name: str
    phone: str = ""
    email: str = ""
    address: str = ""


def _record_borrower(household: Household, borrower: Borrower) -> Household:
    household = Household.objects.select_for_update().get(pk=household.pk)
    for name in ("first_name", "last_name", "phone", "email", "address"):
        setattr(household, name, getattr(borrower, name).strip())
    household.save(update_fields=["first_name", "last_name", "phone", "email", "address"])
    return household


# — Loans —


@dataclass(frozen=True)
class Handover:
    starts_on: datetime.date
    due_on: datetime.date
    deposit_amount: Decimal = Decimal("0")
    deposit_method: str = PaymentMethod.NONE
    accessories: list = field(default_factory=list)
    condition: str = "good"
    condition_notes: str = ""
    option_to_buy: bool = False
    signature: str = ""  # a PNG data URL drawn on the tablet, or empty when signed on paper


def default_due_on(device: Device, starts_on: datetime.date) -> datetime.date:
    terms = getattr(device.category, "terms", None)
    return starts_on + datetime.timedelta(days=terms.loan_days if terms else 180)


def _active_allocation(device: Device) -> Allocation | None:
    return Allocation.objects.active().filter(device=device).select_related("request__household").first()


@transaction.atomic
def lend(
    *, device: Device, household: Household | None = None, borrower: Borrower, handover: Handover, actor: User
) -> Loan:
    """Hand a device over under a loan contract; a reserved device goes to its request's household."""
    device = lock(device)
    allocation = _active_allocation(device)
    if allocation is not None:
        household = allocation.request.household
    if household is None:
        raise LoanError(_("%(tag)s is not reserved: choose the household it is lent to.") % {"tag": device.asset_tag})
    if not borrower.first_name.strip() or not borrower.last_name.strip():
        raise LoanError(_("Borrower: the first and last names are needed for the contract."))
    if handover.due_on <= handover.starts_on:
        raise LoanError(_("Due date: it must come after the start date."))
    if handover.deposit_amount < 0:
        raise LoanError(_("Deposit: the amount cannot be negative."))
    if handover.deposit_amount > 0 and handover.deposit_method == PaymentMethod.NONE:
        raise LoanError(_("Deposit: say how it was paid."))
    late = Loan.objects.overdue().filter(household=household).first()
    if late is not None:
        raise LoanError(
            _("Household %(household)s has an overdue loan (%(loan)s, due %(date)s): settle it before a new loan.")
            % {"household": household.reference, "loan": late.number, "date": late.due_on.strftime("%d/%m/%Y")}
        )
    household = _record_borrower(household, borrower)
    option_price = pricing.option_price(device) if handover.option_to_buy else None
    loan = Loan.objects.create(
        number=number("PRET", "loan", handover.starts_on),
        device=device,
        household=household,
        request=allocation.request if allocation else None,
        site=device.site,
        starts_on=handover.starts_on,
        due_on=handover.due_on,
        deposit_amount=handover.deposit_amount,
        deposit_method=handover.deposit_method if handover.deposit_amount else PaymentMethod.NONE,
        deposit_state=DepositState.HELD if handover.deposit_amount else DepositState.NONE,
        accessories=list(handover.accessories),
        condition_out=handover.condition,
        condition_out_notes=handover.condition_notes,
        option_to_buy=handover.option_to_buy,
        option_price=option_price,
        contract_version=documents.CONTRACT_VERSION,
        signed_at=timezone.now() if handover.signature else None,
        signed_on_screen=bool(handover.signature),
        handed_over_by=actor,
    )
    apply(
        device=device, action=Action.LEND, actor=actor, subject=loan, details={"loan": loan.number, "due": loan.due_on}
    )
    if allocation is not None:
        partners.fulfil(device=device, actor=actor, details={"loan": loan.number})
    documents.issue_contract(loan, actor=actor, signature=handover.signature)
    return loan


def _lock_loan(loan: Loan) -> Loan:
    return Loan.objects.select_for_update(of=("self",)).select_related("household", "device").get(pk=loan.pk)


def _require_active(loan: Loan) -> None:
    if loan.status != LoanStatus.ACTIVE:
        raise LoanError(
            _("Loan %(number)s is « %(status)s »: it can no longer change.")
            % {"number": loan.number, "status": loan.get_status_display()}
        )


@transaction.atomic
def record_signature(*, loan: Loan, actor: User) -> Loan:
    """The contract printed at hand-over has been signed on paper."""
    loan = _lock_loan(loan)
    if loan.signed_at is not None:
        raise LoanError(_("The contract of %(number)s is already signed.") % {"number": loan.number})
    loan.signed_at = timezone.now()
    loan.save(update_fields=["signed_at"])
    journal(action=SIGNED, actor=actor, device=loan.device, subject=loan, details={"loan": loan.number})
    return loan


@transaction.atomic
def renew(*, loan: Loan, due_on: datetime.date, actor: User) -> Loan:
    loan = _lock_loan(loan)
    _require_active(loan)
    if due_on <= max(loan.due_on, timezone.localdate()):
        raise LoanError(_("New due date: it must come after the current one and after today."))
    previous = loan.due_on
    loan.due_on = due_on
    loan.renewals += 1
    loan.save(update_fields=["due_on", "renewals"])
    journal(
        action=RENEWED,
        actor=actor,
        device=loan.device,
        subject=loan,
        details={"loan": loan.number, "due": {"from": previous, "to": due_on}},
    )
    return loan


@dataclass(frozen=True)
class Return:
    condition: str
    accessories_returned: list
    deposit_kept: bool = False
    deposit_kept_reason: str = ""
    notes: str = ""
    signature: str = ""
    returned_on: datetime.date | None = None


@transaction.atomic
def take_back(*, loan: Loan, outcome: Return, actor: User) -> Loan:
    """The device comes back: checked, deposit settled, back to DIAGNOSED for a new erasure."""
    loan = _lock_loan(loan)
    _require_active(loan)
    if outcome.deposit_kept and not outcome.deposit_kept_reason.strip():
        raise LoanError(_("Deposit kept: say why; it is written on the return receipt."))
    if outcome.deposit_kept and loan.deposit_state != DepositState.HELD:
        raise LoanError(_("Deposit kept: no deposit was paid for this loan."))
    loan.status = LoanStatus.RETURNED
    loan.returned_on = outcome.returned_on or timezone.localdate()
    loan.condition_in = outcome.condition
    loan.condition_in_notes = outcome.notes.strip()
    loan.accessories_returned = list(outcome.accessories_returned)
    if loan.deposit_state == DepositState.HELD:
        loan.deposit_state = DepositState.KEPT if outcome.deposit_kept else DepositState.REFUNDED
        loan.deposit_kept_reason = outcome.deposit_kept_reason.strip() if outcome.deposit_kept else ""
    loan.taken_back_by = actor
    loan.ended_at = timezone.now()
    loan.save()
    missing = sorted(set(loan.accessories) - set(loan.accessories_returned))
    # TAKE_BACK starts a new cycle: the device must be erased again before it can leave again.
    apply(
        device=loan.device,
        action=Action.TAKE_BACK,
        actor=actor,
        subject=loan,
        details={"loan": loan.number, "reason": loan.condition_in_notes, "missing": missing},
    )
    documents.issue_return_receipt(loan, actor=actor, signature=outcome.signature)
    return loan


@transaction.atomic
def declare_lost(*, loan: Loan, note: str, actor: User) -> Loan:
    if not note.strip():
        raise LoanError(_("Say what happened (lost, stolen, police report…)."))
    loan = _lock_loan(loan)
    _require_active(loan)
    loan.status = LoanStatus.LOST
    loan.end_note = note.strip()
    loan.ended_at = timezone.now()
    if loan.deposit_state == DepositState.HELD:
        loan.deposit_state = DepositState.KEPT
        loan.deposit_kept_reason = note.strip()
    loan.save(update_fields=["status", "end_note", "ended_at", "deposit_state", "deposit_kept_reason"])
    apply(device=loan.device, action=Action.DECLARE_LOST, actor=actor, subject=loan, details={"reason": loan.end_note})
    return loan


def gift_date(loan: Loan) -> datetime.date:
    return add_months(loan.starts_on, settings.GIFT_AFTER_MONTHS)


@transaction.atomic
def give(*, loan: Loan, actor: User, today: datetime.date | None = None) -> Loan:
    """After GIFT_AFTER_MONTHS the household may keep the device for good."""
    loan = _lock_loan(loan)
    _require_active(loan)
    today = today or timezone.localdate()
    if today < gift_date(loan):
        raise LoanError(
            _("Loan %(number)s can become a gift from %(date)s.")
            % {"number": loan.number, "date": gift_date(loan).strftime("%d/%m/%Y")}
        )
    loan.status = LoanStatus.GIVEN
    loan.ended_at = timezone.now()
    if loan.deposit_state == DepositState.HELD:
        loan.deposit_state = DepositState.REFUNDED
    loan.save(update_fields=["status", "ended_at", "deposit_state"])
    apply(device=loan.device, action=Action.GIVE, actor=actor, subject=loan, details={"loan": loan.number})
    return loan


@transaction.atomic
def buy_out(*, loan: Loan, payment_method: str, actor: User, today: datetime.date | None = None) -> Sale:
    """The borrower takes up the contract's option to buy, at the price it states (within the cap)."""
    loan = _lock_loan(loan)
    _require_active(loan)
    if not loan.option_to_buy or loan.option_price is None:
        raise LoanError(_("The contract of %(number)s offers no option to buy.") % {"number": loan.number})
    if loan.option_price > 0 and payment_method == PaymentMethod.NONE:
        raise LoanError(_("Payment: say how it was paid."))
    device = lock(loan.device)
    today = today or timezone.localdate()
    cap = pricing.legal_cap(device)
    loan.status = LoanStatus.BOUGHT
    loan.ended_at = timezone.now()
    if loan.deposit_state == DepositState.HELD:
        loan.deposit_state = DepositState.REFUNDED
    loan.save(update_fields=["status", "ended_at", "deposit_state"])
    sale = Sale.objects.create(
        number=number("FAC", "invoice", today),
        device=device,
        household=loan.household,
        request=loan.request,
        loan=loan,
        site=loan.site,
        sold_on=today,
        price=loan.option_price,
        grid_price=pricing.grid_price(device),
        price_reason=_("Option to buy of loan %(number)s") % {"number": loan.number},
        legal_cap=cap.amount if cap else None,
        buyer_eligibility=_("Borrower referred under loan %(number)s") % {"number": loan.number} if cap else "",
        payment_method=payment_method if loan.option_price else PaymentMethod.NONE,
        warranty_until=add_months(today, settings.WARRANTY_MONTHS),
        sold_by=actor,
    )
    apply(
        device=device,
        action=Action.BUY_OUT,
        actor=actor,
        subject=sale,
        details={"loan": loan.number, "sale": sale.number, "price": sale.price},
    )
    documents.issue_invoice(sale, actor=actor)
    return sale


# — Reminders —

# kind -> days from the due date on which it is sent
SCHEDULE = {ReminderKind.BEFORE: -14, ReminderKind.DUE: 0, ReminderKind.AFTER: 7}


def due_reminder(loan: Loan, today: datetime.date) -> str | None:
    """The automatic reminder a loan needs today: the latest one reached and not yet sent for this due date."""
    reached = [kind for kind, offset in SCHEDULE.items() if today >= loan.due_on + datetime.timedelta(days=offset)]
    if not reached:
        return None
    kind = reached[-1]
    if today > loan.due_on + datetime.timedelta(days=SCHEDULE[kind] + 6):
        return None  # too late for this one to mean anything; the next one will come
    return kind


def _remind(loan: Loan, kind: str, actor: User | None) -> Reminder:
    from . import notifications

    recipients = notifications.reminder_recipients(loan)
    reminder = Reminder.objects.create(loan=loan, kind=kind, due_on=loan.due_on, recipients=recipients, sent_by=actor)
    journal(
        action=REMINDED,
        actor=actor,
        device=loan.device,
        subject=loan,
        details={"loan": loan.number, "kind": kind, "to": recipients},
    )
    transaction.on_commit(lambda: notifications.send_reminder(reminder.pk), robust=True)
    return reminder


def send_reminders(*, today: datetime.date | None = None) -> list[Reminder]:
    """Daily: each automatic reminder once per due date, recorded even when nobody has an e-mail."""
    today = today or timezone.localdate()
    sent = []
    horizon = today + datetime.timedelta(days=-SCHEDULE[ReminderKind.BEFORE])
    for loan in Loan.objects.active().filter(due_on__lte=horizon).order_by("due_on", "pk"):
        kind = due_reminder(loan, today)
        if kind is None:
            continue
        with transaction.atomic():
            loan = _lock_loan(loan)
            if loan.status != LoanStatus.ACTIVE or loan.reminders.filter(kind=kind, due_on=loan.due_on).exists():
                continue
            sent.append(_remind(loan, kind, actor=None))
    return sent


@transaction.atomic
def remind_now(*, loan: Loan, actor: User) -> Reminder:
    loan = _lock_loan(loan)
    _require_active(loan)
    return _remind(loan, ReminderKind.MANUAL, actor=actor)


# — Sales —


@dataclass(frozen=True)
class Buyer:
    """A household (referred or member) or an organisation (supply to an association)."""

    household: Household | None = None
    organisation_name: str = ""
    organisation_address: str = ""
    borrower: Borrower | None = None  # name and contact for the invoice


@dataclass(frozen=True)
class SaleTerms:
    price: Decimal
    payment_method: str
    price_reason: str = ""
    buyer_eligibility: str = ""  # what makes the buyer eligible, required for publicly donated devices
    sold_on: datetime.date | None = None
    kind: str = SaleKind.SALE


@transaction.atomic
def sell(*, device: Device, buyer: Buyer, terms: SaleTerms, actor: User) -> Sale:
    """Sell (or supply free) a READY or RESERVED device; numbered, invoiced and journaled in one go."""
    device = lock(device)
    if device.status not in (Status.READY, Status.RESERVED):
        raise LoanError(
            _("%(tag)s cannot be sold: it is « %(status)s ».")
            % {"tag": device.asset_tag, "status": device.get_status_display()}
        )
    allocation = _active_allocation(device)
    household = buyer.household
    if allocation is not None:
        if household is not None and household.pk != allocation.request.household_id:
            raise LoanError(
                _("%(tag)s is reserved for household %(reference)s.")
                % {"tag": device.asset_tag, "reference": allocation.request.household.reference}
            )
        if not buyer.organisation_name:
            household = allocation.request.household
    if household is None and not buyer.organisation_name.strip():
        raise LoanError(_("Buyer: choose a household or give the organisation's name."))
    sold_on = terms.sold_on or timezone.localdate()
    donation = terms.kind == SaleKind.DONATION
    price = Decimal("0") if donation else terms.price
    grid = pricing.grid_price(device)
    if price < 0:
        raise LoanError(_("Price: it cannot be negative."))
    if not donation and grid is not None and price != grid and not terms.price_reason.strip():
        raise LoanError(
            _("Price: the grid says %(grid)s €; give a reason to charge %(price)s €.")
            % {"grid": euros(grid), "price": euros(price)}
        )
    cap = pricing.legal_cap(device)
    if cap is not None:
        if price > cap.amount:
            raise LoanError(
                _("Price: %(tag)s was given by a public body; the law caps its price at %(cap)s € (%(label)s).")
                % {"tag": device.asset_tag, "cap": euros(cap.amount), "label": cap.label}
            )
        if not terms.buyer_eligibility.strip():
            raise LoanError(
                _(
                    "Buyer's eligibility: %(tag)s was given by a public body; it may only go to a person in "
                    "precarity or to an association serving them. Say what makes the buyer eligible."
                )
                % {"tag": device.asset_tag}
            )
    members_only = settings.SALE_REQUIRES_MEMBERSHIP and not donation
    if (
        household is not None
        and members_only
        and not Membership.objects.filter(household=household).valid_on(sold_on).exists()
    ):
        raise LoanError(
            _("Household %(reference)s has no valid membership: record one first.") % {"reference": household.reference}
        )
    if household is not None and buyer.borrower is not None:
        household = _record_borrower(household, buyer.borrower)
    if terms.payment_method == PaymentMethod.NONE and price > 0:
        raise LoanError(_("Payment: say how it was paid."))
    sale = Sale.objects.create(
        number=number("CES" if donation else "FAC", "supply" if donation else "invoice", sold_on),
        kind=terms.kind,
        device=device,
        household=household,
        organisation_name=buyer.organisation_name.strip(),
        organisation_address=buyer.organisation_address.strip(),
        request=allocation.request if allocation else None,
        site=device.site,
        sold_on=sold_on,
        price=price,
        grid_price=grid,
        price_reason=terms.price_reason.strip(),
        legal_cap=cap.amount if cap else None,
        buyer_eligibility=terms.buyer_eligibility.strip(),
        payment_method=terms.payment_method if price else PaymentMethod.NONE,
        warranty_until=add_months(sold_on, settings.WARRANTY_MONTHS),
        sold_by=actor,
    )
    if allocation is not None and sale.organisation_name:
        partners.release(
            allocation=allocation, actor=actor, reason=_("Supplied to %(name)s") % {"name": sale.organisation_name}
        )
        device = lock(device)
    apply(
        device=device,
        action=Action.DONATE if donation else Action.SELL,
        actor=actor,
        subject=sale,
        details={"sale": sale.number, "price": price},
    )
    if allocation is not None and not sale.organisation_name:
        partners.fulfil(device=device, actor=actor, details={"sale": sale.number})
    documents.issue_invoice(sale, actor=actor)
    return sale


@transaction.atomic
def warranty_return(*, sale: Sale, reason: str, actor: User, today: datetime.date | None = None) -> Sale:
    """A sold device comes back under warranty: to DIAGNOSED, a new cycle of checks."""
    if not reason.strip():
        raise LoanError(_("Say what is wrong with the device."))
    sale = Sale.objects.select_for_update(of=("self",)).select_related("device").get(pk=sale.pk)
    today = today or timezone.localdate()
    if sale.status == SaleStatus.CANCELLED:
        raise LoanError(_("%(number)s was cancelled: there is no warranty left.") % {"number": sale.number})
    if sale.status != SaleStatus.DONE:
        raise LoanError(_("%(number)s was already returned under warranty.") % {"number": sale.number})
    if sale.warranty_until is None or today > sale.warranty_until:
        raise LoanError(
            _("The warranty of %(number)s ended on %(date)s.")
            % {"number": sale.number, "date": sale.warranty_until.strftime("%d/%m/%Y") if sale.warranty_until else "—"}
        )
    sale.status = SaleStatus.WARRANTY_RETURNED
    sale.save(update_fields=["status"])
    apply(
        device=sale.device, action=Action.WARRANTY_RETURN, actor=actor, subject=sale, details={"reason": reason.strip()}
    )
    return sale


@dataclass(frozen=True)
class Cancellation:
    reason: str
    device_returned: bool  # the buyer brought it back (checked and erased again) or it never left
    refund_method: str = PaymentMethod.NONE


@transaction.atomic
def cancel_sale(*, sale: Sale, cancellation: Cancellation, actor: User, today: datetime.date | None = None) -> Sale:
    """Cancel a sale or free supply: a numbered credit note refunds the price, the device comes back.

    The invoice is never changed (it was issued); a request the sale fulfilled goes back to the
    waiting list. A sale already returned under warranty can still be refunded: its device is
    back already.
    """
    reason = cancellation.reason.strip()
    if not reason:
        raise LoanError(_("Reason: say why the sale is cancelled; it is printed on the credit note."))
    sale = Sale.objects.select_for_update(of=("self",)).select_related("device", "request", "loan").get(pk=sale.pk)
    if sale.status == SaleStatus.CANCELLED:
        raise LoanError(
            _("%(number)s was already cancelled by credit note %(note)s.")
            % {"number": sale.number, "note": sale.credit_note_number or "—"}
        )
    refund = sale.price > 0
    if refund and cancellation.refund_method == PaymentMethod.NONE:
        raise LoanError(_("Refund: say how the %(price)s € are paid back.") % {"price": euros(sale.price)})
    today = today or timezone.localdate()
    device_moves = sale.status == SaleStatus.DONE
    if device_moves and sale.loan_id and not cancellation.device_returned:
        raise LoanError(
            _(
                "%(number)s is the purchase of the device lent under %(loan)s: it is with its borrower. "
                "Cancel once they bring it back."
            )
            % {"number": sale.number, "loan": sale.loan.number}
        )
    sale.status = SaleStatus.CANCELLED
    sale.credit_note_number = number("AV", "credit_note", today) if refund else ""
    sale.refund_method = cancellation.refund_method if refund else ""
    sale.cancel_reason = reason
    sale.cancelled_at = timezone.now()
    sale.cancelled_by = actor
    sale.save(
        update_fields=[
            "status",
            "credit_note_number",
            "refund_method",
            "cancel_reason",
            "cancelled_at",
            "cancelled_by",
        ]
    )
    details = {"sale": sale.number, "number": sale.credit_note_number, "reason": reason}
    if device_moves:
        action = Action.SALE_RETURN if cancellation.device_returned else Action.CANCEL_SALE
        apply(device=sale.device, action=action, actor=actor, subject=sale, details=details)
    else:
        journal(action=SALE_CANCELLED, actor=actor, device=sale.device, subject=sale, details=details)
    # A bought-out loan had fulfilled the request at hand-over: its household is not waiting again.
    if sale.request_id and not sale.loan_id and sale.request.status == RequestStatus.FULFILLED:
        partners.reopen_request(
            request=sale.request, actor=actor, reason=_("Sale %(number)s cancelled") % {"number": sale.number}
        )
    if refund:
        documents.issue_credit_note(sale, actor=actor)
    return sale


# — Memberships —


@transaction.atomic
def join(
    *,
    household: Household | None = None,
    organisation_name: str = "",
    fee: Decimal,
    payment_method: str,
    actor: User,
    starts_on: datetime.date | None = None,
) -> Membership:
    """A household (or an organisation) joins for a year; the receipt is numbered and stored."""
    if household is None and not organisation_name.strip():
        raise LoanError(_("Member: choose a household or give the organisation's name."))
    if fee < 0:
        raise LoanError(_("Fee: it cannot be negative."))
    if fee > 0 and payment_method == PaymentMethod.NONE:
        raise LoanError(_("Payment: say how it was paid."))
    starts_on = starts_on or timezone.localdate()
    current = Membership.objects.filter(household=household).valid_on(starts_on) if household else None
    if current is not None and current.exists():
        raise LoanError(
            _("Household %(reference)s is already a member until %(date)s.")
            % {"reference": household.reference, "date": current.first().ends_on.strftime("%d/%m/%Y")}
        )
    membership = Membership.objects.create(
        number=number("ADH", "membership", starts_on),
        household=household,
        organisation_name=organisation_name.strip(),
        starts_on=starts_on,
        ends_on=add_months(starts_on, 12) - datetime.timedelta(days=1),
        fee=fee,
        payment_method=payment_method if fee else PaymentMethod.NONE,
        recorded_by=actor,
    )
    journal(action=JOINED, actor=actor, subject=membership, details={"number": membership.number, "fee": fee})
    documents.issue_membership_receipt(membership, actor=actor)
    return membership


@dataclass(frozen=True)
class Newcomer:
    """A household that comes to the workshop directly, with no partner: seen by staff only."""

    reference: str
    commune: object
    size: int
    age_bracket: str
    borrower: Borrower


@transaction.atomic
def join_walk_in(*, newcomer: Newcomer, fee: Decimal, payment_method: str, actor: User) -> Membership:
    """Register a walk-in household and its membership together: both or neither."""
    reference = newcomer.reference.strip() or f"DIRECT-{take_number('walk-in'):05d}"
    household = Household.objects.create(
        organisation=None,
        reference=reference,
        commune=newcomer.commune,
        size=newcomer.size,
        age_bracket=newcomer.age_bracket,
        created_by=actor,
    )
    _record_borrower(household, newcomer.borrower)
    return join(household=household, fee=fee, payment_method=payment_method, actor=actor)
