#!/usr/bin/env python3
"""Puts the current ActivityPub examples into docs/FEDERATION.md.

Each `<!-- example: NAME -->` marker is followed by a ```json block; the block is replaced by
node/src/test/resources/activitypub/examples/NAME.json (written by DocumentExamplesTest with
-Dok.examples.write=true).
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
doc = root / "docs" / "FEDERATION.md"
examples = root / "node" / "src" / "test" / "resources" / "activitypub" / "examples"
pattern = re.compile(r"(<!-- example: ([a-z0-9-]+) -->\n)```json\n.*?```", re.S)


def replace(match):
    body = (examples / (match.group(2) + ".json")).read_text(encoding="utf-8").strip()
    return match.group(1) + "```json\n" + body + "\n```"


doc.write_text(pattern.sub(replace, doc.read_text(encoding="utf-8")), encoding="utf-8")
