import type { HostPaths } from './profile.js';
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
    /**
     * The file holding the server's settings: pkgsrc's my.cnf, or on Debian a drop-in that
     * /etc/mysql/my.cnf (an alternatives symlink) includes last, so the package's files stay as they are.
     */
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
    /**
     * The systemd unit CompanyKit writes where no package ships one (Debian has no gitea
     * package); undefined where the package brings its rc.d script.
     */
    readonly systemdUnit?: string;
}

export interface PhpPlatform {
    /** The php binary (Nextcloud's `occ` runs through it). */
    readonly cli: string;
    /** Where php-fpm pools sockets go: `<socketDir>/<role>.sock`. */
    readonly socketDir: string;
    /** nginx's fastcgi parameter file, shipped by the nginx package (a system file: never under --root). */
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

export function netbsdWeb(local: HostPaths): WebPlatform {
    return {
        roundcube: {
            codeDir: '/usr/pkg/share/roundcube',
            configDir: local('/usr/pkg/etc/roundcube'),
            mysqlSchema: '/usr/pkg/share/roundcube/SQL/mysql.initial.sql',
            logDir: local('/var/log/roundcube'),
            tempDir: local('/var/tmp/roundcube')
        },
        nextcloud: {
            codeDir: '/usr/pkg/share/nextcloud',
            instancesDir: local('/var/www/nextcloud'),
            dataRoot: local('/var/db/nextcloud'),
            user: 'nginx',
            group: 'nginx'
        },
        mariadb: {
            configFile: local('/usr/pkg/etc/my.cnf'),
            // Set as mariadb_datadir in rc.conf too, so the rc.d script and my.cnf agree.
            datadir: local('/var/mariadb'),
            socket: local('/var/run/mariadb/mariadb.sock'),
            pidFile: local('/var/run/mariadb/mariadb.pid'),
            logError: local('/var/log/mariadb/error.log'),
            bootstrapSql: local('/usr/pkg/etc/companykit/mariadb-bootstrap.sql'),
            user: 'mysql',
            group: 'mysql',
            // The names pkgsrc's rc.d/mariadb itself calls (10.11 installs both spellings).
            installDb: '/usr/pkg/bin/mysql_install_db',
            client: '/usr/pkg/bin/mysql'
        },
        gitea: {
            binary: '/usr/pkg/sbin/gitea',
            configFile: local('/usr/pkg/etc/gitea/conf/app.ini'),
            workDir: local('/var/db/gitea'),
            dataDir: local('/var/db/gitea/data'),
            repositoriesDir: local('/var/db/gitea/repositories'),
            logDir: local('/var/log/gitea'),
            staticRoot: '/usr/pkg/share/gitea',
            user: 'git',
            group: 'git',
            home: local('/var/db/gitea')
        },
        php: {
            cli: '/usr/pkg/bin/php',
            socketDir: local('/var/run/php-fpm'),
            fastcgiParams: '/usr/pkg/etc/nginx/fastcgi_params',
            poolPath: '/usr/pkg/bin:/usr/bin:/bin'
        },
        proxy: {
            staticRoot: local('/var/www/proxy'),
            http2Directive: true
        },
        website: {
            rootDir: local('/var/www/website')
        },
        acme: {
            binary: '/usr/pkg/bin/dehydrated',
            configFile: local('/usr/pkg/etc/dehydrated/config'),
            domainsFile: local('/usr/pkg/etc/dehydrated/domains.txt'),
            hookFile: local('/usr/pkg/etc/dehydrated/hook.sh'),
            renewScript: local('/usr/pkg/etc/dehydrated/renew.sh'),
            stateDir: local('/var/db/dehydrated'),
            challengeDir: local('/var/db/dehydrated/acme-challenge'),
            logFile: local('/var/log/dehydrated.log'),
            path: '/usr/pkg/sbin:/usr/pkg/bin:/usr/sbin:/usr/bin:/sbin:/bin'
        }
    };
}

/** Debian 12: roundcube, mariadb, nginx 1.22, php 8.2 and dehydrated packages; Nextcloud and Gitea by hand. */
export function debianWeb(local: HostPaths): WebPlatform {
    return {
        roundcube: {
            // roundcube-core's web root: symlinks into /usr/share/roundcube, `config` -> /etc/roundcube
            // (where Roundcube reads config.inc.php), `logs` -> /var/log/roundcube, a real `temp`.
            codeDir: '/var/lib/roundcube',
            configDir: local('/etc/roundcube'),
            mysqlSchema: '/usr/share/roundcube/SQL/mysql.initial.sql',
            logDir: local('/var/log/roundcube'),
            tempDir: local('/var/lib/roundcube/temp')
        },
        nextcloud: {
            codeDir: '/var/www/nextcloud',
            instancesDir: local('/var/www/nextcloud-instances'),
            dataRoot: local('/var/lib/nextcloud'),
            user: 'www-data',
            group: 'www-data'
        },
        mariadb: {
            // mariadb.conf.d/*.cnf is read after the package's 50-server.cnf: these values win.
            configFile: local('/etc/mysql/mariadb.conf.d/90-companykit.cnf'),
            datadir: local('/var/lib/mysql'),
            socket: local('/run/mysqld/mysqld.sock'),
            pidFile: local('/run/mysqld/mysqld.pid'),
            logError: local('/var/log/mysql/error.log'),
            bootstrapSql: local('/etc/mysql/companykit-bootstrap.sql'),
            user: 'mysql',
            group: 'mysql',
            installDb: '/usr/bin/mariadb-install-db',
            client: '/usr/bin/mariadb'
        },
        gitea: {
            binary: '/usr/local/bin/gitea',
            configFile: local('/etc/gitea/app.ini'),
            workDir: local('/var/lib/gitea'),
            dataDir: local('/var/lib/gitea/data'),
            repositoriesDir: local('/var/lib/gitea/repositories'),
            logDir: local('/var/log/gitea'),
            // Gitea's default (WORK_PATH): the release binary embeds its assets, this only overlays them.
            staticRoot: local('/var/lib/gitea'),
            user: 'git',
            group: 'git',
            home: local('/var/lib/gitea'),
            // Where Gitea's docs put the unit (contrib/systemd/gitea.service).
            systemdUnit: local('/etc/systemd/system/gitea.service')
        },
        php: {
            cli: '/usr/bin/php8.2',
            socketDir: local('/run/php'),
            fastcgiParams: '/etc/nginx/fastcgi_params',
            poolPath: '/usr/local/bin:/usr/bin:/bin'
        },
        proxy: {
            staticRoot: local('/var/www/proxy'),
            // nginx 1.22 knows only the `listen … http2` flag.
            http2Directive: false
        },
        website: {
            rootDir: local('/var/www/website')
        },
        acme: {
            binary: '/usr/bin/dehydrated',
            configFile: local('/etc/dehydrated/config'),
            domainsFile: local('/etc/dehydrated/domains.txt'),
            hookFile: local('/etc/dehydrated/hook.sh'),
            renewScript: local('/etc/dehydrated/renew.sh'),
            stateDir: local('/var/lib/dehydrated'),
            challengeDir: local('/var/lib/dehydrated/acme-challenges'),
            logFile: local('/var/log/dehydrated.log'),
            path: '/usr/sbin:/usr/bin:/sbin:/bin'
        }
    };
}
