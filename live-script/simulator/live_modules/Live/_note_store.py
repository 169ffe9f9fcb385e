"""A clip's notes as the simulator keeps them (the model, not API; private module).

A clip may hold tens of thousands of notes, and no call may hold Live's main
thread longer than Live would (issue 13's target: 20 ms). Live keeps notes in
C++; here:
- a note is its state tuple `(note_id, pitch, start_time, duration, velocity,
  mute, probability, velocity_deviation, release_velocity)`: immutable, and a
  tuple of plain values, so Python's garbage collector stops tracking it and
  a 40,000-note clip adds nothing to its pauses;
- each pitch keeps its line (starts and ids, by start), so Live's overlap rule
  (`place`) looks only where notes land: a few bisections per note, whatever
  the clip holds;
- the clip's order (by start, then pitch) is kept in blocks of at most a
  couple of thousand notes (`_Order`), so a change moves a few pointers and a
  read of a time range looks only at that range;
- each change remembers the states it replaced, so undo journals what changed
  (`take_changes`) instead of the whole clip.
"""
from bisect import bisect_left, bisect_right, insort
from itertools import chain
from operator import itemgetter

ID, PITCH, START, DURATION, VELOCITY, MUTE, RELEASE_VELOCITY = 0, 1, 2, 3, 4, 5, 8
_BLOCK = 1000  # entries a block of `_Order` holds after a split
_STATE_OF_ENTRY = itemgetter(3)


def _entry(state):
    """Where a note sorts in its clip: (start, pitch, id) are unique, so its state is never compared."""
    return (state[START], state[PITCH], state[ID], state)


class _Order(object):
    """Entries kept sorted in blocks (each block sorted, each after the one before): an insert or
    a removal bisects the blocks' last entries, then one block."""

    def __init__(self):
        self._blocks = []
        self._lasts = []

    def add(self, entry):
        if not self._blocks:
            self._blocks.append([entry])
            self._lasts.append(entry)
            return
        index = min(bisect_left(self._lasts, entry), len(self._blocks) - 1)
        block = self._blocks[index]
        insort(block, entry)
        self._lasts[index] = block[-1]
        if len(block) > 2 * _BLOCK:
            self._blocks[index:index + 1] = [block[:_BLOCK], block[_BLOCK:]]
            self._lasts[index:index + 1] = [block[_BLOCK - 1], block[-1]]

    def discard(self, entry):
        index = bisect_left(self._lasts, entry)
        block = self._blocks[index]
        del block[bisect_left(block, entry)]
        if block:
            self._lasts[index] = block[-1]
        else:
            del self._blocks[index]
            del self._lasts[index]

    def states(self):
        return list(map(_STATE_OF_ENTRY, chain.from_iterable(self._blocks)))

    def states_from(self, from_time, to_time):
        """The states starting in [from_time, to_time)."""
        found = []
        index = bisect_left(self._lasts, (from_time,))  # (t,) sorts before every entry starting at t
        while index < len(self._blocks):
            block = self._blocks[index]
            first = bisect_left(block, (from_time,)) if not found else 0
            end = bisect_left(block, (to_time,))
            found.extend(map(_STATE_OF_ENTRY, block[first:end]))
            if end < len(block):
                break
            index += 1
        return found

    def first_start(self, from_time, to_time):
        """The start of the first entry starting in [from_time, to_time), or None."""
        index = bisect_left(self._lasts, (from_time,))
        if index == len(self._blocks):
            return None
        block = self._blocks[index]
        start = block[bisect_left(block, (from_time,))][0]  # the block's last sorts after (from_time,)
        return start if start < to_time else None


class _Line(object):
    """One pitch's notes by start: parallel lists, so `bisect` finds a time."""

    __slots__ = ("starts", "ids")

    def __init__(self):
        self.starts = []
        self.ids = []

    def insert(self, start, note_id):
        position = bisect_right(self.starts, start)
        self.starts.insert(position, start)
        self.ids.insert(position, note_id)
        return position

    def remove(self, start, note_id):
        position = bisect_left(self.starts, start)
        while self.ids[position] != note_id:  # notes added without the overlap rule may share a start
            position += 1
        del self.starts[position]
        del self.ids[position]


