// Order statistics shared by the benchmarks: medians and nearest-rank percentiles of timings.

/** @param {number[]} times @returns {{ n: number, medianMs: number, p95Ms: number, maxMs: number }} */
export function summarize(times) {
    const sorted = [...times].sort((a, b) => a - b);
    return { n: sorted.length, medianMs: round(median(sorted)), p95Ms: round(percentile(sorted, 0.95)), maxMs: round(sorted.at(-1)) };
}

/** @param {number[]} values */
export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile of an ascending array, q in (0, 1]. */
export function percentile(sorted, q) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** One decimal: finer would be noise. */
export function round(ms) {
    return Math.round(ms * 10) / 10;
}
