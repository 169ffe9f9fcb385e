"""The simulator's `Live` offers only what real Live has.

Every public class, property (with its settable flag), function, listener
method and enum value of the fake must exist in the surface derived from
the dumps of real Live (LiveSurface/live_api.json), in the Live version
the simulator plays: Live 12 in this process, Live 11 in a child process.
"""
import inspect
import json
import os
import subprocess
import sys
import types
import unittest

from support import SCRIPT_DIR

SURFACE_FILE = os.path.join(SCRIPT_DIR, "live_api.json")
LISTENER_SUFFIXES = (("add_", "_listener"), ("remove_", "_listener"), ("", "_has_listener"))


def load_surface():
    with open(SURFACE_FILE) as handle:
        return json.load(handle)


def _in(entry, version):
    versions = entry.get("in") if isinstance(entry, dict) else entry
    return not versions or version in versions


def _listener_target(name):
    for prefix, suffix in LISTENER_SUFFIXES:
        if name.startswith(prefix) and name.endswith(suffix) and len(name) > len(prefix) + len(suffix):
            return name[len(prefix):len(name) - len(suffix)]
    return None


def check_class(cls, surface, version, problems):
    from Live import _lom

    key = "%s.%s" % (cls.__module__, cls.__name__)
    api = surface["classes"].get(key)
    if api is None or not _in(api, version):
        problems.append("class %s is not in Live %s" % (key, version))
        return
    is_enum = issubclass(cls, _lom.LiveEnum)
    for name in dir(cls):
        if name.startswith("_"):
            continue
        attr = inspect.getattr_static(cls, name)
        where = "%s.%s" % (key, name)
        if isinstance(attr, (_lom.LiveProperty, property)):
            prop = api["properties"].get(name)
            if prop is None or not _in(prop, version):
                problems.append("property %s is not in Live %s" % (where, version))
                continue
            fake_settable = attr.spec.settable if isinstance(attr, _lom.LiveProperty) else attr.fset is not None
            settable = prop["settable"]
            if isinstance(settable, dict):
                settable = settable.get(version, False)
            if fake_settable != settable:
                problems.append("property %s: settable is %s in the fake, %s in Live" % (where, fake_settable, settable))
        elif isinstance(attr, types.FunctionType):
            target = _listener_target(name)
            if target is not None and name not in api["functions"]:
                if target not in api["listeners"] or version not in api["listeners"][target]:
                    problems.append("listener method %s is not in Live %s" % (where, version))
            elif name not in api["functions"] or not _in(api["functions"][name], version):
                problems.append("function %s is not in Live %s" % (where, version))
        elif inspect.isclass(attr):
            if name not in api["nested"]:
                problems.append("nested %s is not in Live" % where)
        elif is_enum:
            continue  # members are checked with the enums
        else:
            problems.append("%s is something Live does not have (%r)" % (where, attr))


def check_enum(path, enum, surface, version, problems):
    known = surface["enums"].get(path)
    if known is None or not _in(known, version):
        problems.append("enum %s is not in Live %s" % (path, version))
        return
    members = dict((name, int(value)) for name, value in enum.names.items())
    for name, value in members.items():
        if known["members"].get(name) != value:
            problems.append("enum %s.%s = %s, Live has %s" % (path, name, value, known["members"].get(name)))


def check_live(version):
    """Every problem of the fake `Live` against real Live `version` ("11" or "12")."""
    import Live
    from Live import _lom

    surface = load_surface()
    problems, seen = [], set()
    for module_name in sorted(n for n in dir(Live) if not n.startswith("_")):
        module = getattr(Live, module_name)
        if not isinstance(module, types.ModuleType):
            problems.append("Live.%s is not a module" % module_name)
            continue
        for name in sorted(n for n in dir(module) if not n.startswith("_")):
            value = getattr(module, name)
            path = "%s.%s" % (module_name, name)
            if inspect.isclass(value) and issubclass(value, _lom.LiveEnum):
                check_enum(path, value, surface, version, problems)
            elif inspect.isclass(value):
                if value.__module__ != module_name:
                    continue  # imported from elsewhere (e.g. a base class), checked where it belongs
                classes = [value] + [getattr(value, n) for n in dir(value)
                                     if not n.startswith("_") and inspect.isclass(getattr(value, n))]
                for cls in classes:
                    if inspect.isclass(cls) and issubclass(cls, _lom.LiveEnum):
                        check_enum("%s.%s" % (path, cls.__name__), cls, surface, version, problems)
                    elif cls not in seen:
                        seen.add(cls)
                        check_class(cls, surface, version, problems)
            elif isinstance(value, types.FunctionType):
                function = surface["functions"].get(path)
                if function is None or not _in(function, version):
                    problems.append("function %s is not in Live %s" % (path, version))
            elif not isinstance(value, types.ModuleType):
                problems.append("%s is something Live does not have" % path)
    return problems, len(seen)


class FakeLiveMatchesRealLive(unittest.TestCase):
    def test_live_12_fake_offers_only_live_12_api(self):
        problems, classes = check_live("12")
        self.assertEqual(problems, [])
        self.assertGreaterEqual(classes, 25)

    def test_live_11_fake_offers_only_live_11_api(self):
        env = dict(os.environ, LIVESURFACE_SIM_LIVE_VERSION="11")
        output = subprocess.check_output([sys.executable, __file__, "--check", "11"], env=env,
                                         cwd=os.path.dirname(__file__))
        result = json.loads(output.decode("utf-8"))
        self.assertEqual(result["problems"], [])
        self.assertGreaterEqual(result["classes"], 25)

    def test_live_11_mode_has_no_live_12_envelopes(self):
        env = dict(os.environ, LIVESURFACE_SIM_LIVE_VERSION="11")
        code = "import support, Live; print(hasattr(Live, 'Envelope'), hasattr(Live.Clip, 'AutomationEnvelope'))"
        output = subprocess.check_output([sys.executable, "-c", code], env=env, cwd=os.path.dirname(__file__))
        self.assertEqual(output.decode().split(), ["False", "True"])

    def test_the_check_catches_an_invented_member(self):
        import Live

        Live.Song.Song.invented_member = lambda self: None
        try:
            problems, _ = check_live("12")
        finally:
            del Live.Song.Song.invented_member
        self.assertEqual(problems, ["function Song.Song.invented_member is not in Live 12"])

    def test_the_check_catches_a_wrong_settable_flag(self):
        import Live
        from Live import _lom

        original = Live.Song.Song.__dict__["name"]
        Live.Song.Song.name = _lom.LiveProperty("name", _lom.Prop("", "s"))
        try:
            problems, _ = check_live("12")
        finally:
            Live.Song.Song.name = original
        self.assertEqual(problems, ["property Song.Song.name: settable is True in the fake, False in Live"])


if __name__ == "__main__" and sys.argv[1:2] == ["--check"]:
    # run as a script, this folder is first on the path: `support` (imported above) set up the rest
    found, count = check_live(sys.argv[2])
    print(json.dumps({"problems": found, "classes": count}))
elif __name__ == "__main__":
    unittest.main()
