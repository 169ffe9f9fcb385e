"""The script answers every exchange of protocol/fixtures/script/exchanges exactly as recorded
(the same fixtures the zod schemas parse in protocol/src/fixtures.test.ts)."""
import json
import os
import unittest

from exchanges import exchange_files, run_exchange


class ScriptKeepsTheRecordedContract(unittest.TestCase):
    def test_every_exchange_replays_exactly(self):
        files = exchange_files()
        self.assertGreaterEqual(len(files), 8)
        for path in files:
            with open(path) as handle:
                exchange = json.load(handle)
            with self.subTest(exchange=os.path.basename(path)):
                received = run_exchange(exchange)
                for index, (step, messages) in enumerate(zip(exchange["steps"], received)):
                    self.assertEqual(messages, step["receive"], "step %d of %s" % (index, os.path.basename(path)))


if __name__ == "__main__":
    unittest.main()
