import datetime
from decimal import Decimal

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.forms import CommuneField
from partners.models import Household
from partners.models.households import AgeBracket

from . import pricing, services
from .models import SaleKind, SaleStatus
from .models.choices import Accessory, Condition, PaymentMethod

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY = {"max_digits": 7, "decimal_places": 2, "min_value": Decimal("0")}


class SignatureField(forms.CharField):
    """A PNG drawn on the screen (static/js/signature.js fills the hidden input); empty when signed on paper."""

    widget = forms.HiddenInput(attrs={"data-signature": "1"})

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=400_000, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not value.startswith("data:image/png;base64,"):
            raise forms.ValidationError(_("The signature could not be read; please sign again."))
        return value


class BorrowerForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    address = forms.CharField(label=_("Address"), max_length=250, required=False)

    def borrower(self) -> services.Borrower:
        d = self.cleaned_data
        return services.Borrower(d["first_name"], d["last_name"], d["phone"], d["email"], d["address"])


class HandoverForm(BorrowerForm):
    starts_on = forms.DateField(label=_("Start date"), widget=DATE)
    due_on = forms.DateField(label=_("Due date"), widget=DATE)
    deposit_amount = forms.DecimalField(label=_("Deposit (€)"), **MONEY)
    deposit_method = forms.ChoiceField(label=_("Deposit paid by"), choices=PaymentMethod.choices)
    accessories = forms.MultipleChoiceField(
        label=_("Accessories handed over"),
        choices=Accessory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    condition = forms.ChoiceField(label=_("Condition at hand-over"), choices=Condition.choices)
    condition_notes = forms.CharField(label=_("Marks, scratches, remarks"), max_length=300, required=False)
    option_to_buy = forms.BooleanField(label=_("Offer an option to buy within the same price cap"), required=False)
    signature = SignatureField(label=_("Borrower's signature"))

    def __init__(self, *args, device, household=None, **kwargs):
        today = timezone.localdate()
        terms = getattr(device.category, "terms", None)
        initial = {
            "starts_on": today,
            "due_on": services.default_due_on(device, today),
            "deposit_amount": terms.deposit if terms else Decimal("0"),
            "deposit_method": PaymentMethod.CASH if terms and terms.deposit else PaymentMethod.NONE,
            "accessories": ["charger"] if device.category.kind in ("laptop", "tablet", "smartphone") else [],
            "condition": Condition.GOOD,
        }
        if household is not None:
            initial.update(
                {name: getattr(household, name) for name in ("first_name", "last_name", "phone", "email", "address")}
            )
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)

    def handover(self) -> services.Handover:
        d = self.cleaned_data
        return services.Handover(
            starts_on=d["starts_on"],
            due_on=d["due_on"],
            deposit_amount=d["deposit_amount"],
            deposit_method=d["deposit_method"],
            accessories=d["accessories"],
            condition=d["condition"],
            condition_notes=d["condition_notes"],
            option_to_buy=d["option_to_buy"],
            signature=d["signature"],
        )


class ReturnForm(forms.Form):
    returned_on = forms.DateField(label=_("Returned on"), widget=DATE)
    condition = forms.ChoiceField(label=_("Condition at return"), choices=Condition.choices)
    accessories_returned = forms.MultipleChoiceField(
        label=_("Accessories returned"), choices=Accessory.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    deposit = forms.ChoiceField(
        label=_("Deposit"),
        choices=[("refund", _("Refunded")), ("keep", _("Kept"))],
        widget=forms.RadioSelect,
        initial="refund",
    )
    deposit_kept_reason = forms.CharField(label=_("Why the deposit is kept"), max_length=300, required=False)
    notes = forms.CharField(label=_("Marks, scratches, remarks"), max_length=300, required=False)
    signature = SignatureField(label=_("Borrower's signature"))

    def __init__(self, *args, loan, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "returned_on": timezone.localdate(),
                "accessories_returned": loan.accessories,
                "condition": Condition.GOOD,
            },
        )
        super().__init__(*args, **kwargs)
        if not loan.deposit_amount:
            del self.fields["deposit"], self.fields["deposit_kept_reason"]

    def clean_returned_on(self):
        day = self.cleaned_data["returned_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The return date cannot be in the future."))
        return day

    def outcome(self) -> services.Return:
        d = self.cleaned_data
        return services.Return(
            condition=d["condition"],
            accessories_returned=d["accessories_returned"],
            deposit_kept=d.get("deposit") == "keep",
            deposit_kept_reason=d.get("deposit_kept_reason", ""),
            notes=d["notes"],
            signature=d["signature"],
            returned_on=d["returned_on"],
        )


