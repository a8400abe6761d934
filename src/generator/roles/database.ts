import { serviceCommand } from '../../model/guest-software.js';
import * as path from 'node:path';
import type { RoleRenderer } from '../guest-context.js';
import { roleCompanies } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { MARIADB_PORT, accountsServedBy, sqlIdentifier, sqlString } from '../../model/database-access.js';

/**
 * MariaDB for the applications of the companies this VM serves: my.cnf (private address only),
 * the bootstrap SQL (databases and accounts, each account limited to its application VM's
 * address) and the provision step that initialises, starts and applies it.
 */
export const renderDatabase: RoleRenderer = (context, role) => {
    const { vm, profile } = context;
    const mariadb = profile.web.mariadb;
    const accounts = accountsServedBy(context.infra, context.secrets, vm, roleCompanies(context, role)).map(a => ({
        company: a.company,
        app: a.app,
        database: sqlIdentifier(a.database),
        account: `${sqlString(a.user)}@${sqlString(a.clientAddress)}`,
        password: sqlString(a.password)
    }));
    const owner = `${mariadb.user}:${mariadb.group}`;
    return {
        files: [
            {
                host: vm.host, path: mariadb.configFile, mode: 0o644,
                content: renderTemplate('database/my.cnf', { vm, mariadb, port: MARIADB_PORT })
            },
            {
                host: vm.host, path: mariadb.bootstrapSql, mode: 0o600,
                content: renderTemplate('database/bootstrap.sql', {
                    vm, accounts, sqlVmName: sqlString(vm.name), sqlVmFqdn: sqlString(vm.fqdn)
                })
            }
        ],
        rcConf: profile.base.initSystem === 'rc.d' ? [`${profile.base.daemons.mariadb.rcvar}_datadir=${mariadb.datadir}`] : [],
        provision: renderTemplate('database/provision.sh', {
            mariadb, owner,
            runDir: path.posix.dirname(mariadb.socket),
            logDir: path.posix.dirname(mariadb.logError),
            startCommand: serviceCommand(profile.base, 'mariadb', 'start')
        })
    };
};
