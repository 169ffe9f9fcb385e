"""Live.Base: Timer, the vectors, log."""
from . import _lom


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
        _lom.HOST.check_thread()
        self._running = True
        if _lom.HOST.scheduler is not None:
            _lom.HOST.scheduler.schedule_timer(self)

    def stop(self):
        _lom.HOST.check_thread()
        self._running = False
        if _lom.HOST.scheduler is not None:
            _lom.HOST.scheduler.cancel_timer(self)

    def restart(self):
        self.stop()
        self.start()


_lom.set_class_name(Timer, "Base")


Vector = _lom.Vector
FloatVector = _lom.FloatVector
IntVector = _lom.IntVector
StringVector = _lom.StringVector
ObjectVector = _lom.ObjectVector
from ._notes import IntU64Vector  # noqa: E402  (one class, shared with Clip)


def log(message):
    """Writes to Live's log."""
    if _lom.HOST.log is not None:
        _lom.HOST.log(str(message))


# what Live.Base offers (IntU64Vector comes from _notes)
__all__ = ["LimitationError", "Timer", "Vector", "FloatVector", "IntVector", "StringVector", "ObjectVector", "IntU64Vector", "log"]
