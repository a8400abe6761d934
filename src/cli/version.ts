// Replaced by esbuild's `define` with the version from package.json, so the bundle does not
// need to find package.json at run time.
declare const COMPANYKIT_VERSION: string | undefined;

/** The package version, or a marker when running unbundled sources. */
export function cliVersion(): string {
    return typeof COMPANYKIT_VERSION === 'string' ? COMPANYKIT_VERSION : '0.0.0-dev';
}
