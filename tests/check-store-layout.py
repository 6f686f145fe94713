#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Only the store and the snapshot know how records are laid out.

    check-store-layout.py SOURCE-ROOT

Every other C file of the library, the tool and the tests goes through the
store's private API (stance-store-private.h): counts, accessors,
STANCE_STORE_FOREACH_STANCE_OF, setters.  This fails, naming the line, when
one of them uses a record type, the record macros, the stance flags, the
statements' out-of-line part or the record arrays themselves (see doc/design.md, "The store's private API").
"""

import os
import re
import sys

root = sys.argv[1]
LAYOUT = re.compile(
    r"\bStance(Actor|Claim|Statement|Stance|Kind)Record\b"
    r"|\bSTANCE_STORE_(ACTOR|CLAIM|STATEMENT|STANCE|KIND)\b"
    r"|\bSTANCE_RECORDS_INDEX\b"
    r"|\bSTANCE_STANCE_(HAS_META|EXPLICIT_HOLDER|REMOVED)\b"
    r"|\bstore->(actors|claims|statements|stances|kinds|extras)\b"
    r"|\bStanceStatementExtra\b|\b_stance_store_statement_(peek_)?extra\b"
    r"|\bStanceRecords\b|\b_stance_records_\w+|\b_stance_store_check_capacity\b"
)
# The two files that may, and must: the store, and the snapshot that maps
# the records on disk as they are in memory.
ALLOWED = {os.path.join("libstance", "stance-store.c"), os.path.join("libstance", "stance-snapshot.c")}

sources = []
for top in ("libstance", "tests", "examples"):
    for directory, _, names in os.walk(os.path.join(root, top)):
        for name in sorted(names):
            if name.endswith(".c"):
                sources.append(os.path.relpath(os.path.join(directory, name), root))
sources.sort()

print("1..2")

# Not vacuous: the patterns do find the layout where it lives.
with open(os.path.join(root, "libstance", "stance-store.c"), encoding="utf-8") as f:
    found = sum(1 for line in f if LAYOUT.search(line))
print(("ok" if found > 0 else "not ok") + f" 1 - the store itself uses the layout ({found} lines)")

offences = []
checked = [path for path in sources if path not in ALLOWED]
for path in checked:
    with open(os.path.join(root, path), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if LAYOUT.search(line):
                offences.append(f"{path}:{number}: {line.strip()}")
for offence in offences:
    print("# " + offence)
print(("ok" if not offences else "not ok") + f" 2 - no other file knows the record layout ({len(checked)} files)")
sys.exit(1 if offences else 0)
