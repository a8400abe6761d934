import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/generator/file-set.js';
import { renderHypervisor } from '../../src/generator/hypervisor/hypervisor.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { fileAt, resolveExample } from '../support/generation.js';

const lines = (file: GeneratedFile): string[] => file.content.split('\n').map(l => l.trim());

describe('hypervisor files (acme)', () => {
    let infra: Infrastructure;
    let files: GeneratedFile[];
    beforeAll(async () => {
        infra = await resolveExample('acme');
        files = renderHypervisor(infra, infra.servers[0], netbsdProfile);
    });

    it('rc.conf additions: modules, npf and one knob per VM, in a file of their own', () => {
        const rc = lines(fileAt(files, 'hv1', '/etc/rc.conf.companykit'));
        expect(rc).toContain('modules=YES');
        expect(rc).toContain('npf=YES');
        expect(rc.filter(l => /^vm_\w+=YES$/.test(l))).toEqual(infra.servers[0].vms.map(vm => `vm_${vm.name}=YES`));
        expect(files.some(f => f.path === '/etc/rc.conf')).toBe(false);
        const provision = fileAt(files, 'hv1', '/root/companykit/provision.sh').content;
        expect(provision).toContain("ensure_line '/etc/rc.conf' '. /etc/rc.conf.companykit'");
        expect(provision).toContain("ensure_line '/etc/modules.conf' nvmm");
        expect(provision).toContain("ensure_line '/etc/sysctl.conf' 'net.inet.ip.forwarding=1'");
    });

    it('the bridge creates every tap and vether0, gives the host its address and adds them all', () => {
        const bridge = lines(fileAt(files, 'hv1', '/etc/ifconfig.bridge0'));
        expect(bridge[bridge.findIndex(l => !l.startsWith('#'))]).toBe('create');
        expect(bridge).toContain('!ifconfig tap1 create');
        expect(bridge).toContain('!ifconfig vether0 inet 10.0.0.1 netmask 255.255.255.0');
        const taps = infra.servers[0].vms.map(vm => `add ${vm.tap}`).join(' ');
        expect(bridge).toContain(`!brconfig $int ${taps} add vether0`);
        expect(bridge.at(-2)).toBe('up');
    });

    it('npf.conf: outbound NAT, one forward per public service (not the host\'s ssh), ssh to the host, default deny', () => {
        const npf = lines(fileAt(files, 'hv1', '/etc/npf.conf'));
        expect(npf).toContain('$ext_if = { inet4(wm0) }');
        expect(npf).toContain('map $ext_if dynamic $guest_net -> $ext_if');
        expect(npf).toContain('map $ext_if dynamic proto tcp 10.0.0.11 port 25 <- $ext_if port 25');
        expect(npf).toContain('map $ext_if dynamic proto udp 10.0.0.10 port 53 <- $ext_if port 53');
        expect(npf).toContain('map $ext_if dynamic proto tcp 10.0.0.15 port 22 <- $ext_if port 2222');
        expect(npf.filter(l => l.startsWith('map ') && l.includes('<-'))).toHaveLength(infra.servers[0].forwards.length - 1);
        expect(npf).toContain('pass in final proto tcp to wm0 port 22');
        expect(npf).toContain('pass stateful in final proto udp to $ext_if port 10000');
        expect(npf).toContain('group "internal" on vether0 {');
        const defaultGroup = npf.indexOf('group default {');
        expect(npf.slice(defaultGroup, defaultGroup + 3)).toEqual(['group default {', 'pass final on lo0 all', 'block all']);
    });

    it('one rc.d script per VM: qemu with nvmm, virtio disk and net, sockets, pidfile, clean stop', () => {
        const auth = infra.servers[0].vms.find(vm => vm.name === 'auth')!;
        const script = fileAt(files, 'hv1', '/etc/rc.d/vm_auth');
        expect(script.mode).toBe(0o555);
        const text = script.content;
        expect(text).toMatch(/^# PROVIDE: vm_auth$/m);
        expect(text).toMatch(/^# REQUIRE: NETWORKING/m);
        expect(text).toMatch(/^# KEYWORD: shutdown$/m);
        expect(text).toContain(`-name auth -accel nvmm -m ${auth.memoryMiB} -smp ${auth.cpus}`);
        expect(text).toContain('-drive file=/var/vm/auth.img,if=virtio,format=raw');
        expect(text).toContain(`-netdev tap,id=n0,ifname=${auth.tap},script=no,downscript=no`);
        expect(text).toContain(`-device virtio-net-pci,netdev=n0,mac=${auth.mac}`);
        expect(text).toContain('-monitor unix:/var/run/vm/auth.monitor,server,nowait');
        expect(text).toContain('-pidfile /var/run/vm/auth.pid -daemonize');
        expect(text).toContain("echo system_powerdown | nc -U -w 2 '/var/run/vm/auth.monitor'");
        expect(text).toContain('kill -TERM "$_pid"');
        expect(files.filter(f => f.path.startsWith('/etc/rc.d/'))).toHaveLength(infra.servers[0].vms.length);
    });

    it('create-disks.sh creates only missing raw images of each VM\'s size', () => {
        const script = fileAt(files, 'hv1', '/root/companykit/create-disks.sh');
        expect(script.mode).toBe(0o755);
        expect(script.content).toContain("create_disk '/var/vm/cloud.img' 100G");
        expect(script.content).toContain('if [ -e "$1" ]; then');
        expect(script.content).toContain("'/usr/pkg/bin/qemu-img' create -f raw \"$1\" \"$2\"");
    });

    it('provision.sh installs qemu, loads nvmm, builds the bridge, validates and loads npf', () => {
        const text = fileAt(files, 'hv1', '/root/companykit/provision.sh').content;
        const order = ['install_packages qemu', 'modload nvmm', 'ensure_interface tap1', 'ensure_bridge_member bridge0 vether0',
            "'/root/companykit/create-disks.sh'", "npfctl validate '/etc/npf.conf'", "npfctl reload '/etc/npf.conf'", 'npfctl start']
            .map(needle => text.indexOf(needle));
        expect(order.every(index => index > 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
    });
});

describe('hypervisor files (hosting, with IPv6)', () => {
    it('lets ICMPv6 in so neighbour discovery works', async () => {
        const infra = await resolveExample('hosting');
        const npf = renderHypervisor(infra, infra.servers[0], netbsdProfile).find(f => f.path === '/etc/npf.conf')!;
        expect(npf.content).toContain('pass in final family inet6 proto ipv6-icmp all');
        expect(npf.content).toContain('$ext_if = { inet4(re0) }');
    });
});
