"""Tasks as ableton.v2 scripts use them (simulator).

A task is updated with the time since its last update (seconds) until it is
done (killed). A control surface's `_tasks` group is updated on every
`update_display`, about every 100 ms, with the time the host says went by
(so `wait(0.3)` ends on the third tick after it starts, `delay(n)` on the
n-th). Factories: `run(f, *args)` calls once; `wait(seconds)`; `delay(ticks)`;
`sequence(*tasks)` one after another; `parallel(*tasks)` together;
`loop(*tasks)` / `repeat(task)` for ever; `FuncTask(f)` calls `f(delta)`
until it returns something other than None or `RUNNING`.
"""
RUNNING = 0
KILLED = 1


class TaskError(Exception):
    pass


class Task(object):
    def __init__(self, *a, **k):
        super(Task, self).__init__(*a, **k)
        self._state = RUNNING
        self._paused = False

    @property
    def state(self):
        return self._state

    @property
    def is_running(self):
        return self._state == RUNNING and not self._paused

    @property
    def is_killed(self):
        return self._state == KILLED

    @property
    def is_paused(self):
        return self._paused

    def pause(self):
        self._paused = True
        return self

    def resume(self):
        self._paused = False
        return self

    def toggle_pause(self):
        self._paused = not self._paused
        return self

    def kill(self):
        self._state = KILLED
        return self

    def restart(self):
        self._state = RUNNING
        self._paused = False
        self._do_restart()
        return self

    def _do_restart(self):
        pass

    def update(self, delta):
        if self._state == RUNNING and not self._paused:
            if self.do_update(delta) is not RUNNING:
                self._state = KILLED
        return self._state

    def do_update(self, delta):
        return KILLED

    def clear(self):
        pass


class FuncTask(Task):
    def __init__(self, func=None, equivalent=None, *a, **k):
        super(FuncTask, self).__init__(*a, **k)
        self._func = func
        self.equivalent = equivalent

    def do_update(self, delta):
        result = self._func(delta)
        return RUNNING if result is RUNNING else KILLED


class _Run(Task):
    def __init__(self, func, args, kwargs):
        super(_Run, self).__init__()
        self._call = (func, args, kwargs)

    def do_update(self, delta):
        func, args, kwargs = self._call
        func(*args, **kwargs)
        return KILLED


class WaitTask(Task):
    def __init__(self, duration=1.0, *a, **k):
        super(WaitTask, self).__init__(*a, **k)
        self.duration = duration
        self.remaining = duration

    def _do_restart(self):
        self.remaining = self.duration

    def do_update(self, delta):
        self.remaining -= delta
        return RUNNING if self.remaining > 1e-9 else KILLED


class DelayTask(Task):
    def __init__(self, duration=1, *a, **k):
        super(DelayTask, self).__init__(*a, **k)
        self.duration = duration
        self.remaining = duration

    def _do_restart(self):
        self.remaining = self.duration

    def do_update(self, delta):
        self.remaining -= 1
        return RUNNING if self.remaining > 0 else KILLED


class SequenceTask(Task):
    def __init__(self, tasks, *a, **k):
        super(SequenceTask, self).__init__(*a, **k)
        self._tasks = list(tasks)
        self._index = 0

    def _do_restart(self):
        self._index = 0
        for task in self._tasks:
            task.restart()

    def do_update(self, delta):
        while self._index < len(self._tasks):
            task = self._tasks[self._index]
            if task.update(delta) == RUNNING:
                return RUNNING
            self._index += 1
            delta = 0.0  # the next task starts in the same update, with no time spent
        return KILLED


class ParallelTask(Task):
    def __init__(self, tasks, *a, **k):
        super(ParallelTask, self).__init__(*a, **k)
        self._tasks = list(tasks)

    def _do_restart(self):
        for task in self._tasks:
            task.restart()

    def do_update(self, delta):
        running = False
        for task in self._tasks:
            if not task.is_killed and task.update(delta) == RUNNING:
                running = True
        return RUNNING if running else KILLED


class LoopTask(Task):
    def __init__(self, task, *a, **k):
        super(LoopTask, self).__init__(*a, **k)
        self._task = task

    def do_update(self, delta):
        if self._task.update(delta) != RUNNING:
            self._task.restart()
        return RUNNING


class TaskGroup(Task):
    """Tasks updated together; finished ones leave the group (unless `auto_remove=False`)."""

    def __init__(self, tasks=(), auto_kill=True, auto_remove=True, loop=False, *a, **k):
        super(TaskGroup, self).__init__(*a, **k)
        self._tasks = list(tasks)
        self._auto_kill = auto_kill
        self._auto_remove = auto_remove
        self._loop = loop

    @property
    def count(self):
        return len(self._tasks)

    def add(self, task):
        if not isinstance(task, Task):
            task = FuncTask(task)
        self._tasks.append(task)
        return task

    def remove(self, task):
        self._tasks.remove(task)

    def find(self, task):
        return task if task in self._tasks else None

    def clear(self):
        self._tasks = []

    def do_update(self, delta):
        for task in list(self._tasks):
            if not task.is_killed:
                task.update(delta)
            if task.is_killed and self._auto_remove and task in self._tasks:
                self._tasks.remove(task)
        return RUNNING

    def kill(self):
        for task in self._tasks:
            task.kill()
        return super(TaskGroup, self).kill()


def run(func, *a, **k):
    return _Run(func, a, k)


def wait(seconds):
    return WaitTask(seconds)


def delay(ticks):
    return DelayTask(ticks)


def sequence(*tasks):
    return SequenceTask([_as_task(t) for t in tasks])


def parallel(*tasks):
    return ParallelTask([_as_task(t) for t in tasks])


def loop(*tasks):
    return LoopTask(sequence(*tasks))


def repeat(task):
    return LoopTask(_as_task(task))


def _as_task(task):
    return task if isinstance(task, Task) else FuncTask(task)
