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
}

/** pkgsrc on NetBSD (mail/postfix Makefile.common, mail/opendkim, mail/spamassassin, mail/dovecot2). */
export const netbsdMail: MailPlatform = {
    postfix: {
        configDir: '/usr/pkg/etc/postfix',
        queueDir: '/var/spool/postfix',
        commandDir: '/usr/pkg/sbin',
        daemonDir: '/usr/pkg/libexec/postfix',
        dataDir: '/var/db/postfix',
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
    dovecot: { configDir: '/usr/pkg/etc/dovecot', group: 'dovecot' },
    opendkim: {
        configFile: '/usr/pkg/etc/opendkim.conf',
        tablesDir: '/usr/pkg/etc/opendkim',
        keysDir: '/usr/pkg/etc/opendkim/keys',
        user: 'opendkim',
        group: 'opendkim',
        port: 8891
    },
    spamassassin: {
        configDir: '/usr/pkg/etc/spamassassin',
        spamcPath: '/usr/pkg/bin/spamc',
        saUpdatePath: '/usr/pkg/bin/sa-update',
        spamdUser: 'spamd',
        spamdHome: '/var/spamassassin/spamd',
        filterUser: 'spamfilter',
        filterHome: '/var/spamassassin/filter',
        spamdPort: 783
    },
    vmail: { user: 'vmail', group: 'vmail', home: '/var/vmail' },
    mailerConf: '/etc/mailer.conf',
    postfixRcOverride: '/etc/rc.conf.d/postfix'
};
