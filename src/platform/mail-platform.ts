/** Platform values for the mail area (paths, users, file names); filled in with its templates. */
export interface MailPlatform {
    /** The directory its configuration lives in. */
    readonly configDir: string;
}

export const netbsdMail: MailPlatform = {
    configDir: '/usr/pkg/etc'
};
