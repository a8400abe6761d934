import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import type { CompanyModel } from '../../../src/model/infrastructure.js';
import { passdbArgsFile } from '../../../src/model/mail-dovecot.js';
import { findingFrom, runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { fixtureSecrets } from '../../support/generation.js';
import { dovecotArgsFiles, dovecotConf, postfixMapFiles, spamassassinLocalCf, spamdDefaults } from './mail-files.js';
import { withMailLab, type LdapTarget } from './mail-lab.js';
import { createProvisionedCertificates } from '../support/provisioned-certificates.js';
import { preparePackagedSpamAssassinFiles, preparePostfixDirectories, TIMESTAMP } from './mail-runtime.js';
import { own } from '../support/system-ids.js';

/**
 * The mail configs that only show their mistakes at run time, run for real in a private network
 * namespace (mail-lab.ts) against the auth host's real slapd: Postfix's LDAP maps answer for a real
 * address and not for an unknown one; Dovecot authenticates a real user with the password the
 * model generated and refuses a wrong one; spamd starts with the options of /etc/default/spamd
 * and scores GTUBE against local.cf's threshold.
 */

const read = (host: HostTree, file: GeneratedFile): string => readFileSync(treePath(host, file), 'utf-8');

/** `key = value` of a Postfix map / Dovecot args file. */
const setting = (content: string, key: string): string | undefined => new RegExp(`^${key}\\s*=\\s*(.*?)\\s*$`, 'm').exec(content)?.[1];

/** The auth host serving `address` on the mail host's server (addresses are per server). */
function ldapTarget(host: HostTree, hostPort: string): LdapTarget {
    const match = /^(?:ldap:\/\/)?([\d.]+):(\d+)\/?$/.exec(hostPort);
    const authHost = match && host.tree.hosts.find(h => h.vm?.address === match[1] && h.server.name === host.server.name);
    if (!match || !authHost) {
        throw new Error(`${host.host}: no auth host of ${host.server.name} serves ${hostPort}`);
    }
    return { address: match[1], port: Number(match[2]), authHost };
}

const unique = (targets: LdapTarget[]): LdapTarget[] => [...new Map(targets.map(t => [`${t.address}:${t.port}`, t])).values()];
const companyOf = (host: HostTree, domain: string | undefined): CompanyModel | undefined => host.tree.infra.companies.find(c => c.domain === domain);
const unknownAddress = (domain: string): string => `no-such-mailbox-ck@${domain}`;

// ---------------------------------------------------------------- postmap -q

const ldapMaps = (host: HostTree): GeneratedFile[] => postfixMapFiles(host).filter(f => /^server_host\s*=\s*ldap:/m.test(f.content));

/** A real address of the map's company and what the map must answer for it. */
function mapProbe(company: CompanyModel, content: string): { query: string, expect: string[] } | undefined {
    if (setting(content, 'result_attribute') === 'mail') {
        const user = company.users[0];
        return user && { query: user.email, expect: [user.email] };
    }
    const alias = company.aliases[0];
    return alias && { query: alias.address, expect: [...alias.recipients] };
}

export const postmapLdap: Checker = {
    name: 'postmap -q ldap:',
    kind: 'daemon',
    tools: ['postmap', 'ip', 'slapd', 'slapadd', 'ldapsearch'],
    claims: ldapMaps,
    check: (host, files) => withMailLab(host, unique(files.map(f => ldapTarget(host, setting(read(host, f), 'server_host') ?? ''))), async lab => {
        const findings: Finding[] = [];
        const configDir = host.profile.mail.postfix.configDir;
        for (const file of files) {
            const content = read(host, file);
            const company = companyOf(host, setting(content, 'domain'));
            const probe = company && mapProbe(company, content);
            if (!company || !probe) {
                findings.push(findingFrom(host, file, `no address of the map's domain (${setting(content, 'domain')}) to look up`));
                continue;
            }
            const map = `ldap:${treePath(host, file)}`;
            const [known, unknown] = await Promise.all([probe.query, unknownAddress(company.domain)].map(q => lab.run('postmap', ['-c', configDir, '-q', q, map])));
            const answer = known.stdout.trim().split(',').filter(Boolean).sort();
            if (known.status !== 0 || known.stderr !== '' || answer.join() !== [...probe.expect].sort().join()) {
                findings.push(findingFrom(host, file, `postmap -q ${probe.query} ${map}: expected ${probe.expect.join(',')}, got exit ${known.status}: ${known.output}`));
            }
            if (unknown.status !== 1 || unknown.output !== '') {
                findings.push(findingFrom(host, file, `postmap -q ${unknownAddress(company.domain)} ${map} must find nothing, quietly (exit 1, no output), got exit ${unknown.status}: ${unknown.output}`));
            }
        }
        return findings;
    }),
    negativeControl: {
        // The service password rotated in LDAP but not in the map.
        pick: file => /\/ldap-[^/]+-mailboxes\.cf$/.test(file.path),
        breakContent: content => content.replace(/^bind_pw = .*$/m, 'bind_pw = rotated-elsewhere'),
        expect: /Invalid credentials/
    }
};

// ---------------------------------------------------------------- doveadm auth test

/**
 * dovecot.conf, the LDAP passdb files and the users passwd-file: Dovecot itself runs with them in
 * the lab (doveadm talks to its auth service), then for each company a real user logs in with the
 * model's password, a wrong password and an unknown user are refused, and the userdb knows the
 * user. dovecot gets `-o log_path=<tree>/var/log/…` only so its own error messages can be shown;
 * the generated config (syslog) is otherwise untouched.
 */
export const doveadmAuthTest: Checker = {
    name: 'doveadm auth test',
    kind: 'daemon',
    tools: ['dovecot', 'doveadm', 'ip', 'slapd', 'slapadd', 'ldapsearch'],
    claims: host => dovecotConf(host) === undefined ? [] : [dovecotConf(host)!, ...dovecotArgsFiles(host)],
    check(host, files) {
        const passdbs = files.filter(f => setting(f.content, 'hosts') !== undefined);
        const targets = unique(passdbs.map(f => ldapTarget(host, setting(read(host, f), 'hosts') ?? '')));
        const conf = treePath(host, files[0]);
        const runtime = host.profile.mail.dovecot.runtime;
        if (runtime === undefined) {
            throw new Error(`${host.host}: the profile gives Dovecot no base_dir/state_dir, so it cannot run from the tree`);
        }
        requireShortSockets(host, read(host, files[0]), runtime.baseDir);
        createProvisionedCertificates(host);
        preparePostfixDirectories(host);
        mkdirSync(path.join(host.profile.mail.postfix.queueDir, 'private'), { recursive: true });
        mkdirSync(runtime.stateDir, { recursive: true });
        const log = path.join(host.dir, 'var/log/dovecot-check.log');
        mkdirSync(path.dirname(log), { recursive: true });
        return withMailLab(host, targets, async lab => {
            await lab.start('dovecot', 'dovecot', ['-F', '-c', conf, '-o', `log_path=${log}`], async () => existsSync(`${runtime.baseDir}/auth-master`));
            const doveadm = (...args: string[]) => lab.run('doveadm', ['-c', conf, ...args]);
            const results = await Promise.all(passdbs.map(async file => {
                const company = host.tree.infra.companies.find(c => passdbArgsFile(c.name) === path.basename(file.path));
                return authFindings(host, file, company, doveadm, log, files);
            }));
            return results.flat();
        });
    },
    negativeControl: {
        // The service account's password no longer matches the directory.
        pick: file => /\/ldap-[^/]+\.conf\.ext$/.test(file.path),
        breakContent: content => content.replace(/^dnpass = .*$/m, 'dnpass = rotated-elsewhere'),
        expect: /Invalid credentials/
    }
};

/** Dovecot binds unix sockets at these paths; beyond 107 bytes (sun_path) it cannot start, whatever the config says. */
function requireShortSockets(host: HostTree, conf: string, baseDir: string): void {
    const sockets = [...conf.matchAll(/^\s*unix_listener\s+(\/\S+)\s*\{/gm)].map(m => m[1]).concat(`${baseDir}/token-login/imap-urlauth`);
    const long = sockets.filter(socket => Buffer.byteLength(socket) > 107);
    if (long.length > 0) {
        throw new Error(`${host.host}: the test root is too deep for unix sockets (over 107 bytes): ${long.join(', ')}; set COMPANYKIT_TEST_ROOT to a shorter folder`);
    }
}

type Doveadm = (...args: string[]) => Promise<{ status: number | null, output: string }>;

async function authFindings(host: HostTree, passdb: GeneratedFile, company: CompanyModel | undefined, doveadm: Doveadm, log: string, files: readonly GeneratedFile[]): Promise<Finding[]> {
    const user = company?.users.find(u => u.generatedPassword);
    if (!company || !user) {
        return [findingFrom(host, passdb, `no user with a generated password for ${passdb.path}'s company`)];
    }
    const password = fixtureSecrets(host.tree.example).password(`user:${company.name}:${user.name}`);
    const [good, wrong, unknown, userdb] = await Promise.all([
        doveadm('auth', 'test', user.email, password),
        doveadm('auth', 'test', user.email, `${password}-wrong`),
        doveadm('auth', 'test', unknownAddress(company.domain), password),
        doveadm('user', user.email)
    ]);
    const dovecotSays = (): string => logErrors(log);
    const findings: Finding[] = [];
    if (good.status !== 0 || !/auth succeeded/.test(good.output)) {
        findings.push(findingFrom(host, passdb, `doveadm auth test ${user.email} <the model's password> must succeed: exit ${good.status}: ${good.output}\n${dovecotSays()}`));
    }
    for (const [what, run] of [['a wrong password', wrong], ['an unknown user', unknown]] as const) {
        if (run.status === 0 || !/auth failed/.test(run.output)) {
            findings.push(findingFrom(host, passdb, `doveadm auth test with ${what} must fail: exit ${run.status}: ${run.output}`));
        }
    }
    const users = files.find(f => f.path.endsWith('/users')) ?? files[0];
    // The passwd-file userdb knows the user, with the quota the spec gives (if any).
    const quota = user.quotaBytes === undefined ? /^home\t/m : new RegExp(`^quota_rule\t\\*:bytes=${user.quotaBytes}$`, 'm');
    if (userdb.status !== 0 || !quota.test(userdb.output)) {
        findings.push(findingFrom(host, users, `doveadm user ${user.email}: exit ${userdb.status}: ${userdb.output}\n${dovecotSays()}`));
    }
    return findings;
}

/** Dovecot's own error lines from the check's log file. */
function logErrors(log: string): string {
    const text = existsSync(log) ? readFileSync(log, 'utf-8') : '';
    return text.split('\n').filter(line => /(Error|Fatal|Panic|Warning):/.test(line)).slice(-10).map(line => line.replace(TIMESTAMP, '')).join('\n');
}

// ---------------------------------------------------------------- spamd

/**
 * /etc/default/spamd: spamd started as spamd.service starts it (`spamd --pidfile=… $OPTIONS`,
 * OPTIONS read by sh, word-split as systemd does), in the lab so it can take port 783, with the
 * tree's config folder (--siteconfigpath, the rooted /etc/spamassassin) and its log on stderr.
 * It must answer spamc, and score GTUBE as spam against local.cf's required_score.
 */
export const spamdOptions: Checker = {
    name: 'spamd $OPTIONS',
    kind: 'daemon',
    tools: ['spamd', 'spamc', 'ip', 'dpkg-query'],
    claims: host => (spamdDefaults(host) === undefined ? [] : [spamdDefaults(host)!]),
    check(host, files) {
        const spam = host.profile.mail.spamassassin;
        const local = spamassassinLocalCf(host);
        const threshold = local && /^required_score\s+(\S+)/m.exec(read(host, local))?.[1];
        const options = runTool('sh', ['-c', '. "$1" && printf %s "$OPTIONS"', 'sh', treePath(host, files[0])]);
        if (options.status !== 0) {
            return [findingFrom(host, files[0], options)];
        }
        preparePackagedSpamAssassinFiles(host);
        mkdirSync(spam.spamdHome, { recursive: true, mode: 0o750 });
        own(spam.spamdHome, spam.spamdUser, spam.spamdUser);
        const args = [`--pidfile=${path.join(host.dir, 'run/spamd.pid')}`, ...options.stdout.split(/\s+/).filter(Boolean), `--siteconfigpath=${spam.configDir}`, '--syslog=stderr'];
        mkdirSync(path.join(host.dir, 'run'), { recursive: true });
        const gtube = path.join(host.dir, 'run/gtube.eml');
        writeFileSync(gtube, GTUBE);
        return withMailLab(host, [], async lab => {
            const spamc = (flag: string) => lab.run('sh', ['-c', 'spamc -d 127.0.0.1 -p "$1" "$2" < "$3"', 'sh', String(spam.spamdPort), flag, gtube]);
            try {
                await lab.start('spamd', 'spamd', args, async () => (await spamc('-K')).status === 0);
            } catch (error) {
                return [findingFrom(host, files[0], (error as Error).message)];
            }
            const score = await spamc('-c');
            return score.status === 1 && score.stdout.trim().endsWith(`/${threshold}`)
                ? []
                : [findingFrom(host, files[0], `spamc -c on GTUBE must say spam against required_score ${threshold}: exit ${score.status}: ${score.output}`)];
        });
    },
    negativeControl: {
        pick: file => file.path === '/etc/default/spamd',
        breakContent: content => content.replace('--nouser-config', '--nouser-confg'),
        expect: /Unknown option: nouser-confg/
    }
};

/** The standard test message every SpamAssassin scores as spam (1000 points). */
const GTUBE = 'Subject: GTUBE\nFrom: test@example.test\nTo: test@example.test\n\nXJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\n';

export const MAIL_LIVE_CHECKERS: readonly Checker[] = [postmapLdap, doveadmAuthTest, spamdOptions];
