/** Platform values for the directory area (paths, users, file names); filled in with its templates. */
export interface DirectoryPlatform {
    /** The directory its configuration lives in. */
    readonly configDir: string;
}

export const netbsdDirectory: DirectoryPlatform = {
    configDir: '/usr/pkg/etc'
};
