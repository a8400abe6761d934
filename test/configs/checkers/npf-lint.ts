/**
 * A structural lint of npf.conf (NetBSD's packet filter): nothing in Debian reads npf.conf and
 * npfctl does not build here, so this checks what a broken generator would break, following the
 * grammar of npf.conf(5): top-level `$var = …`, `set`, `alg`, `table`, `map`, `group … { rules }`,
 * `procedure "name" { calls }`; `#` comments, `\` continuations, `;` as a line separator. On the
 * hypervisor, `npfctl validate` before `npfctl reload` is the real check.
 *
 * Rules: balanced braces and only known statements (rules inside groups, calls inside procedures);
 * exactly one `group default`; every inbound forward (`map … <-`) translates to an address inside
 * the guest network, each public port is forwarded at most once per protocol, the forwards are
 * exactly the model's and each has a `pass` rule on its public port; the guest network has its
 * outbound NAT `map … ->`. Pure: text and model in, problems out.
 */

export interface NpfExpectation {
    /** The guest network (`10.0.0.0`, 24). */
    readonly network: { readonly network: string, readonly prefix: number };
    /** The public forwards the model wants (forwards to the hypervisor itself have no address). */
    readonly forwards: readonly { readonly port: number, readonly protocol: 'tcp' | 'udp', readonly guestPort: number, readonly address?: string }[];
}

export interface NpfProblem {
    readonly line?: number;
    readonly message: string;
}

interface Statement {
    readonly line: number;
    readonly text: string;
}

interface Block {
    readonly kind: 'group' | 'procedure';
    readonly header: Statement;
    readonly body: Statement[];
}

interface Parsed {
    readonly variables: Map<string, string[]>;
    readonly maps: Statement[];
    readonly blocks: Block[];
    readonly problems: NpfProblem[];
}

/** All problems of an npf.conf against what the model expects; [] when it is sound. */
export function lintNpf(content: string, expected: NpfExpectation): NpfProblem[] {
    const parsed = parse(content);
    return [
        ...parsed.problems,
        ...checkDefaultGroup(parsed),
        ...checkForwards(parsed, expected),
        ...checkOutboundNat(parsed, expected)
    ];
}

// ---------------------------------------------------------------- parsing

/** Logical lines: comments dropped, continuations joined, `;` split, each with its first line number. */
function statements(content: string): Statement[] {
    const result: Statement[] = [];
    const lines = content.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = i + 1;
        let text = stripComment(lines[i]);
        while (text.endsWith('\\') && i + 1 < lines.length) {
            text = text.slice(0, -1) + ' ' + stripComment(lines[++i]);
        }
        for (const part of text.split(';')) {
            const trimmed = part.trim();
            if (trimmed !== '') {
                result.push({ line, text: trimmed });
            }
        }
    }
    return result;
}

function stripComment(line: string): string {
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        if (line[i] === '"') {
            quoted = !quoted;
        } else if (line[i] === '#' && !quoted) {
            return line.slice(0, i);
        }
    }
    return line;
}

const TOP_LEVEL: readonly RegExp[] = [
    /^set\s+\S+/,
    /^alg\s+"[^"]+"$/,
    /^table\s+<[^>\s]+>\s+type\s+(hash|tree|cdb|lpm|const)\s+(dynamic|file\s+"[^"]+")$/
];

