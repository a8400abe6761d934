import type { CompanyModel, Infrastructure, ServerModel, VmModel } from './infrastructure.js';
import { sshaHash } from './password-hash.js';
import type { SecretStore } from './secrets.js';
import { serverNamed, vmByHost } from './locate.js';

/**
 * LDAP replication (`ldap from <source>`): the source VM's slapd is the syncrepl provider
 * (overlay syncprov), each replica a read-only consumer that refers writes to it (`updateref`).
 * The consumer binds as a replication account of the company, kept out of the core model's
 * service accounts because only replicated companies have one; it reads the whole tree, password
 * hashes included (a replica must let users bind).
 */

export interface ReplicationAccount {
    readonly dn: string;
    readonly name: string;
    readonly password: string;
    readonly passwordHash: string;
}

export const REPLICATION_ACCOUNT_NAME = 'replication';

export function replicationAccount(company: CompanyModel, secrets: SecretStore): ReplicationAccount {
    const dn = `uid=${REPLICATION_ACCOUNT_NAME},${company.directory.systemDn}`;
    const password = secrets.password(`ldap-replication:${company.name}`);
    return { dn, name: REPLICATION_ACCOUNT_NAME, password, passwordHash: sshaHash(password, dn) };
}

export interface VmRef {
    readonly server: ServerModel;
    readonly vm: VmModel;
}

function allVms(infra: Infrastructure): VmRef[] {
    return infra.servers.flatMap(server => server.vms.map(vm => ({ server, vm })));
}

/** A VM with its server, by host id. */
export function vmRefByHost(infra: Infrastructure, host: string): VmRef {
    const vm = vmByHost(infra, host);
    return { server: serverNamed(infra, vm.server), vm };
}

/** The VMs that copy `role` from `source` (host id) for `company`: replicas or secondaries. */
export function copiesOf(infra: Infrastructure, source: string, role: 'ldap' | 'dns', company: string): VmRef[] {
    return allVms(infra).filter(ref => ref.vm.roles.some(r => r.role === role && r.relation === 'from' && r.from === source
        && r.companies.includes(company)));
}

/**
 * The address one VM uses to reach another: the private guest address on the same server, else the
 * other server's public IPv4 (through its port forwards), which is also the source address the
 * other side sees, since guests leave their server through its outbound NAT.
 */
export function addressBetween(from: VmRef, to: VmRef): string {
    return from.server.name === to.server.name ? to.vm.address : to.server.publicIpv4;
}

/** What a consumer database needs: syncrepl id, provider URI, bind account. */
export interface ConsumerConfig {
    /** syncrepl `rid`: three decimal digits at most, unique per consumer slapd (one per company database). */
    readonly rid: string;
    readonly providerUri: string;
    readonly account: ReplicationAccount;
}

export function consumerConfig(infra: Infrastructure, replica: VmRef, source: string, company: CompanyModel,
    index: number, secrets: SecretStore): ConsumerConfig {
    const provider = vmRefByHost(infra, source);
    return {
        rid: String(index + 1).padStart(3, '0'),
        providerUri: `ldap://${addressBetween(replica, provider)}/`,
        account: replicationAccount(company, secrets)
    };
}
