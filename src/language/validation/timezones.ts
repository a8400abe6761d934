/**
 * IANA time zone names as the ICU data of the running Node knows them. `Intl.supportedValuesOf`
 * lists canonical names only; `Intl.DateTimeFormat` also accepts links (`Europe/Kiev`, `US/Eastern`)
 * and `UTC` spellings, which NetBSD's zoneinfo has too.
 */
const CANONICAL: readonly string[] = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC'];
const CANONICAL_SET = new Set(CANONICAL);
const BY_LOWER_CASE = new Map(CANONICAL.map(z => [z.toLowerCase(), z]));

export interface TimezoneVerdict {
    readonly ok: boolean;
    /** The name the user probably meant, when there is a close one. */
    readonly suggestion?: string;
}

export function checkTimezone(name: string): TimezoneVerdict {
    if (CANONICAL_SET.has(name)) {
        return { ok: true };
    }
    // Zoneinfo file names are case-sensitive, while Intl is not: `europe/berlin` must be fixed.
    const sameButCase = BY_LOWER_CASE.get(name.toLowerCase());
    if (sameButCase) {
        return { ok: false, suggestion: sameButCase };
    }
    if (acceptedByIntl(name)) {
        return { ok: true };
    }
    return { ok: false, suggestion: closestTimezone(name) };
}

function acceptedByIntl(name: string): boolean {
    try {
        new Intl.DateTimeFormat('en', { timeZone: name });
        return true;
    } catch {
        return false;
    }
}

/** The canonical zone at the smallest edit distance, if it is close enough to be a typo. */
export function closestTimezone(name: string): string | undefined {
    const lower = name.toLowerCase();
    const budget = Math.max(2, Math.floor(lower.length / 4));
    let best: string | undefined;
    let bestDistance = budget + 1;
    for (const zone of CANONICAL) {
        const distance = editDistance(lower, zone.toLowerCase(), bestDistance);
        if (distance < bestDistance) {
            best = zone;
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
