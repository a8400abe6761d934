import type { CompanyModel } from '../../model/infrastructure.js';
import { aclLines, companyAcls } from '../../model/ldap-acls.js';
import { directoryEntries } from '../../model/ldap-directory.js';
import { consumerConfig, copiesOf, replicationAccount, vmRefByHost, type ConsumerConfig, type ReplicationAccount } from '../../model/ldap-replication.js';
import { SCHEMAS } from '../../model/ldap-schema.js';
import type { GeneratedFile } from '../file-set.js';
import { roleCompanies, type GuestContext, type RoleRenderer } from '../guest-context.js';
import { shellWord } from '../template-escapes.js';
import { renderTemplate } from '../templates.js';

/**
 * The ldap role: slapd.conf with one mdb database per company served, and for a primary the
 * company's LDIF, loaded by provision.sh into an empty database. A replica (`ldap from X`) gets
 * consumer databases filled by syncrepl; its source then runs the syncprov overlay and holds a
 * replication account.
 */

interface DatabaseView {
    readonly name: string;
    readonly suffix: string;
    readonly rootdn: string;
    readonly rootpw: string;
    readonly directory: string;
    readonly acls: readonly string[];
    readonly limits: readonly string[];
    readonly provider: boolean;
    readonly consumer?: ConsumerConfig;
    /** Primary databases only: the LDIF to load. */
    readonly ldif?: string;
}

export const renderLdap: RoleRenderer = (context, role) => {
    const companies = roleCompanies(context, role);
    const databases = companies.map((company, index) => databaseView(context, role.from, company, index));
    const p = context.profile.directory;
    const files: GeneratedFile[] = [{
        host: context.vm.host, path: p.slapdConf, mode: 0o640, owner: 'root', group: p.group,
        content: renderTemplate('ldap/slapd.conf', {
            vm: context.vm, profile: p, schemas: SCHEMAS, syncprov: databases.some(d => d.provider), databases
        })
    }];
    if (p.initDefaults !== undefined) {
        files.push({ host: context.vm.host, path: p.initDefaults, mode: 0o644, content: renderTemplate('ldap/slapd.default', { vm: context.vm, profile: p }) });
    }
    for (const [index, company] of companies.entries()) {
        const database = databases[index];
        if (database.ldif !== undefined) {
            files.push({ host: context.vm.host, path: database.ldif, mode: 0o600, content: renderTemplate('ldap/directory.ldif', {
                company: company.name,
                entries: directoryEntries(company, database.provider ? replicationAccount(company, context.secrets) : undefined)
            }) });
        }
    }
    return { files, provision: provision(context, databases) };
};

function databaseView(context: GuestContext, from: string | undefined, company: CompanyModel, index: number): DatabaseView {
    const p = context.profile.directory;
    const replicas = from === undefined ? copiesOf(context.infra, context.vm.host, 'ldap', company.name) : [];
    const account: ReplicationAccount | undefined = replicas.length > 0 || from !== undefined
        ? replicationAccount(company, context.secrets) : undefined;
    const consumer = from === undefined ? undefined
        : consumerConfig(context.infra, vmRefByHost(context.infra, context.vm.host), from, company, index, context.secrets);
    return {
        name: company.name,
        suffix: company.directory.suffix,
        rootdn: company.directory.adminDn,
        rootpw: company.directory.adminPasswordHash,
        directory: `${p.dataDir}/${company.name}`,
        acls: aclLines(companyAcls(company, account ? [account] : [])),
        limits: account && from === undefined ? [account.dn] : [],
        provider: replicas.length > 0,
        ...(consumer ? { consumer } : {}),
        ...(from === undefined ? { ldif: `${p.ldifDir}/${company.name}.ldif` } : {})
    };
}

/** Data directories owned by slapd; each primary database loaded once, when it holds no base entry yet. */
function provision(context: GuestContext, databases: readonly DatabaseView[]): string {
    const p = context.profile.directory;
    const owner = `${p.user}:${p.group}`;
    const lines = [
        '# ldap: slapd data directories and the initial directory load',
        `mkdir -p ${shellWord(p.runDir)} ${shellWord(p.ldifDir)}`,
        `chown ${shellWord(`root:${p.group}`)} ${shellWord(p.runDir)}`,
        `chmod 0775 ${shellWord(p.runDir)}`,
        `chmod 0700 ${shellWord(p.ldifDir)}`
    ];
    for (const db of databases) {
        const dir = shellWord(db.directory);
        lines.push(`mkdir -p ${dir}`);
        if (db.ldif !== undefined) {
            // slapcat prints the base entry once the database holds it: never load twice.
            lines.push(
                `if [ -z "$(${shellWord(p.slapcat)} -f ${shellWord(p.slapdConf)} -b ${shellWord(db.suffix)} -H ${shellWord(`ldap:///${db.suffix}??base`)} 2>/dev/null)" ]; then`,
                `    ${shellWord(p.slapadd)} -q -f ${shellWord(p.slapdConf)} -b ${shellWord(db.suffix)} -l ${shellWord(db.ldif)}`,
                'fi'
            );
        }
        lines.push(`chown -R ${shellWord(owner)} ${dir}`, `chmod 0700 ${dir}`);
    }
    return lines.join('\n') + '\n';
}
