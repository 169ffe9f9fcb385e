"""What Live hands a remote script at `create_instance(c_instance)`."""
import itertools

_handles = itertools.count(1)


class CInstance(object):
    def __init__(self, host, name):
        self._host = host
        self._name = name
        self._handle = next(_handles)
        self.status_message = ""
        self.session_highlight = None
        self.feedback_channels = ()

    def song(self):
        return self._host.song

    def handle(self):
        return self._handle

    def instance_identifier(self):
        return self._handle

    def log_message(self, message):
        self._host.log("RemoteScriptMessage: (%s) %s" % (self._name, message))

    def show_message(self, message):
        self.status_message = str(message)
        self._host.log("Status bar: (%s) %s" % (self._name, message))

    def send_midi(self, midi_bytes):
        self._host.send_midi(midi_bytes)

    def request_rebuild_midi_map(self):
        self._host.request_midi_map_rebuild(self)

    def set_session_highlight(self, track_offset, scene_offset, width, height, include_return_tracks):
        self.session_highlight = (track_offset, scene_offset, width, height, include_return_tracks)

    def set_feedback_channels(self, channels):
        self.feedback_channels = tuple(channels)

    def set_controlled_track(self, track):
        self.controlled_track = track

    def release_controlled_track(self):
        self.controlled_track = None

    def update_locks(self):
        pass

    def set_pad_translation(self, translation):
        self.pad_translation = translation
