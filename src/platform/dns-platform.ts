/** Platform values for the dns area (paths, users, file names); filled in with its templates. */
export interface DnsPlatform {
    /** The directory its configuration lives in. */
    readonly configDir: string;
}

export const netbsdDns: DnsPlatform = {
    configDir: '/usr/pkg/etc'
};
