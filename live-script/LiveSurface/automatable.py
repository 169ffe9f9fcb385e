"""`envelope_parameters`: every parameter a clip can automate, as an envelope editor lists them.

The clip's track's mixer first (volume, panning, each send, named as Live names
them), then each device in the track's order, a rack's chains inside it (each
chain's devices, then a Drum Rack's return chains). One pass over the track;
references are built from the path walked, the canonical one (`Resolver.ref`).
`automated` is Live's `automation_envelope(parameter) is not None`, which is
always false for arrangement clips.
"""
from .errors import bad_request, not_found


class Automatable(object):
    def __init__(self, resolver):
        self._resolver = resolver
        self._api = resolver.api

    def parameters(self, request):
        resolver = self._resolver
        clip = resolver.resolve(request["target"])
        if not self._api.live_class_of(clip).is_a("Clip"):
            raise bad_request("the target of envelope_parameters must be a clip")
        track = resolver.live(lambda: self._track_of(clip), clip, "canonical_parent")
        track_path = resolver.canonical_path(track)
        if track_path is None:
            raise not_found("the clip's track is not in the set")
        return {"groups": resolver.live(lambda: self._groups(clip, track, track_path), clip, "envelope_parameters")}

    def _track_of(self, clip):
        node = clip
        for _ in range(4):  # a session clip's parent is its slot, an arrangement clip's its track
            node = node.canonical_parent
            if node is None:
                break
            api_class = self._api.class_of(node)
            if api_class is not None and api_class.is_a("Track"):
                return node
        raise not_found("the clip is on no track")

    def _groups(self, clip, track, track_path):
        mixer = track.mixer_device
        mixer_path = track_path + " mixer_device"
        listed = [(mixer.volume, mixer_path + " volume"), (mixer.panning, mixer_path + " panning")]
        listed.extend((send, "%s sends %d" % (mixer_path, index)) for index, send in enumerate(mixer.sends))
        groups = [self._group(clip, "mixer", "Mixer", [], listed)]
        for index, device in enumerate(track.devices):
            self._device(clip, device, "%s devices %d" % (track_path, index), [], groups)
        return groups

    def _device(self, clip, device, path, outer, groups):
        name = device.name
        listed = [(parameter, "%s parameters %d" % (path, index)) for index, parameter in enumerate(device.parameters)]
        groups.append(self._group(clip, "device", name, outer + [name], listed))
        api_class = self._api.class_of(device)
        if api_class is None or not api_class.is_a("RackDevice"):
            return
        for kind in ("chains", "return_chains"):
            for chain_index, chain in enumerate(getattr(device, kind)):
                inside = outer + [name, chain.name]
                for index, inner in enumerate(chain.devices):
                    self._device(clip, inner, "%s %s %d devices %d" % (path, kind, chain_index, index), inside, groups)

    def _group(self, clip, kind, name, path, listed):
        return {"kind": kind, "name": name, "path": path,
                "parameters": [self._parameter(clip, parameter, where) for parameter, where in listed]}

    def _parameter(self, clip, parameter, path):
        quantized = bool(parameter.is_quantized)
        return {
            "ref": {"$ref": self._resolver.registry.id_of(parameter), "type": self._api.live_class_of(parameter).short,
                    "path": path},
            "name": parameter.name,
            "automated": clip.automation_envelope(parameter) is not None,
            "min": float(parameter.min),
            "max": float(parameter.max),
            "value": float(parameter.value),
            "quantized": quantized,
            "items": [str(item) for item in parameter.value_items] if quantized else [],
        }
