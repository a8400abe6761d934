/**
 * Upload limits of the PHP applications, from the largest message a company accepts: an
 * attachment is base64-encoded in the message (4/3 larger), so PHP must accept the raw file
 * size and nginx a request body a little above PHP's post limit.
 */

const MIB = 1024 * 1024;

export interface PhpSizes {
    /** php `upload_max_filesize`, e.g. `25M`. */
    readonly upload: string;
    /** php `post_max_size`: upload plus room for the form. */
    readonly post: string;
    /** nginx `client_max_body_size`. */
    readonly nginxBody: string;
}

export function phpSizes(maxMessageBytes: number): PhpSizes {
    const uploadMiB = Math.max(1, Math.ceil(maxMessageBytes / MIB));
    return { upload: `${uploadMiB}M`, post: `${uploadMiB + 8}M`, nginxBody: `${uploadMiB + 10}m` };
}

/** Nextcloud uploads in chunks, so a fixed generous limit suits every quota. */
export const NEXTCLOUD_SIZES: PhpSizes = { upload: '512M', post: '512M', nginxBody: '512M' };
