import { companyZone } from '../../model/dns-records.js';
import { nameServers, primaryOf, secondaryPeers, type SecondaryPeer, type TsigKey } from '../../model/dns-servers.js';
import type { CompanyModel } from '../../model/infrastructure.js';
import { vmRefByHost } from '../../model/ldap-replication.js';
import type { GeneratedFile } from '../file-set.js';
import { roleCompanies, type GuestContext, type RoleRenderer } from '../guest-context.js';
import { shellWord } from '../template-escapes.js';
import { renderTemplate } from '../templates.js';
import { serverNamed } from '../../model/locate.js';

/**
 * The dns role: BIND's named.conf and, on a primary, one zone file per company served; on a
 * secondary (`dns from X`) the zones are transferred from X, signed with a TSIG key per zone.
 * Recursion is open to this host and its guest network only (the guests resolve through it).
 */

interface PrimaryZoneView {
    readonly domain: string;
    readonly file: string;
    readonly peers: readonly SecondaryPeer[];
}

interface SecondaryZoneView {
    readonly domain: string;
    readonly file: string;
    readonly primary: SecondaryPeer;
}

export const renderDns: RoleRenderer = (context, role) => {
    const companies = roleCompanies(context, role);
    const p = context.profile.dns;
    const self = vmRefByHost(context.infra, context.vm.host);
    const files: GeneratedFile[] = [];
    const primaries: PrimaryZoneView[] = [];
    const secondaries: SecondaryZoneView[] = [];
    for (const company of companies) {
        if (role.from === undefined) {
            const file = `${p.primaryZoneDir}/${company.domain}.zone`;
            primaries.push({ domain: company.domain, file, peers: secondaryPeers(context.infra, self, company, context.secrets) });
            files.push({ host: context.vm.host, path: file, mode: 0o644, content: zoneFile(context, company) });
        } else {
            secondaries.push({
                domain: company.domain, file: `${p.secondaryZoneDir}/${company.domain}.zone`,
                primary: primaryOf(context.infra, self, role.from, company, context.secrets)
            });
        }
    }
    const keys = uniqueKeys([...primaries.flatMap(z => z.peers.map(peer => peer.key)), ...secondaries.map(z => z.primary.key)]);
    files.push({
        // TSIG secrets inside: readable by named's group only.
        host: context.vm.host, path: p.namedConf, mode: 0o640, owner: 'root', group: p.group,
        content: renderTemplate('dns/named.conf', {
            vm: context.vm, profile: p, recursionClients: [context.server.network.cidr], keys, primaries, secondaries
        })
    });
    return { files, rcConf: [`${p.flagsVariable}="-u ${p.user}"`], provision: provision(context) };
};

function zoneFile(context: GuestContext, company: CompanyModel): string {
    const primary = vmRefByHost(context.infra, context.vm.host);
    const companyServer = serverNamed(context.infra, company.server);
    const zone = companyZone(company, companyServer, nameServers(context.infra, primary, company), context.secrets);
    return renderTemplate('dns/zone', { company: company.name, zone });
}

function uniqueKeys(keys: readonly TsigKey[]): TsigKey[] {
    return [...new Map(keys.map(k => [k.name, k])).values()];
}

/** named writes into its working and secondary directories and its run directory; it only reads the primary zones. */
function provision(context: GuestContext): string {
    const p = context.profile.dns;
    const owner = shellWord(`${p.user}:${p.group}`);
    return [
        '# dns: directories named writes to (managed keys, secondary zones, pid, session key)',
        `mkdir -p ${shellWord(p.workingDir)} ${shellWord(p.primaryZoneDir)} ${shellWord(p.secondaryZoneDir)} ${shellWord(p.runDir)}`,
        `chown ${owner} ${shellWord(p.workingDir)} ${shellWord(p.secondaryZoneDir)} ${shellWord(p.runDir)}`,
        `chmod 0755 ${shellWord(p.primaryZoneDir)}`
    ].join('\n') + '\n';
}
