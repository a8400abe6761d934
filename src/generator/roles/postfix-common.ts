import type { GeneratedFile } from '../file-set.js';
import type { GuestContext } from '../guest-context.js';
import { renderTemplate } from '../templates.js';

/**
 * What the mx and mail roles share about Postfix: the standard master.cf services, and the files
 * that make a NetBSD guest run the packaged Postfix rather than the base system's.
 */

/** The standard Postfix services (pickup, cleanup, qmgr…), to append to a role's master.cf. */
export function masterServices(context: GuestContext): string {
    return renderTemplate('mail/master-common.cf', { chroot: context.profile.mail.postfix.chroot });
}

/** /etc/mailer.conf and the rc.conf.d override, when the platform has a base-system MTA to replace. */
export function packagedPostfixFiles(context: GuestContext): GeneratedFile[] {
    const mail = context.profile.mail;
    const files: GeneratedFile[] = [];
    if (mail.mailerConf !== undefined) {
        files.push({ host: context.vm.host, path: mail.mailerConf, mode: 0o644, content: renderTemplate('mail/mailer.conf', { postfix: mail.postfix }) });
    }
    if (mail.postfixRcOverride !== undefined) {
        files.push({ host: context.vm.host, path: mail.postfixRcOverride, mode: 0o644, content: renderTemplate('mail/rc.conf.d-postfix', { postfix: mail.postfix }) });
    }
    return files;
}

/** The certificate pair of the VM's own name, created self-signed by provision.sh until ACME replaces it. */
export function certificatePaths(context: GuestContext): { cert: string, key: string } {
    const dir = context.profile.base.tlsDir;
    return { cert: `${dir}/${context.vm.fqdn}.crt`, key: `${dir}/${context.vm.fqdn}.key` };
}
