from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

admin.site.site_header = _("Seconde Vie — administration")
admin.site.site_title = _("Seconde Vie")

urlpatterns = [
    path("connexion/", auth_views.LoginView.as_view(), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    # Anyone may choose the language, even before logging in.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("", include("workshop.urls")),
    path("", include("inventory.urls")),
    path("documents/", include("documents.urls")),
    path("", include("partners.urls")),
    path("", include("loans.urls")),
]
