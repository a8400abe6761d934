/**
 * The diagram panel's page, as a pure function (tested without VS Code). No script at all: the
 * SVG is markup, so the Content-Security-Policy forbids every script and allows only our own
 * nonce'd stylesheet (the SVG draws with presentation attributes, which the CSP does not govern).
 * The SVG comes from the language server, which escapes everything from the spec; the banner's
 * texts (error messages quoting the spec) are escaped here.
 */

export interface DiagramBanner {
    readonly kind: 'out-of-date' | 'errors' | 'failed';
    readonly heading: string;
    readonly items: readonly string[];
}

export interface DiagramPage {
    readonly nonce: string;
    readonly title: string;
    /** The last picture drawn, if any. */
    readonly svg?: string;
    readonly banner?: DiagramBanner;
}

export function contentSecurityPolicy(nonce: string): string {
    return `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'`;
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, char => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

const STYLE = `
body { margin: 0; padding: 12px; background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); font-family: var(--vscode-font-family); }
.banner { margin: 0 0 12px; padding: 8px 12px; border-left: 4px solid var(--vscode-editorWarning-foreground, #c80); background: var(--vscode-inputValidation-warningBackground, #fff4e0); color: var(--vscode-foreground); }
.banner.errors, .banner.failed { border-left-color: var(--vscode-editorError-foreground, #c00); background: var(--vscode-inputValidation-errorBackground, #fde8e8); }
.banner h2 { font-size: 1em; margin: 0 0 4px; }
.banner ul { margin: 0; padding-left: 1.4em; font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
.picture { overflow: auto; }
.picture.stale svg { opacity: 0.55; }
.picture svg { display: block; max-width: none; border-radius: 4px; }
`;

export function diagramHtml(page: DiagramPage): string {
    const banner = page.banner
        ? `<section class="banner ${page.banner.kind}" role="status"><h2>${escapeHtml(page.banner.heading)}</h2>`
            + (page.banner.items.length > 0 ? `<ul>${page.banner.items.map(item => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '')
            + '</section>'
        : '';
    const picture = page.svg ? `<div class="picture${page.banner?.kind === 'out-of-date' ? ' stale' : ''}">${page.svg}</div>` : '';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style nonce="${page.nonce}">${STYLE}</style>
</head>
<body>
${banner}
${picture}
</body>
</html>
`;
}
