"""The script runs inside Live 11 and 12: Python 3.7 syntax, the standard library only."""
import ast
import os
import sys
import unittest

from support import SCRIPT_DIR

# What Live's embedded Python offers besides the standard library.
LIVE_MODULES = {"Live", "_Framework"}
STDLIB = set(getattr(sys, "stdlib_module_names", ())) or {
    "json", "os", "re", "socket", "sys", "time", "math", "errno", "tempfile", "traceback", "contextlib"}


def script_sources():
    for name in sorted(os.listdir(SCRIPT_DIR)):
        if name.endswith(".py"):
            path = os.path.join(SCRIPT_DIR, name)
            with open(path) as handle:
                yield name, handle.read()


class ScriptSource(unittest.TestCase):
    def test_every_file_is_python_3_7(self):
        names = []
        for name, source in script_sources():
            ast.parse(source, filename=name, feature_version=(3, 7))
            names.append(name)
        self.assertIn("surface.py", names)

    def test_a_newer_construct_is_caught(self):
        with self.assertRaises(SyntaxError):
            ast.parse("if (x := 1):\n    pass\n", feature_version=(3, 7))

    def test_imports_only_the_standard_library_and_live(self):
        for name, source in script_sources():
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    with self.subTest(file=name, module=module):
                        self.assertTrue(top in STDLIB or top in LIVE_MODULES, "%s imports %s" % (name, module))

    def test_only_the_live_facing_modules_import_live(self):
        live_facing = {"surface.py", "notes.py"}
        for name, source in script_sources():
            imports_live = any(
                isinstance(node, (ast.Import, ast.ImportFrom))
                and any((getattr(node, "module", None) or "").startswith(m) or
                        any(a.name.startswith(m) for a in getattr(node, "names", [])) for m in LIVE_MODULES)
                and not (isinstance(node, ast.ImportFrom) and node.level > 0)
                for node in ast.walk(ast.parse(source)))
            if imports_live:
                self.assertIn(name, live_facing, "%s imports Live" % name)


if __name__ == "__main__":
    unittest.main()
