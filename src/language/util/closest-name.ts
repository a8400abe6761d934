/**
 * The candidate at the smallest edit distance from `name` (compared without case), if it is close
 * enough to be a typo: at most a quarter of the name's length, and at least 2 edits allowed.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    const lower = name.toLowerCase();
    const budget = Math.max(2, Math.floor(lower.length / 4));
    let best: string | undefined;
    let bestDistance = budget + 1;
    for (const candidate of candidates) {
        const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
    if (Math.abs(a.length - b.length) >= limit) {
        return limit;
    }
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            rowMin = Math.min(rowMin, current[j]);
        }
        if (rowMin >= limit) {
            return limit;
        }
        previous = current;
    }
    return previous[b.length];
}
