import type { RoleKind, ServiceKind } from '../language/generated/ast.js';
import type { CompanyModel, Infrastructure, VmModel } from './infrastructure.js';
import { primaryVm } from './locate.js';
import type { SecretStore } from './secrets.js';

/**
 * Who may use which MariaDB database: one database and one account per company and application
 * (Roundcube for webmail, Nextcloud for cloud, Gitea for git). The database VM (bootstrap SQL) and
 * the application VMs (their DSNs) both read this module, so names, passwords and the address the
 * account is limited to always agree.
 */

export type DatabaseApp = 'roundcube' | 'nextcloud' | 'gitea';

export const MARIADB_PORT = 3306;

/** The service that needs each application's database, and the role that runs the application. */
const APPS: readonly { readonly app: DatabaseApp, readonly service: ServiceKind, readonly role: RoleKind }[] = [
    { app: 'roundcube', service: 'webmail', role: 'webmail' },
    { app: 'nextcloud', service: 'cloud', role: 'cloud' },
    { app: 'gitea', service: 'git', role: 'git' }
];

export interface DatabaseAccount {
    readonly app: DatabaseApp;
    readonly company: string;
    /** Database and user name: `<app>_<company>` (hyphens become underscores). */
    readonly database: string;
    readonly user: string;
    readonly password: string;
    /** The MariaDB server: the database VM's private address (MariaDB binds there only). */
    readonly host: string;
    readonly port: number;
    /** The application VM's private address: the only host the account may connect from. */
    readonly clientAddress: string;
    /** Host id of the database VM (`server.vm`). */
    readonly databaseVm: string;
}

/** The applications of a company that need a database, in a fixed order. */
export function databaseAppsOf(company: CompanyModel): DatabaseApp[] {
    return APPS.filter(a => company.services.enabled.includes(a.service)).map(a => a.app);
}

/** `<app>_<company>`: MariaDB identifiers without quoting trouble in DSNs and ini files. */
export function databaseName(app: DatabaseApp, company: string): string {
    return `${app}_${company.replace(/-/g, '_')}`;
}

const roleOf = (app: DatabaseApp): RoleKind => APPS.find(a => a.app === app)!.role;

/** The account `company`'s `app` uses; throws when the spec places no database or no application VM (validation prevents both). */
export function databaseAccount(infra: Infrastructure, secrets: SecretStore, company: string, app: DatabaseApp): DatabaseAccount {
    const dbVm = requirePrimary(infra, company, 'database');
    const clientVm = requirePrimary(infra, company, roleOf(app));
    const name = databaseName(app, company);
    return {
        app, company, database: name, user: name,
        password: secrets.password(`db:${company}:${app}`),
        host: dbVm.address, port: MARIADB_PORT, clientAddress: clientVm.address, databaseVm: dbVm.host
    };
}

/** Every account the database VM `vm` must create: its companies' applications whose database it holds. */
export function accountsServedBy(infra: Infrastructure, secrets: SecretStore, vm: VmModel, companies: readonly CompanyModel[]): DatabaseAccount[] {
    const accounts = companies
        .flatMap(company => databaseAppsOf(company).map(app => ({ company: company.name, app })))
        .filter(({ company }) => primaryVm(infra, company, 'database')?.host === vm.host)
        .map(({ company, app }) => databaseAccount(infra, secrets, company, app));
    assertDistinctNames(accounts);
    return accounts;
}

/** Two companies whose names differ only by `-` versus `_` would share a database: refuse rather than mix their data. */
function assertDistinctNames(accounts: readonly DatabaseAccount[]): void {
    const seen = new Map<string, string>();
    for (const account of accounts) {
        const other = seen.get(account.database);
        if (other !== undefined && other !== account.company) {
            throw new Error(`companies ${other} and ${account.company} would share the database ${account.database}; rename one of them`);
        }
        seen.set(account.database, account.company);
    }
}

function requirePrimary(infra: Infrastructure, company: string, role: RoleKind): VmModel {
    const vm = primaryVm(infra, company, role);
    if (!vm) {
        throw new Error(`no VM runs ${role} for company ${company}, which needs it for its database`);
    }
    return vm;
}

/** A single-quoted SQL string literal (MariaDB: backslash and quote escaped). */
export function sqlString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A back-quoted SQL identifier. */
export function sqlIdentifier(value: string): string {
    return `\`${value.replace(/`/g, '``')}\``;
}
