import type { CompanyModel } from './infrastructure.js';

/**
 * OpenDKIM's tables on the mail VM: one key per company (the model's PEM, whose public half is
 * the `<selector>._domainkey` TXT record in the company zone), signing every sender address of
 * the company's domain. Subdomains are not signed: users only have addresses at the domain itself.
 */

export interface DkimKey {
    readonly domain: string;
    readonly selector: string;
    /** `<selector>._domainkey.<domain>`: the KeyTable key and the DNS name of the public key. */
    readonly keyName: string;
    /** `<keysDir>/<domain>/<selector>.private`. */
    readonly keyFile: string;
    readonly keyDir: string;
    readonly privateKeyPem: string;
}

export interface DkimTables {
    readonly keys: readonly DkimKey[];
    /** KeyTable lines: `<keyName> <domain>:<selector>:<keyFile>`. */
    readonly keyTable: readonly string[];
    /** SigningTable lines (refile: patterns): `*@<domain> <keyName>`. */
    readonly signingTable: readonly string[];
}

export function dkimKey(company: CompanyModel, keysDir: string): DkimKey {
    const { domain } = company;
    const selector = company.mail.dkimSelector;
    const keyDir = `${keysDir}/${domain}`;
    return { domain, selector, keyName: `${selector}._domainkey.${domain}`, keyDir, keyFile: `${keyDir}/${selector}.private`, privateKeyPem: company.mail.dkimPrivateKeyPem };
}

export function dkimTables(companies: readonly CompanyModel[], keysDir: string): DkimTables {
    const keys = [...companies].sort((a, b) => a.domain.localeCompare(b.domain)).map(c => dkimKey(c, keysDir));
    return {
        keys,
        keyTable: keys.map(k => `${k.keyName} ${k.domain}:${k.selector}:${k.keyFile}`),
        signingTable: keys.map(k => `*@${k.domain} ${k.keyName}`)
    };
}
