"""The part of Ableton's `_Framework` that public remote scripts use (simulator).

Written from how public scripts use it (live-script/README.md, "Frameworks: what public
scripts use"); `_surface.py` holds what it shares with `ableton.v2.control_surface`.
"""
