/** Platform values for the meet area (paths, users, file names); filled in with its templates. */
export interface MeetPlatform {
    /** The directory its configuration lives in. */
    readonly configDir: string;
}

export const netbsdMeet: MeetPlatform = {
    configDir: '/usr/pkg/etc'
};
