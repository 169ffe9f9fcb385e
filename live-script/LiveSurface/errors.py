"""The typed errors a request can end with (the codes of protocol/src/common.ts)."""


class RequestError(Exception):
    """Ends a request with a typed error; travels to the client, never silenced."""

    def __init__(self, code, message):
        Exception.__init__(self, message)
        self.code = code
        self.message = message

    def to_wire(self):
        return {"code": self.code, "message": self.message}


def bad_request(message):
    return RequestError("bad_request", message)


def not_found(message):
    return RequestError("not_found", message)


def forbidden(message):
    return RequestError("forbidden", message)


def gone(message):
    return RequestError("gone", message)


def live_error(message):
    return RequestError("live_error", message)
