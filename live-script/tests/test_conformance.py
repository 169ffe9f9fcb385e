"""Public remote scripts, unmodified, load on the simulator and their operations pass, in Live 11 and
Live 12 modes (live-script/tools/conformance.py, --direct: AbletonOSC's handlers are called directly,
nothing is sent over a network). None of them is committed: AbletonJS comes from npm (the `ableton-js`
devDependency), AbletonOSC and XoneK2 are downloaded by hand (live-script/tests/third_party/README.md);
a script that is not on this machine is skipped, and the skip says where to get it."""
import os
import sys
import unittest

TOOLS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools")
if TOOLS not in sys.path:
    sys.path.insert(0, TOOLS)
import conformance  # noqa: E402


class ConformanceTest(unittest.TestCase):
    reports = {}  # mode: the runner's report, made once for all the scripts present

    def check(self, mode, name):
        reason = conformance.missing(name)
        if reason:
            self.skipTest(reason)
        if mode not in self.reports:
            self.reports[mode] = conformance.run_mode(mode, direct=True)
        script = next(s for s in self.reports[mode]["scripts"] if s["script"] == name)
        self.assertTrue(script["loaded"], "%s did not load: %s" % (name, script.get("load_error")))
        self.assertGreaterEqual(len(script["results"]), 10, name)
        failed = ["%s: %s\n%s" % (r["op"], r["why"], r.get("trace", "")) for r in script["results"] if not r["ok"]]
        self.assertEqual(failed, [], "%s, Live %s" % (name, mode))
        self.assertNotIn("close_error", script, script.get("close_error"))

    def test_xonek2_live_11(self):
        self.check("11", "XoneK2")

    def test_xonek2_live_12(self):
        self.check("12", "XoneK2")

    def test_abletonosc_live_11(self):
        self.check("11", "AbletonOSC")

    def test_abletonosc_live_12(self):
        self.check("12", "AbletonOSC")

    def test_abletonjs_live_11(self):
        self.check("11", "AbletonJS")

    def test_abletonjs_live_12(self):
        self.check("12", "AbletonJS")

    def test_every_script_is_checked(self):
        self.assertEqual(sorted(conformance.SCRIPTS), sorted(conformance.SOURCES))

    def test_the_scripts_come_with_their_license(self):
        for name in conformance.available():
            folder = conformance.download(name)  # the repository's root, or the npm package's
            self.assertTrue(any(f.startswith("LICENSE") for f in os.listdir(folder)), name)

    def test_a_missing_script_is_skipped_with_where_to_get_it(self):
        saved = conformance.THIRD_PARTY
        conformance.THIRD_PARTY = os.path.join(TOOLS, "no-such-folder")
        try:
            reason = conformance.missing("AbletonOSC")
            report = conformance.run_mode("12", direct=True, scripts=("AbletonOSC",))
        finally:
            conformance.THIRD_PARTY = saved
        self.assertIn(conformance.SOURCES["AbletonOSC"]["repository"], reason)
        self.assertIn(conformance.SOURCES["AbletonOSC"]["commit"], reason)
        self.assertEqual(report["scripts"], [{"script": "AbletonOSC", "skipped": reason, "loaded": False,
                                              "results": []}])


if __name__ == "__main__":
    unittest.main()
