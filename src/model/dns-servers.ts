import type { CompanyModel, Infrastructure } from './infrastructure.js';
import { addressBetween, copiesOf, vmRefByHost, type VmRef } from './ldap-replication.js';
import type { NameServer } from './dns-records.js';
import type { SecretStore } from './secrets.js';

/**
 * Who serves a company's zone: the primary (the VM running `dns` for it) as ns1, then one name
 * server per other public address among its secondaries (`dns from <primary>`), as ns2, ns3…
 * A secondary on the primary's own server would answer on the same public address, so it adds no
 * NS record. Zone transfers are signed with a TSIG key per zone and secondary.
 */

export interface TsigKey {
    /** A domain name, unique per zone and secondary. */
    readonly name: string;
    readonly algorithm: 'hmac-sha256';
    /** Base64 of 32 random bytes. */
    readonly secret: string;
}

/** One secondary of a primary zone, as the primary sees it. */
export interface SecondaryPeer {
    /** Where the primary sends NOTIFY, and the source address of the secondary's transfer requests. */
    readonly address: string;
    readonly key: TsigKey;
}

export function tsigKey(company: CompanyModel, secondaryHost: string, secrets: SecretStore): TsigKey {
    const hex = secrets.token(`dns-tsig:${company.name}:${secondaryHost}`, 32);
    return {
        name: `xfr-${company.name}-${secondaryHost.replace(/\./g, '-')}`,
        algorithm: 'hmac-sha256',
        secret: Buffer.from(hex, 'hex').toString('base64')
    };
}

export function nameServers(infra: Infrastructure, primary: VmRef, company: CompanyModel): NameServer[] {
    const servers: NameServer[] = [nameServer('ns1', primary)];
    const seen = new Set([primary.server.publicIpv4]);
    for (const secondary of copiesOf(infra, primary.vm.host, 'dns', company.name)) {
        if (!seen.has(secondary.server.publicIpv4)) {
            seen.add(secondary.server.publicIpv4);
            servers.push(nameServer(`ns${servers.length + 1}`, secondary));
        }
    }
    return servers;
}

function nameServer(label: string, ref: VmRef): NameServer {
    return { label, ipv4: ref.server.publicIpv4, ...(ref.server.publicIpv6 ? { ipv6: ref.server.publicIpv6 } : {}) };
}

export function secondaryPeers(infra: Infrastructure, primary: VmRef, company: CompanyModel, secrets: SecretStore): SecondaryPeer[] {
    return copiesOf(infra, primary.vm.host, 'dns', company.name)
        .map(secondary => ({ address: addressBetween(primary, secondary), key: tsigKey(company, secondary.vm.host, secrets) }));
}

/** What a secondary needs: the primary's address (as seen from the secondary) and the shared key. */
export function primaryOf(infra: Infrastructure, secondary: VmRef, source: string, company: CompanyModel,
    secrets: SecretStore): SecondaryPeer {
    return { address: addressBetween(secondary, vmRefByHost(infra, source)), key: tsigKey(company, secondary.vm.host, secrets) };
}
