import { CstUtils, type AstNode, type CstNode } from 'langium';
import { AbstractFormatter, Formatting, type NodeFormatter } from 'langium/lsp';
import {
    isCompany, isGroup, isHostedCompanies, isMailAlias, isMailSettings,
    isServer, isServerResources, isServiceBlock, isServiceList, isSpec, isUser, isUserAliases, isUserGroups, isVm,
    isVmRoles, type Spec
} from '../generated/ast.js';

/** A member on its own line, indented; one blank line between members is kept, more are folded to one. */
const MEMBER = Formatting.fit(Formatting.indent(), { options: {}, moves: [{ tabs: 1, lines: 2 }] });

/**
 * The canonical layout: one indentation step inside `{}` (the editor's: the extension makes it
 * 4 spaces for .company files unless the user says otherwise), one member per line in every block,
 * one space before `{`, `,` followed by one space, one space around `->`, and exactly one
 * blank line between top-level blocks. Empty blocks become `{ }` on one line.
 */
export class CompanyFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        if (isSpec(node)) {
            this.formatSpec(node);
        } else if (isCompany(node) || isServer(node) || isUser(node) || isGroup(node) || isVm(node)
            || isMailSettings(node) || isServiceBlock(node) || isServerResources(node)) {
            this.formatBlock(node);
        }
        if (isUserGroups(node) || isUserAliases(node) || isServiceList(node) || isHostedCompanies(node) || isVmRoles(node)
            || isGroup(node) || isMailAlias(node)) {
            this.formatCommaList(this.getNodeFormatter(node));
        }
        if (isMailAlias(node)) {
            this.getNodeFormatter(node).keyword('->').surround(Formatting.oneSpace());
        }
    }

    private formatSpec(spec: Spec): void {
        const formatter = this.getNodeFormatter(spec);
        const blocks = [...spec.companies, ...spec.servers]
            .filter(block => block.$cstNode)
            .sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset);
        blocks.forEach((block, index) => {
            // After a doc comment the block follows on the next line; the comment keeps its place.
            const spacing = index === 0 ? Formatting.noIndent()
                : hasLeadingComment(block.$cstNode) ? Formatting.newLine() : Formatting.newLines(2);
            formatter.node(block).prepend(spacing);
        });
    }

    private formatBlock(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        const open = formatter.keyword('{');
        const close = formatter.keyword('}');
        if (open.nodes.length === 0 || close.nodes.length === 0) {
            return; // no block, or a half-typed one: leave it as written
        }
        open.prepend(Formatting.oneSpace());
        const interior = formatter.interior(open, close);
        if (interior.nodes.length === 0) {
            close.prepend(Formatting.oneSpace());
            return;
        }
        // A group's block holds one `includes` line, whose references and commas are direct children too.
        if (isGroup(node)) {
            formatter.keyword('includes').prepend(MEMBER);
        } else {
            for (const member of interior.nodes) {
                // A member right under its doc comment stays right under it.
                formatter.cst([member]).prepend(!member.hidden && hasLeadingComment(member) ? Formatting.indent() : MEMBER);
            }
        }
        close.prepend(Formatting.newLine());
    }

    private formatCommaList(formatter: NodeFormatter<AstNode>): void {
        const commas = formatter.keywords(',');
        commas.prepend(Formatting.noSpace());
        commas.append(Formatting.oneSpace());
    }
}

/** Whether a comment (doc or line) sits right before the node, with only whitespace between. */
function hasLeadingComment(cst: CstNode | undefined): boolean {
    return cst !== undefined && CstUtils.findCommentNode(cst, ['ML_COMMENT', 'SL_COMMENT']) !== undefined;
}
