import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLdap } from '../../src/generator/roles/ldap.js';
import { debianProfile } from '../../src/platform/debian.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { exampleRun, fileOf } from './ldap-support.js';

const SLAPD_CONF = netbsdProfile.directory.slapdConf;

/* slaptest, slapadd and a live slapd on the real Debian tree: test/configs (npm run test:configs). */

describe('ldap role on acme (one company)', async () => {
    const acme = await exampleRun('acme');
    const output = acme.render('hv1.auth', 'ldap', renderLdap);
    const conf = fileOf(output, SLAPD_CONF).content;
    const ldif = fileOf(output, '/usr/pkg/etc/openldap/companykit/acme.ldif');

    it('includes the standard schemas and loads the mdb backend', () => {
        for (const schema of ['core', 'cosine', 'inetorgperson', 'nis']) {
            expect(conf).toContain(`include /usr/pkg/etc/openldap/schema/${schema}.schema`);
        }
        expect(conf).toContain('modulepath /usr/pkg/lib/openldap\nmoduleload back_mdb\n');
        expect(conf).not.toContain('syncprov');
    });

    it('refuses anonymous binds and requires authentication', () => {
        expect(conf).toMatch(/^disallow bind_anon$/m);
        expect(conf).toMatch(/^require authc$/m);
    });

    it('writes one mdb database with the company suffix, rootdn and hashed rootpw', () => {
        expect(conf.match(/^database mdb$/gm)).toHaveLength(1);
        expect(conf).toContain('suffix "dc=acme,dc=example"');
        expect(conf).toContain('rootdn "cn=admin,dc=acme,dc=example"');
        expect(conf).toMatch(/^rootpw \{SSHA\}\S+$/m);
        expect(conf).toContain('directory /var/openldap/openldap-data/acme');
        expect(conf).not.toContain(acme.infra.companies[0].directory.adminPassword);
    });

    it('protects password hashes first, then the users', () => {
        expect(conf).toContain('access to attrs=userPassword\n    by self write\n    by anonymous auth\n    by * none');
        expect(conf.indexOf('access to attrs=userPassword')).toBeLessThan(conf.indexOf('access to dn.subtree="ou=people'));
    });

    it('keeps secret-bearing files away from other users', () => {
        expect(fileOf(output, SLAPD_CONF)).toMatchObject({ mode: 0o640, group: 'ldap' });
        expect(ldif.mode).toBe(0o600);
    });

    it('writes users, groups as lists, aliases and service accounts into the LDIF', () => {
        const text = ldif.content;
        expect(text).toContain('dn: dc=acme,dc=example\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\ndc: acme\no: ACME, Inc.');
        expect(text).toMatch(/dn: uid=alice,ou=people,dc=acme,dc=example\n(?:.+\n)*?loginShell: \/sbin\/nologin\nuserPassword: \{SSHA\}/);
        expect(text).toContain('dn: cn=staff,ou=groups,dc=acme,dc=example\nobjectClass: top\nobjectClass: groupOfNames');
        expect(text).toContain('member: uid=alice,ou=people,dc=acme,dc=example');
        expect(text).toContain('dn: mail=sales@acme.example,ou=aliases,dc=acme,dc=example\nobjectClass: top\nobjectClass: nisMailAlias');
        expect(text).toContain('rfc822MailMember: frontdesk@partner.example');
        expect(text).toContain('dn: uid=postfix,ou=system,dc=acme,dc=example\nobjectClass: top\nobjectClass: account\nobjectClass: simpleSecurityObject');
        // carol's hash is the one written in the spec
        expect(text).toContain('userPassword: {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g2bXRx');
    });

    it('loads the LDIF only into an empty database, then hands the files to slapd', () => {
        const script = output.provision ?? '';
        expect(script).toContain(`if [ -z "$('/usr/pkg/sbin/slapcat' -f '${SLAPD_CONF}' -b 'dc=acme,dc=example' -H 'ldap:///dc=acme,dc=example??base' 2>/dev/null)" ]; then`);
        expect(script).toContain(`'/usr/pkg/sbin/slapadd' -q -f '${SLAPD_CONF}' -b 'dc=acme,dc=example' -l '/usr/pkg/etc/openldap/companykit/acme.ldif'`);
        expect(script).toContain(`chown -R 'slapd:ldap' '/var/openldap/openldap-data/acme'`);
    });
});

