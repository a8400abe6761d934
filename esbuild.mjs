// Bundles the extension, the language server and the CLI into self-contained CommonJS files.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');

// Langium 4 (through chevrotain) calls Object.groupBy, which Node only has from 22 on. Desktop
// VS Code and our Node 24 have it; the polyfill keeps the CLI usable on an older system Node.
const groupByPolyfill = `if (!Object.groupBy) { Object.groupBy = function (items, key) {
  const out = Object.create(null); let i = 0;
  for (const item of items) { const k = key(item, i++); (out[k] ||= []).push(item); }
  return out; }; }`;

// The bundles are CommonJS, where import.meta is empty: templates.ts finds templates/ from import.meta.url.
const importMetaUrl = `var __importMetaUrl = require('url').pathToFileURL(__filename).href;`;

// The CLI's --version comes from package.json, fixed at build time.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf-8'));

const ctx = await esbuild.context({
    entryPoints: {
        'extension/main': 'src/extension/main.ts',
        'language/main': 'src/language/main.ts',
        'cli/main': 'src/cli/main.ts'
    },
    outdir: 'out',
    bundle: true,
    target: 'node20',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    loader: { '.ts': 'ts' },
    external: ['vscode'],
    platform: 'node',
    sourcemap: true,
    banner: { js: `${groupByPolyfill}\n${importMetaUrl}` },
    define: { COMPANYKIT_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
    logLevel: 'warning'
});

if (watch) {
    await ctx.watch();
} else {
    await ctx.rebuild();
    await ctx.dispose();
}
