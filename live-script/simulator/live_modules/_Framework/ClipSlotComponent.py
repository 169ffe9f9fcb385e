"""_Framework.ClipSlotComponent: one clip slot and its launch button (simulator).

Pressing the launch button fires the slot (Live starts its clip on the launch
quantization, or, on an empty slot of an armed track, records; on an empty
slot with a stop button, stops the track). The button's light follows the
slot: the started, triggered or recording value while the clip plays, is
launched or records, the stopped value while it holds a stopped clip, and off
for an empty slot.
"""
from .ControlSurfaceComponent import ControlSurfaceComponent
from ._listeners import alive


class ClipSlotComponent(ControlSurfaceComponent):
    def __init__(self, *a, **k):
        super(ClipSlotComponent, self).__init__(*a, **k)
        self._clip_slot = None
        self._launch_button = None
        self._started_value = 127
        self._stopped_value = 127
        self._triggered_to_play_value = 127
        self._triggered_to_record_value = 127
        self._recording_value = 127
        self._record_button_value = None
        self._has_clip_listener = self._listen("has_clip", self._on_has_clip)
        self._status_listener = self._listen("playing_status", self.update)
        self._triggered_listener = self._listen("is_triggered", self.update)
        self._clip_color_listener = self._listen("color", self.update)
        self._take_layer()

    def set_clip_slot(self, clip_slot):
        self._clip_slot = clip_slot if alive(clip_slot) else None
        self._has_clip_listener.subject = self._clip_slot
        self._status_listener.subject = self._clip_slot
        self._triggered_listener.subject = self._clip_slot
        self._on_has_clip()

    def clip_slot(self):
        return self._clip_slot

    def has_clip(self):
        return self._clip_slot is not None and alive(self._clip_slot) and self._clip_slot.has_clip

    def _on_has_clip(self):
        self._clip_color_listener.subject = self._clip_slot.clip if self.has_clip() else None
        self.update()

    def set_launch_button(self, button):
        self._set_control("_launch_button", button, self._on_launch_value)
        self.update()

    def set_started_value(self, value):
        self._started_value = value

    def set_stopped_value(self, value):
        self._stopped_value = value

    def set_triggered_to_play_value(self, value):
        self._triggered_to_play_value = value

    def set_triggered_to_record_value(self, value):
        self._triggered_to_record_value = value

    def set_recording_value(self, value):
        self._recording_value = value

    def set_record_button_value(self, value):
        self._record_button_value = value

    def _on_launch_value(self, value):
        if not self.is_enabled() or self._clip_slot is None or not alive(self._clip_slot):
            return
        button = self._launch_button
        if value or not button.is_momentary():
            self._clip_slot.fire()
        elif self.has_clip() and self._clip_slot.clip.launch_mode == 1:  # gate: let go stops the clip
            self._clip_slot.clip.stop()

    def _feedback_value(self):
        slot = self._clip_slot
        if slot is None or not alive(slot):
            return None
        if slot.has_clip:
            clip = slot.clip
            if clip.is_triggered:
                return self._triggered_to_record_value if clip.will_record_on_start else self._triggered_to_play_value
            if clip.is_recording:
                return self._recording_value
            if clip.is_playing:
                return self._started_value
            return self._stopped_value
        if slot.is_triggered:
            return self._triggered_to_record_value if slot.will_record_on_start else self._triggered_to_play_value
        return self._record_button_value

    def update(self):
        button = self._launch_button
        if button is None or not self.is_enabled():
            return
        value = self._feedback_value()
        if value is None:
            button.turn_off()
        else:
            button.send_value(value)

    def disconnect(self):
        self._set_control("_launch_button", None, self._on_launch_value)
        super(ClipSlotComponent, self).disconnect()