class NoteStore(object):
    def __init__(self):
        self._by_id = {}
        self._lines = {}
        self._order = _Order()
        self._ordered = None  # the states by start then pitch, kept until the next change
        self._before = {}  # id -> its state before the change in progress (None: it did not exist)
        self.selected = set()

    def __len__(self):
        return len(self._by_id)

    def __contains__(self, note_id):
        return note_id in self._by_id

    def state(self, note_id):
        return self._by_id[note_id]

    # -- reading
    def ordered(self):
        """Every note's state, by start then pitch (a tuple: reads keep what they were given)."""
        if self._ordered is None:
            self._ordered = tuple(self._order.states())
        return self._ordered

    def starting_in(self, from_time, to_time):
        """The states starting in [from_time, to_time), by start then pitch."""
        return self._order.states_from(from_time, to_time)

    def first_start_in(self, from_time, to_time):
        """When the first note starting in [from_time, to_time) starts, or None (a few bisections)."""
        return self._order.first_start(from_time, to_time)

    def in_clip_order(self, note_ids):
        return [entry[3] for entry in sorted(_entry(self._by_id[i]) for i in set(note_ids) if i in self._by_id)]

    # -- changing (each keeps what the note was, for `take_changes`)
    def put(self, state):
        """Adds a note or sets one to `state`, without the overlap rule (recordings, loops, undo)."""
        note_id = state[ID]
        old = self._by_id.get(note_id)
        if old is not None:
            self._unlink(old)
        else:
            self._before.setdefault(note_id, None)
        self._link(state)

    def remove(self, note_id):
        old = self._by_id.get(note_id)
        if old is not None:
            self._unlink(old)
            del self._by_id[note_id]
            self.selected.discard(note_id)  # Live forgets a removed note's selection, even across undo

    def place(self, states):
        """Adds or changes notes as Live's editor does (whybothercoding/ableton-mcp-server,
        reference/live-api-quirks.md, proven on Live 12): a note starting where another of its pitch
        starts replaces it, and where a note starts inside an earlier one of its pitch, the earlier
        is cut short. The notes are placed in the order given, so a later one wins a start.
        Returns the ids that remain of `states`."""
        for state in states:  # out of their old places first: a moved note leaves room
            old = self._by_id.get(state[ID])
            if old is not None:
                self._unlink(old)
                del self._by_id[state[ID]]
        for state in states:
            self._place_one(state)
        return [state[ID] for state in states if state[ID] in self._by_id]

    def _place_one(self, state):
        note_id, start = state[ID], state[START]
        line = self._lines.setdefault(state[PITCH], _Line())
        position = bisect_left(line.starts, start)
        while position < len(line.starts) and line.starts[position] == start:
            self.remove(line.ids[position])  # replaced (remove takes it out of the line)
        self._before.setdefault(note_id, None)
        self._link(state)
        if position > 0:
            earlier = self._by_id[line.ids[position - 1]]
            if earlier[START] + earlier[DURATION] > start:
                self._set_duration(earlier, start - earlier[START])
        if position + 1 < len(line.starts):
            later_start = line.starts[position + 1]
            if start + state[DURATION] > later_start:
                self._set_duration(state, later_start - start)

    def _set_duration(self, state, duration):
        self._unlink(state)
        self._link(state[:DURATION] + (duration,) + state[DURATION + 1:])

    def _link(self, state):
        note_id = state[ID]
        self._by_id[note_id] = state
        self._lines.setdefault(state[PITCH], _Line()).insert(state[START], note_id)
        self._order.add(_entry(state))
        self._ordered = None

    def _unlink(self, state):
        note_id = state[ID]
        self._before.setdefault(note_id, state)
        self._lines[state[PITCH]].remove(state[START], note_id)
        self._order.discard(_entry(state))
        self._ordered = None

    # -- undo
    def take_changes(self):
        """What changed since the last call: ({id: state before or None}, {id: state now or None})."""
        before, after = {}, {}
        for note_id, old in self._before.items():
            new = self._by_id.get(note_id)
            if old != new:
                before[note_id], after[note_id] = old, new
        self._before = {}
        return before, after

    def restore(self, states):
        """Puts back `{id: state or None}` (undo and redo): the states were Live's, no rule applies."""
        for note_id, state in states.items():
            if state is None:
                self.remove(note_id)
            else:
                self.put(state)
