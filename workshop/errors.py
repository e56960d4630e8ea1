"""The one kind of error every screen shows as it is: a domain rule said no, in the user's words."""


class DomainError(Exception):
    """Raised by a service when a step is not allowed; `message` is translated, for the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message
