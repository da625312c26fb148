#!/usr/bin/env python3
"""Checks the layer rule of docs/architecture.md on every quoted include of the sources.

    ui -> app -> drivers, offline -> common

Each `#include "..."` of a source under common/ drivers/ offline/ app/ ui/ refplatform/ bench/ is
resolved to the file it names, and so to that file's layer; every include the rule forbids is
printed as FILE:LINE with both layers and the reason. The exit code is 1 when there is one, 0
otherwise, 2 when the tree holds no source at all (a check that read nothing must not pass).

    tests/layering/layering.py [--root DIR]
"""

import argparse
import os
import re
import sys

SOURCE_FOLDERS = ("common", "drivers", "offline", "app", "ui", "refplatform", "bench")
SUFFIXES = (".h", ".hpp", ".cpp", ".cc", ".c")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')

# What each layer may include besides itself. `kiosk` is app/kiosk, the process that joins the
# kiosk's logic to its screens: the one place above ui/.
ALLOWED = {
    "common": set(),
    "drivers": {"common"},
    "offline": {"common"},
    "app": {"drivers", "offline", "common"},
    "ui": {"app", "common"},
    "kiosk": {"ui", "app", "drivers", "offline", "common"},
    "refplatform": {"common"},
    "bench": {"common", "drivers", "offline", "app", "ui", "kiosk", "refplatform"},
}

# The reference platform stands on the other side of the contract: beyond common/ it may use the
# contract's pure code and the simulators' demo data, file by file.
REFPLATFORM_MAY_USE = {
    "app/platform/requestsigner.h": "the contract's request signer",
    "app/core/catalogue.h": "the contract's catalogue document, which it serves",
    "app/core/localizedtext.h": "the catalogue document's texts",
    "drivers/idcard/sim/simcards.h": "the simulators' demo cards",
    "drivers/idcard/idcardholder.h": "the demo cards' type",
    "drivers/idcard/citizennumber.h": "the demo cards' number rule (who holds a network identity)",
}

WHY = {
    "drivers": "drivers/ knows nothing of the outbox, the kiosk's logic or the UI",
    "offline": "offline/ knows nothing of the devices, the kiosk's logic or the UI",
    "common": "common/ is below every layer and includes none",
    "app": "app/ reaches the UI never; ui/ adapts app/ to QML",
    "ui": "ui/ reaches devices and the outbox only through app/",
    "kiosk": "the kiosk process is the top; nothing but the benchmarks includes it",
    "refplatform": "the reference platform uses only the request signer, the catalogue document and the demo cards",
}
NOTHING_USES_BENCH = "nothing includes bench/: it is a program of its own"


def layer_of(path):
    """The layer of a path relative to the root, or None outside the checked folders."""
    parts = path.split("/")
    top = parts[0]
    if top not in SOURCE_FOLDERS:
        return None
    if top == "app" and len(parts) > 1 and parts[1] == "kiosk":
        return "kiosk"
    return top


def sources(root):
    for top in SOURCE_FOLDERS:
        base = os.path.join(root, top)
        for directory, subdirs, files in os.walk(base):
            subdirs.sort()
            for name in sorted(files):
                if name.endswith(SUFFIXES):
                    yield os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/")


def resolver(all_files):
    by_suffix = {}
    for path in all_files:
        parts = path.split("/")
        for i in range(len(parts)):
            by_suffix.setdefault("/".join(parts[i:]), []).append(path)
    known = set(all_files)

    def resolve(including, name):
        # As the compiler does: beside the including file first, then the include directories,
        # which are the folders of the libraries (so a name is a path's tail).
        beside = os.path.normpath(os.path.join(os.path.dirname(including), name)).replace(os.sep, "/")
        if beside in known:
            return beside
        if name in known:
            return name
        candidates = by_suffix.get(name.lstrip("./"), [])
        if not candidates:
            return None  # Qt's generated headers (*.moc, ui_*.h), system headers in quotes
        own = [c for c in candidates if layer_of(c) == layer_of(including)]
        return sorted(own or candidates)[0]

    return resolve


def violations(root):
    files = list(sources(root))
    resolve = resolver(files)
    found = []
    for path in files:
        source_layer = layer_of(path)
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = resolve(path, match.group(1))
                if target is None:
                    continue
                target_layer = layer_of(target)
                if target_layer == source_layer:
                    continue
                if source_layer == "refplatform" and target in REFPLATFORM_MAY_USE:
                    continue
                if target_layer in ALLOWED[source_layer]:
                    continue
                reason = NOTHING_USES_BENCH if target_layer == "bench" else WHY[source_layer]
                found.append((path, number, source_layer, target_layer, target, reason))
    return files, found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    args = parser.parse_args()
    root = os.path.abspath(args.root)

    files, found = violations(root)
    if not files:
        print(f"layering: no sources under {root}: nothing was checked", file=sys.stderr)
        return 2
    for path, number, source_layer, target_layer, target, reason in found:
        print(f"{path}:{number}: {source_layer} -> {target_layer}: includes {target} ({reason})")
    edges = {}
    for _, _, source_layer, target_layer, _, _ in found:
        edges[(source_layer, target_layer)] = edges.get((source_layer, target_layer), 0) + 1
    summary = ", ".join(f"{a} -> {b}: {n}" for (a, b), n in sorted(edges.items()))
    if found:
        print(f"layering: {len(found)} include(s) break the layer rule in {len(files)} files ({summary})")
        return 1
    print(f"layering: {len(files)} files keep the layer rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())
