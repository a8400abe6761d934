import type { AstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
export class CompanyFormatter extends AbstractFormatter {
    protected format(_node: AstNode): void { /* replaced by the formatter work */ }
}
