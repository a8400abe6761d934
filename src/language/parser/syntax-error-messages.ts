import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';

/** Terminals described the way a sysadmin reads them. */
const TERMINAL_WORDS: Readonly<Record<string, string>> = {
    ID: 'a name',
    STRING: 'a quoted string',
    INT: 'a number',
    DECIMAL: 'a number',
    IPV4: 'an IPv4 address such as 203.0.113.10',
    IPV4_CIDR: 'a network such as 10.0.0.0/24',
    IPV6: 'an IPv6 address such as 2001:db8::1/64',
    EOF: 'the end of the file'
};

/**
 * Syntax errors that name what was expected in words. Every keyword may also be a name, so a
 * position that takes a name would otherwise list all sixty keywords as alternatives: when a name
 * is among the expected tokens, the keywords are summed up as "a name".
 */
export class CompanySyntaxErrorMessages extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return `Expected ${describeAll([expected])} but found ${found(actual)}.`;
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return `Unexpected ${found(firstRedundant)}: a spec holds only \`company\` and \`server\` blocks at the top level (is a \`}\` too many?).`;
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const firsts = expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean);
        return `Expected ${describeAll(firsts)} but found ${found(actual[0])}.`;
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const firsts = expectedIterationPaths.map(path => path[0]).filter(Boolean);
        return `Expected at least one ${describeAll(firsts)} but found ${found(actual[0])}.`;
    }
}

function found(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') {
        return 'the end of the file (is a `}` missing?)';
    }
    return `\`${token.image}\``;
}

const isKeyword = (t: TokenType) => t.name.endsWith(':KW') || !(t.name in TERMINAL_WORDS);
const keywordText = (t: TokenType) => `\`${t.name.replace(/:KW$/, '')}\``;

/** "a name", "`}`", "`{` or a name", "one of `on`, `off`". */
function describeAll(tokens: TokenType[]): string {
    const unique = [...new Map(tokens.map(t => [t.name, t])).values()];
    const takesName = unique.some(t => t.name === 'ID');
    const words = unique.filter(t => !isKeyword(t)).map(t => TERMINAL_WORDS[t.name]);
    const keywords = takesName ? [] : unique.filter(isKeyword).map(keywordText);
    const all = [...new Set([...keywords, ...words])];
    if (all.length === 0) {
        return 'something else';
    }
    if (all.length === 1) {
        return all[0];
    }
    if (all.length > 8) {
        return `one of ${all.slice(0, 8).join(', ')}, …`;
    }
    return `${all.slice(0, -1).join(', ')} or ${all.at(-1)}`;
}
