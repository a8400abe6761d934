import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDeployGuide } from '../../src/generator/deploy-guide.js';
import type { GeneratedFile } from '../../src/generator/file-set.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { EXAMPLES, generateExample, resolveExample } from '../support/generation.js';
import { baseFiles } from './guest-support.js';

/**
 * Every generated shell script (`*.sh` and rc.d scripts) of every example passes `dash -n` and
 * `shellcheck -s dash`. Skipped with the reason when the tools are not installed (CI installs them).
 */

const installed = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
const haveTools = installed('shellcheck') && installed('dash');
if (!haveTools) {
    console.warn('skipping the shell script checks: shellcheck or dash is not installed (apt-get install -y shellcheck dash)');
}

const isScript = (file: GeneratedFile): boolean => file.host !== null && (file.path.endsWith('.sh') || /\/rc\.d\/[^/]+$/.test(file.path));

function problems(files: readonly GeneratedFile[]): string[] {
    const dir = mkdtempSync(path.join(tmpdir(), 'companykit-sh-'));
    try {
        return files.filter(isScript).flatMap((file, index) => {
            const local = path.join(dir, `${index}.sh`);
            writeFileSync(local, file.content);
            const label = `${file.host}:${file.path}`;
            const dash = spawnSync('dash', ['-n', local], { encoding: 'utf-8' });
            const check = spawnSync('shellcheck', ['-s', 'dash', '-f', 'gcc', local], { encoding: 'utf-8' });
            return [
                ...(dash.status === 0 ? [] : [`${label}: dash -n: ${dash.stderr.trim()}`]),
                ...(check.status === 0 ? [] : [`${label}: ${check.stdout.trim()}`])
            ];
        });
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

describe.skipIf(!haveTools)('generated shell scripts pass dash -n and shellcheck -s dash', () => {
    it.each(EXAMPLES)('%s: hypervisor and guest base scripts', async name => {
        const infra = await resolveExample(name);
        // Role fragments as role owners write them: they use the preamble's functions.
        const files = baseFiles(name, infra, role => ({
            files: [],
            provision: `ensure_user ${role}d /var/db/${role}\nensure_dir /var/db/${role} ${role}d:${role}d 0750\n`
                + `ensure_certificate /etc/openssl/companykit/${role}.crt /etc/openssl/companykit/${role}.key ${role}.example ${role}d\n`
        }));
        expect(files.filter(isScript).length).toBeGreaterThan(infra.servers.flatMap(s => s.vms).length);
        expect(problems(files)).toEqual([]);
        expect(renderDeployGuide(infra, netbsdProfile)).toHaveLength(1);
    });

    it.each(EXAMPLES)('%s: every script of the whole generation', async name => {
        expect(problems(await generateExample(name))).toEqual([]);
    });
});
