import {
    AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstNodeDescription, type LangiumDocuments, type MaybePromise,
    type ReferenceInfo, type Stream
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type LangiumServices, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, type MarkupContent } from 'vscode-languageserver';
import { isCompany, isServiceBlock, isServiceSetting, isTimezoneSetting } from '../generated/ast.js';
import { findService, findSetting } from '../catalog/services.js';
import { keywordMarkdown, roleMarkdown, serviceMarkdown, settingMarkdown, valueKindText } from './catalog-markdown.js';
import { blockAtCursor, lineAlreadyWritten, serviceAlreadyListed } from './completion-block.js';
import { templateItem, userTemplate, vmTemplate } from './member-templates.js';
import { candidateFilter } from './reference-candidates.js';

/**
 * Keyword completion is Langium's, minus the keywords the grammar only accepts as names
 * (every keyword is a valid `Label`) and the lines a block already has and may hold once, plus
 * catalog documentation and templates for a user and a VM. On top of that come the values a
 * generic provider cannot know: per-service setting keys and values, and time zones. References
 * offer what validation accepts, each element once. Everything per item is looked up in
 * prebuilt tables so a large spec stays fast.
 */
export class CompanyCompletionProvider extends DefaultCompletionProvider {
    /** Contexts for which value items were already offered: completionFor runs once per feature. */
    private readonly valuesOffered = new WeakSet<CompletionContext>();
    /** The block at the cursor, looked up once per context rather than once per keyword. */
    private readonly blocks = new WeakMap<CompletionContext, AstNode | undefined>();
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.valuesOffered.has(context)) {
            this.valuesOffered.add(context);
            this.completeValues(context, acceptor);
        }
        if (GrammarAST.isKeyword(next.feature)
            && (!this.keywordFitsHere(next.feature, next.property) || !this.lineFitsHere(context, next.feature, next.property))) {
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /**
     * A keyword of a datatype rule is offered only where that rule is the value being written:
     * role names after `runs`, service names in `services` or heading a block, units after a
     * number, OS names after `os`. Reached through `Label` (a name) it is not a suggestion.
     */
    private keywordFitsHere(keyword: GrammarAST.Keyword, property: string | undefined): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (!rule || !GrammarUtils.isDataTypeRule(rule)) {
            return true;
        }
        const allowed = DATATYPE_KEYWORD_PROPERTIES[rule.name];
        return allowed !== undefined && property !== undefined && allowed.includes(property);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) {
            return;
        }
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const docs = keywordDocumentation(rule, keyword.value);
        acceptor(context, {
            label: keyword.value,
            kind: docs.kind,
            detail: docs.detail,
            documentation: docs.documentation,
            sortText: '1'
        });
        this.completeTemplate(context, rule, acceptor);
    }

    /**
     * Not a second line of a kind the block holds once, nor a second block of one service, nor a
     * service already listed; never the clear `password`, which exists only to be refused.
     */
    private lineFitsHere(context: CompletionContext, keyword: GrammarAST.Keyword, property: string | undefined): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name ?? '';
        if (rule === 'UserClearPassword') {
            return false;
        }
        if (rule === 'ServiceKind') {
            return !(property === 'service' && lineAlreadyWritten(context, this.blockAt(context), 'ServiceBlock', keyword.value))
                && !(property === 'services' && serviceAlreadyListed(context, keyword.value));
        }
        return !lineAlreadyWritten(context, this.blockAt(context), rule);
    }

    private blockAt(context: CompletionContext): AstNode | undefined {
        if (!this.blocks.has(context)) {
            this.blocks.set(context, blockAtCursor(context));
        }
        return this.blocks.get(context);
    }

    /** Beside the `user` keyword of a company member and the `vm` keyword of a server member, a template. */
    private completeTemplate(context: CompletionContext, rule: string | undefined, acceptor: CompletionAcceptor): void {
        if (rule === 'User') {
            const block = this.blockAt(context);
            acceptor(context, templateItem(userTemplate(isCompany(block) ? block : undefined)));
        } else if (rule === 'Vm') {
            acceptor(context, templateItem(vmTemplate()));
        }
    }

    /** The scope's candidates, narrowed to what validation accepts and written the way to write them. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const keep = candidateFilter({
            refInfo, context, referenceType: this.astReflection.getReferenceType(refInfo),
            names: this.nameProvider, documents: this.documents
        });
        return super.getReferenceCandidates(refInfo, context).filter(keep);
    }

    /** Setting keys (each once per block) and values of service blocks, and time zones: not keywords, not references. */
    private completeValues(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const properties = new Set(context.features.map(f => f.property));
        const block = AstUtils.getContainerOfType(context.node, isServiceBlock);
        if (block && properties.has('key')) {
            const unwritten = (findService(block.service)?.settings ?? []).filter(s => !lineAlreadyWritten(context, block, 'ServiceSetting', s.key));
            for (const setting of unwritten) {
                acceptor(context, {
                    label: setting.key, kind: CompletionItemKind.Property, sortText: '0',
                    detail: `${block.service} setting: ${valueKindText(setting)}`,
                    documentation: markdown(settingMarkdown(block.service, setting))
                });
            }
        }
        const setting = AstUtils.getContainerOfType(context.node, isServiceSetting);
        if (setting && properties.has('value') && isServiceBlock(setting.$container)) {
            this.completeSettingValue(context, setting.$container.service, setting.key, acceptor);
        }
        if (properties.has('timezone') && AstUtils.getContainerOfType(context.node, isTimezoneSetting)) {
            this.completeTimezones(context, acceptor);
        }
    }

    private completeSettingValue(context: CompletionContext, service: string, key: string, acceptor: CompletionAcceptor): void {
        const info = findSetting(service, key);
        const choices = info?.value.kind === 'flag' ? ['on', 'off'] : info?.value.kind === 'choice' ? info.value.choices : [];
        for (const choice of choices) {
            acceptor(context, {
                label: choice, kind: CompletionItemKind.EnumMember, sortText: '0',
                detail: `${service} ${key}${choice === info?.default ? ' (default)' : ''}`,
                documentation: info?.summary
            });
        }
    }

    /**
     * A zone name spans several tokens (`Europe/Berlin`), so the edit replaces everything typed
     * since the keyword, not just the last token.
     */
    private completeTimezones(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const text = context.textDocument.getText();
        let start = context.offset;
        while (start > 0 && /[\w/+-]/.test(text.charAt(start - 1))) {
            start--;
        }
        const range = { start: context.textDocument.positionAt(start), end: context.position };
        for (const zone of timeZones()) {
            acceptor(context, {
                label: zone, kind: CompletionItemKind.Value, sortText: '0', detail: 'IANA time zone',
                filterText: zone, textEdit: { newText: zone, range }
            });
        }
    }
}

