/**
 * How CompanyKit entries look in LDAP: the object classes and attributes the directory LDIF writes
 * and that every consumer (Postfix, Dovecot, Roundcube, Nextcloud, Gitea, Prosody) must query.
 * Only standard schemas shipped by both pkgsrc's openldap-server and Debian's slapd are used:
 * core, cosine, inetorgperson, nis, misc (nisMailAlias and rfc822MailMember are in OpenLDAP's misc.schema;
 * no Courier/authldap schema like the seed, which Debian lacks).
 *
 * Mail routing, in short (the filters below are ready to paste into Postfix/Dovecot maps):
 * - a mailbox is a USER entry: `(&(objectClass=inetOrgPerson)(mail=%s))`, login name `uid`;
 * - an alias (an `alias` line or a user's `aliases`) is a MAIL_ALIAS entry under ou=aliases whose
 *   `mail` is the address and whose `rfc822MailMember` values are the FINAL recipient addresses
 *   (already expanded through groups and other aliases by the model);
 * - a group is a GROUP entry (groupOfNames, `member` = user DNs) that is also a mail list: it
 *   carries its own `mail` and the members' addresses as `rfc822MailMember`, so a list resolves
 *   with the same one-step query as an alias (see MAIL_FORWARD_FILTER).
 * The model's DNs name aliases by `mail=<address>`; nisMailAlias does not allow `mail`, and groupOfNames
 * allows neither `mail` nor `rfc822MailMember`, hence the auxiliary `extensibleObject` (core schema).
 */

/** Users: people who log in and have a mailbox. */
export const USER = {
    objectClasses: ['top', 'inetOrgPerson', 'posixAccount'],
    /** The login name (Dovecot, Nextcloud, Gitea, Prosody log in with it or with `mail`). */
    loginAttribute: 'uid',
    /** The primary address; the mailbox key. */
    mailAttribute: 'mail',
    displayNameAttribute: 'cn',
    passwordAttribute: 'userPassword',
    /** Users have no shell access anywhere: mail and web only. */
    loginShell: '/sbin/nologin'
} as const;

/** Mail aliases: one entry per aliased address, recipients already final. */
export const MAIL_ALIAS = {
    objectClasses: ['top', 'nisMailAlias', 'extensibleObject'],
    /** The structural class to filter on. */
    objectClass: 'nisMailAlias',
    /** The aliased address (also the RDN, and in `cn` because nisMailAlias requires it). */
    addressAttribute: 'mail',
    /** Multi-valued: the final recipient addresses. */
    recipientAttribute: 'rfc822MailMember'
} as const;

/** Groups: groupOfNames for applications, and a mail list at `<name>@<domain>`. */
export const GROUP = {
    objectClasses: ['top', 'groupOfNames', 'extensibleObject'],
    objectClass: 'groupOfNames',
    nameAttribute: 'cn',
    /** Member user DNs (groupOfNames requires at least one: see EMPTY_GROUP in ldap-directory.ts). */
    memberAttribute: 'member',
    /** The list address. */
    addressAttribute: 'mail',
    /** The members' mailbox addresses (absent for a group without members). */
    recipientAttribute: 'rfc822MailMember'
} as const;

/** Service (bind) accounts under ou=system: no person, just a name and a password. */
export const SERVICE_ACCOUNT = {
    objectClasses: ['top', 'account', 'simpleSecurityObject'],
    nameAttribute: 'uid'
} as const;

/** LDAP filters for the mail helpers (`%s` = the full address, Postfix style; Dovecot uses `%u`). */
export const MAILBOX_FILTER = `(&(objectClass=inetOrgPerson)(${USER.mailAttribute}=%s))`;
/** Aliases and group lists alike: result attribute MAIL_ALIAS.recipientAttribute (= GROUP.recipientAttribute). */
export const MAIL_FORWARD_FILTER = `(&(|(objectClass=${MAIL_ALIAS.objectClass})(objectClass=${GROUP.objectClass}))(${MAIL_ALIAS.addressAttribute}=%s))`;

/** The schema files (without extension) slapd.conf includes, in dependency order. */
export const SCHEMAS = ['core', 'cosine', 'inetorgperson', 'nis', 'misc'] as const;
