import { describe, expect, test } from 'vitest';
import { parseSpec } from '../support/services.js';

async function syntaxErrors(text: string): Promise<string[]> {
    const document = await parseSpec(text, false);
    return document.parseResult.parserErrors.map(e => e.message);
}

describe('syntax error messages', () => {
    test('a position that takes a name says "a name" instead of listing every keyword', async () => {
        const [message] = await syntaxErrors('company acme { domain acme..example }');
        expect(message).toBe('Expected a name but found `.`.');
    });

    test('a missing closing brace at the end says so', async () => {
        const messages = await syntaxErrors('company acme { domain acme.example');
        expect(messages.at(-1)).toContain('the end of the file (is a `}` missing?)');
    });

    test('a stray token after the last block explains what the top level holds', async () => {
        const messages = await syntaxErrors('company acme { domain acme.example } }');
        expect(messages[0]).toBe('Unexpected `}`: a spec holds only `company` and `server` blocks at the top level (is a `}` too many?).');
    });

    test('terminals are described in words', async () => {
        const [message] = await syntaxErrors('server hv1 { network 10.0.0.1 }');
        expect(message).toBe('Expected a network such as 10.0.0.0/24 but found `10.0.0.1`.');
    });

    test('a short list of keywords is spelled out', async () => {
        const [message] = await syntaxErrors('server hv1 { placement sometimes }');
        expect(message).toBe('Expected `conventional` or `explicit` but found `sometimes`.');
    });
});

describe('lexer error messages', () => {
    test('show the unexpected character and what a spec is made of', async () => {
        const document = await parseSpec('company acme { domain acme.example  mail { dkim-selector -bad } }', false);
        expect(document.parseResult.lexerErrors.map(e => e.message)).toEqual([
            'Unexpected character \'-\': a spec is made of names, numbers, addresses, "quoted strings", `{ }`, `,`, `->` and comments; '
            + 'quote the text if it is a name or title.'
        ]);
    });

    test('escape invisible characters', async () => {
        const document = await parseSpec('company acme {\u0001}', false);
        expect(document.parseResult.lexerErrors[0]?.message).toMatch(/^Unexpected character '\\u0001'/);
    });
});
