import { CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isRoleUse, isServiceBlock, isServiceList, isServiceSetting } from '../generated/ast.js';
import { findSetting } from '../catalog/services.js';
import { keywordMarkdown, roleMarkdown, serviceMarkdown, settingMarkdown } from './catalog-markdown.js';
import { elementSummary } from './element-summary.js';

/**
 * Hover: on a declaration or a reference, the element's doc comment and a summary of it;
 * on a word that is a role, service or setting key where it stands, that catalog entry;
 * on any other keyword, its entry in the keyword table.
 */
export class CompanyHoverProvider extends MultilineCommentHoverProvider {
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf || leaf.end <= offset || leaf.hidden) {
            return undefined;
        }
        const markdown = this.elementHover(leaf) ?? this.contextualHover(leaf) ?? this.keywordHover(leaf);
        return markdown ? { contents: { kind: 'markdown', value: markdown }, range: leaf.range } : undefined;
    }

    /** Declarations and references: doc comment, then the summary. */
    private elementHover(leaf: CstNode): string | undefined {
        const parts = this.references.findDeclarations(leaf).map(target => this.describe(target)).filter(p => p !== undefined);
        return parts.length > 0 ? parts.join('\n\n---\n\n') : undefined;
    }

    private describe(target: AstNode): string | undefined {
        const parts = [elementSummary(target), this.documentationProvider.getDocumentation(target)].filter(p => p);
        return parts.length > 0 ? parts.join('\n\n') : undefined;
    }

    /** A role in `runs`, a service in `services` or heading a block, a setting key in a service block. */
    private contextualHover(leaf: CstNode): string | undefined {
        const node = leaf.astNode;
        const feature = GrammarUtils.findAssignment(leaf)?.feature;
        if (isRoleUse(node) && feature === 'role') {
            return roleMarkdown(node.role);
        }
        if ((isServiceList(node) && feature === 'services') || (isServiceBlock(node) && feature === 'service')) {
            return serviceMarkdown(leaf.text);
        }
        if (isServiceSetting(node) && feature === 'key' && isServiceBlock(node.$container)) {
            const setting = findSetting(node.$container.service, node.key);
            return setting ? settingMarkdown(node.$container.service, setting) : undefined;
        }
        return undefined;
    }

    private keywordHover(leaf: CstNode): string | undefined {
        return GrammarAST.isKeyword(leaf.grammarSource) ? keywordMarkdown(leaf.grammarSource.value) : undefined;
    }
}
