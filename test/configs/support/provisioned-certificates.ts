import { chmodSync, chownSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { runTool } from './checker.js';
import { treePath, type HostTree } from './config-tree.js';
import { requireSystemId } from './system-ids.js';

/** One shell word of a generated line: quoted by the `shell` helper ('…') or plain. */
const WORD = String.raw`(?:'([^']+)'|([^\s']+))`;
const ENSURE_CERTIFICATE = new RegExp(String.raw`^\s*ensure_certificate ${WORD} ${WORD} ${WORD}(?: ${WORD})?\s*$`, 'gm');

/**
 * The self-signed pairs the host's provision.sh `ensure_certificate CERT KEY CN [GROUP]` lines create
 * before any daemon starts, made the same way inside the host's tree: certificate 0644, key 0600 root
 * or 0640 root:GROUP (an EC key: faster, and a checker only needs a matching pair). A certificate a
 * config names but provision.sh does not create stays missing, and the daemon says so.
 */
export function createProvisionedCertificates(host: HostTree): void {
    const provision = host.files.find(f => treePath(host, f) === `${host.profile.base.provisionDir}/provision.sh`);
    for (const match of provision?.content.matchAll(ENSURE_CERTIFICATE) ?? []) {
        const [cert, key, cn, group] = [1, 3, 5, 7].map(i => match[i] ?? match[i + 1]);
        if (existsSync(cert) && existsSync(key)) {
            continue;
        }
        for (const dir of new Set([path.dirname(cert), path.dirname(key)])) {
            if (!dir.startsWith(`${host.dir}/`)) {
                throw new Error(`${host.host}: ${dir} is outside the host's tree`);
            }
            mkdirSync(dir, { recursive: true, mode: 0o755 });
        }
        const run = runTool('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
            '-days', '2', '-subj', `/CN=${cn}`, '-keyout', key, '-out', cert]);
        if (run.status !== 0) {
            throw new Error(`openssl could not create the certificate for ${cn}: ${run.output}`);
        }
        chmodSync(cert, 0o644);
        chmodSync(key, group === undefined ? 0o600 : 0o640);
        if (group !== undefined && process.getuid?.() === 0) {
            chownSync(key, 0, requireSystemId('group', group));
        }
    }
}
