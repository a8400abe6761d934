import { test } from 'vitest';
import { CompanyDsl } from './support/services.js';
import { parseDocument } from 'langium/test';
import { AstUtils, GrammarAST } from 'langium';
import { DefaultCompletionProvider } from 'langium/lsp';
class P extends DefaultCompletionProvider {
  log: string[] = [];
  protected override completionFor(context: any, next: any, acceptor: any) {
    const f = next.feature; const rule = AstUtils.getContainerOfType(f, GrammarAST.isParserRule)?.name;
    this.log.push(`${f.$type}:${GrammarAST.isKeyword(f) ? f.value : ''}@${rule} prop=${next.property} type=${next.type} node=${context.node?.$type}`);
    return super.completionFor(context, next, acceptor);
  }
}
async function complete(text: string) {
    const offset = text.indexOf('|'); const t = text.replace('|', '');
    const doc = await parseDocument(CompanyDsl, t);
    const p = new P(CompanyDsl as any);
    await p.getCompletion(doc, { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) });
    return [...new Set(p.log.filter(l => !/@Label /.test(l)))].join('\n   ') + '\n   Label kws: ' + p.log.filter(l => /@Label /.test(l)).length;
}
test('probe', async () => {
    for (const t of ['company a { user | }', 'server s { vm x { runs | } }', 'company a { cloud { | } }', 'company a { cloud { quota 10 | } }', 'company a { cloud { quota 10 GB | } }', 'company a { git { registration | } }',
      'server s { vm x { memory 512 | } }', 'company a { timezone | }', 'company a { timezone Europe/| }', 'company a { services cloud, | }'])
    console.log(t, '\n   ' + await complete(t));
});
