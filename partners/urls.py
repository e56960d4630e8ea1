from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("partenaires/", views.home, name="home"),
    path("partenaires/demandes/nouvelle/", views.request_create, name="request_create"),
    path("partenaires/demandes/<int:pk>/", views.request_detail, name="request_detail"),
    path("partenaires/demandes/<int:pk>/annuler/", views.request_cancel, name="request_cancel"),
    path("partenaires/demandes/<int:pk>/<slug:action>/", views.decide, name="decide"),
    path("partenaires/foyers/<int:pk>/", views.household_detail, name="household_detail"),
    path("partenaires/communes/", views.communes, name="communes"),
    path("partenaires/donnees-personnelles/", views.privacy, name="privacy"),
    path("demandes/", views.queue, name="queue"),
    path("reservations/", views.reservations, name="reservations"),
]
