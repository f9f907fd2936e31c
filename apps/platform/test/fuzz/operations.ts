// The generator lives in src/ so that the memory benchmark (src/bench/stall-bench.ts) reuses it.
export * from '../../src/fuzz/operations';
