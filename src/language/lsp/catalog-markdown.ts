import { keywordDoc } from '../catalog/keywords.js';
import { publicPortText, ROLES, type RoleInfo } from '../catalog/roles.js';
import { SERVICES, type ServiceInfo, type ServiceSettingInfo } from '../catalog/services.js';

/**
 * Markdown made from the catalogs, shared by hover and completion so both say the same thing.
 * Each text is built once per name and cached: completion lists ask for many at a time.
 */

const keywordCache = new Map<string, string | undefined>();

/** `syntax` as code, then the summary; undefined for words the table does not know. */
export function keywordMarkdown(keyword: string): string | undefined {
    if (!keywordCache.has(keyword)) {
        const doc = keywordDoc(keyword);
        keywordCache.set(keyword, doc ? `\`\`\`company\n${doc.syntax}\n\`\`\`\n\n${doc.summary}` : undefined);
    }
    return keywordCache.get(keyword);
}

const roleCache = new Map<string, string>();

export function roleMarkdown(role: string): string | undefined {
    const info = ROLES.find(r => r.role === role);
    if (!info) {
        return undefined;
    }
    if (!roleCache.has(role)) {
        roleCache.set(role, buildRoleMarkdown(info));
    }
    return roleCache.get(role);
}

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

const serviceCache = new Map<string, string>();

export function serviceMarkdown(service: string): string | undefined {
    const info = SERVICES.find(s => s.service === service);
    if (!info) {
        return undefined;
    }
    if (!serviceCache.has(service)) {
        serviceCache.set(service, buildServiceMarkdown(info));
    }
    return serviceCache.get(service);
}

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

export function findSetting(service: string, key: string): ServiceSettingInfo | undefined {
    return SERVICES.find(s => s.service === service)?.settings.find(s => s.key === key);
}