class RenewForm(forms.Form):
    due_on = forms.DateField(label=_("New due date"), widget=DATE)

    def __init__(self, *args, loan, **kwargs):
        start = max(loan.due_on, timezone.localdate())
        kwargs.setdefault("initial", {"due_on": start + datetime.timedelta(days=settings.LOAN_RENEWAL_DAYS)})
        super().__init__(*args, **kwargs)


class BuyOutForm(forms.Form):
    payment_method = forms.ChoiceField(label=_("Paid by"), choices=PaymentMethod.choices, initial=PaymentMethod.CASH)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("What happened"), max_length=300)


class LoanFilterForm(forms.Form):
    TABS = {
        "active": _("Loans running"),
        "due_soon": _("Due within 14 days"),
        "overdue": _("Overdue"),
        "returned": _("Returned loans"),
        "lost": _("Lost or stolen"),
        "given": _("Gifts"),
    }
    q = forms.CharField(label=_("Household, name or tag"), required=False)


class SaleFilterForm(forms.Form):
    q = forms.CharField(label=_("Number, tag, household or organisation"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All"))] + SaleKind.choices, required=False)
    payment_method = forms.ChoiceField(
        label=_("Paid by"), choices=[("", _("All"))] + PaymentMethod.choices, required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All"))] + SaleStatus.choices, required=False)
    sold_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    sold_to = forms.DateField(label=_("To"), required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("sold_from") and data.get("sold_to") and data["sold_from"] > data["sold_to"]:
            self.add_error("sold_to", _("The end of the period comes before its start."))
        return data

    def filter(self, sales):
        """`sales` narrowed by the valid filters (an invalid form filters nothing)."""
        if not self.is_valid():
            return sales
        data = self.cleaned_data
        if q := data["q"].strip():
            sales = sales.filter(
                Q(number__iexact=q)
                | Q(device__asset_tag__iexact=q)
                | Q(household__reference__icontains=q)
                | Q(household__last_name__icontains=q)
                | Q(organisation_name__icontains=q)
            )
        for field in ("kind", "payment_method", "status"):
            if data[field]:
                sales = sales.filter(**{field: data[field]})
        if data["sold_from"]:
            sales = sales.filter(sold_on__gte=data["sold_from"])
        if data["sold_to"]:
            sales = sales.filter(sold_on__lte=data["sold_to"])
        return sales


BUYER_KINDS = [("household", _("A household")), ("organisation", _("An organisation"))]


class SaleForm(BorrowerForm):
    """Sale or free supply; buyer is the reserved household, a chosen household, or an organisation."""

    kind = forms.ChoiceField(label=_("Kind"), choices=SaleKind.choices, widget=forms.RadioSelect, initial=SaleKind.SALE)
    buyer_kind = forms.ChoiceField(label=_("Buyer"), choices=BUYER_KINDS, widget=forms.RadioSelect, initial="household")
    household = forms.ModelChoiceField(label=_("Household"), queryset=Household.objects.none(), required=False)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    organisation_address = forms.CharField(label=_("Organisation's address"), max_length=250, required=False)
    price = forms.DecimalField(label=_("Price (€ TTC)"), **MONEY)
    price_reason = forms.CharField(label=_("Why another price than the grid"), max_length=300, required=False)
    payment_method = forms.ChoiceField(label=_("Paid by"), choices=PaymentMethod.choices, initial=PaymentMethod.CASH)
    buyer_eligibility = forms.CharField(
        label=_("What makes the buyer eligible"),
        max_length=300,
        required=False,
        help_text=_("Required for a device given by a public body: e.g. « RSA, attested by CCAS de Lorient »."),
    )

    def __init__(self, *args, device, reserved_for=None, **kwargs):
        grid = pricing.grid_price(device)
        initial = {"price": grid if grid is not None else Decimal("0")}
        if reserved_for is not None:
            initial.update(
                {name: getattr(reserved_for, name) for name in ("first_name", "last_name", "phone", "email", "address")}
            )
            initial["household"] = reserved_for.pk
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = (
            Household.objects.filter(pk=reserved_for.pk)
            if reserved_for
            else (Household.objects.filter(anonymised_at__isnull=True).order_by("reference"))
        )
        self.fields["household"].label_from_instance = lambda h: f"{h.reference} {h.full_name}".strip()
        for name in ("first_name", "last_name"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        if data.get("buyer_kind") == "household":
            if not data.get("household"):
                self.add_error("household", _("Choose the household."))
            for name in ("first_name", "last_name"):
                if not data.get(name, "").strip():
                    self.add_error(name, _("Needed on the invoice."))
        elif not data.get("organisation_name", "").strip():
            self.add_error("organisation_name", _("Give the organisation's name."))
        return data

    def buyer(self) -> services.Buyer:
        d = self.cleaned_data
        if d["buyer_kind"] == "organisation":
            return services.Buyer(
                organisation_name=d["organisation_name"], organisation_address=d["organisation_address"]
            )
        return services.Buyer(household=d["household"], borrower=self.borrower())

    def terms(self) -> services.SaleTerms:
        d = self.cleaned_data
        return services.SaleTerms(
            price=d["price"],
            payment_method=d["payment_method"],
            price_reason=d["price_reason"],
            buyer_eligibility=d["buyer_eligibility"],
            kind=d["kind"],
        )


class WarrantyForm(forms.Form):
    reason = forms.CharField(label=_("What is wrong"), max_length=300)


class CancelSaleForm(forms.Form):
    WHERE = [
        ("here", _("It never left the workshop: back on sale as it is")),
        ("returned", _("The buyer brought it back: it is checked and erased again")),
    ]
    reason = forms.CharField(label=_("Why the sale is cancelled"), max_length=300)
    device = forms.ChoiceField(label=_("The device"), choices=WHERE, widget=forms.RadioSelect, initial="here")
    refund_method = forms.ChoiceField(
        label=_("Refunded by"),
        choices=[c for c in PaymentMethod.choices if c[0] != PaymentMethod.NONE],
        required=False,
        help_text=_("For a sale that was paid; a credit note is issued."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "cancel_%s")  # shown next to the warranty form, which has a reason too
        super().__init__(*args, **kwargs)

    def cancellation(self) -> services.Cancellation:
        data = self.cleaned_data
        return services.Cancellation(
            reason=data["reason"],
            device_returned=data["device"] == "returned",
            refund_method=data["refund_method"] or PaymentMethod.NONE,
        )


class MembershipForm(forms.Form):
    member_kind = forms.ChoiceField(
        label=_("Member"), choices=BUYER_KINDS, widget=forms.RadioSelect, initial="household"
    )
    household = forms.ModelChoiceField(
        label=_("Existing household"), queryset=Household.objects.filter(anonymised_at__isnull=True), required=False
    )
    reference = forms.CharField(label=_("Or a new household: reference"), max_length=50, required=False)
    commune = CommuneField(label=_("Commune"), required=False)
    size = forms.IntegerField(label=_("People in the household"), min_value=1, max_value=20, initial=1, required=False)
    age_bracket = forms.ChoiceField(label=_("Age of the person"), choices=AgeBracket.choices, required=False)
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    fee = forms.DecimalField(label=_("Fee (€)"), **MONEY)
    payment_method = forms.ChoiceField(label=_("Paid by"), choices=PaymentMethod.choices, initial=PaymentMethod.CASH)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"fee": Decimal(settings.MEMBERSHIP_FEE)})
        super().__init__(*args, **kwargs)
        self.fields["household"].label_from_instance = lambda h: f"{h.reference} {h.full_name}".strip()

    def clean(self):
        data = super().clean()
        if data.get("member_kind") == "organisation":
            if not data.get("organisation_name", "").strip():
                self.add_error("organisation_name", _("Give the organisation's name."))
        elif not data.get("household"):
            for name in ("commune", "first_name", "last_name"):
                if not data.get(name):
                    self.add_error(name, _("Needed for a new household."))
        return data
