"""Reading request lines and writing reply lines (standard library only).

Requests are validated with the tables in `protocol_constants.py`, which are
generated from the zod schemas of protocol/src/script.ts: the same JSON
Schema subset zod emits (types, bounds, patterns, required and unknown
fields) is checked here, so both sides accept and refuse the same frames.
"""
import json
import math
import re

from .errors import RequestError, bad_request
from .protocol_constants import LIMITS, REQUEST_SCHEMAS

_PATTERNS = {}
_NUMBER_TYPES = (int, float)


def _is_integer(value):
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def _type_ok(value, expected):
    if expected == "string":
        return isinstance(value, str)
    if expected == "integer":
        return _is_integer(value)
    if expected == "number":
        return isinstance(value, _NUMBER_TYPES) and not isinstance(value, bool) and math.isfinite(value)
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "null":
        return value is None
    if expected == "array":
        return isinstance(value, list)
    if expected == "object":
        return isinstance(value, dict)
    return True


def _pattern(text):
    compiled = _PATTERNS.get(text)
    if compiled is None:
        compiled = _PATTERNS[text] = re.compile(text)
    return compiled


def check(value, schema, where):
    """Raise `bad_request` unless `value` satisfies the (generated) JSON Schema."""
    if "anyOf" in schema:
        for option in schema["anyOf"]:
            try:
                check(value, option, where)
                return
            except RequestError:
                pass
        raise bad_request("%s has the wrong shape" % where)
    expected = schema.get("type")
    if expected is not None and not _type_ok(value, expected):
        raise bad_request("%s must be %s" % (where, _article(expected)))
    if "const" in schema and value != schema["const"]:
        raise bad_request("%s must be %s" % (where, json.dumps(schema["const"])))
    if "enum" in schema and value not in schema["enum"]:
        raise bad_request("%s must be one of %s" % (where, ", ".join(json.dumps(e) for e in schema["enum"])))
    if isinstance(value, _NUMBER_TYPES) and not isinstance(value, bool):
        _check_bounds(value, schema, where)
    elif isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            raise bad_request("%s is too short" % where)
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            raise bad_request("%s is longer than %d characters" % (where, schema["maxLength"]))
        if "pattern" in schema and not _pattern(schema["pattern"]).search(value):
            raise bad_request("%s is not a valid name: %s" % (where, json.dumps(value)))
    elif isinstance(value, list):
        _check_array(value, schema, where)
    elif isinstance(value, dict):
        _check_object(value, schema, where)


def _check_bounds(value, schema, where):
    if "minimum" in schema and value < schema["minimum"]:
        raise bad_request("%s must be at least %s" % (where, schema["minimum"]))
    if "maximum" in schema and value > schema["maximum"]:
        raise bad_request("%s must be at most %s" % (where, schema["maximum"]))
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        raise bad_request("%s must be more than %s" % (where, schema["exclusiveMinimum"]))
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        raise bad_request("%s must be less than %s" % (where, schema["exclusiveMaximum"]))


def _check_array(value, schema, where):
    if len(value) < schema.get("minItems", 0):
        raise bad_request("%s needs at least %d items" % (where, schema["minItems"]))
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        raise bad_request("%s has more than %d items" % (where, schema["maxItems"]))
    items = schema.get("items")
    if items:
        fast = _fast_checker(items)
        for index, item in enumerate(value):
            if fast is None or not fast(item):
                check(item, items, "%s[%d]" % (where, index))


def _check_object(value, schema, where):
    properties = schema.get("properties", {})
    for name in schema.get("required", ()):
        if name not in value:
            raise bad_request("%s is missing %s" % (where, json.dumps(name)))
    if schema.get("additionalProperties") is False:
        for name in value:
            if name not in properties:
                raise bad_request("%s has an unknown field %s" % (where, json.dumps(name)))
    for name, item in value.items():
        if name in properties:
            check(item, properties[name], "%s.%s" % (where, name) if where != "request" else name)


_FAST = {}


def _fast_checker(schema):
    """The fast test of an array's items when they are objects of plain fields (envelope steps), else None."""
    key = id(schema)
    if key not in _FAST:
        plain = schema.get("type") == "object" and all(
            not set(field) - {"type", "minimum", "maximum", "exclusiveMinimum"}
            for field in schema.get("properties", {}).values())
        _FAST[key] = flat_checker(schema) if plain else None
    return _FAST[key]


