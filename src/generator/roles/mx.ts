import { mxPlan } from '../../model/mail-relay.js';
import type { SpamAssassinPlatform } from '../../platform/mail-platform.js';
import { shellWord } from '../template-escapes.js';
import type { GeneratedFile } from '../file-set.js';
import { roleCompanies, type RoleRenderer } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { certificatePaths, masterServices, packagedPostfixFiles } from './postfix-common.js';

/**
 * The frontal MX: Postfix relaying the served companies' domains to their mail VM after
 * recipient verification and SpamAssassin (see `src/model/mail-relay.ts` for the decisions).
 */
export const renderMx: RoleRenderer = (context, role) => {
    const { vm, profile } = context;
    const { postfix, spamassassin: spam } = profile.mail;
    const companies = roleCompanies(context, role);
    const plan = mxPlan(context.infra, context.server, companies);
    const tlsDir = profile.base.tlsDir;
    const file = (path: string, template: string, data: object): GeneratedFile =>
        ({ host: vm.host, path, mode: 0o644, content: renderTemplate(template, { vm, ...data }) });
    const files: GeneratedFile[] = [
        file(`${postfix.configDir}/main.cf`, 'mx/main.cf', { plan, postfix, tlsDir }),
        file(`${postfix.configDir}/master.cf`, 'mx/master.cf', { postfix, spam, base: masterServices(context) }),
        file(`${spam.configDir}/local.cf`, 'mx/local.cf', { threshold: plan.spamThreshold.toFixed(1), thresholdNote: plan.thresholdOverridden.join(', ') }),
        ...packagedPostfixFiles(context),
        ...(spam.spamdDefaults === undefined ? [] : [file(spam.spamdDefaults, 'mx/spamd-defaults', { spam, flags: spamdFlags(spam) })])
    ];
    const { cert, key } = certificatePaths(context);
    const provision = [
        '# mx: spamd and the content filter run as their own unprivileged users; rules come from sa-update.',
        `ensure_user ${spam.spamdUser} ${spam.spamdHome}`,
        `ensure_dir ${spam.spamdHome} ${spam.spamdUser}:${spam.spamdUser} 0750`,
        `ensure_user ${spam.filterUser} ${spam.filterHome}`,
        `ensure_dir ${spam.filterHome} ${spam.filterUser}:${spam.filterUser} 0750`,
        `ensure_certificate ${cert} ${key} ${shellWord(vm.fqdn)}`,
        '# sa-update exits 1 when the rules are already current; anything above that is an error worth showing.',
        `${spam.saUpdatePath} || [ $? -eq 1 ] || echo "sa-update failed: spamd needs rules, run ${spam.saUpdatePath} again" >&2`
    ].join('\n') + '\n';
    // rc.d reads the flags from rc.conf; systemd from the unit's EnvironmentFile (written above).
    return { files, rcConf: spam.spamdDefaults === undefined ? [`spamd_flags="${spamdFlags(spam)}"`] : [], provision };
};

/** spamd listens on loopback only, for the content filter; its children drop to the spamd user. */
function spamdFlags(spam: SpamAssassinPlatform): string {
    return `-u ${spam.spamdUser} --helper-home-dir=${spam.spamdHome} --nouser-config --allowed-ips=127.0.0.1 --listen=127.0.0.1:${spam.spamdPort}`;
}
