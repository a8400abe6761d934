import { keywordDoc } from '../catalog/keywords.js';
import { findRole, publicPortText, type RoleInfo } from '../catalog/roles.js';
import { findService, type ServiceInfo, type ServiceSettingInfo } from '../catalog/services.js';

/**
 * Markdown made from the catalogs, shared by hover and completion so both say the same thing.
 * Each text is built once per name and cached: completion lists ask for many at a time.
 */

/** A function of a name whose results are built once and kept. */
function cachedByName(build: (name: string) => string | undefined): (name: string) => string | undefined {
    const cache = new Map<string, string | undefined>();
    return name => {
        if (!cache.has(name)) {
            cache.set(name, build(name));
        }
        return cache.get(name);
    };
}

/** `syntax` as code, then the summary; undefined for words the table does not know. */
export const keywordMarkdown = cachedByName(keyword => {
    const doc = keywordDoc(keyword);
    return doc ? `\`\`\`company\n${doc.syntax}\n\`\`\`\n\n${doc.summary}` : undefined;
});

export const roleMarkdown = cachedByName(role => {
    const info = findRole(role);
    return info && buildRoleMarkdown(info);
});

function buildRoleMarkdown(info: RoleInfo): string {
    const ports = info.publicPorts.map(p => `${publicPortText(p)} (${p.purpose})`);
    const lines = [
        `**role** \`${info.role}\``,
        '',
        info.summary,
        '',
        `- **Public ports:** ${ports.length > 0 ? ports.join(', ') : 'none'}`,
        `- **Requires:** ${info.requires.length > 0 ? info.requires.map(r => `\`${r}\``).join(', ') : 'nothing'}`,
        `- **Conventional VM:** \`${info.conventionalVm}\``,
        `- **Minimum memory:** ${info.minMemoryMiB} MB`
    ];
    if (info.sourceRelation) {
        lines.push(`- **\`${info.role} ${info.sourceRelation.keyword} VM\`:** ${info.sourceRelation.meaning}`);
    }
    return lines.join('\n');
}

export const serviceMarkdown = cachedByName(service => {
    const info = findService(service);
    return info && buildServiceMarkdown(info);
});

function buildServiceMarkdown(info: ServiceInfo): string {
    return [
        `**service** \`${info.service}\``,
        '',
        info.summary,
        '',
        '**Settings** (in a `' + info.service + ' { ... }` block):',
        ...info.settings.map(s => `- \`${s.key}\` (${valueKindText(s)}, default ${s.default}): ${s.summary}`)
    ].join('\n');
}

export function settingMarkdown(service: string, setting: ServiceSettingInfo): string {
    return [
        `**${service} setting** \`${setting.key}\` — ${valueKindText(setting)}`,
        '',
        setting.summary,
        '',
        `Default: ${setting.default}`
    ].join('\n');
}

/** What a setting's value looks like, in words. */
export function valueKindText(setting: ServiceSettingInfo): string {
    switch (setting.value.kind) {
        case 'size': return 'a size such as `10 GB`';
        case 'port': return 'a TCP port';
        case 'text': return 'a quoted text';
        case 'label': return 'a host name label';
        case 'flag': return '`on` or `off`';
        case 'choice': return setting.value.choices.map(c => `\`${c}\``).join(' or ');
    }
}
