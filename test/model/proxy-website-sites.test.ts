import { describe, expect, it } from 'vitest';
import { websiteSites } from '../../src/model/virtual-hosts.js';
import { resolveExample } from '../support/generation.js';

describe('website sites', async () => {
    const acme = await resolveExample('acme');
    const hosting = await resolveExample('hosting');

    it('answers the bare domain and the website name', () => {
        const [site] = websiteSites(acme.companies);
        expect(site!.serverNames).toEqual(['acme.example', 'www.acme.example']);
        expect(site!.title).toBe('ACME, Inc.');
        expect(site!.showDisplayName).toBe(false);
        expect(site!.language).toBe('en-US');
        expect(site!.mailHost).toBe('mail.acme.example');
    });

    it('links every other public web service of the company', () => {
        const [site] = websiteSites(acme.companies);
        expect(site!.links.map(l => l.url)).toEqual([
            'https://webmail.acme.example/', 'https://cloud.acme.example/', 'https://git.acme.example/', 'https://meet.acme.example/'
        ]);
        expect(site!.links[0]!.label).toBe('ACME, Inc. Webmail');
    });

    it('skips companies of a shared website role without the website service', () => {
        expect(websiteSites(hosting.companies).map(s => s.company)).toEqual(['wayne', 'globex']);
        const globex = websiteSites(hosting.companies)[1]!;
        expect(globex.links.map(l => l.label)).toEqual(['Globex Corporation Webmail', 'Git', 'Meet']);
    });

    it('shows the company name under a title that differs from it', () => {
        const wayne = hosting.companies[0]!;
        const custom = { ...wayne, services: { ...wayne.services, website: { ...wayne.services.website!, title: 'Welcome' } } };
        const [site] = websiteSites([custom]);
        expect(site!.showDisplayName).toBe(true);
        expect(site!.displayName).toBe('Wayne Enterprises');
    });
});
