import { KEYWORDS, type KeywordSection } from './keywords.js';
import { publicPortText, ROLES } from './roles.js';
import { SERVICES } from './services.js';
import { COMPANY_CODE_DESCRIPTIONS } from '../validation/company-codes.js';
import { SERVER_CODE_DESCRIPTIONS } from '../validation/server-codes.js';

/** Langium's own diagnostics, which carry their code in `data.code`. */
const LANGIUM_CODE_DESCRIPTIONS: Readonly<Record<string, string>> = {
    'lexing-error': 'A character that starts no word, number, address or string (error).',
    'parsing-error': 'The text does not follow the grammar; the message says what was expected (error).',
    'linking-error': 'A name that refers to nothing; the message suggests the closest name and a quick fix applies it (error).'
};

/**
 * The language reference in the README, rendered from the same tables that feed hover and
 * completion; `test/catalog/readme-reference.test.ts` keeps the README equal to this output.
 */
const SECTION_TITLES: ReadonlyArray<[KeywordSection, string]> = [
    ['spec', 'Top level'],
    ['company', 'Inside `company`'],
    ['user', 'Inside `user`'],
    ['group', 'Inside `group`'],
    ['mail', 'Inside `mail`'],
    ['server', 'Inside `server`'],
    ['vm', 'Inside `vm` (and `resources`)'],
    ['value', 'Values']
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderLanguageReference(): string {
    const out: string[] = [];
    for (const [section, title] of SECTION_TITLES) {
        out.push(`#### ${title}`, '', '| Keyword | Written as | Meaning |', '|---|---|---|');
        for (const k of KEYWORDS.filter(k => k.section === section)) {
            out.push(`| \`${k.keyword}\` | \`${cell(k.syntax)}\` | ${cell(k.summary)} |`);
        }
        out.push('');
    }
    out.push('#### Roles a VM can run', '', '| Role | What it is | Public ports | Needs | Conventional VM |', '|---|---|---|---|---|');
    for (const r of ROLES) {
        const ports = r.publicPorts.map(publicPortText).join(', ') || '—';
        out.push(`| \`${r.role}\` | ${cell(r.summary)} | ${ports} | ${r.requires.map(x => `\`${x}\``).join(', ') || '—'} | \`${r.conventionalVm}\` |`);
    }
    out.push('', '#### Services and their settings', '', '| Service | Setting | Default | Meaning |', '|---|---|---|---|');
    for (const s of SERVICES) {
        out.push(`| \`${s.service}\` | | | ${cell(s.summary)} |`);
        for (const setting of s.settings) {
            out.push(`| | \`${setting.key}\` | ${cell(setting.default)} | ${cell(setting.summary)} |`);
        }
    }
    out.push('', '#### Diagnostics', '', 'Every diagnostic carries one of these codes (shown by the editor and by `companykit validate`).', '',
        '| Code | When |', '|---|---|');
    for (const [code, description] of Object.entries({ ...LANGIUM_CODE_DESCRIPTIONS, ...COMPANY_CODE_DESCRIPTIONS, ...SERVER_CODE_DESCRIPTIONS })) {
        out.push(`| \`${code}\` | ${cell(description)} |`);
    }
    out.push('');
    return out.join('\n');
}
