/** Platform values for the hypervisor area (paths, users, file names); filled in with its templates. */
export interface HypervisorPlatform {
    /** The directory its configuration lives in. */
    readonly configDir: string;
}

export const netbsdHypervisor: HypervisorPlatform = {
    configDir: '/usr/pkg/etc'
};
