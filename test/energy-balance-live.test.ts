// The energy balance of a process (CN-CBAM-007, docs/cbam.md) in the editor:
// the electricity it counts is the activity of a source declared in another
// file, so an edit of that source must re-check the balance (the live
// pipeline memoises figures per declaration, docs/live-pipeline.md).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempModel } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const ORGANIZATION = `organization acme "Acme Steel" { period 2025 ms-scope "Rolling" }
site plant { location "Tangshan, Hebei" }
installation works "Rolling works" at plant { country "CN" city "Tangshan" }
`;
const POWER = (mwh: string) => `source mill_power at plant { category 2 activity ${mwh} MWh factor 0.6 tCO2/MWh }\n`;
// in: 1,000,000 GJ + 100,000 MWh (360,000 GJ) = 1,360,000 GJ; out: 1,360,000 GJ: closed
const PROCESS = `source furnace at plant { category 1 emissions 50_000 tCO2 }
process rolling in works {
    sources furnace, mill_power
    energy-in 1_000_000 GJ
    energy-out 1_360_000 GJ
    good hrc { quantity 800_000 t }
}
`;

describe('the energy balance in the editor', () => {
    let session: LspSession;
    let processUri: string;
    let powerUri: string;

    beforeAll(async () => {
        const dir = tempModel({ 'org.cnms': ORGANIZATION, 'power.cnms': POWER('100_000'), 'process.cnms': PROCESS });
        processUri = fileUri(join(dir, 'process.cnms'));
        powerUri = fileUri(join(dir, 'power.cnms'));
        session = await startServer(dir);
        await session.open(processUri, PROCESS);
        await session.open(powerUri, POWER('100_000'));
        await session.waitForDiagnostics(processUri);
    });
    afterAll(async () => session?.close());

    test('closed at first; an edit of the electricity source in another file opens it, by exactly 36,000 GJ', async () => {
        expect((session.diagnostics.get(processUri) ?? []).filter(d => d.code === 'CN-CBAM-007')).toEqual([]);
        // 110,000 MWh = 396,000 GJ: in 1,396,000 GJ, out 1,360,000 GJ, a gap of 36,000 GJ beyond 0 %
        await session.change(powerUri, POWER('110_000'), 2);
        const published = await session.waitForDiagnostics(processUri, diagnostics => diagnostics.some(d => d.code === 'CN-CBAM-007'));
        expect(published.filter(d => d.code === 'CN-CBAM-007').map(d => d.message)).toEqual([
            'The energy balance of process rolling does not close: 1,000,000.000 GJ in + 0.000 GJ heat in + 396,000.000 GJ electricity − 1,360,000.000 GJ out − 0.000 GJ heat out = 36,000.000 GJ, beyond 0.000 % of the energy in (1,396,000.000 GJ).'
        ]);
        // and back: closed again
        await session.change(powerUri, POWER('100_000'), 3);
        const closed = await session.waitForDiagnostics(processUri, diagnostics => !diagnostics.some(d => d.code === 'CN-CBAM-007'));
        expect(closed.filter(d => d.code === 'CN-CBAM-007')).toEqual([]);
    });
});
