import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Server } from '../../src/language/generated/ast.js';
import { portForwards, portKey, type PortForward } from '../../src/language/semantics/port-forwards.js';
import { parseSpec, services } from '../support/services.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');

const company = (name: string, services = '', extra = '') =>
    `company ${name} "${name}" { domain ${name}.example  user a "A" { aliases postmaster, abuse  admin } ${services ? `services ${services}` : ''} ${extra} }\n`;

async function servers(text: string): Promise<Server[]> {
    const document = await parseSpec(text, false);
    expect(document.parseResult.parserErrors).toEqual([]);
    return document.parseResult.value.servers;
}

/** `port/proto -> vm:guestPort (who)` per forward, in table order. */
const rows = (forwards: PortForward[]) => forwards.map(f =>
    `${portKey(f)} -> ${f.vm ? `${f.vm.name}:${f.guestPort}` : 'hypervisor'} (${f.company ? `git ${f.company.name}` : f.role?.role ?? 'sshd'})`);

afterEach(() => clearDocuments(services.shared));

describe('port-forward table', () => {
    test('acme example: host sshd, role ports VM by VM, the Meet on 10000, Gitea SSH 2222 to the git VM', async () => {
        const [hv1] = await servers(await readFile(join(examples, 'acme.company'), 'utf8'));
        expect(rows(portForwards(hv1))).toEqual([
            '22/tcp -> hypervisor (sshd)',
            '53/tcp -> auth:53 (dns)', '53/udp -> auth:53 (dns)',
            '10000/udp -> meet:10000 (meet)',
            '25/tcp -> mx:25 (mx)',
            '587/tcp -> mail:587 (mail)', '993/tcp -> mail:993 (mail)',
            '80/tcp -> rproxy:80 (proxy)', '443/tcp -> rproxy:443 (proxy)',
            '2222/tcp -> git:22 (git acme)'
        ]);
    });

    test('origins: written roles blame their use, conventional ones nothing, a default ssh-port the git entry of services', async () => {
        const [hv1] = await servers(company('acme', 'website, git') + 'server hv1 { public 203.0.113.10  vm auth { runs ldap, dns } }');
        const forwards = portForwards(hv1);
        expect(forwards.find(f => f.role?.role === 'dns')?.origin?.kind).toBe('role');
        expect(forwards.find(f => f.role?.role === 'mx')?.origin).toBeUndefined();
        expect(forwards[0].origin).toBeUndefined();
        const git = forwards.find(f => f.company)!;
        expect(git.origin).toMatchObject({ kind: 'service', index: 1 });
        expect(git.origin!.node.$type).toBe('ServiceList');
    });

    test('two extra bridges beside the Meet get 10001 and 10002 in VM order, even when written before it', async () => {
        const [hv1] = await servers(company('acme', 'meet') + `server hv1 { public 203.0.113.10
            vm jvb1 { runs videobridge for meet }
            vm meet { runs meet }
            vm jvb2 { runs videobridge } }`);
        const media = portForwards(hv1).filter(f => f.protocol === 'udp' && f.port >= 10000);
        expect(media.map(f => `${f.port} ${f.vm!.name} ${f.guestPort}`)).toEqual(['10000 meet 10000', '10001 jvb1 10001', '10002 jvb2 10002']);
    });

    test('a bridge on another server starts at 10000 there', async () => {
        const [, hv2] = await servers(company('acme', 'meet') + `server hv1 { public 203.0.113.10  hosts acme  vm meet { runs meet } }
            server hv2 { public 203.0.113.20  network 10.1.0.0/24  placement explicit  vm jvb { runs videobridge for hv1.meet } }`);
        expect(rows(portForwards(hv2))).toEqual(['22/tcp -> hypervisor (sshd)', '10000/udp -> jvb:10000 (videobridge)']);
    });

    test('a DNS secondary beside its primary claims 53 again (validation reports it)', async () => {
        const [hv1] = await servers(company('acme') + 'server hv1 { public 203.0.113.10  vm auth { runs ldap, dns }  vm ns2 { runs dns from auth } }');
        expect(portForwards(hv1).filter(f => portKey(f) === '53/udp').map(f => f.vm!.name)).toEqual(['auth', 'ns2']);
    });

    test('two companies with git on one server both default to 2222: the table holds both, the second conflicts', async () => {
        const [hv1] = await servers(company('acme', 'git') + company('globex', 'git') + 'server hv1 { public 203.0.113.10 }');
        const git = portForwards(hv1).filter(f => f.company);
        expect(git.map(f => `${f.company!.name} ${portKey(f)} -> ${f.vm!.name}:${f.guestPort}`)).toEqual([
            'acme 2222/tcp -> git:22', 'globex 2222/tcp -> git:22'
        ]);
    });

    test('a written ssh-port is used and blamed; an invalid one gives no forward', async () => {
        const [hv1] = await servers(company('acme', 'git', 'git { ssh-port 2223 }') + company('globex', 'git', 'git { ssh-port 22 GB }')
            + 'server hv1 { public 203.0.113.10 }');
        const git = portForwards(hv1).filter(f => f.company);
        expect(git.map(f => `${f.company!.name} ${portKey(f)}`)).toEqual(['acme 2223/tcp']);
        expect(git[0].origin).toMatchObject({ kind: 'ssh-port' });
    });

    test('no forward for git when the server runs no git (explicit placement)', async () => {
        const [hv1] = await servers(company('acme', 'git') + 'server hv1 { public 203.0.113.10  placement explicit  vm auth { runs ldap, dns } }');
        expect(portForwards(hv1).some(f => f.company)).toBe(false);
    });
});
