"""Live.Base: Timer, the vectors, log."""
from ._lom import HOST, set_class_name


class LimitationError(Exception):
    pass


LimitationError.__module__ = "Live.Base"


class Timer(object):
    """Calls `callback` after `interval` ms on Live's main thread, every interval if `repeat`.
    An error in the callback stops the timer."""

    def __init__(self, callback, interval, repeat=False, start=False):
        if not callable(callback) or not isinstance(interval, int) or isinstance(interval, bool):
            raise TypeError("Timer(callback, int interval [, bool repeat [, bool start]])")
        self._callback = callback
        self._interval = interval
        self._repeat = bool(repeat)
        self._running = False
        if start:
            self.start()

    @property
    def running(self):
        return self._running

    def start(self):
        HOST.check_thread()
        self._running = True
        if HOST.scheduler is not None:
            HOST.scheduler.schedule_timer(self)

    def stop(self):
        HOST.check_thread()
        self._running = False
        if HOST.scheduler is not None:
            HOST.scheduler.cancel_timer(self)

    def restart(self):
        self.stop()
        self.start()


set_class_name(Timer, "Base")


def _vector(name):
    cls = type(name, (list,), {})
    return set_class_name(cls, "Base")


Vector = _vector("Vector")
FloatVector = _vector("FloatVector")
IntVector = _vector("IntVector")
StringVector = _vector("StringVector")
ObjectVector = _vector("ObjectVector")
from ._notes import IntU64Vector  # noqa: E402  (one class, shared with Clip)


def log(message):
    """Writes to Live's log."""
    if HOST.log is not None:
        HOST.log(str(message))
