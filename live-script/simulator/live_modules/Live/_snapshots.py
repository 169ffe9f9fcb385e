"""Copies of parts of the set, so undo can bring back what was deleted (private module).

Undo of a deletion puts back a NEW object equal to the deleted one: the deleted
Python object stays dead (it equals None), as every deleted Live object does,
and scripts find the restored one by path. Nothing tells us whether real Live
revives the old handle instead; a new object is the case a client must handle
either way (see the README's evidence section).

A copy takes an object and everything that dies with it (`_children()`);
references leaving that tree (the song, a slot's track, a parameter an
envelope automates) stay shared. Journal entries keep pointing at the
objects they saw: `History.resolve` follows them to their restored copies.
"""
import copy

from ._lom import CLONE_INSIDE, CLONE_PAIRS


def _tree(obj, inside):
    if obj is None or id(obj) in inside:
        return
    inside.add(id(obj))
    for child in obj._children():
        _tree(child, inside)


def clone_trees(roots):
    """Copies of `roots` and their trees, and the (original, copy) pairs of every Live object copied."""
    inside, pairs = set(), []
    for root in roots:
        _tree(root, inside)
    memo = {CLONE_INSIDE: inside, CLONE_PAIRS: pairs}
    clones = [copy.deepcopy(root, memo) for root in roots]
    for _original, clone in pairs:
        clone._after_clone()
    return clones, pairs


class Snapshot(object):
    """What some objects were when they left the set; `revive` puts equal new ones together."""

    def __init__(self, roots):
        self.templates, pairs = clone_trees(roots)
        self._originals = dict((id(template), original) for original, template in pairs)
        self._kept = pairs  # keeps the templates' ids valid while the snapshot lives

    def revive(self, history):
        """New live copies; every object the snapshot was taken of now resolves to its copy."""
        clones, pairs = clone_trees(self.templates)
        for template, live in pairs:
            original = self._originals.get(id(template))
            if original is not None:
                history.alias(original, live)
        return clones
