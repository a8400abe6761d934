/**
 * Lines a block may hold once: a second one would silently override or contradict the first.
 * Validation (`once-per-block-validator.ts`), the quick fix that removes a repeat (`removeSetting`)
 * and completion (which does not offer such a line a second time) all read this one table.
 * Lines that add up (`hosts`, `runs`, a user's `groups`) are absent, so they may be repeated.
 */

/** A member type (its grammar rule name) that a block may hold once. */
export interface OnceLine {
    readonly type: string;
    /**
     * The property that tells members of this type apart, when it is not the type alone: a
     * company has one block per service (`service`), a service block one line per key (`key`).
     */
    readonly key?: string;
    /** What to do about a repeat; `keep one of them` when absent. */
    readonly advice?: string;
    /**
     * The line holds values of its own that the advice asks to merge (`services`, `mail { … }`,
     * a service block): removing the repeat would lose them, so no quick fix removes it.
     */
    readonly merge?: true;
}

export interface OnceBlock {
    /**
     * Whose line it is, for "already set for …": `{name}` is the block's name (a service block's
     * service), `{owner}` the name of the block it sits in.
     */
    readonly where: string;
    readonly lines: readonly OnceLine[];
}

const oneOf = (what: string): string => `a company has ${what}, so keep one of them`;

/** By block type (grammar rule name). */
export const ONCE_PER_BLOCK: Readonly<Record<string, OnceBlock>> = {
    Company: {
        where: 'company {name}',
        lines: [
            { type: 'DomainSetting', advice: oneOf('one domain') },
            { type: 'TimezoneSetting', advice: oneOf('one time zone') },
            { type: 'LocaleSetting', advice: oneOf('one locale') },
            { type: 'ServiceList', advice: 'a company has one `services` line, so list every service on it', merge: true },
            { type: 'MailSettings', advice: 'a company has one `mail { … }` block, so merge the two', merge: true },
            { type: 'ServiceBlock', key: 'service', advice: 'merge the two blocks', merge: true }
        ]
    },
    // A user's `email` is read from its first line only (company-facts.ts); the others hold one value each.
    User: {
        where: 'user {name}',
        lines: [{ type: 'UserEmail' }, { type: 'UserAdmin' }, { type: 'UserQuota' }, { type: 'UserPasswordHash' }]
    },
    MailSettings: {
        where: 'the mail of {owner}',
        lines: [{ type: 'MaxMessageSize' }, { type: 'SpamThreshold' }, { type: 'DkimSelector' }]
    },
    ServiceBlock: {
        where: 'the {name} settings of {owner}',
        lines: [{ type: 'ServiceSetting', key: 'key' }]
    },
    Server: {
        where: 'server {name}',
        lines: ['OsSetting', 'PublicAddress', 'PublicIpv6', 'GuestNetwork', 'MirrorSetting', 'ServerResources', 'PlacementSetting']
            .map(type => ({ type }))
    },
    ServerResources: {
        where: 'the resources of {owner}',
        lines: [{ type: 'MemorySetting' }, { type: 'CpusSetting' }, { type: 'DiskSetting' }]
    },
    Vm: {
        where: 'VM {name}',
        lines: [{ type: 'MemorySetting' }, { type: 'CpusSetting' }, { type: 'DiskSetting' }, { type: 'VmAddress' }]
    }
};

/** The entry for a member type in a block type, if the block holds it once. */
export function onceLine(blockType: string, memberType: string): OnceLine | undefined {
    return ONCE_PER_BLOCK[blockType]?.lines.find(line => line.type === memberType);
}
