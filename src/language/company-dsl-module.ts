import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { CompanyDslGeneratedModule, CompanyDslGeneratedSharedModule } from './generated/module.js';
import { CompanyScopeComputation } from './references/company-scope-computation.js';
import { CompanyLinker } from './references/company-linker.js';
import { CompanySyntaxErrorMessages } from './parser/syntax-error-messages.js';
import { CompanyLexerErrorMessages } from './parser/lexer-error-messages.js';
import { registerValidationChecks } from './validation/register-checks.js';
import { CompanyHoverProvider } from './lsp/hover-provider.js';
import { CompanyCompletionProvider } from './lsp/completion-provider.js';
import { CompanyFormatter } from './lsp/formatter.js';
import { CompanyRenameProvider } from './lsp/rename-provider.js';
import { CompanyDocumentSymbolProvider } from './lsp/document-symbol-provider.js';
import { CompanyCodeActionProvider } from './lsp/code-action-provider.js';
import { CompanyDocumentBuilder } from './workspace/company-document-builder.js';

/** Services added by CompanyKit on top of Langium's defaults (none yet beyond overrides). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type CompanyDslAddedServices = {};

export type CompanyDslServices = LangiumServices & CompanyDslAddedServices;

/** Our overrides of Langium's default services, one concern per file. */
export const CompanyDslModule: Module<CompanyDslServices, PartialLangiumServices & CompanyDslAddedServices> = {
    parser: {
        ParserErrorMessageProvider: () => new CompanySyntaxErrorMessages(),
        LexerErrorMessageProvider: () => new CompanyLexerErrorMessages()
    },
    references: {
        ScopeComputation: (services) => new CompanyScopeComputation(services),
        Linker: (services) => new CompanyLinker(services)
    },
    lsp: {
        HoverProvider: (services) => new CompanyHoverProvider(services),
        CompletionProvider: (services) => new CompanyCompletionProvider(services),
        Formatter: () => new CompanyFormatter(),
        RenameProvider: (services) => new CompanyRenameProvider(services),
        DocumentSymbolProvider: (services) => new CompanyDocumentSymbolProvider(services),
        CodeActionProvider: (services) => new CompanyCodeActionProvider(services)
    }
};

/** Our overrides of Langium's shared services: the builder re-validates files that share a name with an edited one. */
export const CompanyDslSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new CompanyDocumentBuilder(services)
    }
};

/**
 * Create the shared and language services. `context.fileSystemProvider` decides where
 * documents come from: the node file system in the server and CLI, an empty one in tests.
 */
export function createCompanyDslServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices,
    CompanyDsl: CompanyDslServices
} {
    const shared = inject(
        createDefaultSharedModule(context),
        CompanyDslGeneratedSharedModule,
        CompanyDslSharedModule
    );
    const CompanyDsl = inject(
        createDefaultModule({ shared }),
        CompanyDslGeneratedModule,
        CompanyDslModule
    );
    shared.ServiceRegistry.register(CompanyDsl);
    registerValidationChecks(CompanyDsl);
    if (!context.connection) {
        // No language server: build the configuration up front, as the CLI and tests need it.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, CompanyDsl };
}
