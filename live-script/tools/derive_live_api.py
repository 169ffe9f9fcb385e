"""Derive the compact Live API surface from introspection dumps of real Live.

Usage: python3 live-script/tools/derive_live_api.py DUMP_DIR [OUT]

DUMP_DIR holds `live-11.3.43.json` and `live-12.3.6.json` (introspected from a
running Live). The result, `live-script/LiveSurface/live_api.json`, is committed:
the script uses it as its allowlist and the simulator's tests check the fake
`Live` module against it. Nothing reads the dumps at run or test time.
"""
import hashlib
import json
import os
import re
import sys

DUMPS = (("11", "live-11.3.43.json"), ("12", "live-12.3.6.json"))
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "LiveSurface", "live_api.json")

LISTENER_RE = re.compile(r"^(add|remove)_(\w+)_listener$")
HAS_LISTENER_RE = re.compile(r"^(\w+)_has_listener$")
ARG_RE = re.compile(r"\((\w+)\)(\w+)(=[^,\]\)]*)?")


def runtime_name(node):
    """`<class 'Song.View'>` -> `Song.View`: the name `type(obj)` shows in Live."""
    match = re.match(r"<class '(?:Live\.)?([\w.]+)'>", node.get("repr") or "")
    return match.group(1) if match else None


def parse_signature(signature, is_method):
    """Argument names and C++-side types of a Boost.Python signature line."""
    if not signature:
        return None
    head = signature.split("->")[0]
    inner = head[head.index("(") + 1:head.rindex(")")]
    args, optional_from = [], None
    for part_index, chunk in enumerate(inner.split("[")):
        for arg_type, arg_name, _default in ARG_RE.findall(chunk):
            if part_index > 0 and optional_from is None:
                optional_from = len(args)
            args.append([arg_name, arg_type])
    if is_method and args:
        args = args[1:]
        if optional_from is not None:
            optional_from -= 1
    returns = signature.split("->")[1].strip().rstrip(":").strip() if "->" in signature else None
    result = {"args": args, "returns": returns}
    if optional_from is not None:
        result["optional_from"] = optional_from
    return result


def walk(node, path=()):
    for child in node.get("children", []):
        yield path + (child["name"],), child
        if child["type"] in ("module", "class"):
            for item in walk(child, path + (child["name"],)):
                yield item


def read_version(dump):
    """{runtime class name: members}, {enum name: members}, {module function: sig}."""
    classes, enums, functions = {}, {}, {}
    for path, node in walk(dump["tree"]):
        dotted = ".".join(path)
        if node["type"] == "class":
            name = runtime_name(node) or dotted
            entry = classes.setdefault(name, {"paths": set(), "members": {}, "bases": [], "constructable": False})
            entry["paths"].add(dotted)
            entry["bases"] = [b[8:-2] for b in node.get("ancestors") or [] if "Boost.Python" not in b]
            entry["constructable"] = bool(node.get("constructable"))
            for member in node.get("children", []):
                entry["members"][member["name"]] = member
        elif node["type"] == "enum":
            enums[dotted] = node.get("members") or {}
        elif node["type"] == "function" and len(path) == 2:
            functions[dotted] = parse_signature(node.get("signature"), False)
    return classes, enums, functions


def describe_class(name, versions):
    """Merge one class over the versions that have it."""
    present = [v for v in versions if name in versions[v]]
    props, functions, listeners, nested = {}, {}, {}, {}
    for version in present:
        entry = versions[version][name]
        for member_name, member in entry["members"].items():
            kind = member["type"]
            if kind == "property":
                prop = props.setdefault(member_name, {"type": member.get("probed_type"), "in": set(), "settable": {}})
                prop["in"].add(version)
                prop["settable"][version] = bool(member.get("settable"))
            elif kind == "function":
                listener = LISTENER_RE.match(member_name)
                has_listener = HAS_LISTENER_RE.match(member_name)
                if listener or has_listener:
                    prop_name = (listener or has_listener).group(2 if listener else 1)
                    listeners.setdefault(prop_name, set()).add(version)
                    continue
                fn = functions.setdefault(member_name, {"in": set()})
                fn["in"].add(version)
                fn.update(parse_signature(member.get("signature"), True) or {"args": None})
            elif kind in ("class", "enum"):
                nested.setdefault(member_name, kind)
    return {
        "paths": sorted(set().union(*[versions[v][name]["paths"] for v in present])),
        "bases": versions[present[-1]][name]["bases"],
        "constructable": versions[present[-1]][name]["constructable"],
        "in": present,
        "properties": {k: finish_property(v, props[k]) for k, v in sorted(props.items())},
        "listeners": {k: sorted(v) for k, v in sorted(listeners.items())},
        "functions": {k: finish_versions(v) for k, v in sorted(functions.items())},
        "nested": dict(sorted(nested.items())),
    }


def finish_property(_name, prop):
    settable = set(prop["settable"].values())
    result = {"type": prop["type"], "in": sorted(prop["in"])}
    result["settable"] = settable.pop() if len(settable) == 1 else prop["settable"]
    return result


def finish_versions(item):
    item["in"] = sorted(item["in"])
    return item


def compact(obj, all_versions):
    """Drop `in` where a member exists in every version, to keep the file small."""
    if isinstance(obj, dict):
        out = {}
        for key, value in obj.items():
            if key == "in" and sorted(value) == all_versions:
                continue
            out[key] = compact(value, all_versions)
        return out
    if isinstance(obj, list):
        if obj == all_versions:
            return obj
        return [compact(v, all_versions) for v in obj]
    return obj


def derive(dump_dir):
    versions, enums, functions, digests = {}, {}, {}, {}
    for major, filename in DUMPS:
        with open(os.path.join(dump_dir, filename), "rb") as handle:
            raw = handle.read()
        digests[major] = hashlib.sha256(raw).hexdigest()[:16]
        classes, version_enums, version_functions = read_version(json.loads(raw.decode("utf-8")))
        versions[major] = classes
        for enum_name, members in version_enums.items():
            enums.setdefault(enum_name, {"members": members, "in": []})["in"].append(major)
        for fn_name, sig in version_functions.items():
            fn = functions.setdefault(fn_name, {"in": []})
            fn["in"].append(major)
            fn.update(sig or {"args": None})
    all_names = sorted(set().union(*[set(v) for v in versions.values()]))
    all_versions = [major for major, _ in DUMPS]
    surface = {
        "generated_by": "live-script/tools/derive_live_api.py; do not edit",
        "sources": {major: {"file": filename, "sha256_16": digests[major]} for major, filename in DUMPS},
        "versions": all_versions,
        "classes": {name: describe_class(name, versions) for name in all_names},
        "enums": dict(sorted(enums.items())),
        "functions": dict(sorted(functions.items())),
    }
    return compact(surface, all_versions)


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    out = argv[2] if len(argv) > 2 else DEFAULT_OUT
    surface = derive(argv[1])
    with open(out, "w") as handle:
        json.dump(surface, handle, indent=None, separators=(",", ":"), sort_keys=False)
        handle.write("\n")
    print("wrote %s (%d classes)" % (out, len(surface["classes"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