def flat_checker(schema):
    """A fast test for objects of plain fields (a note): True when `value` is valid. Thousands of notes
    come in one call, and the general `check` walks the schema for each; on False, `check` tells why."""
    fields = {}
    for name, field in schema.get("properties", {}).items():
        if set(field) - {"type", "minimum", "maximum", "exclusiveMinimum"}:
            return lambda value: False  # not plain fields: `check` decides
        fields[name] = (field.get("type"), field.get("minimum"), field.get("maximum"), field.get("exclusiveMinimum"))
    required = frozenset(schema.get("required", ()))
    closed = schema.get("additionalProperties") is False

    def valid(value):
        if type(value) is not dict or not required.issubset(value):
            return False
        for name, item in value.items():
            field = fields.get(name)
            if field is None:
                if closed:
                    return False
                continue
            kind, low, high, above = field
            if not _type_ok(item, kind):
                return False
            if (low is not None and item < low) or (high is not None and item > high) or (
                    above is not None and item <= above):
                return False
        return True

    return valid


def _article(kind):
    return {"integer": "an integer", "object": "an object", "array": "an array"}.get(kind, "a " + kind)


def _start_and_end_together(message):
    if ("start" in message) != ("end" in message):
        raise bad_request("start and end come together (or neither, to clear the whole envelope)")


# What zod checks with `refine` across fields, which the generated tables cannot say (protocol/src/script.ts).
REFINEMENTS = {"erase_envelope": _start_and_end_together}


def validate_request(message):
    """The request if it is valid, else `bad_request` naming what is wrong."""
    if not isinstance(message, dict):
        raise bad_request("a request must be a JSON object")
    op = message.get("op")
    schema = REQUEST_SCHEMAS.get(op) if isinstance(op, str) else None
    if schema is None:
        raise bad_request("unknown operation %s" % json.dumps(op) if op is not None else "the request has no op")
    check(message, schema, "request")  # follows the schema: no deeper than it, whatever the line nests
    _check_depth(message)
    refinement = REFINEMENTS.get(op)
    if refinement is not None:
        refinement(message)
    if isinstance(message["id"], float):
        message["id"] = int(message["id"])
    return message


# Fields that hold any JSON value (`JsonValue`), and how deep below them a value may nest.
_FREE_FIELDS = {"value": LIMITS["maxJsonDepth"], "args": LIMITS["maxJsonDepth"] + 1}


def _check_depth(message):
    """JSON values are nested at most `maxJsonDepth` deep, as the bridge's `JsonValue`: what reads them
    (values.py) may recurse."""
    for field, limit in _FREE_FIELDS.items():
        if field in message and depth_exceeds(message[field], limit):
            raise bad_request("%s nests deeper than %d levels (maxJsonDepth)" % (field, LIMITS["maxJsonDepth"]))


def request_id_of(message):
    """The id of a (possibly invalid) request, if it has a usable one."""
    if isinstance(message, dict):
        value = message.get("id")
        if _is_integer(value) and 0 <= value <= 9007199254740991:
            return int(value)
    return None


def _not_json(constant):
    raise ValueError("%s is not JSON" % constant)


def depth_exceeds(value, limit):
    """Whether `value` nests containers `limit` or more deep; walked with a stack, not by recursion."""
    pending = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        if depth >= limit:
            return True
        for child in item:
            if isinstance(child, (dict, list)):
                pending.append((child, depth + 1))
    return False


def parse_line(line):
    """Decode one line: (requests, None), or ([], error reply) when it is not usable JSON.

    Never raises: whatever a line holds, its sender gets an answer at once.
    """
    try:
        text = line.decode("utf-8") if isinstance(line, (bytes, bytearray)) else line
        frame = json.loads(text, parse_constant=_not_json)  # NaN and Infinity, as JSON.parse refuses them
    except RecursionError:  # json nests by recursion: about 1,000 levels exhaust it
        return [], error_reply(None, bad_request(
            "the line nests deeper than %d levels" % LIMITS["maxJsonDepth"]))
    except (UnicodeDecodeError, ValueError) as error:
        return [], error_reply(None, bad_request("the line is not valid JSON: %s" % _short(error)))
    except Exception as error:  # MemoryError and the like: still an answer, never a silent line
        return [], error_reply(None, bad_request("the line cannot be read: %s" % _short(error)))
    if isinstance(frame, list):
        if not frame:
            return [], error_reply(None, bad_request("an empty batch"))
        if len(frame) > LIMITS["maxBatch"]:
            return [], error_reply(None, bad_request("a batch holds at most %d requests (maxBatch)" % LIMITS["maxBatch"]))
        return frame, None
    return [frame], None


def _short(error):
    text = str(error)
    return text if len(text) < 200 else text[:200] + "..."


def ok_reply(request_id, result, ref=None):
    reply = {"id": request_id, "ok": True, "result": result}
    if ref is not None:
        reply["ref"] = ref
    return reply


def error_reply(request_id, error):
    return {"id": request_id, "ok": False, "error": error.to_wire()}


def encode(message):
    """One line of JSON; NaN and infinities are not JSON and must not be sent."""
    return json.dumps(message, separators=(",", ":"), allow_nan=False).encode("utf-8") + b"\n"
