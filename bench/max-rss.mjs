// Preloaded (NODE_OPTIONS=--import) into every node process of a benchmarked command when
// /usr/bin/time is missing: appends the process's peak resident set size (KiB) to a file at exit.
import { appendFileSync } from 'node:fs';

const target = process.env.BENCH_MAX_RSS_FILE;
if (target) process.on('exit', () => appendFileSync(target, `${process.resourceUsage().maxRSS}\n`));
