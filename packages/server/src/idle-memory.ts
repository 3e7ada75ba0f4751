// Gives memory back when the server is idle. V8 grows its heap while a model
// is edited (each keystroke parses a file anew) and collects the old trees
// lazily; on a group-sized model that slack reached 2–3 × the memory of the
// first build. A full collection a moment after the last build has finished
// (never while one runs: a new edit resets the timer) brings the server back
// to what its model needs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CnmsServices } from '@cnms/language';

const IDLE_MS = 1500;

export function collectWhenIdle(shared: LangiumSharedServices, Cnms: CnmsServices): void {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as (() => void) | undefined;
    if (typeof collect !== 'function') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
            timer = undefined;
            collect();
        }, IDLE_MS);
        timer.unref();
    };
    shared.workspace.DocumentBuilder.onUpdate(() => {
        if (timer) clearTimeout(timer);
        timer = undefined;
    });
    Cnms.validation.ModelValidation.onModelsValidated(later);
}
