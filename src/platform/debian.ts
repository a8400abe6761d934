import { onHost, type HostPaths, type Platform, type PlatformProfile } from './profile.js';
import { debianBase } from './base-platform.js';
import { netbsdHypervisor } from './hypervisor-platform.js';
import { debianDirectory } from './directory-platform.js';
import { debianDns } from './dns-platform.js';
import { debianMail } from './mail-platform.js';
import { debianWeb } from './web-platform.js';
import { debianMeet } from './meet-platform.js';

/**
 * Debian 12 guests (apt, systemd): the same templates with Debian's paths, users and packages. It
 * is also how the tests run every generated config through Debian's real daemons. The hypervisor
 * stays NetBSD NVMM whatever the guests run.
 */
export const debian: Platform = {
    name: 'debian',
    summary: 'Debian 12 guests (apt, systemd); the hypervisor stays NetBSD',
    profile: (local: HostPaths): PlatformProfile => ({
        name: 'debian',
        base: debianBase(local),
        hypervisor: netbsdHypervisor(local),
        directory: debianDirectory(local),
        dns: debianDns(local),
        mail: debianMail(local),
        web: debianWeb(local),
        meet: debianMeet(local)
    })
};

/** The debian profile with every path as it is on the host. */
export const debianProfile: PlatformProfile = debian.profile(onHost);
