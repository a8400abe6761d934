/**
 * Platform values for the web area: one section per concern, each owned by the helper writing its
 * templates (roundcube, nextcloud, mariadb, gitea, php: the webmail/database/cloud/git roles;
 * proxy, website, acme: the proxy/website roles). Templates read these; they never decide paths.
 */
export interface WebPlatform {
    readonly roundcube: RoundcubePlatform;
    readonly nextcloud: NextcloudPlatform;
    readonly mariadb: MariadbPlatform;
    readonly gitea: GiteaPlatform;
    readonly php: PhpPlatform;
    readonly proxy: ProxyPlatform;
    readonly website: WebsitePlatform;
    readonly acme: AcmePlatform;
}

// ------------------------------------------------------------------ webmail/database/cloud/git

export interface RoundcubePlatform {
    /** Roundcube's code (its `index.php`, `SQL/`, `program/`): the nginx root. */
    readonly codeDir: string;
    /** The directory holding `config.inc.php`. */
    readonly configDir: string;
    /** The initial schema shipped with Roundcube, for an empty database. */
    readonly mysqlSchema: string;
    readonly logDir: string;
    readonly tempDir: string;
}

export interface NextcloudPlatform {
    /** Nextcloud's code (`index.php`, `occ`, `config/`): the nginx root. */
    readonly codeDir: string;
    /** Where each company's instance lives when a VM serves several: `<instancesDir>/<company>`. */
    readonly instancesDir: string;
    /** Root of the per-company data directories: `<dataRoot>/<company>`. */
    readonly dataRoot: string;
    /** The Unix user php-fpm runs Nextcloud as, who owns config and data. */
    readonly user: string;
    readonly group: string;
}

export interface MariadbPlatform {
    /** The server's main configuration file. */
    readonly configFile: string;
    readonly datadir: string;
    readonly socket: string;
    readonly pidFile: string;
    readonly logError: string;
    /** Where the generated bootstrap SQL goes (0600, root). */
    readonly bootstrapSql: string;
    readonly user: string;
    readonly group: string;
    /** `mariadb-install-db` / `mysql_install_db`. */
    readonly installDb: string;
    /** The command-line client. */
    readonly client: string;
}

export interface GiteaPlatform {
    readonly binary: string;
    /** `app.ini` (mode 0640, owner git). */
    readonly configFile: string;
    /** Gitea's WORK_PATH / APP_DATA_PATH parent. */
    readonly workDir: string;
    readonly dataDir: string;
    readonly repositoriesDir: string;
    readonly logDir: string;
    /** Static assets and templates shipped by the package (STATIC_ROOT_PATH). */
    readonly staticRoot: string;
    readonly user: string;
    readonly group: string;
    /** The git user's home: `.ssh/authorized_keys` for git over the VM's sshd. */
    readonly home: string;
}

export interface PhpPlatform {
    /** The php binary (Nextcloud's `occ` runs through it). */
    readonly cli: string;
    /** Where php-fpm pools sockets go: `<socketDir>/<role>.sock`. */
    readonly socketDir: string;
    /** nginx's fastcgi parameter file, relative to the nginx conf dir or absolute. */
    readonly fastcgiParams: string;
    /** php-fpm's `env[PATH]` for pools (Nextcloud runs helper binaries). */
    readonly poolPath: string;
}

// ------------------------------------------------------------------ proxy/website (other helper)

export interface ProxyPlatform {
    /** The proxy's own static files (autoconfig, mta-sts): `<staticRoot>/<fqdn>/…`. */
    readonly staticRoot: string;
    /**
     * How HTTP/2 is switched on: nginx 1.25.1+ wants the `http2 on;` directive (the `listen … http2`
     * flag is deprecated there), older nginx (Debian 12's 1.22) only knows the listen flag.
     */
    readonly http2Directive: boolean;
}

export interface WebsitePlatform {
    /** Each company's document root: `<rootDir>/<domain>/`. */
    readonly rootDir: string;
}

/** dehydrated (pkgsrc security/dehydrated), the ACME client on the proxy. */
export interface AcmePlatform {
    readonly binary: string;
    /** The config dehydrated reads by default (PKG_SYSCONFDIR/dehydrated/config on pkgsrc). */
    readonly configFile: string;
    readonly domainsFile: string;
    readonly hookFile: string;
    /** The renewal script cron runs daily. */
    readonly renewScript: string;
    /** dehydrated's BASEDIR: account key, certificates, lock (state, not configuration). */
    readonly stateDir: string;
    /** WELLKNOWN: challenge files, served at `/.well-known/acme-challenge/`. */
    readonly challengeDir: string;
    readonly logFile: string;
    /** Where dehydrated finds bash, curl and openssl from cron. */
    readonly path: string;
}

// ------------------------------------------------------------------ values

export const netbsdWeb: WebPlatform = {
    roundcube: {
        codeDir: '/usr/pkg/share/roundcube',
        configDir: '/usr/pkg/etc/roundcube',
        mysqlSchema: '/usr/pkg/share/roundcube/SQL/mysql.initial.sql',
        logDir: '/var/log/roundcube',
        tempDir: '/var/tmp/roundcube'
    },
    nextcloud: {
        codeDir: '/usr/pkg/share/nextcloud',
        instancesDir: '/var/www/nextcloud',
        dataRoot: '/var/db/nextcloud',
        user: 'nginx',
        group: 'nginx'
    },
    mariadb: {
        configFile: '/usr/pkg/etc/my.cnf',
        // Set as mariadb_datadir in rc.conf too, so the rc.d script and my.cnf agree.
        datadir: '/var/mariadb',
        socket: '/var/run/mariadb/mariadb.sock',
        pidFile: '/var/run/mariadb/mariadb.pid',
        logError: '/var/log/mariadb/error.log',
        bootstrapSql: '/usr/pkg/etc/companykit/mariadb-bootstrap.sql',
        user: 'mysql',
        group: 'mysql',
        // The names pkgsrc's rc.d/mariadb itself calls (10.11 installs both spellings).
        installDb: '/usr/pkg/bin/mysql_install_db',
        client: '/usr/pkg/bin/mysql'
    },
    gitea: {
        binary: '/usr/pkg/sbin/gitea',
        configFile: '/usr/pkg/etc/gitea/conf/app.ini',
        workDir: '/var/db/gitea',
        dataDir: '/var/db/gitea/data',
        repositoriesDir: '/var/db/gitea/repositories',
        logDir: '/var/log/gitea',
        staticRoot: '/usr/pkg/share/gitea',
        user: 'git',
        group: 'git',
        home: '/var/db/gitea'
    },
    php: {
        cli: '/usr/pkg/bin/php',
        socketDir: '/var/run/php-fpm',
        fastcgiParams: 'fastcgi_params',
        poolPath: '/usr/pkg/bin:/usr/bin:/bin'
    },
    proxy: {
        staticRoot: '/var/www/proxy',
        http2Directive: true
    },
    website: {
        rootDir: '/var/www/website'
    },
    acme: {
        binary: '/usr/pkg/bin/dehydrated',
        configFile: '/usr/pkg/etc/dehydrated/config',
        domainsFile: '/usr/pkg/etc/dehydrated/domains.txt',
        hookFile: '/usr/pkg/etc/dehydrated/hook.sh',
        renewScript: '/usr/pkg/etc/dehydrated/renew.sh',
        stateDir: '/var/db/dehydrated',
        challengeDir: '/var/db/dehydrated/acme-challenge',
        logFile: '/var/log/dehydrated.log',
        path: '/usr/pkg/sbin:/usr/pkg/bin:/usr/sbin:/usr/bin:/sbin:/bin'
    }
};
