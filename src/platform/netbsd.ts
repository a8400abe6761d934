import { onHost, type HostPaths, type Platform, type PlatformProfile } from './profile.js';
import { netbsdBase } from './base-platform.js';
import { netbsdHypervisor } from './hypervisor-platform.js';
import { netbsdDirectory } from './directory-platform.js';
import { netbsdDns } from './dns-platform.js';
import { netbsdMail } from './mail-platform.js';
import { netbsdWeb } from './web-platform.js';
import { netbsdMeet } from './meet-platform.js';

/** NetBSD with pkgsrc binary packages: the product's target. */
export const netbsd: Platform = {
    name: 'netbsd',
    summary: 'NetBSD guests with pkgsrc binary packages (pkgin, rc.d): the product\'s target',
    profile: (local: HostPaths): PlatformProfile => ({
        name: 'netbsd',
        base: netbsdBase(local),
        hypervisor: netbsdHypervisor(local),
        directory: netbsdDirectory(local),
        dns: netbsdDns(local),
        mail: netbsdMail(local),
        web: netbsdWeb(local),
        meet: netbsdMeet(local)
    })
};

/** The netbsd profile with every path as it is on the host. */
export const netbsdProfile: PlatformProfile = netbsd.profile(onHost);
