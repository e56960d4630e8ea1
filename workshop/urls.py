from django.urls import path

from . import views

app_name = "workshop"

urlpatterns = [
    path("site/", views.switch_site, name="switch_site"),
]
