"""Steps that several browser tests take."""

from playwright.sync_api import Page


def log_in(page: Page, live_server, username: str, password: str = "pw") -> None:
    page.goto(f"{live_server.url}/connexion/")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Se déconnecter").click()
