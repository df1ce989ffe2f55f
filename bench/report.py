#!/usr/bin/env python3
"""Turns the raw measurements of bench/run into the results table (Markdown).

    report.py RESULTS.tsv > RESULTS.md

RESULTS.tsv lines: scenario <tab> side (filehost|nginx|disk) <tab> repeat <tab> metric <tab> value;
a metric named "error" carries a message instead of a number. Lines "#meta KEY=VALUE" carry
the date, commit, machine and settings shown above the table.
"""
import collections
import statistics
import sys


def load(path):
    values = collections.defaultdict(list)
    errors = collections.defaultdict(list)
    meta = {}
    with open(path) as lines:
        for line in lines:
            if line.startswith("#meta ") and "=" in line:
                key, value = line[len("#meta "):].rstrip("\n").split("=", 1)
                meta[key] = value
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 5:
                continue
            scenario, side, _repeat, metric, value = parts
            if metric == "error":
                errors[scenario].append(f"{side}: {value}")
            else:
                values[(scenario, side, metric)].append(float(value))
    return values, errors, meta


def main():
    values, errors, meta = load(sys.argv[1])
    repeats = int(meta.get("REPEATS", "1"))

    def med(scenario, side, metric):
        v = values.get((scenario, side, metric))
        return statistics.median(v) if v else None

    def peak(scenario, side, metric):
        v = values.get((scenario, side, metric))
        return max(v) if v else None

    def num(x, digits=None):
        if x is None:
            return "—"
        if digits is None:
            digits = 0 if abs(x) >= 100 else 1 if abs(x) >= 10 else 2
        return f"{x:,.{digits}f}"

    rows = []
    verdicts = []

    def valid_runs(key, metric):
        """' (n of m runs)' when some runs of the figure failed and the median stands on fewer."""
        counts = [len(values[(key, side, metric)]) for side in ("filehost", "nginx") if (key, side, metric) in values]
        fewest = min(counts) if counts else 0
        return f" ({fewest} of {repeats} runs valid)" if counts and fewest < repeats else ""

    def row(n, scenario, measure, fh, ngx, target="", ok=None, ratio=None):
        if ratio is None and isinstance(fh, float) and isinstance(ngx, float) and ngx:
            ratio = fh / ngx
        if ok is None:
            result = "" if not target or target.startswith("(") else "n/a"
        else:
            result = "PASS" if ok else "FAIL"
        if ok is not None:
            verdicts.append(ok)
        rows.append(f"| {n} | {scenario} | {measure} | {num(fh) if not isinstance(fh, str) else fh} | "
                    f"{num(ngx) if not isinstance(ngx, str) else ngx} | {(num(ratio, 2) if ratio >= 0.1 else f'{ratio:.3f}') if ratio else '—'} | "
                    f"{target} | {result} |")

    def verdict(key, ok):
        """A problem on the filehost side fails the figure; one only on the reference side leaves it open."""
        if any(m.startswith("filehost") for m in errors.get(key, [])):
            return False
        if errors.get(key) or ok is None:
            return None
        return ok

    def ratio_row(n, scenario, measure, key, metric, minimum):
        fh, ngx = med(key, "filehost", metric), med(key, "nginx", metric)
        ok = None if fh is None or ngx is None else fh / ngx >= minimum
        row(n, scenario, measure + valid_runs(key, metric), fh, ngx, f"ratio ≥ {minimum}", verdict(key, ok))

    def cpu_ceiling_row(n, key):
        """The most an upload that hashes can reach here: the machine's cores divided by the CPU that
        nginx's run spent per MB on the whole machine (client and kernel included; filehost receives
        and writes the same bytes) plus the CPU of MD5 and SHA-256 per MB."""
        ngx_mbps, ngx_cpu = med(key, "nginx", "mbps"), med(key, "nginx", "machine_cpu_pct")
        md5, sha256 = med("s1", "md5", "mbps"), med("s1", "sha256", "mbps")
        if None in (ngx_mbps, ngx_cpu, md5, sha256):
            return
        cores = float(meta.get("NPROC", 1))
        ceiling = cores / (ngx_cpu / 100 / ngx_mbps + 1 / md5 + 1 / sha256)
        row(n, f"CPU ceiling: {int(cores)} cores ÷ (CPU per MB of nginx's run, whole machine "
               f"{num(ngx_cpu, 0)} % + MD5 + SHA-256)", "MB/s: ceiling vs nginx", ceiling, ngx_mbps,
            "(most any hashing upload reaches here)")

    def copy_reference_row(n, key):
        """nginx serving the same files with sendfile off: what a server that copies the bytes through
        user space (Jetty 12 has no sendfile) reaches here, and filehost against it."""
        copy, ngx, fh = med(key, "nginx-copy", "mbps"), med(key, "nginx", "mbps"), med(key, "filehost", "mbps")
        if copy is None:
            return
        row(n, "nginx with `sendfile off` (copies through user space, as any server without sendfile)",
            "MB/s: nginx-copy vs nginx", copy, ngx, "(most a copying server reaches here)")
        row(n, "filehost against nginx with `sendfile off`", "MB/s: filehost vs nginx-copy", fh, copy)

    def rss_row(n, scenario, key):
        v = peak(key, "filehost", "rss_mib")
        if v is not None:
            row(n, scenario, "peak RSS MiB (max of runs)", v, "—", "< 400 MiB", v < 400)

    up, conc, small = meta.get("UPLOAD_LABEL", "?"), meta.get("CONC_LABEL", "?"), meta.get("SMALL_LABEL", "?")
    slow, big = meta.get("SLOW_LABEL", "?"), meta.get("BIG_LABEL", "?")

    if ("s1", "filehost", "mbps") in values or "s1" in errors:
        ratio_row(1, f"upload {up}", "MB/s", "s1", "mbps", 0.8)
    if ("s1", "disk", "mbps") in values:
        row(1, f"same file copied to disk with fsync (`dd conv=fsync`)", "MB/s: filehost vs dd",
            med("s1", "filehost", "mbps"), med("s1", "disk", "mbps"), "(durable-write ceiling)")
    if ("s1", "md5", "mbps") in values:
        row(1, "MD5 of the same bytes on one core (in memory; the answer's `hash` needs it)",
            "MB/s: MD5 vs nginx", med("s1", "md5", "mbps"), med("s1", "nginx", "mbps"), "(ceiling of any upload)")
    cpu_ceiling_row(1, "s1")
    if ("s2", "filehost", "mbps") in values or "s2" in errors:
        ratio_row(2, f"download {up}", "MB/s", "s2", "mbps", 0.7)
    copy_reference_row(2, "s2")
    if ("s3up", "filehost", "mbps") in values or "s3up" in errors:
        ratio_row(3, f"{conc} concurrent uploads", "aggregate MB/s", "s3up", "mbps", 0.7)
    cpu_ceiling_row(3, "s3up")
    if ("s3down", "filehost", "mbps") in values or "s3down" in errors:
        ratio_row(3, f"{conc} concurrent downloads", "aggregate MB/s", "s3down", "mbps", 0.7)
    copy_reference_row(3, "s3down")
    if ("s4", "filehost", "fps") in values or "s4" in errors:
        row(4, small, "files/s (uploads that succeeded)", med("s4", "filehost", "fps"), med("s4", "nginx", "fps"),
            "no ratio target; every upload succeeds", verdict("s4", True))
    if ("s5floor", "filehost", "rps") in values:
        label = "no database: an unknown endpoint (404 envelope), same body"
        row(5, label, "requests/s (vs JSON constant)", med("s5floor", "filehost", "rps"),
            med("s5floor", "nginx", "rps"), "(ceiling of any API call)")
        row(5, label, "p99 ms", med("s5floor", "filehost", "p99_ms"), med("s5floor", "nginx", "p99_ms"),
            "(floor of any API call)", ratio=False)
    for key, label in (("s5info", "`/file/info`"), ("s5list", "`/folder/listing` (100 files)")):
        if (key, "filehost", "unavailable") in values:
            row(5, label, "requests/s", "not available yet", "—", "ratio ≥ 0.3")
            continue
        if (key, "filehost", "rps") not in values and key not in errors:
            continue
        fh_rps, ngx_rps = med(key, "filehost", "rps"), med(key, "nginx", "rps")
        ok = None if fh_rps is None or ngx_rps is None else fh_rps / ngx_rps >= 0.3
        row(5, label, "requests/s (vs JSON constant)" + valid_runs(key, "rps"), fh_rps, ngx_rps, "ratio ≥ 0.3", verdict(key, ok))
        row(5, label, "p50 ms", med(key, "filehost", "p50_ms"), med(key, "nginx", "p50_ms"), ratio=False)
        p99 = med(key, "filehost", "p99_ms")
        row(5, label, "p99 ms", p99, med(key, "nginx", "p99_ms"), "< 20 ms", ratio=False, ok=
            verdict(key, None if p99 is None else p99 < 20))
    if ("s5page", "filehost", "rps") in values or "s5page" in errors:
        size = values.get(("s5page", "filehost", "page_kib"), ["?"])[0]
        label = f"file manager page of the listed folder (`/account?folder=`, {num(size)} KiB, signed in)"
        fh_rps = med("s5page", "filehost", "rps")
        row(5, label, "requests/s (vs JSON constant)" + valid_runs("s5page", "rps"), fh_rps, med("s5page", "nginx", "rps"),
            "≥ 8,840/s (the issue)", verdict("s5page", None if fh_rps is None else fh_rps >= 8840))
        row(5, label, "p50 ms", med("s5page", "filehost", "p50_ms"), med("s5page", "nginx", "p50_ms"), ratio=False)
        p99 = med("s5page", "filehost", "p99_ms")
        row(5, label, "p99 ms", p99, med("s5page", "nginx", "p99_ms"), "< 20 ms", ratio=False, ok=
            verdict("s5page", None if p99 is None else p99 < 20))
        row(5, "nginx serving the same page's bytes as a static file", "requests/s: filehost vs nginx", fh_rps,
            med("s5page", "nginx-page", "rps"), "(ceiling of a page this size)")
        row(5, "nginx serving the same page's bytes as a static file", "p99 ms",
            med("s5page", "filehost", "p99_ms"), med("s5page", "nginx-page", "p99_ms"), ratio=False)
    if ("s6", "filehost", "p99_ms") in values or "s6" in errors:
        label = f"`/file/info` under {slow}"
        row(6, label, "requests/s", med("s6", "filehost", "rps"), med("s6", "nginx", "rps"))
        p99 = med("s6", "filehost", "p99_ms")
        row(6, label, "p99 ms", p99, med("s6", "nginx", "p99_ms"), "< 100 ms", ratio=False, ok=
            verdict("s6", None if p99 is None else p99 < 100))
        fh_done, ngx_done = values.get(("s6", "filehost", "uploads_ok")), values.get(("s6", "nginx", "uploads_ok"))
        row(6, label, "slow uploads completed (fewest of runs)", num(min(fh_done), 0) if fh_done else "—",
            num(min(ngx_done), 0) if ngx_done else "—", f"all {meta.get('SLOW_N', '?')} (extra check)",
            None if not fh_done else min(fh_done) == float(meta.get("SLOW_N", -1)), ratio=False)
        if ("s6", "filehost", "answer_max_s") in values:
            row(6, label, "slow uploads: longest wait for the answer after the last byte, s",
                peak("s6", "filehost", "answer_max_s"), peak("s6", "nginx", "answer_max_s"), ratio=False)
    rss_row(7, f"in 1 (upload {up})", "s1")
    rss_row(7, f"in 3 ({conc} up and down)", "s3")
    rss_row(7, f"in 6 ({slow})", "s6")
    if ("first", "filehost", "md5_equal") in values or "first" in errors:
        equal = values.get(("first", "filehost", "md5_equal"), [0])[0] == 1 and not errors.get("first")
        row("✓", f"{up} upload, file part before the credentials", "answered MD5 equal",
            "yes" if equal else "no", "—", "equal", equal)
        row("✓", f"{up} upload, file part before the credentials", "upload MB/s",
            med("first", "filehost", "up_mbps"), "—")
        rss_row("✓", f"{up} upload, file part before the credentials", "first")
    if ("big", "filehost", "intact") in values or "big" in errors:
        intact = values.get(("big", "filehost", "intact"), [0])[0] == 1 and not errors.get("big")
        row("✓", f"{big} upload + download, `{meta.get('BIG_JVM', '')}`", "sha256 equal",
            "yes" if intact else "no", "—", "intact", intact)
        row("✓", f"{big} with `{meta.get('BIG_JVM', '')}`", "upload / download MB/s",
            f"{num(med('big', 'filehost', 'up_mbps'))} / {num(med('big', 'filehost', 'down_mbps'))}", "—")
        rss_row("✓", f"{big} with `{meta.get('BIG_JVM', '')}`", "big")

    out = []
    out.append(f"# Benchmark results{' (quick run)' if meta.get('QUICK') == '1' else ''}\n")
    out.append(f"- date: {meta.get('DATE')}")
    out.append(f"- commit: {meta.get('COMMIT')}")
    out.append(f"- machine: {meta.get('MACHINE')}")
    out.append(f"- load average: {meta.get('LOAD')}")
    # The 1-minute load when the run began is other work's; later figures include the run's own.
    start_load = (meta.get("LOAD") or "0").split()[0]
    if start_load.replace(".", "", 1).isdigit() and float(start_load) > 0.5 * float(meta.get("NPROC", 1)):
        out.append("- **warning**: other work kept the machine busy when the run began; the figures are noisy "
                   "(compare ratios, which alternate both servers under the same load)")
    out.append(f"- JDK: {meta.get('JDK')}; server JVM options: `{meta.get('JVM_OPTS') or '(none)'}`")
    out.append(f"- reference: {meta.get('NGINX')}; clients: {meta.get('CLIENTS')}")
    out.append(f"- repeats: {meta.get('REPEATS')} per scenario, filehost and nginx alternating; "
               "figures are medians (peak RSS: the highest)")
    out.append(f"- verdict: {sum(verdicts)} PASS, {len(verdicts) - sum(verdicts)} FAIL\n")
    out.append("| # | scenario | measure | filehost | nginx | ratio | target | result |")
    out.append("|---|---|---|---:|---:|---:|---|---|")
    out.extend(rows)

    cpu_rows = []
    for key, label in (("s1", "1 upload"), ("s2", "2 download"), ("s3up", "3 concurrent uploads"),
                       ("s3down", "3 concurrent downloads"), ("s4", "4 small uploads"),
                       ("s5floor", "5 unknown endpoint"), ("s5info", "5 `/file/info`"),
                       ("s5list", "5 `/folder/listing`"), ("s5page", "5 file manager page"),
                       ("s6", "6 under slow uploads")):
        fh, ngx = med(key, "filehost", "cpu_pct"), med(key, "nginx", "cpu_pct")
        fh_all, ngx_all = med(key, "filehost", "machine_cpu_pct"), med(key, "nginx", "machine_cpu_pct")
        if fh is not None or ngx is not None:
            cpu_rows.append(f"| {label} | {num(fh, 0)} % | {num(ngx, 0)} % | {num(fh_all, 0)} % | {num(ngx_all, 0)} % |")
    if cpu_rows:
        out.append("\nCPU while measuring (median; 100 % = one core, the machine has "
                   f"{meta.get('NPROC')}): the server's processes, and the whole machine (the load clients "
                   "and the kernel included):\n")
        out.append("| scenario | filehost | nginx | machine, filehost's runs | machine, nginx's runs |")
        out.append("|---|---:|---:|---:|---:|")
        out.extend(cpu_rows)
    if errors:
        out.append("\nProblems seen during the run:\n")
        for key, messages in errors.items():
            for message in messages:
                out.append(f"- {key}: {message}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
