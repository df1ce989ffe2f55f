#!/usr/bin/env python3
"""Slow uploads: opens COUNT multipart uploads at once and trickles each file at RATE bytes/s.

Each upload declares its full Content-Length up front, sends the text fields and the file
part header, then RATE/4 bytes every 250 ms for DURATION seconds, then the closing boundary,
and reads the answer (waiting up to ANSWER_TIMEOUT). Connections open over RAMP seconds.
Everything stops at RAMP + DURATION + ANSWER_TIMEOUT + 30 s whatever happens. Prints one
JSON line: {"uploads":..,"ok":..,"failed":..,"errors":{..},"answer_after_last_byte":{..}}.

    trickle.py --url http://127.0.0.1:8080/api/v2/file/upload --count 500 --rate 16384 \
        --duration 30 --field access_token=... --field account_id=1 --tag run1
"""
import argparse
import asyncio
import collections
import json
import os
import re
import sys
import urllib.parse

TICK = 0.25


def multipart(fields, boundary, filename, size):
    head = b""
    for name, value in fields:
        head += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                 f"{value}\r\n").encode()
    head += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"upload_file\"; "
             f"filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    return head, tail, len(head) + size + len(tail)


outcome_waits = []  # seconds from the last byte sent to the whole answer read


async def upload(i, args, url, filler, outcome):
    await asyncio.sleep(args.ramp * i / max(1, args.count))
    size = int(args.rate * args.duration)
    boundary = f"----benchtrickle{args.tag}{i:06d}"
    head, tail, length = multipart(args.field, boundary, f"slow-{args.tag}-{i}.bin", size)
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(url.hostname, url.port or 80), 10)
    except asyncio.TimeoutError:
        outcome["connect timeout"] += 1
        return
    try:
        path = url.path + (f"?{url.query}" if url.query else "")
        writer.write((f"POST {path} HTTP/1.1\r\nHost: {url.netloc}\r\nConnection: close\r\n"
                      f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                      f"Content-Length: {length}\r\n\r\n").encode() + head)
        # Distinct content per upload (content-addressed stores must not deduplicate them).
        stamp = f"{args.tag}-{i:06d}-".encode()
        chunk = max(1, int(args.rate * TICK))
        loop = asyncio.get_running_loop()
        next_tick = loop.time()
        sent = 0
        while sent < size:
            n = min(chunk, size - sent)
            data = filler[:n]
            if sent == 0:
                data = (stamp + data)[:n]
            writer.write(data)
            await writer.drain()
            sent += n
            next_tick += TICK
            await asyncio.sleep(max(0.0, next_tick - loop.time()))
        writer.write(tail)
        await writer.drain()
        sent_at = loop.time()
        try:
            answer = await asyncio.wait_for(reader.read(), args.answer_timeout)
        except asyncio.TimeoutError:
            outcome["no answer in time"] += 1
            return
        outcome_waits.append(loop.time() - sent_at)
        status = answer.split(b" ", 2)[1].decode() if answer.startswith(b"HTTP/") else "no-status"
        if status == "200" and args.expect.encode() in answer:
            outcome["ok"] += 1
        else:
            message = re.search(rb'"response"\s*:\s*"([^"]{0,120})', answer)
            outcome[f"http {status}" + (f": {message.group(1).decode(errors='replace')}" if message else "")] += 1
    finally:
        writer.close()


async def guarded(i, args, url, filler, outcome):
    try:
        await upload(i, args, url, filler, outcome)
    except Exception as e:  # counted, never fatal: the run must finish
        outcome[type(e).__name__] += 1


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--rate", type=int, default=16384, help="bytes per second per upload")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds each upload trickles")
    parser.add_argument("--ramp", type=float, default=2.0, help="seconds over which connections open")
    parser.add_argument("--field", action="append", default=[], type=lambda s: tuple(s.split("=", 1)))
    parser.add_argument("--tag", default="t")
    parser.add_argument("--answer-timeout", type=float, default=60.0, help="seconds to wait for the answer")
    parser.add_argument("--expect", default='"_status":"success"', help="text a good answer contains")
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.url)
    filler = os.urandom(max(1, int(args.rate * TICK)))
    outcome = collections.Counter()
    tasks = [asyncio.create_task(guarded(i, args, url, filler, outcome)) for i in range(args.count)]
    done, pending = await asyncio.wait(tasks, timeout=args.ramp + args.duration + args.answer_timeout + 30)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    ok = outcome.pop("ok", 0)
    if pending:
        outcome["unfinished"] += len(pending)
    waits = sorted(outcome_waits)
    answer = {"answered": len(waits)}
    if waits:
        answer.update(p50_s=round(waits[len(waits) // 2], 3), max_s=round(waits[-1], 3))
    print(json.dumps({"uploads": args.count, "ok": ok, "failed": args.count - ok, "errors": dict(outcome),
                      "answer_after_last_byte": answer}))


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
