// What npm run test:vscode checks in the browser page itself, after the in-host suite: what a
// user sees. The webview's SVG, the broken spec's squiggles and error hover (the screenshot
// artifact), and the status bar item for a broken and a valid spec.

/** Time one named page check; a throw is its failure, as in the in-host runner. */
async function check(results, name, run) {
    const started = Date.now();
    try {
        await run();
        results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
        results.push({ name, ok: false, ms: Date.now() - started, error: error.message ?? String(error) });
    }
}

function assert(condition, message) {
    if (!condition) {
        throw new Error(message);
    }
}

/** The frame whose document holds an <svg> naming every VM; webviews are nested iframes. */
async function diagramFrame(page, vms, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let seen = [];
    while (Date.now() < deadline) {
        seen = [];
        for (const frame of page.frames()) {
            const text = await frame.evaluate(() => document.querySelector('svg')?.textContent ?? null).catch(() => null);
            if (text !== null) {
                seen.push(text.slice(0, 80));
                if (vms.every(vm => text.includes(vm))) {
                    return frame;
                }
            }
        }
        await page.waitForTimeout(250);
    }
    throw new Error(`no frame holds an SVG naming ${vms.join(', ')} (SVGs seen: ${JSON.stringify(seen)})`);
}

async function openFromExplorer(page, file) {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
    await page.locator(`.tabs-container .tab.active[data-resource-name="${file}"]`).waitFor({ timeout: 15_000 });
}

async function statusBarText(page, expected) {
    const item = page.locator('.statusbar-item', { hasText: 'CompanyKit:' }).first();
    await page.waitForFunction(
        ([want]) => [...document.querySelectorAll('.statusbar-item')].some(e => e.textContent.trim() === want),
        [expected], { timeout: 15_000 }
    ).catch(() => undefined);
    return (await item.textContent({ timeout: 5_000 }).catch(() => null))?.trim();
}

export async function pageChecks(page, suitePage, { screenshot }) {
    const results = [];
    const status = suitePage.statusBar ?? {};

    await check(results, 'page: the diagram webview shows an SVG with every VM of acme', async () => {
        assert(suitePage.diagram?.vms?.length > 0, 'the in-host suite did not open the diagram');
        const tab = page.locator('.tabs-container .tab', { hasText: suitePage.diagram.title }).first();
        await tab.waitFor({ timeout: 10_000 });
        await diagramFrame(page, suitePage.diagram.vms, 20_000);
    });

    await check(results, 'page: broken.company shows error squiggles and the error on hover', async () => {
        await openFromExplorer(page, 'broken.company');
        const squiggle = page.locator('.monaco-editor .squiggly-error').first();
        await squiggle.waitFor({ state: 'visible', timeout: 30_000 });
        // Point at it with the mouse as a user would (Playwright's hover() waits for the
        // decoration to be "stable", which an editor that keeps re-rendering never is).
        const box = await squiggle.boundingBox();
        assert(box && box.width > 0, 'the squiggle has no size');
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: 'No server hosts cyberdyne' }).first();
        await hover.waitFor({ state: 'visible', timeout: 15_000 });
        await page.screenshot({ path: screenshot });
    });

    await check(results, `page: the status bar reads "${status['broken.company']}" for broken.company`, async () => {
        assert(status['broken.company'], 'the in-host suite gave no expected status');
        const text = await statusBarText(page, status['broken.company']);
        assert(text === status['broken.company'], `status bar: ${JSON.stringify(text)}`);
    });

    await check(results, `page: the status bar reads "${status['acme.company']}" for acme.company`, async () => {
        await page.keyboard.press('Escape');
        await openFromExplorer(page, 'acme.company');
        const text = await statusBarText(page, status['acme.company']);
        assert(text === status['acme.company'], `status bar: ${JSON.stringify(text)}`);
    });

    await check(results, 'page: clicking the status bar item generates the spec again (nothing changed)', async () => {
        await page.locator('.statusbar-item', { hasText: 'CompanyKit:' }).first().click();
        const toast = page.locator('.notification-toast', { hasText: /Generated \d+ files for 10 hosts in .*\(0 written, \d+ unchanged, 0 removed\)/ }).first();
        await toast.waitFor({ state: 'visible', timeout: 30_000 });
    });
    return results;
}
