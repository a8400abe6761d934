import type { PackageId } from '../../model/software.js';
import type { VmModel } from '../../model/infrastructure.js';
import type { PlatformProfile } from '../../platform/profile.js';

export interface UnpackagedSoftware {
    /** A file the software installs: provision.sh stops while it is missing. */
    readonly path: string;
    /** Where the admin gets it, as the platform says. */
    readonly source: string;
    /** What provision.sh says when it is missing. */
    readonly message: string;
}

/** The file that proves each piece of software is installed, from the profile's own paths. */
function installedFile(profile: PlatformProfile, id: PackageId): string | undefined {
    const { web, meet } = profile;
    switch (id) {
        case 'nextcloud': return `${web.nextcloud.codeDir}/occ`;
        case 'gitea': return web.gitea.binary;
        case 'jicofo': return meet.jicofo.launcher;
        case 'jitsi-videobridge': return meet.jvb.launcher;
        case 'jitsi-meet': return `${meet.web.root}/index.html`;
        case 'jitsi-meet-prosody': return meet.prosody.jitsiPluginDir;
        default: return undefined;
    }
}

/**
 * The VM's software the platform's package manager cannot install (Debian has no Gitea, Nextcloud
 * or Jitsi packages): provision.sh checks each is there before it configures anything.
 */
export function unpackagedSoftware(vm: VmModel, profile: PlatformProfile): UnpackagedSoftware[] {
    const sources = profile.base.unpackaged ?? {};
    return vm.packages.flatMap(id => {
        const source = sources[id];
        if (source === undefined) {
            return [];
        }
        const path = installedFile(profile, id);
        if (path === undefined) {
            throw new Error(`the ${profile.name} profile names no installed file for ${id}`);
        }
        return [{ path, source, message: `${path} is missing: install ${source} first, then run this again` }];
    });
}
