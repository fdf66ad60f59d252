/**
 * One benchmark that `npm run bench` (bench/run-all.ts) runs. Each benchmark is a module exporting a
 * BenchModule; run-all lists them, one line each, and runs them in order (or only those named with --only).
 */
export {};
//# sourceMappingURL=bench-module.js.map