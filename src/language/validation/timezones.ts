import { closestName } from '../util/closest-name.js';
import { ZONE_LINKS } from './timezone-links.js';

/**
 * IANA time zone names as the ICU data of the running Node knows them. `Intl.supportedValuesOf`
 * lists canonical names only; `Intl.DateTimeFormat` also accepts links (`Europe/Kiev`, `US/Eastern`)
 * and `UTC` spellings, which NetBSD's zoneinfo has too.
 */
const CANONICAL: readonly string[] = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC'];
/** Every name whose exact spelling is known: the canonical ones and the links. */
const KNOWN: readonly string[] = [...CANONICAL, ...ZONE_LINKS];
const KNOWN_SET = new Set(KNOWN);
const BY_LOWER_CASE = new Map(KNOWN.map(z => [z.toLowerCase(), z]));

export interface TimezoneVerdict {
    readonly ok: boolean;
    /** The name the user probably meant, when there is a close one. */
    readonly suggestion?: string;
}

export function checkTimezone(name: string): TimezoneVerdict {
    if (KNOWN_SET.has(name)) {
        return { ok: true };
    }
    // Zoneinfo file names are case-sensitive, while Intl is not: `europe/berlin` and `us/eastern` must be fixed.
    const sameButCase = BY_LOWER_CASE.get(name.toLowerCase());
    if (sameButCase) {
        return { ok: false, suggestion: sameButCase };
    }
    // A link newer than the list: its case cannot be checked here, so it is taken as written.
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
    return closestName(name, CANONICAL);
}
