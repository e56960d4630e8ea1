import re

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inventory.models import Device
from workshop.models import Commune

from . import services
from .models import DeviceRequest, Household, PartnerOrganisation
from .models.requests import Need, RequestStatus

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LABELLED_COMMUNE = re.compile(r"^(?P<name>.+?)\s*\((?P<code>\d[\dAB]{1,4})\)$")


def find_communes(text: str):
    """Communes matching what a person types: « Lorient (56100) », a postal or INSEE code, or a name."""
    text = " ".join(text.split())
    if not text:
        return Commune.objects.none()
    if match := LABELLED_COMMUNE.match(text):
        name, code = match["name"], match["code"]
        return Commune.objects.filter(Q(name__iexact=name), Q(postal_codes__contains=code) | Q(department=code))
    if re.fullmatch(r"\d[\dAB]\d{3}", text):
        return Commune.objects.filter(Q(insee_code=text) | Q(postal_codes__contains=text))
    exact = Commune.objects.filter(name__iexact=text)
    return exact if exact.exists() else Commune.objects.filter(name__istartswith=text)


class CommuneField(forms.CharField):
    """A text box with suggestions (htmx fills its datalist); resolves to one commune or says why not."""

    def __init__(self, **kwargs):
        attrs = {
            "list": "communes",
            "autocomplete": "off",
            "hx-get": reverse_lazy("partners:communes"),
            "hx-trigger": "input changed delay:250ms",
            "hx-target": "#communes",
        }
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return str(Commune.objects.filter(pk=value).first() or "")
        return super().prepare_value(value)

    def clean(self, value):
        text = super().clean(value)
        matches = list(find_communes(text)[:2])
        if not matches:
            raise forms.ValidationError(_("No commune matches « %(text)s »."), params={"text": text})
        if len(matches) > 1:
            raise forms.ValidationError(
                _("Several communes match « %(text)s »: choose one in the list (name and postal code)."),
                params={"text": text},
            )
        return matches[0]


class RequestForm(forms.Form):
    """What a partner fills for a household: no name, no document, no health data."""

    reference = forms.CharField(
        label=_("Household reference"),
        max_length=50,
        help_text=_("Your own reference for the household (file number, initials…). No name is needed."),
    )
    commune = CommuneField(label=_("Commune"), help_text=_("Type the name or the postal code, then choose."))
    size = forms.IntegerField(label=_("People in the household"), min_value=1, max_value=20, initial=1)
    age_bracket = forms.ChoiceField(
        label=_("Age of the person"), choices=Household._meta.get_field("age_bracket").choices
    )
    need = forms.ChoiceField(label=_("Device needed"), choices=Need.choices)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=DeviceRequest._meta.get_field("purpose").choices)
    eligibility = forms.ChoiceField(
        label=_("Eligibility ground"),
        choices=DeviceRequest._meta.get_field("eligibility").choices,
        widget=forms.RadioSelect,
        help_text=_("As you attest it. Never give a ground that reveals health or disability."),
    )
    eligibility_justification = forms.CharField(
        label=_("Justification"), max_length=300, required=False, help_text=_("Required when the ground is « Other ».")
    )
    attested_by = forms.CharField(label=_("Attested by"), max_length=150)
    attested_on = forms.DateField(label=_("Attested on"), widget=DATE)
    eligibility_expires_on = forms.DateField(
        label=_("Eligibility valid until"),
        widget=DATE,
        required=False,
        help_text=_("Leave empty for 6 months after the attestation."),
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=DeviceRequest._meta.get_field("urgency").choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note for the workshop"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Practical information only (availability, preferred size…). No health information."),
    )
    household_informed = forms.BooleanField(
        label=_("I have told the household what is kept about them, why and for how long (notice below)."),
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "attested_by": user.get_full_name() or user.username,
                "attested_on": timezone.localdate(),
                "urgency": "normal",
            },
        )
        super().__init__(*args, **kwargs)

    GROUPS = (
        (_("The household"), ("reference", "commune", "size", "age_bracket")),
        (_("The need"), ("need", "purpose", "urgency", "note")),
        (
            _("Eligibility"),
            ("eligibility", "eligibility_justification", "attested_by", "attested_on", "eligibility_expires_on"),
        ),
    )

    def groups(self):
        """The fields in the order a social worker thinks of them, one fieldset each."""
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]

    def clean(self):
        data = super().clean()
        if data.get("eligibility") == "other" and not data.get("eligibility_justification", "").strip():
            self.add_error(
                "eligibility_justification", _("Say why the household is eligible when the ground is « Other ».")
            )
        attested_on = data.get("attested_on")
        if attested_on and attested_on > timezone.localdate():
            self.add_error("attested_on", _("The attestation date cannot be in the future."))
        if attested_on and not data.get("eligibility_expires_on"):
            data["eligibility_expires_on"] = services.default_expiry(attested_on)
        expires = data.get("eligibility_expires_on")
        if attested_on and expires and expires <= attested_on:
            self.add_error("eligibility_expires_on", _("The date must come after the attestation date."))
        return data

    def household_data(self) -> services.HouseholdData:
        d = self.cleaned_data
        return services.HouseholdData(d["reference"], d["commune"], d["size"], d["age_bracket"])

    def request_data(self) -> services.RequestData:
        d = self.cleaned_data
        return services.RequestData(
            need=d["need"],
            purpose=d["purpose"],
            eligibility=d["eligibility"],
            eligibility_justification=d["eligibility_justification"].strip(),
            attested_by=d["attested_by"],
            attested_on=d["attested_on"],
            eligibility_expires_on=d["eligibility_expires_on"],
            urgency=d["urgency"],
            note=d["note"],
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class AllocateForm(forms.Form):
    device = forms.ModelChoiceField(label=_("Device"), queryset=Device.objects.none(), widget=forms.RadioSelect)
    until = forms.DateField(label=_("Reserved until"), widget=DATE)

    def __init__(self, *args, suggestions, **kwargs):
        kwargs.setdefault("initial", {"until": services.default_reservation_end()})
        super().__init__(*args, **kwargs)
        self.fields["device"].queryset = suggestions
        self.fields["device"].label_from_instance = describe_device


def describe_device(device: Device) -> str:
    """What a manager weighs when choosing: model, grade, memory, battery, where it is."""
    parts = [f"{device.asset_tag} — {device.name}"]
    if device.grade:
        parts.append(_("grade %(grade)s") % {"grade": device.grade})
    if device.ram_gb:
        parts.append(_("%(ram)s GB RAM") % {"ram": f"{device.ram_gb:g}"})
    if device.battery_health_pct is not None:
        parts.append(_("battery %(pct)s %%") % {"pct": device.battery_health_pct})
    parts.append(str(device.site))
    return ", ".join(parts)


class UntilForm(forms.Form):
    until = forms.DateField(label=_("Reserved until"), widget=DATE)


class PartnerFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All"))] + RequestStatus.choices)
    q = forms.CharField(label=_("Household reference"), required=False)


class QueueFilterForm(forms.Form):
    need = forms.ChoiceField(label=_("Device needed"), required=False, choices=[("", _("All"))] + Need.choices)
    organisation = forms.ModelChoiceField(
        label=_("Partner"), required=False, queryset=PartnerOrganisation.objects.all(), empty_label=_("All")
    )
    q = forms.CharField(label=_("Household reference"), required=False)
