/** Platform values for the web area (paths, users, file names); filled in with its templates. */
export interface WebPlatform {
    /** The directory its configuration lives in. */
    readonly configDir: string;
}

export const netbsdWeb: WebPlatform = {
    configDir: '/usr/pkg/etc'
};
