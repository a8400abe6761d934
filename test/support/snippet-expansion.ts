/**
 * Expand a snippet as VS Code does when every placeholder keeps its default text and every
 * choice (`${1|a,b|}`) its first option.
 */
export function expandSnippet(body: string | readonly string[]): string {
    let text = typeof body === 'string' ? body : body.join('\n');
    const values = new Map<string, string>();
    text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, choices: string) => {
        const first = choices.split(',')[0];
        values.set(n, first);
        return first;
    });
    // Innermost placeholders first, so `${3:${1}.example}` sees the value of $1.
    for (let guard = 0; guard < 20 && /\$\{\d+:[^{}]*\}/.test(text); guard++) {
        text = text.replace(/\$\{(\d+):([^{}]*)\}/g, (_m, n: string, value: string) => {
            const resolved = value.replace(/\$\{?(\d+)\}?/g, (_r, k: string) => values.get(k) ?? '');
            values.set(n, resolved);
            return resolved;
        });
        text = text.replace(/\$\{(\d+)\}/g, (_m, n: string) => values.get(n) ?? '');
    }
    return text.replace(/\$\{?(\d+)\}?/g, (_m, n: string) => values.get(n) ?? '');
}
