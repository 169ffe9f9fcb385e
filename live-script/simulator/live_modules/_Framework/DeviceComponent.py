"""_Framework.DeviceComponent: a device's parameters on encoders (simulator).

The controls are mapped to the device's parameters after its "Device On"
switch (the first eight for eight controls; bank buttons page through them by
the number of controls), the on/off button toggles the device. With
`device_selection_follows_track_selection` it follows Live's appointed device
(the blue hand); a surface's `set_device_component` gives it the same.
"""
from .ControlSurfaceComponent import ControlSurfaceComponent
from ._listeners import alive


class DeviceComponent(ControlSurfaceComponent):
    def __init__(self, device_selection_follows_track_selection=False, *a, **k):
        k.pop("device_bank_registry", None)
        k.pop("device_provider", None)
        super(DeviceComponent, self).__init__(*a, **k)
        self._device = None
        self._parameter_controls = ()
        self._bank_index = 0
        self._on_off_button = None
        self._bank_buttons = {}
        self._on_listener = self._listen("value", self._update_on_off)
        self._parameters_listener = self._listen("parameters", self._map_parameters)
        self._appointed_listener = None
        if device_selection_follows_track_selection:
            self._appointed_listener = self._listen("appointed_device", self._on_appointed_device, self.song())
            self._on_appointed_device()
        self._take_layer()

    def _on_appointed_device(self):
        self.set_device(self.song().appointed_device)

    def device(self):
        return self._device

    def set_device(self, device):
        device = device if alive(device) else None
        if device is self._device:
            return
        self._device = device
        self._bank_index = 0
        self._parameters_listener.subject = device
        self._on_listener.subject = device.parameters[0] if device is not None and len(device.parameters) else None
        self._map_parameters()
        self._update_on_off()

    def _bank_parameters(self):
        if self._device is None or not alive(self._device):
            return ()
        parameters = tuple(self._device.parameters)[1:]
        size = max(1, len(self._parameter_controls))
        return parameters[self._bank_index * size:(self._bank_index + 1) * size]

    def _map_parameters(self):
        parameters = self._bank_parameters() if self.is_enabled() else ()
        for index, control in enumerate(self._parameter_controls):
            if control is None:
                continue
            if index < len(parameters):
                control.connect_to(parameters[index])
            else:
                control.release_parameter()

    def set_parameter_controls(self, controls):
        for control in self._parameter_controls:
            if control is not None:
                control.release_parameter()
        self._parameter_controls = tuple(controls) if controls is not None else ()
        self._map_parameters()

    def set_on_off_button(self, button):
        self._set_control("_on_off_button", button, self._on_on_off_value)
        self._update_on_off()

    def _on_on_off_value(self, value):
        if not self.is_enabled() or self._device is None or not (value or not self._on_off_button.is_momentary()):
            return
        switch = self._device.parameters[0]
        switch.value = switch.max if switch.value == switch.min else switch.min

    def _update_on_off(self):
        if self._on_off_button is None or not self.is_enabled():
            return
        device = self._device
        on = device is not None and alive(device) and device.parameters[0].value != device.parameters[0].min
        self._on_off_button.set_light(on)

    def set_bank_nav_buttons(self, left_button, right_button):
        self._set_bank_nav("left", left_button, -1)
        self._set_bank_nav("right", right_button, 1)

    def set_bank_prev_button(self, button):
        self._set_bank_nav("left", button, -1)

    def set_bank_next_button(self, button):
        self._set_bank_nav("right", button, 1)

    def _set_bank_nav(self, direction, button, step):
        old = self._bank_buttons.pop(direction, None)
        if old is not None:
            old[0].remove_value_listener(old[1])
        if button is None:
            return

        def pressed(value):
            if not value or not self.is_enabled() or self._device is None:
                return
            size = max(1, len(self._parameter_controls))
            banks = max(1, (len(self._device.parameters) - 1 + size - 1) // size)
            self._bank_index = max(0, min(banks - 1, self._bank_index + step))
            self._map_parameters()
        button.add_value_listener(pressed)
        self._bank_buttons[direction] = (button, pressed)

    def on_enabled_changed(self):
        self._map_parameters()

    def update(self):
        self._update_on_off()

    def disconnect(self):
        self.set_parameter_controls(None)
        self._set_control("_on_off_button", None, self._on_on_off_value)
        for direction in list(self._bank_buttons):
            self._set_bank_nav(direction, None, 0)
        super(DeviceComponent, self).disconnect()
