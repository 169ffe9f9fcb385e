"""ableton.v2 (simulator): `base` and `control_surface`."""
