import { MultilineCommentHoverProvider } from 'langium/lsp';
export class CompanyHoverProvider extends MultilineCommentHoverProvider {}
