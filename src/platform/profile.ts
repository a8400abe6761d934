import type { BasePlatform } from './base-platform.js';
import type { HypervisorPlatform } from './hypervisor-platform.js';
import type { DirectoryPlatform } from './directory-platform.js';
import type { DnsPlatform } from './dns-platform.js';
import type { MailPlatform } from './mail-platform.js';
import type { WebPlatform } from './web-platform.js';
import type { MeetPlatform } from './meet-platform.js';

/**
 * Everything that differs between the systems a generated host may run: paths, package names,
 * service users, how a daemon is enabled. Templates read these values from their context and never
 * decide on them; `netbsd` (pkgsrc) is the product's target, `debian` proves the same templates with
 * Debian's real daemons. One section per area, each in its own file beside this one.
 */
export interface PlatformProfile {
    readonly name: PlatformName;
    readonly base: BasePlatform;
    readonly hypervisor: HypervisorPlatform;
    readonly directory: DirectoryPlatform;
    readonly dns: DnsPlatform;
    readonly mail: MailPlatform;
    readonly web: WebPlatform;
    readonly meet: MeetPlatform;
}

export type PlatformName = 'netbsd' | 'debian';

/**
 * Where a host-local path (configuration, state, run, log, data, keys) lives. On the host itself it
 * is the path; under `generate --root DIR` it is `DIR/<host><path>`, so a host's tree can be checked
 * and run in place. System files the product does not write (binaries, schemas, modules,
 * `mime.types`) are never passed through it.
 */
export type HostPaths = (path: string) => string;

/** Paths as they are on the host. */
export const onHost: HostPaths = (p) => p;

/** A target system: its name, and its profile with host-local paths placed by `local`. */
export interface Platform {
    readonly name: PlatformName;
    /** One line for `--help` and the README. */
    readonly summary: string;
    profile(local: HostPaths): PlatformProfile;
}
