"""Summarises one bench/mime.sh run: throughput, peak RSS and ratios, as a table and as Markdown.

Usage: python3 report.py RAW_DIR OUT_MARKDOWN
RAW_DIR holds PARSER-SET.json (one JSON line from each parse_all) and PARSER-SET.time (/usr/bin/time -v).
"""

import json
import re
import statistics
import sys
from pathlib import Path

PARSERS = ("ours", "python", "mailparser")
SETS = ("corpus", "synthetic")


def load(raw, parser, name):
    result = json.loads((raw / f"{parser}-{name}.json").read_text().strip().splitlines()[-1])
    time_text = (raw / f"{parser}-{name}.time").read_text()
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_text)
    result["rssBytes"] = int(match.group(1)) * 1024 if match else 0
    result["median"] = statistics.median(result["passes"])
    result["cpuMedian"] = statistics.median(result["cpuPasses"])
    return result


def summarise(results):
    """One row per parser: the two sets, and both together (sum of the medians, peak of the peaks)."""
    rows = {}
    for parser in PARSERS:
        row = {}
        for name in SETS:
            r = results[parser][name]
            row[name] = {"files": r["files"], "bytes": r["bytes"], "seconds": r["median"], "cpu": r["cpuMedian"],
                         "rss": r["rssBytes"], "errors": r["totals"]["errors"]}
        row["combined"] = {
            "files": sum(row[n]["files"] for n in SETS),
            "bytes": sum(row[n]["bytes"] for n in SETS),
            "seconds": sum(row[n]["seconds"] for n in SETS),
            "cpu": sum(row[n]["cpu"] for n in SETS),
            "rss": max(row[n]["rss"] for n in SETS),
            "errors": sum(row[n]["errors"] for n in SETS),
        }
        rows[parser] = row
    return rows


def mb_per_s(cell):
    return cell["bytes"] / 1e6 / cell["seconds"] if cell["seconds"] > 0 else float("inf")


def msg_per_s(cell):
    return cell["files"] / cell["seconds"] if cell["seconds"] > 0 else float("inf")


def markdown(results, rows, meta):
    out = [f"# MIME parser benchmark ({meta})", ""]
    out.append("Median of the measured passes; each parser runs in its own process over the same file list. "
               "MB = 10^6 bytes of message files. Peak RSS is the whole process (`/usr/bin/time -v`), runtime included; "
               "(idle) is the same process given an empty list. "
               "Combined = both sets one after the other: summed medians, larger peak RSS.")
    out.append("")
    for name in SETS + ("combined",):
        any_row = rows["ours"][name]
        out.append(f"## {name}: {any_row['files']} messages, {any_row['bytes'] / 1e6:.1f} MB")
        out.append("")
        out.append("| parser | seconds | CPU seconds | MB/s | messages/s | peak RSS MB (idle) | failed messages | ours ÷ this, throughput |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        ours = rows["ours"][name]
        for parser in PARSERS:
            cell = rows[parser][name]
            idle = results[parser]["idle"]["rssBytes"]
            ratio = "—" if parser == "ours" else f"{cell['seconds'] / ours['seconds']:.1f}"
            out.append(f"| {parser} | {cell['seconds']:.3f} | {cell['cpu']:.3f} | {mb_per_s(cell):.1f} | {msg_per_s(cell):.0f} | "
                       f"{cell['rss'] / 1e6:.0f} ({idle / 1e6:.0f}) | {cell['errors']} | {ratio} |")
        out.append("")

    out.append("## Ratios (throughput, ours / baseline)")
    out.append("")
    out.append("| set | ours / python (target ≥ 10) | ours / mailparser (target > 1) | same, by CPU time: python | mailparser |")
    out.append("|---|---:|---:|---:|---:|")
    for name in SETS + ("combined",):
        ours, py, mp = (rows[p][name] for p in PARSERS)
        out.append(f"| {name} | {py['seconds'] / ours['seconds']:.1f} | {mp['seconds'] / ours['seconds']:.1f} | "
                   f"{py['cpu'] / ours['cpu']:.1f} | {mp['cpu'] / ours['cpu']:.1f} |")
    out.append("")
    out.append("CPU time counts every thread of the process (our JIT and GC threads too); "
               "when it is well below the wall time, the machine was busy with other work during the run.")
    out.append("")

    out.append("## Parsers and work done (last measured pass)")
    out.append("")
    out.append("| parser | set | warm-up passes | measured passes (s) | ok | failed | attachments | attachment MB | text chars | html chars |")
    out.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for parser in PARSERS:
        for name in SETS:
            r = results[parser][name]
            t = r["totals"]
            passes = " ".join(f"{s:.2f}" for s in r["passes"])
            out.append(f"| {r['parser']} | {name} | {r['warmupPasses']} | {passes} | {t['messages']} | {t['errors']} | {t['attachments']} | "
                       f"{t['attachmentBytes'] / 1e6:.1f} | {t['textChars']} | {t['htmlChars']} |")
    out.append("")

    out.append("## Where our time goes (last measured pass, seconds)")
    out.append("")
    out.append("| set | load | bodies | headers | attachments | dispose | allocated MB/pass | gen0/1/2 per pass | peak managed heap MB |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---|---:|")
    for name in SETS:
        r = results["ours"][name]
        p, m = r["phases"], r["managed"]
        out.append(f"| {name} | {p['load']:.3f} | {p['bodies']:.3f} | {p['headers']:.3f} | {p['attachments']:.3f} | "
                   f"{p['dispose']:.3f} | {m['allocatedBytesPerPass'] / 1e6:.0f} | {m['gen0']}/{m['gen1']}/{m['gen2']} | "
                   f"{m['peakHeapBytes'] / 1e6:.0f} |")
    out.append("")

    for name in SETS:
        out.append(f"Our slowest {name} messages: " + "; ".join(f"`{s}`" for s in results["ours"][name]["slowest"]))
        out.append("")

    failures = [(p, n, f) for p in PARSERS for n in SETS for f in results[p][n]["failedSample"]]
    if failures:
        out.append("## Failed messages (first 20 per parser and set)")
        out.append("")
        for parser, name, failure in failures:
            out.append(f"- {parser}, {name}: `{failure}`")
        out.append("")
    return "\n".join(out)


def console_table(rows):
    lines = [f"{'set':<10} {'parser':<11} {'MB/s':>8} {'msg/s':>8} {'RSS MB':>7} {'failed':>6}  ratio"]
    for name in SETS + ("combined",):
        ours = rows["ours"][name]
        for parser in PARSERS:
            cell = rows[parser][name]
            ratio = "" if parser == "ours" else f"ours/{parser} = {cell['seconds'] / ours['seconds']:.1f}"
            lines.append(f"{name:<10} {parser:<11} {mb_per_s(cell):8.1f} {msg_per_s(cell):8.0f} "
                         f"{cell['rss'] / 1e6:7.0f} {cell['errors']:6d}  {ratio}")
    return "\n".join(lines)


def main():
    raw, out_file, meta = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else ""
    results = {p: {n: load(raw, p, n) for n in SETS + ("idle",)} for p in PARSERS}
    rows = summarise(results)
    out_file.write_text(markdown(results, rows, meta) + "\n")
    print(console_table(rows))
    print(f"\nwritten: {out_file}")


if __name__ == "__main__":
    main()
