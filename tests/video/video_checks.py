#!/usr/bin/env python3
"""Checks of `loopscope record`, run by ctest under xvfb-run.

  probe --codec C --size WxH --fps F --seconds MIN MAX [--min-distinct N] LOOPSCOPE OUT -- RECORD-ARGS...
      records OUT (`loopscope record -o OUT RECORD-ARGS...`), then decodes it with ffprobe and
      ffmpeg: codec, size, pixel format, frame count and duration in range, and at least N
      distinct frames (the playhead really moves), the first and last frame different.
  missing LOOPSCOPE DIR -- RECORD-ARGS...
      no ffmpeg on PATH: exit status 2, a message naming the Debian package, nothing written.
  failing LOOPSCOPE DIR -- RECORD-ARGS...
      an ffmpeg that fails: a clear error, exit status 1, nothing written.
  cancel LOOPSCOPE DIR -- RECORD-ARGS...
      SIGTERM in the middle of a recording: it stops, and nothing is left in DIR.
"""
import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def record(loopscope, out, args, env=None, **kwargs):
    cmd = [loopscope, "record", "-o", out, *args]
    print("$", " ".join(cmd))
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, **kwargs)


def ffprobe_stream(path):
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
         "stream=codec_name,width,height,pix_fmt,nb_read_frames,r_frame_rate:format=duration", "-of", "json", path],
        capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    stream = data["streams"][0]
    stream["duration"] = float(data["format"]["duration"])
    return stream


def frame_hashes(path):
    """One hash per decoded frame (RGB), in order."""
    out = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "framemd5", "-pix_fmt", "rgb24", "-"],
                         capture_output=True, text=True, check=True).stdout
    return [line.split(",")[-1].strip() for line in out.splitlines() if line and not line.startswith("#")]


def probe(a):
    if os.path.exists(a.out):
        os.remove(a.out)
    result = record(a.loopscope, a.out, a.args)
    sys.stdout.write(result.stderr)
    if result.returncode != 0:
        fail(f"record exited {result.returncode}")
    s = ffprobe_stream(a.out)
    print("ffprobe:", s)
    width, height = (int(v) for v in a.size.split("x"))
    if s["codec_name"] != a.codec:
        fail(f"codec {s['codec_name']}, wanted {a.codec}")
    if (s["width"], s["height"]) != (width, height):
        fail(f"size {s['width']}x{s['height']}, wanted {a.size}")
    if a.codec == "h264" and s["pix_fmt"] != "yuv420p":
        fail(f"pixel format {s['pix_fmt']}: players want yuv420p")
    frames = int(s["nb_read_frames"])
    low, high = a.seconds
    if not low <= s["duration"] <= high:
        fail(f"duration {s['duration']} s, wanted {low}..{high}")
    if not round(low * a.fps) <= frames <= round(high * a.fps):
        fail(f"{frames} frames, wanted {low}..{high} s at {a.fps} fps")
    hashes = frame_hashes(a.out)
    if len(hashes) != frames:
        fail(f"decoded {len(hashes)} frames, ffprobe counted {frames}")
    distinct = len(set(hashes))
    print(f"{frames} frames, {distinct} distinct, {s['duration']} s")
    if distinct < a.min_distinct:
        fail(f"only {distinct} distinct frames: the playback does not move")
    if hashes[0] == hashes[-1]:
        fail("the first and last frames are the same")
    print("OK")


def leftovers(folder):
    return sorted(os.listdir(folder))


def missing(a):
    os.makedirs(a.dir, exist_ok=True)
    out = os.path.join(a.dir, "missing.mp4")
    env = {k: v for k, v in os.environ.items() if k != "LOOPSCOPE_FFMPEG"}
    env["PATH"] = tempfile.mkdtemp()  # an empty folder: no ffmpeg, nothing else either
    result = record(a.loopscope, out, a.args, env=env)
    print(result.stderr)
    if result.returncode != 2:
        fail(f"exit status {result.returncode}, wanted 2")
    if "ffmpeg" not in result.stderr or "apt-get install ffmpeg" not in result.stderr:
        fail("the message does not name the ffmpeg program and its Debian package")
    if os.path.exists(out):
        fail("a file was written")
    print("OK")


def failing(a):
    os.makedirs(a.dir, exist_ok=True)
    out = os.path.join(a.dir, "failing.mp4")
    env = dict(os.environ, LOOPSCOPE_FFMPEG="/bin/false")
    result = record(a.loopscope, out, a.args, env=env)
    print(result.stderr)
    if result.returncode != 1:
        fail(f"exit status {result.returncode}, wanted 1")
    if "ffmpeg" not in result.stderr:
        fail("the message does not say ffmpeg failed")
    if leftovers(a.dir):
        fail(f"left behind: {leftovers(a.dir)}")
    print("OK")


def cancel(a):
    os.makedirs(a.dir, exist_ok=True)
    for name in leftovers(a.dir):
        os.remove(os.path.join(a.dir, name))
    out = os.path.join(a.dir, "cancelled.mp4")
    cmd = [a.loopscope, "record", "-o", out, "--progress", *a.args]
    print("$", " ".join(cmd))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    total = 0
    for line in proc.stdout:
        parts = line.split()
        if parts[:1] == ["progress"]:
            done, total = int(parts[1]), int(parts[2])
            if done >= 5:
                break
    else:
        fail("no progress lines before the end")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    print(err)
    if proc.returncode == 0:
        fail("a cancelled recording reported success")
    if "cancelled" not in err:
        fail("stderr does not say the recording was cancelled")
    if leftovers(a.dir):
        fail(f"left behind: {leftovers(a.dir)}")
    print(f"cancelled at frame >= 5 of {total}: OK")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("probe")
    p.add_argument("loopscope")
    p.add_argument("out")
    p.add_argument("--codec", required=True)
    p.add_argument("--size", required=True)
    p.add_argument("--fps", type=float, required=True)
    p.add_argument("--seconds", type=float, nargs=2, required=True)
    p.add_argument("--min-distinct", type=int, default=10)
    p.add_argument("args", nargs=argparse.REMAINDER)
    for name in ("missing", "failing", "cancel"):
        q = sub.add_parser(name)
        q.add_argument("loopscope")
        q.add_argument("dir")
        q.add_argument("args", nargs=argparse.REMAINDER)
    a = parser.parse_args()
    a.args = [x for x in a.args if x != "--"]
    {"probe": probe, "missing": missing, "failing": failing, "cancel": cancel}[a.what](a)


if __name__ == "__main__":
    main()
