// Preloaded by `npm run bench` (node --import) to report a process's peak resident memory, in KB.
import { writeFileSync } from 'node:fs';

const out = process.env.MLSD_BENCH_RSS;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
