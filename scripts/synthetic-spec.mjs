// A large, realistic and valid spec for the benchmarks and the robustness tests: many
// companies, each with groups, users (with groups, aliases and quotas), mail aliases, mail
// settings and services, hosted on one server or spread over several (`companiesPerServer`),
// as a hosting provider would: each server has its own public address and guest network.

const pad = (n) => String(n).padStart(2, '0');

/**
 * @param {{ companies?: number, usersPerCompany?: number, groupsPerCompany?: number, companiesPerServer?: number }} [options]
 * @returns {{ text: string, lines: number, companyIds: string[], servers: number }}
 */
export function buildSyntheticSpec(options = {}) {
    const companies = options.companies ?? 40;
    const users = options.usersPerCompany ?? 20;
    const groups = options.groupsPerCompany ?? 5;
    const perServer = options.companiesPerServer ?? companies;
    const companyIds = Array.from({ length: companies }, (_, c) => `c${pad(c)}`);
    const parts = companyIds.map((id, c) => companyBlock(id, c, users, groups));
    const servers = chunk(companyIds, perServer);
    if (servers.length > maxServers) {
        throw new Error(`synthetic spec: ${servers.length} servers, more than the ${maxServers} public addresses it can give`);
    }
    parts.push(...servers.map((hosted, s) => serverBlock(s, hosted)));
    const text = parts.join('\n') + '\n';
    return { text, lines: text.split('\n').length - 1, companyIds, servers: servers.length };
}

/** Public addresses 203.0.113.10 and up (a documentation range, one per server) bound the server count. */
const maxServers = 240;

function chunk(items, size) {
    const chunks = [];
    for (let i = 0; i < items.length; i += size) {
        chunks.push(items.slice(i, i + size));
    }
    return chunks;
}

/** A spec of about `lines` lines (companies of 20 users and 5 groups each). */
export function buildSyntheticSpecOfLines(lines) {
    const one = buildSyntheticSpec({ companies: 1 }).lines;
    const perCompany = buildSyntheticSpec({ companies: 2 }).lines - one;
    const fixed = one - perCompany;
    return buildSyntheticSpec({ companies: Math.max(1, Math.round((lines - fixed) / perCompany)) });
}

function companyBlock(id, index, users, groups) {
    const lines = [
        `/** Synthetic company number ${index}. */`,
        `company ${id} "Company ${index}" {`,
        `    domain ${id}.example`,
        '    timezone Europe/Berlin',
        '    locale en_US',
        ''
    ];
    for (let g = 1; g <= groups; g++) {
        lines.push(g === 1 ? `    group g${g} "Group ${g}"` : `    group g${g} "Group ${g}" { includes g${g - 1} }`);
    }
    lines.push('');
    for (let u = 1; u <= users; u++) {
        lines.push(...userBlock(u, groups));
    }
    lines.push(
        '',
        `    alias sales -> u${pad(1)}, u${pad(2)}`,
        '    alias team -> g1, g2',
        `    alias info -> sales, "frontdesk@partner.example"`,
        '',
        '    mail {',
        '        max-message-size 25 MB',
        '        spam-threshold 5.0',
        '    }',
        '    services website, webmail, cloud',
        '    cloud { quota 10 GB }',
        '}'
    );
    return lines.join('\n');
}

function userBlock(u, groups) {
    const name = `u${pad(u)}`;
    const first = u === 1;
    return [
        `    user ${name} "Member ${u}" {`,
        `        groups g${(u % groups) + 1}, g${((u + 1) % groups) + 1}`,
        first ? '        aliases postmaster, abuse, hostmaster' : `        aliases ${name}-alt`,
        first ? '        admin' : `        quota ${1 + (u % 5)} GB`,
        '    }'
    ];
}

/** Server s (hv1, hv2…): its own public address and guest network, as the uniqueness rules require. */
function serverBlock(s, companyIds) {
    return [
        `/** Synthetic server ${s + 1}, hosting ${companyIds.length} companies. */`,
        `server hv${s + 1} {`,
        '    os netbsd 10.1',
        `    public 203.0.113.${10 + s} on wm0`,
        `    network 10.${s}.0.0/24`,
        `    hosts ${companyIds.join(', ')}`,
        '    resources { memory 256 GB  cpus 32  disk 8 TB }',
        '',
        '    vm auth  { memory 1 GB  disk 10 GB  runs ldap, dns }',
        '    vm cloud { memory 8 GB  cpus 4  disk 500 GB  runs cloud, database }',
        '}'
    ].join('\n');
}
