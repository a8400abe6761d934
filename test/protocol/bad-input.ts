import { buildSyntheticSpec } from '../../scripts/synthetic-spec.mjs';

/**
 * Generators of bad `.company` text for the robustness tests. Random ones take a seed so that a
 * failure can be replayed: the seed is in the test name.
 */

/** mulberry32: a tiny, well-known 32-bit PRNG; deterministic for a given seed. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

/** Arbitrary bytes, decoded as UTF-8 the way the editor would (invalid sequences become U+FFFD). */
export function randomBytes(random: Random, length: number): string {
    const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
    return new TextDecoder().decode(bytes);
}

// Words of the language and shapes of its values, so that random text gets deep into the
// parser and the checks instead of failing at the first character.
const vocabulary = [
    'company', 'server', 'user', 'group', 'alias', 'mail', 'services', 'domain', 'timezone', 'locale', 'groups',
    'aliases', 'admin', 'quota', 'email', 'password', 'password-hash', 'includes', 'max-message-size',
    'spam-threshold', 'dkim-selector', 'website', 'webmail', 'cloud', 'git', 'meet', 'os', 'netbsd', 'public',
    'ipv6', 'network', 'mirror', 'resources', 'hosts', 'placement', 'vm', 'memory', 'cpus', 'disk', 'address',
    'runs', 'from', 'for', 'ldap', 'dns', 'mx', 'database', 'videobridge', 'proxy', 'on', 'off', 'GB', 'MB', 'TB',
    '{', '}', '{', '}', ',', ',', '.', '->', '/', 'acme', 'alice', 'hv1', 'auth', 'staff', 'acme.alice', 'hv1.auth',
    '"Display"', '"x@y.example"', '""', '0', '1', '20', '10.1', '999999999999999999999', '10.0.0.1', '10.0.0.0/24',
    '999.1.2.3', '1.2.3.4/99', '2001:db8::1/64', '::', '/**doc*/', '// c\n', '\n', '"unterminated', '@', '#'
];

/** A random sequence of the language's words and values. */
export function randomTokens(random: Random, count: number): string {
    return Array.from({ length: count }, () => pick(random, vocabulary)).join(pick(random, [' ', ' ', '\n', '']));
}

/** `base` with a few random spans deleted, duplicated or replaced by random words. */
export function mutate(random: Random, base: string, edits: number): string {
    let text = base;
    for (let i = 0; i < edits; i++) {
        const start = between(random, 0, text.length);
        const end = Math.min(text.length, start + between(random, 0, 40));
        const kind = between(random, 0, 2);
        const replacement = kind === 0 ? '' : kind === 1 ? text.slice(start, end).repeat(2) : randomTokens(random, between(random, 1, 4));
        text = text.slice(0, start) + replacement + text.slice(end);
    }
    return text;
}

/** One random bad document of a kind chosen by the seed. */
export function randomDocument(seed: number, base: string): string {
    const random = seededRandom(seed);
    switch (seed % 3) {
        case 0: return randomBytes(random, between(random, 0, 400));
        case 1: return randomTokens(random, between(random, 1, 120));
        default: return mutate(random, base, between(random, 1, 6));
    }
}

/** Hand-made nasty documents, each named for what it probes. */
export function nastyDocuments(base: string): Array<[string, string]> {
    const longName = 'x'.repeat(200_000);
    return [
        ['empty', ''],
        ['only whitespace and comments', '\n\n   /* open comment */ // line\n\t\n'],
        ['unterminated block comment', `${base}\n/* never closed`],
        ['unterminated string', 'company acme "ACME {\n    domain acme.example\n}\n'],
        ['unbalanced: extra closing braces', `${base}\n}}}}}\n`],
        ['unbalanced: missing closing braces', base.replace(/}\s*$/, '').replaceAll('\n}\n', '\n')],
        ['unbalanced: only opening braces', '{'.repeat(5_000)],
        ['deeply nested braces', `company acme { ${'user a { '.repeat(2_000)}${'} '.repeat(2_000)} }`],
        ['NUL bytes', base.replace('ACME, Inc.', 'AC\u0000ME').replace('domain', 'dom\u0000ain') + '\u0000'],
        ['huge numbers', [
            'company acme {', '    domain acme.example',
            `    user alice { quota ${'9'.repeat(400)} GB  admin  aliases postmaster }`,
            `    mail { max-message-size ${'9'.repeat(30)} TB  spam-threshold ${'9'.repeat(400)}.${'9'.repeat(400)} }`,
            '}',
            'server hv1 {', `    os netbsd ${'9'.repeat(50)}.1`, '    public 999.999.999.999', `    network 10.0.0.0/${'9'.repeat(40)}`,
            `    resources { memory ${'9'.repeat(400)} GB  cpus ${'9'.repeat(400)}  disk 0 KB }`,
            `    vm auth { address 10.0.0.${'9'.repeat(30)}  cpus 0  memory 0 MB  runs ldap, dns }`, '}'
        ].join('\n')],
        ['very long name', `company ${longName} { domain ${longName}.example  user ${longName} }`],
        ['very long display name', `company acme "${'y'.repeat(200_000)}" { domain acme.example }`],
        ['very long line of tokens', `company acme { ${'user a '.repeat(20_000)} }`],
        ['keywords as every name', 'company company "c" { domain company.company user user { groups group } group group { includes group } alias alias -> alias }\nserver server { vm vm { runs ldap from server.vm } hosts company }'],
        ['self and cyclic references', 'company acme { domain acme.example group a { includes b } group b { includes a } group c { includes c } alias x -> y alias y -> x }\nserver hv1 { public 10.1.1.1 network 10.0.0.0/24 vm auth { runs ldap from hv1.auth, dns from hv1.auth } }'],
        ['duplicate everything', `${base}\n${base}\n${base}`]
    ];
}

/** About 1 MB of valid spec: hundreds of companies on one server. */
export function megabyteSpec(): string {
    return buildSyntheticSpec({ companies: 400 }).text;
}

/** About 1 MB of word soup. */
export function megabyteJunk(): string {
    const random = seededRandom(1_000_000);
    let text = '';
    while (text.length < 1_000_000) {
        text += randomTokens(random, 1_000) + '\n';
    }
    return text;
}
