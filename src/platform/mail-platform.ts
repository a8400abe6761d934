import type { HostPaths } from './profile.js';
/**
 * Platform values for the mail area (the mx and mail roles): where Postfix, Dovecot, OpenDKIM and
 * SpamAssassin keep their files, which users they run as. Templates read these; they decide nothing.
 */
export interface MailPlatform {
    readonly postfix: PostfixPlatform;
    readonly dovecot: DovecotPlatform;
    readonly opendkim: OpenDkimPlatform;
    readonly spamassassin: SpamAssassinPlatform;
    /** The user owning every mailbox (one uid for all virtual users) and the root of the mail store. */
    readonly vmail: { readonly user: string, readonly group: string, readonly home: string };
    /**
     * Files that make the system use the packaged Postfix instead of a base-system one (NetBSD
     * ships Postfix in base): `mailer.conf` for sendmail/mailq/newaliases, and an rc.conf.d file
     * pointing the base rc.d script at the packaged binary and config. Undefined where not needed.
     */
    readonly mailerConf?: string;
    readonly postfixRcOverride?: string;
}

export interface PostfixPlatform {
    /** main.cf, master.cf and the LDAP map files live here. */
    readonly configDir: string;
    /** Must not be inside configDir; `private/` in it holds the Dovecot and LMTP sockets. */
    readonly queueDir: string;
    readonly commandDir: string;
    readonly daemonDir: string;
    readonly dataDir: string;
    readonly metaDir: string;
    readonly shlibDir: string;
    readonly sendmailPath: string;
    readonly newaliasesPath: string;
    readonly mailqPath: string;
    readonly mailOwner: string;
    /** The mail owner's group: the LDAP map files (bind password) are 0640 root:<group>. */
    readonly mailGroup: string;
    /** The setgid group of postdrop/postqueue: `maildrop` on pkgsrc, `postdrop` elsewhere. */
    readonly setgidGroup: string;
    /** master.cf chroot column: pkgsrc installs no chroot jail, so `n`. */
    readonly chroot: 'y' | 'n';
}

export interface DovecotPlatform {
    readonly configDir: string;
    /**
     * Where Dovecot keeps its sockets (base_dir) and state (state_dir), written into dovecot.conf
     * so a rooted tree runs in place; undefined: the package's compiled-in defaults (not written).
     */
    readonly runtime?: { readonly baseDir: string, readonly stateDir: string };
    /** The group Dovecot's auth process runs as: secret-bearing files are 0640 root:<group>. */
    readonly group: string;
}

export interface OpenDkimPlatform {
    /** The main configuration file (the rc.d script passes it with -x). */
    readonly configFile: string;
    /** KeyTable, SigningTable, TrustedHosts. */
    readonly tablesDir: string;
    /** `<keysDir>/<domain>/<selector>.private`. */
    readonly keysDir: string;
    readonly user: string;
    readonly group: string;
    /** The milter listens on 127.0.0.1 at this port (no socket permissions to arrange with Postfix). */
    readonly port: number;
    /**
     * Where opendkim.conf makes the milter write its PID, when the service manager waits for that
     * file (Debian's opendkim.service: Type=forking, PIDFile=/run/opendkim/opendkim.pid, and
     * ExecStart passes no -P). Undefined where the rc.d script passes the PID file itself.
     */
    readonly pidFile?: string;
}

export interface SpamAssassinPlatform {
    /** local.cf goes here; the packaged *.pre files stay beside it. */
    readonly configDir: string;
    readonly spamcPath: string;
    readonly saUpdatePath: string;
    /** spamd drops to this user (created by provision.sh; pkgsrc creates none). */
    readonly spamdUser: string;
    readonly spamdHome: string;
    /** The unprivileged user Postfix's pipe runs spamc as (never root or the mail owner). */
    readonly filterUser: string;
    readonly filterHome: string;
    /** spamd's port on 127.0.0.1. */
    readonly spamdPort: number;
    /**
     * The file spamd's systemd unit reads its command-line options from (Debian's spamd.service:
     * `EnvironmentFile=-/etc/default/spamd`, `ExecStart=… $OPTIONS`). Undefined on rc.d systems,
     * where the same options are rc.conf's `spamd_flags`.
     */
    readonly spamdDefaults?: string;
}

