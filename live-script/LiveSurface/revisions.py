"""`envelope_revision`: an observable property of a Clip that only this script has.

Live has no listener for what an envelope holds, so whoever changes it must
tell the others: the revision of a clip grows after every change the script
makes to its envelopes (`write_envelope`, `erase_envelope`, calls that change
envelopes), after `undo`/`redo` asked through the script (every clip with a
revision grows: undo may change any envelope), and when Live says the clip got
its first envelope or lost its last (`has_envelopes`, the only listener Live has).
A client that sees it grow reads the envelope again.

All clips share one counter, so a clip that replaces another at the same path
(undo brings a deleted clip back as a new object) never reads a lower revision
than the one before it. A new script starts again from 0.
"""

ENVELOPE_REVISION = "envelope_revision"  # protocol/src/script.ts ENVELOPE_REVISION


class EnvelopeRevisions(object):
    def __init__(self, registry):
        self._registry = registry
        self._latest = 0
        self._by_clip = {}  # clip id -> revision
        self._watchers = {}  # clip id -> the observation hub's "it changed" callback

    def read(self, clip):
        return self._by_clip.setdefault(self._registry.id_of(clip), self._latest)

    def bump(self, clip):
        self._bump(self._registry.id_of(clip))

    def bump_all(self):
        """After undo or redo: any envelope of any clip may have changed."""
        for clip_id in list(self._by_clip):
            if self._registry.is_known(clip_id):
                self._bump(clip_id)
            else:
                del self._by_clip[clip_id]  # the clip was deleted: its revision is no use

    def _bump(self, clip_id):
        self._latest += 1
        self._by_clip[clip_id] = self._latest
        watcher = self._watchers.get(clip_id)
        if watcher is not None:
            watcher()

    # ------------------------------------------------------------ what the observation hub calls
    def attach(self, clip, changed):
        """Start telling `changed` when the clip's revision grows; returns how to stop."""
        clip_id = self._registry.id_of(clip)
        self._watchers[clip_id] = changed

        def on_has_envelopes():
            self._bump(clip_id)  # a listener may not change Live: this changes only the script's count

        clip.add_has_envelopes_listener(on_has_envelopes)

        def detach():
            self._watchers.pop(clip_id, None)
            try:
                if clip.has_envelopes_has_listener(on_has_envelopes):
                    clip.remove_has_envelopes_listener(on_has_envelopes)
            except Exception:
                pass  # the clip is gone, and its listeners with it

        return detach
