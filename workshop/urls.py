from django.urls import path

from . import views

app_name = "workshop"

urlpatterns = [
    path("", views.home, name="home"),
    path("site/", views.switch_site, name="switch_site"),
]
