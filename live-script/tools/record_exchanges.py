"""Record what the script answers into protocol/fixtures/script/exchanges/*.json.

    python3 live-script/tools/record_exchanges.py [NAME...]

Run it after changing the script's behaviour on purpose, then read the diff:
the fixtures are the reviewed contract that both the TypeScript schemas and
the Python replay test hold the script to.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))

from exchanges import exchange_files, run_exchange  # noqa: E402


def main(names):
    for path in exchange_files():
        if names and not any(name in os.path.basename(path) for name in names):
            continue
        with open(path) as handle:
            exchange = json.load(handle)
        for step, messages in zip(exchange["steps"], run_exchange(exchange)):
            step["receive"] = messages
        with open(path, "w") as handle:
            json.dump(exchange, handle, indent=2)
            handle.write("\n")
        print("recorded %s" % os.path.relpath(path))


if __name__ == "__main__":
    main(sys.argv[1:])
