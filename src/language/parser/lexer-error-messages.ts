import { DefaultLexerErrorMessageProvider } from 'langium';
import { printable } from '../validation/value-syntax.js';

/**
 * "Unexpected character" errors that show the characters themselves (escaped when invisible) and say
 * what the language is made of, instead of Chevrotain's "->-<- at offset: 399".
 */
export class CompanyLexerErrorMessages extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const characters = [...fullText.substr(startOffset, length)].map(printable).join('');
        return `Unexpected ${length === 1 ? 'character' : 'characters'} '${characters}': a spec is made of names, `
            + 'numbers, addresses, "quoted strings", `{ }`, `,`, `->` and comments; quote the text if it is a name or title.';
    }
}
