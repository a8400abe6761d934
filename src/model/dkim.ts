import { createPublicKey } from 'node:crypto';

/** The DKIM TXT record value for a private key: `v=DKIM1; k=rsa; p=<base64 SubjectPublicKeyInfo>` (RFC 6376). */
export function dkimTxtRecord(privateKeyPem: string): string {
    const der = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' });
    return `v=DKIM1; k=rsa; p=${der.toString('base64')}`;
}
