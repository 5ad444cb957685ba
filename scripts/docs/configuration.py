#!/usr/bin/env python3
"""Regenerates the key table of docs/configuration.md from the configuration reference.

    python3 scripts/docs/configuration.py

Each key's description is the comment block above it in
config/src/main/resources/org/hotline/config/hotline-reference.properties.
"""
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
reference = root / "config/src/main/resources/org/hotline/config/hotline-reference.properties"
doc = root / "docs/configuration.md"

rows, comment = [], []
for line in reference.read_text(encoding="utf-8").splitlines():
    if line.startswith("# ---"):
        comment = []
    elif line.startswith("#"):
        comment.append(line[1:].strip())
    elif line.startswith("hotline.") and "=" in line:
        key, value = line.split("=", 1)
        rows.append((key, value, " ".join(c for c in comment if c)))
        comment = []
    else:
        comment = []

header = "| key | default | what it does |"
table = header + "\n|---|---|---|\n" + "\n".join(
    f"| `{k}` | {('`' + v + '`') if v else '(empty)'} | {c} |" for k, v, c in rows)
text = doc.read_text(encoding="utf-8")
start = text.index(header)
end = text.find("\n\n", start)
doc.write_text(text[:start] + table + (text[end:] if end >= 0 else "\n"), encoding="utf-8")
print(f"{doc.relative_to(root)}: {len(rows)} keys")