describe('ldap role on hosting (three companies)', async () => {
    const hosting = await exampleRun('hosting');
    const output = hosting.render('shared1.auth', 'ldap', renderLdap);
    const conf = fileOf(output, SLAPD_CONF).content;

    it('writes one database and one LDIF per company', () => {
        expect(conf.match(/^database mdb$/gm)).toHaveLength(3);
        for (const suffix of ['dc=wayne,dc=example', 'dc=globex,dc=example', 'dc=initech,dc=example,dc=org']) {
            expect(conf).toContain(`suffix "${suffix}"`);
        }
        expect(output.files.filter(f => f.path.endsWith('.ldif')).map(f => path.basename(f.path)).sort())
            .toEqual(['globex.ldif', 'initech.ldif', 'wayne.ldif']);
    });

    it('gives each company its own directory on disk', () => {
        for (const name of ['wayne', 'globex', 'initech']) {
            expect(conf).toContain(`directory /var/openldap/openldap-data/${name}\n`);
        }
    });
});

describe('ldap replication (two-servers)', async () => {
    const two = await exampleRun('two-servers');
    const provider = two.render('north.auth', 'ldap', renderLdap);
    const replica = two.render('south.auth2', 'ldap', renderLdap);
    const providerConf = fileOf(provider, SLAPD_CONF).content;
    const replicaConf = fileOf(replica, SLAPD_CONF).content;

    it('runs syncprov on the provider and adds the replication account with read access', () => {
        expect(providerConf).toContain('moduleload syncprov');
        expect(providerConf).toContain('overlay syncprov');
        expect(providerConf).toContain('by dn.exact="uid=replication,ou=system,dc=umbrella,dc=example" read');
        expect(fileOf(provider, '/usr/pkg/etc/openldap/companykit/umbrella.ldif').content)
            .toContain('dn: uid=replication,ou=system,dc=umbrella,dc=example');
    });

    it('makes the replica a read-only consumer of the provider through its public address', () => {
        expect(replicaConf).toContain('syncrepl rid=001\n    provider=ldap://192.0.2.10/');
        expect(replicaConf).toContain('binddn="uid=replication,ou=system,dc=umbrella,dc=example"');
        expect(replicaConf).toContain(`credentials=${two.secrets.password('ldap-replication:umbrella')}`);
        expect(replicaConf).toContain('updateref ldap://192.0.2.10/');
        expect(replica.files.some(f => f.path.endsWith('.ldif'))).toBe(false);
        expect(replica.provision).not.toContain('slapadd');
    });
});

describe('ldap role on debian', async () => {
    const acme = await exampleRun('acme');
    const output = acme.render('hv1.auth', 'ldap', renderLdap, debianProfile);

    it('points the init script at slapd.conf, so the package\'s slapd.d (cn=config) cannot win', () => {
        const defaults = fileOf(output, '/etc/default/slapd');
        expect(defaults.content).toContain("SLAPD_CONF='/etc/ldap/slapd.conf'\nSLAPD_USER='openldap'\nSLAPD_GROUP='openldap'\n");
        expect(defaults.mode).toBe(0o644);
        expect(fileOf(output, '/etc/ldap/slapd.conf').content).toContain('pidfile /var/run/slapd/slapd.pid\n');
    });

    it('writes no such file on NetBSD, where rc.d/slapd reads slapd.conf', () => {
        expect(acme.render('hv1.auth', 'ldap', renderLdap, netbsdProfile).files.map(f => f.path)).not.toContain('/etc/default/slapd');
    });
});
