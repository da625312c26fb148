#!/usr/bin/env python3
"""The layer check's own test: on small planted trees it passes a tree that keeps the rule and
fails, naming the file and line, each kind of include the rule forbids; so the check of the real
tree (ctest `layering`) cannot pass because it read nothing or resolved nothing."""

import os
import subprocess
import sys
import tempfile

CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "layering.py")

# A tree that keeps the rule: each layer includes itself and the layers below it.
GOOD = {
    "common/personaldata.h": "#pragma once\n",
    "drivers/device/device.h": '#pragma once\n#include "common/personaldata.h"\n',
    "drivers/idcard/sim/simcards.h": '#pragma once\n#include "device/device.h"\n',
    "offline/outboxstore.h": '#pragma once\n#include "common/personaldata.h"\n',
    "app/core/catalogue.h": "#pragma once\n",
    "app/platform/requestsigner.h": "#pragma once\n",
    "app/journey/kioskruntime.h": '#pragma once\n#include "device/device.h"\n#include "outboxstore.h"\n',
    "ui/kioskshell.cpp": '#include "kioskruntime.h"\n#include "common/personaldata.h"\n#include "kioskshell.moc"\n',
    "app/kiosk/kioskprocess.cpp": '#include "kioskshell.h"\n#include "kioskruntime.h"\n',
    "ui/kioskshell.h": "#pragma once\n",
    "refplatform/refplatform.cpp": '#include "requestsigner.h"\n#include "idcard/sim/simcards.h"\n#include "catalogue.h"\n',
    "bench/outboxbench.h": "#pragma once\n",
    "bench/outboxbench.cpp": '#include "outboxbench.h"\n#include "outboxstore.h"\n#include "kioskshell.h"\n',
}

# Each planted include the rule forbids, as (file, its contents, the line the check must name).
BAD = [
    ("ui/maintenanceshell.cpp", '#include "kioskruntime.h"\n#include "outboxstore.h"\n', "ui/maintenanceshell.cpp:2: ui -> offline"),
    ("ui/camerapreview.cpp", '#include "device/device.h"\n', "ui/camerapreview.cpp:1: ui -> drivers"),
    ("drivers/device/outboxdevice.cpp", '#include "outboxstore.h"\n', "drivers/device/outboxdevice.cpp:1: drivers -> offline"),
    ("offline/outboxsender.cpp", '\n#include "idcard/sim/simcards.h"\n', "offline/outboxsender.cpp:2: offline -> drivers"),
    ("app/journey/screen.cpp", '#include "kioskshell.h"\n', "app/journey/screen.cpp:1: app -> ui"),
    ("common/masking.cpp", '#include "device/device.h"\n', "common/masking.cpp:1: common -> drivers"),
    ("refplatform/server.cpp", '#include "kioskruntime.h"\n', "refplatform/server.cpp:1: refplatform -> app"),
    ("app/ctl/benchcommand.cpp", '#include "outboxbench.h"\n', "app/ctl/benchcommand.cpp:1: app -> bench"),
]


def plant(root, files):
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)


def check(root):
    run = subprocess.run([sys.executable, CHECK, "--root", root], capture_output=True, text=True)
    return run.returncode, run.stdout + run.stderr


def main():
    failures = []
    with tempfile.TemporaryDirectory() as empty:
        code, out = check(empty)
        if code != 2:
            failures.append(f"an empty tree must not pass (exit {code}):\n{out}")

    with tempfile.TemporaryDirectory() as root:
        plant(root, GOOD)
        code, out = check(root)
        if code != 0:
            failures.append(f"a tree that keeps the rule failed (exit {code}):\n{out}")

    for path, text, expected in BAD:
        with tempfile.TemporaryDirectory() as root:
            plant(root, GOOD)
            plant(root, {path: text})
            code, out = check(root)
            if code != 1 or expected not in out:
                failures.append(f"planted {path} ({expected}) was not reported (exit {code}):\n{out}")
            elif len(out.strip().splitlines()) != 2:
                failures.append(f"planted {path} reported more than its own include:\n{out}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"layering self-test: {len(BAD) + 2 - len(failures)} of {len(BAD) + 2} cases as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
