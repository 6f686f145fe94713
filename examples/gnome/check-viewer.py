#!/usr/bin/python3
# check-viewer.py: runs stance-viewer under Xvfb and checks what it showed
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# 1. The example story, with --demo-add: the viewer must load it, report as
#    many contradictions as the story's expected output lists, then one more
#    after the demo's stance is added (the live update), and save a
#    screenshot that is not blank: the size it reported, many colours, text
#    (dark pixels) where the two lists are, and the red of a "conflict".
# 2. The network page of the story (--page network): the network must be
#    drawn where the viewer says, with green (agreement) and red
#    (disagreement) ties, and the camps chart under it.
# 3. An invalid document: the viewer must say what is wrong and where (the
#    file and the member path) and exit 1, and its screenshot must show it.
#
# Needs nothing but Python: the PNG is decoded here with zlib.  Exits 77
# (skipped) when xvfb-run is missing.

import argparse
import json
import os
import re
import struct
import subprocess
import sys
import zlib

SKIP = 77


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def read_png(path):
    """Returns (width, height, rows): rows of RGBA bytes, 8 bits a channel."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, header = 8, [], None
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            fail(f"{path}: bad CRC in a {kind!r} chunk")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        fail(f"{path}: no IHDR")
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        fail(f"{path}: unexpected PNG format (depth {depth}, colour type {colour}, interlace {interlace})")

    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        fail(f"{path}: {len(raw)} bytes of pixel data for {width}x{height}")
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif kind != 0:
            fail(f"{path}: unknown filter {kind} on row {y}")
        if channels == 3:
            rgba = bytearray(width * 4)
            rgba[0::4], rgba[1::4], rgba[2::4] = line[0::3], line[1::3], line[2::3]
            rgba[3::4] = b"\xff" * width
            rows.append(bytes(rgba))
        else:
            rows.append(bytes(line))
        prev = line
    return width, height, rows


def pixels(rows, x, y, w, h):
    for row in rows[y:y + h]:
        for i in range(x * 4, (x + w) * 4, 4):
            yield row[i], row[i + 1], row[i + 2], row[i + 3]


def stats(rows, region):
    """Distinct colours, the share of dark (text) pixels and the number of
    strong red pixels in a region (x, y, w, h)."""
    colours, dark, red, total = set(), 0, 0, 0
    for r, g, b, a in pixels(rows, *region):
        total += 1
        colours.add((r, g, b, a))
        if a > 200 and 0.299 * r + 0.587 * g + 0.114 * b < 96:
            dark += 1
        if a > 200 and r > 150 and g < 70 and b < 80:
            red += 1
    return len(colours), dark / max(total, 1), red


def run(args, xvfb_run, extra, document, screenshot):
    command = [xvfb_run, "-a", "-s", "-screen 0 1280x1024x24",
               args.viewer, "--screenshot", screenshot] + extra + [document]
    print("running: " + " ".join(command))
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        fail("the viewer did not finish in 90 s")
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return done


def clip(region, width, height):
    x, y, w, h = region
    x, y = max(0, x), max(0, y)
    return x, y, max(0, min(w, width - x)), max(0, min(h, height - y))


def check_story(args, xvfb_run):
    with open(args.expected, encoding="utf-8") as f:
        expected = len(json.load(f)["contradictions"])
    screenshot = os.path.join(args.outdir, "viewer.png")
    if os.path.exists(screenshot):
        os.remove(screenshot)

    done = run(args, xvfb_run, ["--demo-add"], args.story, screenshot)
    if done.returncode != 0:
        fail(f"the viewer exited with {done.returncode}")

    # The live update: the count as loaded, then one more after the edit.
    counts = [(int(n), int(new)) for n, new in re.findall(r"^contradictions: (\d+) \((\d+) new\)$",
                                                          done.stdout, re.M)]
    if not re.search(r"^added: \S+$", done.stdout, re.M):
        fail("the viewer did not report the demo's edit")
    if len(counts) < 2:
        fail(f"expected the contradictions to be reported twice, got {counts}")
    if counts[0] != (expected, 0):
        fail(f"the story has {expected} contradictions; the viewer showed {counts[0][0]}")
    if counts[-1] != (expected + 1, 1):
        fail(f"after the demo's stance expected {expected + 1} contradictions, 1 new; got {counts[-1]}")

    shot = re.search(r"^screenshot: (.+) (\d+)x(\d+)$", done.stdout, re.M)
    if not shot:
        fail("the viewer did not report its screenshot")
    width, height, rows = read_png(screenshot)
    if (width, height) != (int(shot.group(2)), int(shot.group(3))):
        fail(f"the PNG is {width}x{height}, the viewer said {shot.group(2)}x{shot.group(3)}")
    if width < 900 or height < 600:
        fail(f"the window is too small: {width}x{height}")

    colours, dark, _ = stats(rows, (0, 0, width, height))
    print(f"whole window: {width}x{height}, {colours} colours, {dark:.1%} dark")
    if colours < 256:
        fail(f"only {colours} colours: a blank or nearly blank window")

    regions = {name: tuple(map(int, box)) for name, *box in
               re.findall(r"^region (\w+): (-?\d+) (-?\d+) (\d+) (\d+)$", done.stdout, re.M)}
    for name in ("timeline", "contradictions"):
        if name not in regions:
            fail(f"the viewer did not report where its {name} list is")
        region = clip(regions[name], width, height)
        if region[2] < 200 or region[3] < 300:
            fail(f"the {name} list is too small: {region}")
        colours, dark, red = stats(rows, region)
        print(f"{name} at {region}: {colours} colours, {dark:.1%} dark, {red} red pixels")
        if colours < 64 or dark < 0.01:
            fail(f"no text in the {name} list")
        if name == "contradictions" and red < 200:
            fail("no red \"conflict\" label in the contradictions list")
    print(f"ok: {expected} contradictions, {expected + 1} after the live update; screenshot {screenshot}")


def check_network(args, xvfb_run):
    screenshot = os.path.join(args.outdir, "viewer-network.png")
    if os.path.exists(screenshot):
        os.remove(screenshot)
    done = run(args, xvfb_run, ["--page", "network"], args.story, screenshot)
    if done.returncode != 0:
        fail(f"the viewer exited with {done.returncode} on the network page")
    width, height, rows = read_png(screenshot)
    regions = {name: tuple(map(int, box)) for name, *box in
               re.findall(r"^region (\w+): (-?\d+) (-?\d+) (\d+) (\d+)$", done.stdout, re.M)}
    if "network" not in regions:
        fail("the viewer did not report where its network is")
    region = clip(regions["network"], width, height)
    if region[2] < 400 or region[3] < 250:
        fail(f"the network is too small: {region}")
    green = red = 0
    for r, g, b, a in pixels(rows, *region):
        if a > 200 and g > 150 and r < 120 and b < 160:
            green += 1
        if a > 200 and r > 180 and g < 90 and b < 90:
            red += 1
    colours, dark, _ = stats(rows, region)
    print(f"network at {region}: {colours} colours, {dark:.1%} dark, {green} green and {red} red pixels")
    if green < 500 or red < 500:
        fail("the network shows no agreeing (green) or no disagreeing (red) ties")
    if dark < 0.002:
        fail("the network shows no names")
    below = clip((region[0], region[1] + region[3], region[2], height - region[1] - region[3]), width, height)
    colours, dark, _ = stats(rows, below)
    if colours < 64 or dark < 0.005:
        fail("no camps chart under the network")
    print(f"ok: the network page; screenshot {screenshot}")


def check_invalid(args, xvfb_run):
    document = os.path.join(args.outdir, "invalid-story.json")
    screenshot = os.path.join(args.outdir, "viewer-invalid.png")
    with open(document, "w", encoding="utf-8") as f:
        json.dump({"stance": 1,
                   "actors": [{"id": "trump", "name": "Donald J. Trump"}],
                   "claims": [{"id": "cyber-unit", "text": "Form a joint US–Russian cyber-security unit"}],
                   "statements": [{"id": "t1", "speaker": "trump", "time": "2017-07-09",
                                   "stances": [{"kind": "proposes", "target": "cyber-unt"}]}]}, f)
    if os.path.exists(screenshot):
        os.remove(screenshot)

    done = run(args, xvfb_run, [], document, screenshot)
    if done.returncode != 1:
        fail(f"an invalid document should make the viewer exit 1, not {done.returncode}")
    if "invalid-story.json" not in done.stderr or 'statements[0] ("t1").stances[0].target' not in done.stderr:
        fail("the error does not say where the document is wrong")
    width, height, rows = read_png(screenshot)
    colours, dark, _ = stats(rows, (0, 0, width, height))
    print(f"error window: {width}x{height}, {colours} colours, {dark:.2%} dark")
    if colours < 64 or dark < 0.002:
        fail("the error window shows nothing")
    print("ok: the invalid document is refused with its path")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewer", required=True)
    parser.add_argument("--story", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--xvfb-run", default="")
    parser.add_argument("--outdir", default=".")
    args = parser.parse_args()

    if not args.xvfb_run or not os.access(args.xvfb_run, os.X_OK):
        print("SKIP: xvfb-run is not installed")
        sys.exit(SKIP)

    check_story(args, args.xvfb_run)
    check_network(args, args.xvfb_run)
    check_invalid(args, args.xvfb_run)


if __name__ == "__main__":
    main()
