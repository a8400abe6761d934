import type { CompletionValueItem } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { ROLE_NAMES } from '../catalog/roles.js';
import type { Company } from '../generated/ast.js';
import { groupsOf } from '../semantics/company-facts.js';

/**
 * Templates for a user and a VM. VS Code offers file snippets everywhere, even inside `services`
 * or after `groups a,`; these come from completion, so they appear only where the grammar lets
 * a company member (`user`) or a server member (`vm`) start.
 */

/** A template's snippet text and what it reads like with every placeholder at its default. */
export interface MemberTemplate {
    readonly keyword: 'user' | 'vm';
    readonly snippet: string;
    readonly preview: string;
    readonly summary: string;
}

/** A user; `groups` offers the company's own groups as a choice, and is left out while there are none. */
export function userTemplate(company: Company | undefined): MemberTemplate {
    const groups = company ? groupsOf(company).map(g => g.name).filter(isPlainName) : [];
    const summary = 'A new user with a mailbox and an LDAP account';
    if (groups.length === 0) {
        return { keyword: 'user', summary, snippet: 'user ${1:bob} "${2:Bob Martin}" {\n\t$0\n}', preview: 'user bob "Bob Martin" {\n}' };
    }
    return {
        keyword: 'user', summary,
        snippet: `user \${1:bob} "\${2:Bob Martin}" {\n\tgroups \${3|${groups.join(',')}|}\n}$0`,
        preview: `user bob "Bob Martin" {\n    groups ${groups[0]}\n}`
    };
}

/** The VM template's role choice; `website` first, the commonest extra VM. */
const VM_ROLE_CHOICES = ['website', ...ROLE_NAMES.filter(r => r !== 'website')];

export function vmTemplate(): MemberTemplate {
    return {
        keyword: 'vm',
        summary: 'A new guest VM and the roles it runs',
        snippet: `vm \${1:name} { memory \${2:1 GB}  disk \${3:20 GB}  runs \${4|${VM_ROLE_CHOICES.join(',')}|} }$0`,
        preview: `vm name { memory 1 GB  disk 20 GB  runs ${VM_ROLE_CHOICES[0]} }`
    };
}

/** The completion item of a template: labelled so it is told apart from the bare keyword. */
export function templateItem(template: MemberTemplate): CompletionValueItem {
    return {
        label: `${template.keyword} … { … }`,
        filterText: template.keyword,
        insertText: template.snippet,
        insertTextFormat: InsertTextFormat.Snippet,
        kind: CompletionItemKind.Snippet,
        detail: template.summary,
        documentation: { kind: 'markdown', value: `${template.summary}:\n\n\`\`\`company\n${template.preview}\n\`\`\`` },
        sortText: '2'
    };
}

/** Choice items may not hold `,`, `|`, `$`, `}` or `\`; a group name with one is simply left out. */
function isPlainName(name: string | undefined): name is string {
    return name !== undefined && name.length > 0 && !/[,|$}\\]/.test(name);
}
