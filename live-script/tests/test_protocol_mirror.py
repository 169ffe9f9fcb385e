"""The Python side accepts and refuses exactly what the zod schemas do (shared fixtures)."""
import json
import unittest

from support import load_fixture

# the script's pure modules, without Live
from LiveSurface.errors import RequestError
from LiveSurface.paths import parse_path
from LiveSurface.protocol import check, parse_line, validate_request
from LiveSurface.protocol_constants import ERROR_CODES, NOTE_SCHEMAS, PROTOCOL_VERSION


def line_text(case):
    return case["line"] if case.get("raw") else json.dumps(case["line"])


class RequestsMirror(unittest.TestCase):
    def test_valid_lines_are_accepted(self):
        cases = load_fixture("script", "requests.json")["valid"]
        self.assertGreater(len(cases), 10)
        for case in cases:
            with self.subTest(case["name"]):
                requests, error = parse_line(line_text(case).encode("utf-8"))
                self.assertIsNone(error)
                for request in requests:
                    validate_request(request)

    def test_invalid_lines_are_refused_with_bad_request(self):
        cases = load_fixture("script", "requests.json")["invalid"]
        self.assertGreater(len(cases), 20)
        for case in cases:
            with self.subTest(case["name"]):
                requests, error = parse_line(line_text(case).encode("utf-8"))
                if error is not None:
                    self.assertEqual(error["error"]["code"], "bad_request")
                    continue
                refused = []
                for request in requests:
                    try:
                        validate_request(request)
                    except RequestError as problem:
                        refused.append(problem.code)
                self.assertIn("bad_request", refused)

    def test_a_float_id_that_is_an_integer_becomes_an_integer(self):
        request = validate_request({"op": "get", "id": 6.0, "target": "live_set", "prop": "tempo"})
        self.assertIs(type(request["id"]), int)

    def test_the_version_and_codes_are_the_generated_ones(self):
        self.assertEqual(PROTOCOL_VERSION, 1)
        self.assertIn("gone", ERROR_CODES)


class PathsMirror(unittest.TestCase):
    def test_valid_paths(self):
        for case in load_fixture("paths.json")["valid"]:
            with self.subTest(case["text"]):
                parsed = parse_path(case["text"])
                self.assertEqual(parsed.to_json(), case["parsed"])
                self.assertEqual(parsed.format(), case["canonical"])

    def test_invalid_paths(self):
        for case in load_fixture("paths.json")["invalid"]:
            with self.subTest(case["reason"]):
                with self.assertRaises(RequestError) as caught:
                    parse_path(case["text"])
                self.assertEqual(caught.exception.code, "bad_request")


class NotesMirror(unittest.TestCase):
    def test_note_specs_and_changes(self):
        fixture = load_fixture("script", "notes.json")
        for kind in ("spec", "modification"):
            for note in fixture[kind]["valid"]:
                with self.subTest(kind=kind, note=note):
                    check(note, NOTE_SCHEMAS[kind], "note")
            for note in fixture[kind]["invalid"]:
                with self.subTest(kind=kind, note=note):
                    with self.assertRaises(RequestError):
                        check(note, NOTE_SCHEMAS[kind], "note")


if __name__ == "__main__":
    unittest.main()