/** pkgsrc on NetBSD (mail/postfix Makefile.common, mail/opendkim, mail/spamassassin, mail/dovecot2). */
export function netbsdMail(local: HostPaths): MailPlatform {
    return {
        postfix: {
            configDir: local('/usr/pkg/etc/postfix'),
            queueDir: local('/var/spool/postfix'),
            commandDir: '/usr/pkg/sbin',
            daemonDir: '/usr/pkg/libexec/postfix',
            dataDir: local('/var/db/postfix'),
            metaDir: '/usr/pkg/libexec/postfix',
            shlibDir: '/usr/pkg/lib/postfix',
            sendmailPath: '/usr/pkg/sbin/sendmail',
            newaliasesPath: '/usr/pkg/bin/newaliases',
            mailqPath: '/usr/pkg/bin/mailq',
            mailOwner: 'postfix',
            mailGroup: 'postfix',
            setgidGroup: 'maildrop',
            chroot: 'n'
        },
        dovecot: { configDir: local('/usr/pkg/etc/dovecot'), group: 'dovecot' },
        opendkim: {
            configFile: local('/usr/pkg/etc/opendkim.conf'),
            tablesDir: local('/usr/pkg/etc/opendkim'),
            keysDir: local('/usr/pkg/etc/opendkim/keys'),
            user: 'opendkim',
            group: 'opendkim',
            port: 8891
        },
        spamassassin: {
            configDir: local('/usr/pkg/etc/spamassassin'),
            spamcPath: '/usr/pkg/bin/spamc',
            saUpdatePath: '/usr/pkg/bin/sa-update',
            spamdUser: 'spamd',
            spamdHome: local('/var/spamassassin/spamd'),
            filterUser: 'spamfilter',
            filterHome: local('/var/spamassassin/filter'),
            spamdPort: 783
        },
        vmail: { user: 'vmail', group: 'vmail', home: local('/var/vmail') },
        mailerConf: local('/etc/mailer.conf'),
        postfixRcOverride: local('/etc/rc.conf.d/postfix')
    };
}

/**
 * Debian 12's postfix 3.7, dovecot 2.3, opendkim 2.11 and spamassassin/spamd 4.0 packages (paths
 * from `postconf -d`, `dpkg -L`, the packages' systemd units; users as their postinsts create them).
 */
export function debianMail(local: HostPaths): MailPlatform {
    return {
        postfix: {
            configDir: local('/etc/postfix'),
            queueDir: local('/var/spool/postfix'),
            commandDir: '/usr/sbin',
            daemonDir: '/usr/lib/postfix/sbin',
            dataDir: local('/var/lib/postfix'),
            // postfix-files and dynamicmaps.cf(.d) as the package installed them: never generated.
            metaDir: '/etc/postfix',
            shlibDir: '/usr/lib/postfix',
            sendmailPath: '/usr/sbin/sendmail',
            newaliasesPath: '/usr/bin/newaliases',
            mailqPath: '/usr/bin/mailq',
            mailOwner: 'postfix',
            mailGroup: 'postfix',
            setgidGroup: 'postdrop',
            // Debian's own master.cf chroots, but then its init copies resolv.conf & co. into the
            // queue directory; our services run unchrooted as on NetBSD.
            chroot: 'n'
        },
        // The defaults of `doveconf -d` (the unit's ExecStop/ExecReload doveadm find base_dir in the config).
        dovecot: { configDir: local('/etc/dovecot'), group: 'dovecot', runtime: { baseDir: local('/run/dovecot'), stateDir: local('/var/lib/dovecot') } },
        opendkim: {
            // opendkim.service starts /usr/sbin/opendkim without -x: the compiled-in /etc/opendkim.conf.
            configFile: local('/etc/opendkim.conf'),
            tablesDir: local('/etc/opendkim'),
            // The package's own key directory (opendkim:opendkim 0700).
            keysDir: local('/etc/dkimkeys'),
            user: 'opendkim',
            group: 'opendkim',
            port: 8891,
            // tmpfiles.d creates /run/opendkim (opendkim 0750); the unit waits for this file.
            pidFile: local('/run/opendkim/opendkim.pid')
        },
        spamassassin: {
            configDir: local('/etc/spamassassin'),
            spamcPath: '/usr/bin/spamc',
            saUpdatePath: '/usr/bin/sa-update',
            // Created by the spamassassin postinst, home /var/lib/spamassassin (where sa-update puts rules).
            spamdUser: 'debian-spamd',
            spamdHome: local('/var/lib/spamassassin'),
            filterUser: 'spamfilter',
            filterHome: local('/var/lib/spamfilter'),
            spamdPort: 783,
            spamdDefaults: local('/etc/default/spamd')
        },
        // No package creates vmail: provision.sh does (ensure_user).
        vmail: { user: 'vmail', group: 'vmail', home: local('/var/vmail') }
    };
}