function parse(content: string): Parsed {
    const parsed: Parsed = { variables: new Map(), maps: [], blocks: [], problems: [] };
    let open: Block | undefined;
    for (const statement of statements(content)) {
        const { line, text } = statement;
        if (open !== undefined) {
            if (text === '}') {
                parsed.blocks.push(open);
                open = undefined;
            } else if (text.includes('{') || text.includes('}')) {
                parsed.problems.push({ line, message: `unbalanced brace inside ${open.header.text}: "${text}"` });
            } else if (open.kind === 'group' ? !/^(pass|block|ruleset)\b/.test(text) : !/^[\w-]+\s*:/.test(text)) {
                parsed.problems.push({ line, message: `not a ${open.kind === 'group' ? 'rule (pass, block, ruleset)' : 'procedure call (name: options)'}: "${text}"` });
            } else {
                open.body.push(statement);
            }
            continue;
        }
        const variable = /^\$(\w+)\s*=\s*(.+)$/.exec(text);
        if (variable !== null) {
            const values = variableValues(variable[2]);
            if (values === undefined) {
                parsed.problems.push({ line, message: `unbalanced braces in the value of $${variable[1]}` });
            } else {
                parsed.variables.set(variable[1], values);
            }
        } else if (/^map\s/.test(text)) {
            parsed.maps.push(statement);
        } else if (/^(group\s+(default|"[^"]+"(\s+(in|out))?(\s+on\s+\S+)?)|procedure\s+"[^"]+")\s*\{$/.test(text)) {
            open = { kind: text.startsWith('group') ? 'group' : 'procedure', header: statement, body: [] };
        } else if (text === '}') {
            parsed.problems.push({ line, message: 'a "}" closes no group or procedure' });
        } else if (!TOP_LEVEL.some(pattern => pattern.test(text))) {
            parsed.problems.push({ line, message: `unknown statement: "${text}"` });
        }
    }
    if (open !== undefined) {
        parsed.problems.push({ line: open.header.line, message: `"${open.header.text}" is never closed` });
    }
    return parsed;
}

/** `{ a, b }` or a single value; undefined when the braces do not balance. */
function variableValues(value: string): string[] | undefined {
    const list = /^\{(.*)\}$/.exec(value);
    if (list === null) {
        return value.includes('{') || value.includes('}') ? undefined : [value];
    }
    return list[1].includes('{') || list[1].includes('}') ? undefined : list[1].split(',').map(v => v.trim()).filter(v => v !== '');
}

// ---------------------------------------------------------------- rules

function checkDefaultGroup(parsed: Parsed): NpfProblem[] {
    const defaults = parsed.blocks.filter(b => /^group\s+default\b/.test(b.header.text));
    if (defaults.length === 0) {
        return [{ message: 'no "group default": npf refuses a ruleset without it' }];
    }
    return defaults.slice(1).map(b => ({ line: b.header.line, message: 'a second "group default"' }));
}

interface MapRule {
    readonly line: number;
    readonly protocol?: string;
    readonly inside: { readonly address: string, readonly port?: number };
    readonly outside: { readonly address: string, readonly port?: number };
    readonly direction: '->' | '<-' | '<->';
}

/** `map IFACE (static [algo A] | dynamic) [proto P] SEG (->|<-|<->) SEG`; a problem when it is not. */
function mapRule(statement: Statement): MapRule | NpfProblem {
    const match = /^map\s+\S+\s+(?:static(?:\s+algo\s+\S+)?|dynamic)\s+(?:proto\s+(\S+)\s+)?(\S+)(?:\s+port\s+(\d+))?\s+(->|<-|<->)\s+(\S+)(?:\s+port\s+(\d+))?(?:\s+pass\b.*)?$/
        .exec(statement.text);
    if (match === null) {
        return { line: statement.line, message: `not a map of npf.conf(5): "${statement.text}"` };
    }
    const port = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
    return {
        line: statement.line, protocol: match[1], direction: match[4] as MapRule['direction'],
        inside: { address: match[2], port: port(match[3]) }, outside: { address: match[5], port: port(match[6]) }
    };
}

function checkForwards(parsed: Parsed, expected: NpfExpectation): NpfProblem[] {
    const problems: NpfProblem[] = [];
    const seen = new Map<string, MapRule>();
    for (const statement of parsed.maps) {
        const rule = mapRule(statement);
        if (!('direction' in rule)) {
            problems.push(rule);
            continue;
        }
        if (rule.direction !== '<-') {
            continue;
        }
        const where = `${rule.protocol ?? 'any'} ${rule.outside.port ?? '(no port)'}`;
        if (rule.protocol === undefined || rule.inside.port === undefined || rule.outside.port === undefined) {
            problems.push({ line: rule.line, message: `forward ${where}: a port forward needs "proto" and a port on both sides` });
        }
        for (const address of resolve(parsed, rule.inside.address)) {
            if (!insideNetwork(address, expected.network)) {
                problems.push({ line: rule.line, message: `forward ${where} goes to ${address}, outside the guest network ${expected.network.network}/${expected.network.prefix}` });
            }
        }
        const before = seen.get(where);
        if (before !== undefined) {
            problems.push({ line: rule.line, message: `public port ${where} is forwarded twice (first at line ${before.line})` });
        }
        seen.set(where, rule);
        if (!hasPassRule(parsed, rule)) {
            problems.push({ line: rule.line, message: `forward ${where} has no "pass … in … proto ${rule.protocol} … port ${rule.outside.port}" rule: the filter would drop it` });
        }
    }
    for (const forward of expected.forwards.filter(f => f.address !== undefined)) {
        const rule = seen.get(`${forward.protocol} ${forward.port}`);
        if (rule === undefined || rule.inside.address !== forward.address || rule.inside.port !== forward.guestPort) {
            problems.push({ line: rule?.line, message: `the model forwards ${forward.protocol} ${forward.port} to ${forward.address} port ${forward.guestPort}; npf.conf ${rule === undefined ? 'does not' : `sends it to ${rule.inside.address} port ${rule.inside.port}`}` });
        }
    }
    const wanted = new Set(expected.forwards.filter(f => f.address !== undefined).map(f => `${f.protocol} ${f.port}`));
    for (const [key, rule] of seen) {
        if (!wanted.has(key)) {
            problems.push({ line: rule.line, message: `forward ${key} is not in the model` });
        }
    }
    return problems;
}

/** A pass rule in a group letting the forward's public port in (npf filters before translation). */
function hasPassRule(parsed: Parsed, rule: MapRule): boolean {
    return parsed.blocks.filter(b => b.kind === 'group').some(group => group.body.some(({ text }) =>
        /^pass\b/.test(text) && !/\bout\b/.test(text)
        && new RegExp(`\\bproto ${rule.protocol}\\b`).test(text) && new RegExp(`\\bport ${rule.outside.port}\\b`).test(text)));
}

function checkOutboundNat(parsed: Parsed, expected: NpfExpectation): NpfProblem[] {
    const cidr = `${expected.network.network}/${expected.network.prefix}`;
    const nat = parsed.maps.map(mapRule).some(rule => 'direction' in rule && rule.direction === '->'
        && resolve(parsed, rule.inside.address).includes(cidr));
    return nat ? [] : [{ message: `no outbound NAT "map … ${cidr} -> …" for the guest network` }];
}

/** A map side's addresses: a `$variable`'s values, or the literal. */
function resolve(parsed: Parsed, value: string): string[] {
    return value.startsWith('$') ? parsed.variables.get(value.slice(1)) ?? [value] : [value];
}

function ipv4(address: string): number | undefined {
    const parts = address.split('.');
    if (parts.length !== 4 || parts.some(p => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
        return undefined;
    }
    return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

/** Whether `address` (or every address of `a.b.c.d/n`) is inside the network. */
function insideNetwork(address: string, network: NpfExpectation['network']): boolean {
    const [host, length] = address.split('/');
    const value = ipv4(host);
    const base = ipv4(network.network);
    if (value === undefined || base === undefined || (length !== undefined && Number(length) < network.prefix)) {
        return false;
    }
    const size = 2 ** (32 - network.prefix);
    return Math.floor(value / size) === Math.floor(base / size);
}
