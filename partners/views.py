from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from workshop.roles import PARTENAIRE, role_required


@role_required(PARTENAIRE)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "partners/home.html")
