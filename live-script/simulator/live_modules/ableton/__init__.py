"""`ableton`: Ableton's newer Python frameworks, as far as public scripts use them (simulator).

Only `ableton.v2` (`base` and `control_surface`) is here; see live-script/README.md,
"Frameworks: what public scripts use".
"""
