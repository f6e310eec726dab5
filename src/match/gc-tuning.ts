// A process-wide V8 setting for processes that screen with an index in memory: allocation-site pretenuring off.
// Imported for its effect, first thing, by the CLI (src/cli/main.ts, so `serve`, `screen` and batch runs) and
// by the benchmarks; an application embedding the Screener may import it first too.
//
// Why: building the index makes some 100k prepared names that all live on, so V8 learns that what prepareEntity,
// finishName and their helpers allocate survives, and allocates it straight in the old generation from then on
// (31 allocation sites, --trace-pretenuring-statistics). After the build the same code prepares every query, whose
// objects die within a millisecond but sit in the old generation until a full collection of the whole heap; on
// the way they fault in fresh pages and give every young collection old-to-new pointers to follow. Measured with
// the engine alone, 10,000 workload records after the build (2026-11-30): promoted per young collection 1.13 →
// 0.32 MB, page faults per record 0.8 → 0.2, young-collection pause 8–10 → 4–5 ms; two processes side by side
// on the two cores, three times: 4–7 % less time per record, the slowest 0.1 % of records 12 → 8.5 ms. Index
// build time unchanged (docs/BENCHMARKS.md, tenth session).
// V8 flags belong to the process and are best set before much runs, hence a module of its own, imported first.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
