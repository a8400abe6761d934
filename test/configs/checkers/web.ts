import type { Checker } from '../support/checker.js';
import { nginxCheck, phpFpmCheck } from './web-daemons.js';
import { giteaIniCheck, giteaUnitCheck } from './web-gitea.js';
import { mariadbBootstrapCheck, mariadbdCheck } from './web-mariadb.js';
import { phpConfigKeysCheck, phpLintCheck } from './web-php.js';
import { dehydratedCheck, domainsTxtCheck, mtaStsCheck, tidyCheck, xmllintCheck } from './web-static.js';

/**
 * The web guests (proxy, website, webmail, cloud, database, git): every file their daemons read,
 * through the daemon's own test where Debian has it, else its language's parser, else a lint.
 */
export const WEB_CHECKERS: readonly Checker[] = [
    nginxCheck,
    phpFpmCheck,
    phpLintCheck,
    phpConfigKeysCheck,
    mariadbdCheck,
    mariadbBootstrapCheck,
    giteaIniCheck,
    giteaUnitCheck,
    dehydratedCheck,
    domainsTxtCheck,
    xmllintCheck,
    mtaStsCheck,
    tidyCheck
];
