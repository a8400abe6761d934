import { createHash } from 'node:crypto';
import type { CompanyModel, ServerModel } from './infrastructure.js';
import { mtaStsPolicy } from './mta-sts-policy.js';
import type { SecretStore } from './secrets.js';

/**
 * The authoritative zone of a company: every record, in a fixed order, as zone-file text fields.
 * Pure apart from the serial, which is handed out once per distinct record set by the secrets
 * store (see `zoneSerial`).
 */

export type RecordType = 'SOA' | 'NS' | 'A' | 'AAAA' | 'MX' | 'TXT' | 'SRV';

export interface DnsRecord {
    /** Relative owner name (`@`, `www`, `_dmarc`, `mail2026._domainkey`). */
    readonly name: string;
    readonly type: RecordType;
    /** The RDATA as written in a zone file (TXT already quoted and split). */
    readonly data: string;
}

export interface Zone {
    readonly origin: string;
    readonly ttl: number;
    readonly serial: number;
    /** SOA first, then the rest; the SOA's serial is `serial`. */
    readonly records: readonly DnsRecord[];
}

/** A name server of the zone: its label under the domain and the public addresses it answers on. */
export interface NameServer {
    readonly label: string;
    readonly ipv4: string;
    readonly ipv6?: string;
}

export const ZONE_TTL = 3600;
/** SOA refresh, retry, expire, negative-cache TTL (RIPE-203 style values for a small zone). */
export const SOA_TIMERS = { refresh: 3600, retry: 900, expire: 1_209_600, minimum: 300 } as const;

/** `2001:db8::1/64` → `2001:db8::1`: the spec writes the server's address with its prefix. */
export function stripPrefix(address: string): string {
    return address.replace(/\/\d+$/, '');
}

/** A TXT RDATA: quoted character-strings of at most 255 bytes each (RFC 1035 §3.3.14), quotes and backslashes escaped. */
export function txtData(value: string): string {
    const bytes = Buffer.from(value, 'utf-8');
    const chunks: string[] = [];
    for (let offset = 0; offset < bytes.length || chunks.length === 0; offset += 255) {
        chunks.push([...bytes.subarray(offset, offset + 255)].map(characterOf).join(''));
    }
    return chunks.map(c => `"${c}"`).join(' ');
}

/** One byte inside a quoted zone-file string: printable ASCII as is, `"` and `\\` escaped, others as `\\DDD`. */
function characterOf(byte: number): string {
    if (byte === 0x22 || byte === 0x5c) {
        return `\\${String.fromCharCode(byte)}`;
    }
    return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\${String(byte).padStart(3, '0')}`;
}

/** A mailbox as an SOA RNAME: `host.master@x.y` → `host\.master.x.y.`. */
export function mailboxName(address: string): string {
    const [local, domain] = address.split('@');
    return `${local.replace(/\./g, '\\.')}.${domain}.`;
}

function addressRecords(name: string, ipv4: string, ipv6: string | undefined): DnsRecord[] {
    return [{ name, type: 'A', data: ipv4 }, ...(ipv6 ? [{ name, type: 'AAAA' as const, data: stripPrefix(ipv6) }] : [])];
}

/** Every record but the SOA. `nameServers[0]` is the primary (ns1). */
export function zoneRecords(company: CompanyModel, companyServer: ServerModel, nameServers: readonly NameServer[]): DnsRecord[] {
    const d = company.domain;
    const report = company.mail.reportAddress;
    const srv = (service: string, port: number, host: string | undefined): DnsRecord => ({
        name: `_${service}._tcp`, type: 'SRV', data: host ? `0 1 ${port} ${host}.${d}.` : '0 0 0 .'
    });
    const cloud = company.services.cloud;
    const records: DnsRecord[] = [
        ...nameServers.map(ns => ({ name: '@', type: 'NS' as const, data: `${ns.label}.${d}.` })),
        { name: '@', type: 'MX', data: `10 mx.${d}.` },
        { name: '@', type: 'TXT', data: txtData('v=spf1 mx -all') },
        ...nameServers.flatMap(ns => addressRecords(ns.label, ns.ipv4, ns.ipv6)),
        ...company.publicNames.flatMap(n => addressRecords(n.label, companyServer.publicIpv4, companyServer.publicIpv6)),
        { name: `${company.mail.dkimSelector}._domainkey`, type: 'TXT', data: txtData(company.mail.dkimTxt) },
        { name: '_dmarc', type: 'TXT', data: txtData(`v=DMARC1; p=quarantine; rua=mailto:${report}`) },
        { name: '_mta-sts', type: 'TXT', data: txtData(`v=STSv1; id=${mtaStsPolicy(company).id}`) },
        { name: '_smtp._tls', type: 'TXT', data: txtData(`v=TLSRPTv1; rua=mailto:${report}`) },
        // RFC 6186: submission and IMAPS on mail.<domain>; plain IMAP and POP3 are not offered ("." = none).
        srv('submission', 587, 'mail'), srv('imaps', 993, 'mail'), srv('imap', 0, undefined),
        srv('pop3', 0, undefined), srv('pop3s', 0, undefined)
    ];
    if (cloud) {
        // RFC 6764: CalDAV/CardDAV over TLS on the cloud host; plain HTTP is only a redirect, so "." for it.
        const label = cloud.hostname;
        records.push(
            srv('caldavs', 443, label), { name: '_caldavs._tcp', type: 'TXT', data: txtData('path=/remote.php/dav/') },
            srv('carddavs', 443, label), { name: '_carddavs._tcp', type: 'TXT', data: txtData('path=/remote.php/dav/') },
            srv('caldav', 0, undefined), srv('carddav', 0, undefined)
        );
    }
    return records;
}

/**
 * The zone serial. It must grow whenever the content changes, or secondaries keep the old copy;
 * a date-based YYYYMMDDnn is not deterministic, and a plain hash of the records is not monotonic.
 * So each distinct record set (by its SHA-256) is handed a number once by the secrets store
 * (`dns-serial:<company>:<digest>`), which gives the next free number of the family: a new record
 * set always gets a higher serial than every earlier one, and regenerating the same zone gives the
 * same serial. (Reverting to a record set seen before brings its older serial back: bump it by
 * changing anything, or let the secondaries expire; documented in the deploy guide.)
 */
export function zoneSerial(company: CompanyModel, records: readonly DnsRecord[], secrets: SecretStore): number {
    const digest = createHash('sha256').update(records.map(r => `${r.name} ${r.type} ${r.data}`).join('\n')).digest('hex').slice(0, 16);
    return secrets.id(`dns-serial:${company.name}:${digest}`, 1);
}

export function companyZone(company: CompanyModel, companyServer: ServerModel, nameServers: readonly NameServer[], secrets: SecretStore): Zone {
    if (nameServers.length === 0) {
        throw new Error(`zone ${company.domain} has no name server`);
    }
    const records = zoneRecords(company, companyServer, nameServers);
    const serial = zoneSerial(company, records, secrets);
    const t = SOA_TIMERS;
    const soa: DnsRecord = {
        name: '@', type: 'SOA',
        data: `${nameServers[0].label}.${company.domain}. ${mailboxName(company.mail.reportAddress)} ${serial} ${t.refresh} ${t.retry} ${t.expire} ${t.minimum}`
    };
    return { origin: `${company.domain}.`, ttl: ZONE_TTL, serial, records: [soa, ...records] };
}
