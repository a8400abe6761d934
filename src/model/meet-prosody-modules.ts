/**
 * Prosody community modules a Meet needs that no pkgsrc package ships. LDAP login of room hosts
 * uses prosody-modules' mod_auth_ldap (lualdap, from pkgsrc's lua-ldap): it searches the user with
 * a service account, then binds as the user (`ldap_mode = "bind"`), so Prosody never reads a hash.
 * Prosody's own `cyrus` backend would need lua-cyrussasl (not in pkgsrc) plus a saslauthd configured
 * for LDAP: more moving parts for the same result.
 *
 * provision.sh downloads the module once, at a pinned prosody-modules revision, into a directory on
 * plugin_paths; a changed revision here is a deliberate upgrade. hg.prosody.im serves no checksums
 * and the generator has no network, so the download is checked for the module's own marker line.
 */
export interface CommunityModule {
    readonly name: string;
    /** prosody-modules changeset the file is taken from. */
    readonly revision: string;
    readonly file: string;
    readonly url: string;
    /** A line the genuine module contains: a truncated or HTML error download lacks it. */
    readonly marker: string;
}

const PROSODY_MODULES = 'https://hg.prosody.im/prosody-modules';

function communityModule(name: string, revision: string, marker: string): CommunityModule {
    const file = `mod_${name}.lua`;
    return { name, revision, file, url: `${PROSODY_MODULES}/raw-file/${revision}/mod_${name}/${file}`, marker };
}

/** Revision e099586f9de5: the one prosody's luarocks server packaged its LDAP modules from (works with 0.12). */
export const MOD_AUTH_LDAP: CommunityModule = communityModule('auth_ldap', 'e099586f9de5', 'module:provides("auth", provider)');