/** Which assignments may hold each datatype rule's keywords as a value. */
const DATATYPE_KEYWORD_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
    RoleKind: ['role'],
    ServiceKind: ['services', 'service'],
    SizeUnit: ['unit'],
    OsName: ['os']
    // OnOff only appears as a setting value; completeSettingValue offers it when the key is a flag.
};

interface KeywordDocumentation {
    readonly kind: CompletionItemKind;
    readonly detail: string;
    readonly documentation?: MarkupContent;
}

const keywordDocs = new Map<string, KeywordDocumentation>();

/** Built once per keyword and rule: the catalog that knows the word best documents it. */
function keywordDocumentation(rule: string | undefined, keyword: string): KeywordDocumentation {
    const key = `${rule}:${keyword}`;
    let docs = keywordDocs.get(key);
    if (!docs) {
        if (rule === 'RoleKind') {
            docs = { kind: CompletionItemKind.EnumMember, detail: 'Role', documentation: markdown(roleMarkdown(keyword)) };
        } else if (rule === 'ServiceKind') {
            docs = { kind: CompletionItemKind.EnumMember, detail: 'Service', documentation: markdown(serviceMarkdown(keyword)) };
        } else if (rule === 'SizeUnit') {
            docs = { kind: CompletionItemKind.Unit, detail: 'Size unit', documentation: markdown(keywordMarkdown(keyword)) };
        } else {
            docs = { kind: CompletionItemKind.Keyword, detail: 'Keyword', documentation: markdown(keywordMarkdown(keyword)) };
        }
        keywordDocs.set(key, docs);
    }
    return docs;
}

function markdown(value: string | undefined): MarkupContent | undefined {
    return value ? { kind: 'markdown', value } : undefined;
}

let zones: readonly string[] | undefined;

/** The IANA zones this runtime knows, plus UTC (which `supportedValuesOf` may leave out). */
function timeZones(): readonly string[] {
    zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
    return zones;
}
