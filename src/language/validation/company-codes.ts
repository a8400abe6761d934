/**
 * Diagnostic codes of the company rules, each with the one-line description the README lists.
 * Quick fixes are registered under the same codes (see `lsp/quick-fixes/company-fixes.ts`).
 */
export const CompanyCodes = {
    DuplicateName: 'duplicate-name',
    DuplicateAddress: 'duplicate-address',
    AliasCollidesWithUser: 'alias-collides-with-user',
    DuplicateDomain: 'duplicate-domain',
    DuplicateEntry: 'duplicate-entry',
    DuplicateSetting: 'duplicate-setting',
    NameCase: 'name-case',
    MissingDomain: 'missing-domain',
    InvalidDomain: 'invalid-domain',
    InvalidLocalPart: 'invalid-local-part',
    SizeMissingUnit: 'size-missing-unit',
    InvalidSize: 'invalid-size',
    UnknownTimezone: 'unknown-timezone',
    InvalidLocale: 'invalid-locale',
    InvalidSpamThreshold: 'invalid-spam-threshold',
    InvalidDkimSelector: 'invalid-dkim-selector',
    UnknownServiceSetting: 'unknown-service-setting',
    InvalidServiceSetting: 'invalid-service-setting',
    ServiceNotEnabled: 'service-not-enabled',
    ClearPassword: 'clear-password',
    InvalidPasswordHash: 'invalid-password-hash',
    WeakPasswordHash: 'weak-password-hash',
    GroupCycle: 'group-cycle',
    ForeignGroup: 'foreign-group',
    InvalidAliasTarget: 'invalid-alias-target',
    AliasCycle: 'alias-cycle',
    UnsafeString: 'unsafe-string',
    MissingAdmin: 'missing-admin',
    MissingPostmaster: 'missing-postmaster',
    MissingAbuse: 'missing-abuse',
    EmptyGroup: 'empty-group'
} as const;

export type CompanyCode = typeof CompanyCodes[keyof typeof CompanyCodes];

/** What each code means, for the README's list of diagnostics. */
export const COMPANY_CODE_DESCRIPTIONS: Readonly<Record<CompanyCode, string>> = {
    'duplicate-name': 'Two companies, or two users/groups/aliases of one company, share a name (error).',
    'duplicate-address': 'Two users of one company, or a user and a group (a mail list at its name), would receive mail at the same local part (error).',
    'alias-collides-with-user': 'A mail alias uses a local part that a user or a group already owns (error).',
    'duplicate-domain': 'Two companies claim the same domain (error).',
    'duplicate-entry': 'A list names the same entry twice, e.g. `groups staff, staff` (warning; quick fix removes it).',
    'duplicate-setting': 'A line that may appear once per block (`domain`, a user\'s `email`, `public`, `network`, `os`, a VM\'s `memory`, …) '
        + 'appears again (error; quick fix removes it, except a `services` line, `mail { … }` or service block, whose values are to be merged).',
    'name-case': 'A name, local part or domain has upper-case letters; LDAP and mail are case-insensitive (warning; quick fix lower-cases it).',
    'missing-domain': 'A company has no `domain` line (error).',
    'invalid-domain': 'A domain name is not a valid DNS name (error).',
    'invalid-local-part': 'An e-mail local part is not a simple dot-atom (error).',
    'size-missing-unit': 'A size (quota, message size, memory, disk) has no unit (error; quick fix adds one).',
    'invalid-size': 'A size is zero (error).',
    'unknown-timezone': 'A timezone is not an IANA zone name (error; quick fix for near misses).',
    'invalid-locale': 'A locale is not of the form `ll` or `ll_CC` (error).',
    'invalid-spam-threshold': 'The spam threshold is outside 0 < x ≤ 50 (error).',
    'invalid-dkim-selector': 'A DKIM selector is not a DNS label (error).',
    'unknown-service-setting': 'A per-service block uses a key that service does not have (error).',
    'invalid-service-setting': 'A per-service setting has a value of the wrong kind (error).',
    'service-not-enabled': 'A per-service block configures a service the company does not list in `services` (warning; quick fix adds it).',
    'clear-password': 'A clear-text password is written in the spec (error; quick fix removes it).',
    'invalid-password-hash': 'A `password-hash` is not an LDAP `{SCHEME}hash` with a known scheme (error).',
    'weak-password-hash': 'A `password-hash` uses an unsalted or MD5 scheme (warning).',
    'group-cycle': 'Groups include each other in a cycle (error).',
    'foreign-group': 'A user or group refers to a group of another company (error).',
    'invalid-alias-target': 'An external alias target is not a valid e-mail address (error).',
    'alias-cycle': 'Mail aliases point at each other in a cycle (error).',
    'unsafe-string': 'A string holds a character that would break a generated config file (error).',
    'missing-admin': 'A company has no `admin` user (warning).',
    'missing-postmaster': 'A company has no `postmaster` address, which RFC 5321 requires (warning; quick fix adds one).',
    'missing-abuse': 'A company has no `abuse` address (RFC 2142) (warning; quick fix adds one).',
    'empty-group': 'A group has no members, directly or through included groups (info).'
};
