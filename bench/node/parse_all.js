'use strict';
// Baseline for bench/mime.sh: the npm package mailparser over the same file list as our reader.
// Usage: node parse_all.js LIST_FILE LABEL PASSES WARMUP WARMUP_SECONDS
// Prints one JSON line: per-pass wall times of the parse loop (start-up and list reading excluded).

const fs = require('fs');
const { simpleParser } = require('mailparser');

// Work comparable to ours: no cid: links inlined as data: URLs, no text-to-HTML rendering
// (our reader does neither). HTML-to-text for HTML-only mail stays on, as ours does it too.
const OPTIONS = { keepCidLinks: true, skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true };

async function parseOne(path, totals) {
    const mail = await simpleParser(fs.readFileSync(path), OPTIONS);
    totals.subjectChars += (mail.subject || '').length;
    totals.fromChars += mail.from ? mail.from.text.length : 0;
    totals.textChars += (mail.text || '').length;
    totals.htmlChars += typeof mail.html === 'string' ? mail.html.length : 0;
    for (const attachment of mail.attachments) {
        totals.attachments += 1;
        totals.attachmentBytes += attachment.content.length;
    }
}

async function runPass(files) {
    const totals = { messages: 0, errors: 0, subjectChars: 0, fromChars: 0, textChars: 0, htmlChars: 0, attachments: 0, attachmentBytes: 0 };
    const failed = [];
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (const path of files) {
        try {
            await parseOne(path, totals);
            totals.messages += 1;
        } catch (error) {
            totals.errors += 1;
            failed.push(path + ': ' + String(error && error.message ? error.message : error).slice(0, 160));
        }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuStarted);
    return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, totals, failed };
}

async function main() {
    const [listFile, label, passesText, warmupText, warmupSecondsText] = process.argv.slice(2);
    const warmup = Number(warmupText);
    const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(line => line.length > 0);
    const bytes = files.reduce((sum, path) => sum + fs.statSync(path).size, 0);
    // WARMUP passes and at least WARMUP_SECONDS, the same rule for all three parsers.
    const warmupStarted = process.hrtime.bigint();
    let warmupPasses = 0;
    while (warmupPasses < warmup || (warmup > 0 && Number(process.hrtime.bigint() - warmupStarted) / 1e9 < Number(warmupSecondsText))) {
        await runPass(files);
        warmupPasses++;
    }
    const passes = [];
    const cpuPasses = [];
    let last;
    for (let i = 0; i < Number(passesText); i++) {
        last = await runPass(files);
        passes.push(last.seconds);
        cpuPasses.push(last.cpuSeconds);
    }
    const result = {
        parser: 'mailparser ' + require('mailparser/package.json').version + ' (node ' + process.version + ')',
        label,
        files: files.length,
        bytes,
        warmupPasses,
        passes,
        cpuPasses,
        totals: last.totals,
        failedSample: last.failed.slice(0, 20)
    };
    process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch(error => {
    process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
    process.exit(1);
});
