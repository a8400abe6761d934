import { DefaultCompletionProvider } from 'langium/lsp';
export class CompanyCompletionProvider extends DefaultCompletionProvider {}
