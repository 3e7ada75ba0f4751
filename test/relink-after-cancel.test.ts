// A file linked in a build that a newer edit cancelled before its references
// were indexed is linked again when a file it refers to is parsed again.
// Langium's reference index does not know such a file's references and said
// it was unaffected, so it kept pointing at the nodes of the old parse: after
// the fuzz harness (issue 10) restored the steel example, its controls'
// `applies-to` named sources of an old parse, and CN-8.1-001 said that no
// control applied to the largest sources.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Cancellation, DocumentState, isOperationCancelled, URI } from 'langium';
import { afterAll, expect, test } from 'vitest';
import { isControl, isSource, type CnmsFile } from '@cnms/language';
import { steelWorkspace } from './helpers/steel-workspace.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

test('a file linked in a cancelled build is linked again when a file it refers to is parsed again', async () => {
    const { dir, paths, documents: all, shared } = steelWorkspace('cnms-relink-');
    dirs.push(dir);
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    await builder.build(all, { validation: true });
    const organization = documents.getDocument(URI.file(paths[0]))!;
    const works = documents.getDocument(URI.file(paths[3]))!;
    const control = () => (organization.parseResult.value as CnmsFile).elements.filter(isControl).find(c => c.name === 'bf_fuel_rate')!;
    const pciCoal = () => (works.parseResult.value as CnmsFile).elements.filter(isSource).find(s => s.name === 'pci_coal')!;
    expect(control().appliesTo.map(ref => ref.ref)).toContain(pciCoal());

    // the organisation's file is edited, and a newer edit cancels its build once it is linked
    writeFileSync(paths[0], `${readFileSync(paths[0], 'utf8')}// edited\n`);
    const cancel = new Cancellation.CancellationTokenSource();
    const listener = builder.onBuildPhase(DocumentState.Linked, () => cancel.cancel());
    const cancelled = await builder.update([URI.file(paths[0])], [], cancel.token).then(
        () => 'completed',
        error => (isOperationCancelled(error) ? 'cancelled' : error)
    );
    listener.dispose();
    expect(cancelled).toBe('cancelled');
    expect(organization.state).toBe(DocumentState.Linked);

    // the newer edit: the file of the sources, parsed again
    writeFileSync(paths[3], `${readFileSync(paths[3], 'utf8')}// edited\n`);
    await builder.update([URI.file(paths[3])], []);
    expect(organization.state).toBe(DocumentState.Validated);
    expect(control().appliesTo.map(ref => ref.ref)).toContain(pciCoal());
});
