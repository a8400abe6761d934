import type { HostPaths } from './profile.js';
/** Platform values for the hypervisor: where QEMU is, where disks and run-time sockets live. */
export interface HypervisorPlatform {
    /** The directory its configuration lives in. */
    readonly configDir: string;
    /** Package providing QEMU with NVMM acceleration (pkgsrc emulators/qemu). */
    readonly qemuPackage: string;
    readonly qemuBinary: string;
    readonly qemuImg: string;
    /** Disk images: `<diskDir>/<vm>.img`. */
    readonly diskDir: string;
    /** Pid files, monitor and console sockets: `<runDir>/<vm>.pid|.monitor|.console` (recreated at boot). */
    readonly runDir: string;
    /**
     * Generated rc.conf additions, sourced from the installer's /etc/rc.conf by one line that
     * provision.sh appends once: the host's own settings (public interface, sshd…) are never rewritten.
     */
    readonly rcConfInclude: string;
    readonly npfConf: string;
    /** Where `ifconfig.<bridge>` goes (read by /etc/rc.d/network at boot). */
    readonly ifconfigDir: string;
    readonly modulesConf: string;
    readonly sysctlConf: string;
}

export function netbsdHypervisor(local: HostPaths): HypervisorPlatform {
    return {
        configDir: local('/usr/pkg/etc'),
        qemuPackage: 'qemu',
        qemuBinary: '/usr/pkg/bin/qemu-system-x86_64',
        qemuImg: '/usr/pkg/bin/qemu-img',
        diskDir: local('/var/vm'),
        runDir: local('/var/run/vm'),
        rcConfInclude: local('/etc/rc.conf.companykit'),
        npfConf: local('/etc/npf.conf'),
        ifconfigDir: local('/etc'),
        modulesConf: local('/etc/modules.conf'),
        sysctlConf: local('/etc/sysctl.conf')
    };
}
