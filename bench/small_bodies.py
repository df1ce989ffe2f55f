#!/usr/bin/env python3
"""Writes COUNT multipart upload bodies of SIZE-byte files, each file's content distinct
(a tag and the file's number up front, random bytes after), and one curl config per target
URL that POSTs every body once (run it with `curl --parallel --parallel-max N -K FILE`).

    small_bodies.py --dir D --count 2000 --size 10240 --tag r1 \
        --field access_token=... --field account_id=1 \
        --target filehost=http://127.0.0.1:8080/api/v2/file/upload --target nginx=http://127.0.0.1:8081/upload
writes D/body-00000 ... and D/filehost.curl, D/nginx.curl.
"""
import argparse
import os

BOUNDARY = "----benchsmallfiles7d1c0b5e"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--tag", required=True)
    parser.add_argument("--field", action="append", default=[], type=lambda s: tuple(s.split("=", 1)))
    parser.add_argument("--target", action="append", default=[], type=lambda s: tuple(s.split("=", 1)))
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    fields = b"".join(f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
                      for name, value in args.field)
    filler = os.urandom(args.size)
    bodies = []
    for i in range(args.count):
        content = (f"{args.tag}-{i:06d}-".encode() + filler)[:args.size]
        body = (fields
                + (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"upload_file\"; "
                   f"filename=\"small-{args.tag}-{i:06d}.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()
                + content + f"\r\n--{BOUNDARY}--\r\n".encode())
        path = os.path.join(args.dir, f"body-{i:05d}")
        with open(path, "wb") as out:
            out.write(body)
        bodies.append(path)
    for name, url in args.target:
        with open(os.path.join(args.dir, f"{name}.curl"), "w") as out:
            for n, path in enumerate(bodies):
                if n:
                    out.write("next\n")
                out.write(f'url = "{url}"\ndata-binary = "@{path}"\n'
                          f'header = "Content-Type: multipart/form-data; boundary={BOUNDARY}"\n'
                          f'write-out = "\\n"\nmax-time = 60\n')


if __name__ == "__main__":
    main()
