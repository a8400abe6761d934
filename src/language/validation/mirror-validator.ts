import type { ValidationAcceptor } from 'langium';
import type { MirrorSetting } from '../generated/ast.js';
import { printable } from './value-syntax.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';

/**
 * The package mirror lands as one line in pkgin's repositories.conf and in PKG_PATH: it must be a
 * URL pkgin can fetch, and nothing in it may end the line or the value. `$arch` and `$osrelease` are
 * pkgin's own macros, so `$` stays allowed.
 */
const SCHEMES = ['http', 'https', 'ftp', 'file'];
const FORBIDDEN = /[\s"'\\;#{}<>`]|[\u0000-\u001f\u007f]/;

export function checkMirror(node: MirrorSetting, accept: ValidationAcceptor): void {
    if (typeof node.url !== 'string') {
        return;  // half-typed: the parser reports it
    }
    const problem = mirrorProblem(node.url);
    if (problem) {
        accept('error', `The mirror '${node.url}' ${problem}`, coded(ServerCodes.InvalidMirror, { node, property: 'url' }));
    }
}

function mirrorProblem(url: string): string | undefined {
    const bad = FORBIDDEN.exec(url);
    if (bad) {
        return `holds '${printable(bad[0])}', which would break the line pkgin reads; write the URL without it.`;
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
    if (!scheme || !SCHEMES.includes(scheme)) {
        return `is not a URL pkgin can fetch: write http://, https://, ftp:// or file:// followed by the repository, e.g. https://cdn.NetBSD.org/pub/pkgsrc/packages.`;
    }
    if (url.length <= `${scheme}://`.length) {
        return 'has no host or path after its scheme: write the repository, e.g. https://cdn.NetBSD.org/pub/pkgsrc/packages.';
    }
    return undefined;
}
