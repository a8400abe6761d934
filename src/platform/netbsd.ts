import type { PlatformProfile } from './profile.js';
import { netbsdBase } from './base-platform.js';
import { netbsdHypervisor } from './hypervisor-platform.js';
import { netbsdDirectory } from './directory-platform.js';
import { netbsdDns } from './dns-platform.js';
import { netbsdMail } from './mail-platform.js';
import { netbsdWeb } from './web-platform.js';
import { netbsdMeet } from './meet-platform.js';

/** NetBSD with pkgsrc binary packages: the product's target. */
export const netbsdProfile: PlatformProfile = {
    name: 'netbsd',
    base: netbsdBase,
    hypervisor: netbsdHypervisor,
    directory: netbsdDirectory,
    dns: netbsdDns,
    mail: netbsdMail,
    web: netbsdWeb,
    meet: netbsdMeet
};
