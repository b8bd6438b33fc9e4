"""Baseline for bench/mime.sh: Python's email package over the same file list as our reader.

Usage: python3 parse_all.py LIST_FILE LABEL PASSES WARMUP WARMUP_SECONDS
Prints one JSON line: per-pass wall times of the parse loop (start-up and list reading excluded).
"""

import email
import email.policy
import json
import os
import platform
import sys
import time


def parse_one(path, totals):
    with open(path, "rb") as f:
        data = f.read()
    msg = email.message_from_bytes(data, policy=email.policy.default)
    # Same fields our harness reads: subject, from, text and HTML bodies, every attachment decoded.
    totals["subjectChars"] += len(str(msg["subject"] or ""))
    totals["fromChars"] += len(str(msg["from"] or ""))
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    if text is not None:
        totals["textChars"] += len(text.get_content())
    if html is not None:
        totals["htmlChars"] += len(html.get_content())
    # walk() also enters message/rfc822 parts, which the parser has already parsed into objects.
    for part in msg.walk():
        if part.is_multipart() or part is text or part is html:
            continue
        payload = part.get_payload(decode=True)
        totals["attachments"] += 1
        totals["attachmentBytes"] += len(payload) if payload is not None else 0


def run_pass(files):
    totals = dict.fromkeys(
        ("messages", "errors", "subjectChars", "fromChars", "textChars", "htmlChars", "attachments", "attachmentBytes"), 0
    )
    failed = []
    cpu_started = time.process_time()
    started = time.perf_counter()
    for path in files:
        try:
            parse_one(path, totals)
            totals["messages"] += 1
        except Exception as error:  # count every failure; one bad file must not end the run
            totals["errors"] += 1
            failed.append(f"{path}: {type(error).__name__}: {str(error)[:160]}")
    return time.perf_counter() - started, time.process_time() - cpu_started, totals, failed


def main():
    list_file, label, passes, warmup, warmup_seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    with open(list_file, encoding="utf-8") as f:
        files = [line for line in f.read().split("\n") if line]
    size = sum(os.path.getsize(path) for path in files)
    # WARMUP passes and at least WARMUP_SECONDS, the same rule for all three parsers.
    warmup_started, warmup_passes = time.perf_counter(), 0
    while warmup_passes < warmup or (warmup > 0 and time.perf_counter() - warmup_started < warmup_seconds):
        run_pass(files)
        warmup_passes += 1
    seconds, cpu_seconds = [], []
    totals, failed = {}, []
    for _ in range(passes):
        elapsed, cpu, totals, failed = run_pass(files)
        seconds.append(elapsed)
        cpu_seconds.append(cpu)
    result = {
        "parser": f"python email, policy.default ({platform.python_implementation()} {platform.python_version()})",
        "label": label,
        "files": len(files),
        "bytes": size,
        "warmupPasses": warmup_passes,
        "passes": seconds,
        "cpuPasses": cpu_seconds,
        "totals": totals,
        "failedSample": failed[:20],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
