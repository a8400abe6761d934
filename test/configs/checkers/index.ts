import type { Checker } from '../support/checker.js';
import { DIRECTORY_DNS_CHECKERS } from './directory-dns.js';
import { MAIL_CHECKERS } from './mail.js';
import { hoconParse, luacSyntax, nodeCheck, prosodyctlCheck } from './meet.js';
import { npfLint } from './npf.js';
import { dashSyntax, shellcheck } from './shell.js';
import { bridgeLint, hostsLookup, resolvConfLint } from './system-files.js';
import { WEB_CHECKERS } from './web.js';

/** Every checker, in the order the summary prints them. Each area's module adds its own. */
export const CHECKERS: readonly Checker[] = [
    ...DIRECTORY_DNS_CHECKERS,
    ...MAIL_CHECKERS,
    ...WEB_CHECKERS,
    prosodyctlCheck, luacSyntax, nodeCheck, hoconParse,
    dashSyntax, shellcheck,
    npfLint, bridgeLint,
    hostsLookup, resolvConfLint,
];
