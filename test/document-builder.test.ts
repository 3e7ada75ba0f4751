// A request that waits for a build phase while that phase is being notified
// is answered in that build. Langium notifies a copy of the listeners and lets
// the event loop run between them; a waiter registered meanwhile was left for
// the next build, which never comes while the editor waits for the answer (the
// fuzz harness saw workspace symbols hang 60 s).
import { DocumentState, URI } from 'langium';
import { EmptyFileSystem } from 'langium';
import { expect, test } from 'vitest';
import { addBuiltinDocuments, createCnmsServices } from '@cnms/language';

test('a wait for a phase that begins while the phase is notified resolves in the same build', async () => {
    const { shared } = createCnmsServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const all = addBuiltinDocuments(factory, documents);
    const document = factory.fromString('organization acme "Acme" { period 2024 }\n', URI.parse('file:///model/org.cnms'));
    documents.addDocument(document);
    all.push(document);

    // a listener of the phase that pauses (as Langium's interruption does), during which a request comes and waits
    let waited: Promise<'resolved'> | undefined;
    builder.onBuildPhase(DocumentState.IndexedContent, async () => {
        await new Promise(resolve => setTimeout(resolve, 20));
        waited = builder.waitUntil(DocumentState.IndexedContent).then(() => 'resolved' as const);
    });
    await builder.build(all, { validation: true });
    expect(waited).toBeDefined();
    const outcome = await Promise.race([waited!, new Promise<'still waiting'>(resolve => setTimeout(() => resolve('still waiting'), 500))]);
    expect(outcome).toBe('resolved');
});
