import type { RoleKind } from '../language/generated/ast.js';

/**
 * What software each role needs, by abstract id. The platform profile maps ids to package names
 * (`openldap-server` on pkgsrc, `slapd` on Debian) and daemons to how they are enabled
 * (`slapd=YES` in rc.conf, a systemd unit), so the model never names a platform's package.
 */
export type PackageId =
    | 'base-tools' | 'ca-certificates' | 'openssl'
    | 'openldap-server' | 'openldap-client'
    | 'bind'
    | 'postfix' | 'postfix-ldap' | 'spamassassin'
    | 'dovecot' | 'dovecot-ldap' | 'dovecot-sieve' | 'opendkim'
    | 'nginx' | 'php-fpm' | 'php-ldap' | 'php-mysql' | 'php-intl' | 'php-gd' | 'php-zip' | 'php-curl' | 'php-mbstring'
    | 'roundcube' | 'nextcloud' | 'mariadb-server' | 'mariadb-client'
    | 'gitea' | 'git'
    | 'prosody' | 'lua-ldap' | 'jicofo' | 'jitsi-videobridge' | 'jitsi-meet' | 'jitsi-meet-prosody' | 'java'
    | 'acme-client';

export type DaemonId =
    | 'slapd' | 'named' | 'postfix' | 'spamd' | 'dovecot' | 'opendkim'
    | 'nginx' | 'php-fpm' | 'mariadb' | 'gitea' | 'prosody' | 'jicofo' | 'jvb';

export interface RoleSoftware {
    readonly packages: readonly PackageId[];
    /** Daemons in the order they must start on the VM. */
    readonly daemons: readonly DaemonId[];
}

/** Every guest gets these whatever it runs. */
export const BASE_PACKAGES: readonly PackageId[] = ['base-tools', 'ca-certificates', 'openssl'];

export const ROLE_SOFTWARE: Readonly<Record<RoleKind, RoleSoftware>> = {
    ldap: { packages: ['openldap-server', 'openldap-client'], daemons: ['slapd'] },
    dns: { packages: ['bind'], daemons: ['named'] },
    mx: { packages: ['postfix', 'spamassassin'], daemons: ['spamd', 'postfix'] },
    mail: { packages: ['postfix', 'postfix-ldap', 'dovecot', 'dovecot-ldap', 'dovecot-sieve', 'opendkim', 'openldap-client'], daemons: ['opendkim', 'dovecot', 'postfix'] },
    webmail: { packages: ['nginx', 'php-fpm', 'roundcube', 'php-ldap', 'php-mysql', 'php-intl', 'php-mbstring', 'mariadb-client'], daemons: ['php-fpm', 'nginx'] },
    database: { packages: ['mariadb-server', 'mariadb-client'], daemons: ['mariadb'] },
    cloud: {
        packages: ['nginx', 'php-fpm', 'nextcloud', 'php-ldap', 'php-mysql', 'php-intl', 'php-gd', 'php-zip', 'php-curl', 'php-mbstring', 'mariadb-client'],
        daemons: ['php-fpm', 'nginx']
    },
    git: { packages: ['gitea', 'git', 'mariadb-client'], daemons: ['gitea'] },
    meet: {
        packages: ['prosody', 'lua-ldap', 'jicofo', 'jitsi-videobridge', 'jitsi-meet', 'jitsi-meet-prosody', 'java', 'nginx'],
        daemons: ['prosody', 'jicofo', 'jvb', 'nginx']
    },
    videobridge: { packages: ['jitsi-videobridge', 'java'], daemons: ['jvb'] },
    proxy: { packages: ['nginx', 'acme-client'], daemons: ['nginx'] },
    website: { packages: ['nginx'], daemons: ['nginx'] }
};

/** The daemons' global start order, so a VM with several roles starts them sensibly. */
export const DAEMON_ORDER: readonly DaemonId[] = [
    'slapd', 'named', 'mariadb', 'opendkim', 'spamd', 'dovecot', 'postfix', 'php-fpm', 'gitea', 'prosody', 'jicofo', 'jvb', 'nginx'
];
