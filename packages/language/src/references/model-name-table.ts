import type { AstNodeDescription, Scope, Stream } from 'langium';
import { stream } from 'langium';

/** The named items of one document (exported names, declarations), as an array that is replaced when the document changes. */
export interface DocumentItems<T> {
    readonly uri: string;
    readonly items: readonly T[];
}

/**
 * A model's named items by name, kept up to date from one build to the next:
 * when a document changes only its own items are taken out and put back,
 * instead of filling a table with the whole model's names (10,000 sources)
 * on every keystroke.
 *
 * It answers as a table built from scratch over the documents in order
 * would: the items of a name come in document order, then in their order
 * within the document.
 */
export class ModelNameTable<T> {
    private documents: Array<DocumentItems<T>> = [];
    private readonly byName = new Map<string, T[]>();
    private readonly order = new Map<string, number>();
    private readonly shared = new Set<string>();

    constructor(
        private readonly nameOf: (item: T) => string,
        private readonly uriOf: (item: T) => string
    ) {}

    /** Brings the table to the documents' current items (in document order). */
    update(current: ReadonlyArray<DocumentItems<T>>): void {
        if (!this.hasDocuments(current)) {
            this.byName.clear();
            this.shared.clear();
            this.order.clear();
            current.forEach((names, i) => this.order.set(names.uri, i));
            for (const names of current) for (const item of names.items) this.insert(item, this.order.get(names.uri)!);
        } else {
            current.forEach((names, i) => {
                const before = this.documents[i].items;
                if (names.items === before) return;
                for (const item of before) this.remove(item);
                for (const item of names.items) this.insert(item, i);
            });
        }
        this.documents = [...current];
    }

    /** Whether the table holds the documents' current items (an update would change nothing). */
    isCurrent(current: ReadonlyArray<DocumentItems<T>>): boolean {
        return this.hasDocuments(current) && current.every((names, i) => names.items === this.documents[i].items);
    }

    /** Whether the table is of the same documents, in the same order. */
    private hasDocuments(current: ReadonlyArray<DocumentItems<T>>): boolean {
        return current.length === this.documents.length && current.every((names, i) => names.uri === this.documents[i].uri);
    }

    /** The first item of a name. */
    first(name: string): T | undefined {
        return this.byName.get(name)?.[0];
    }

    /** Every item of a name, in order. */
    all(name: string): readonly T[] {
        return this.byName.get(name) ?? [];
    }

    /** Every item, document by document. */
    items(): Stream<T> {
        return stream(this.documents).flatMap(names => names.items);
    }

    /** The names that more than one item has. */
    sharedNames(): ReadonlySet<string> {
        return this.shared;
    }

    /** Puts an item of document `index` after those of the documents up to it (a document's own come in order). */
    private insert(item: T, index: number): void {
        const name = this.nameOf(item);
        const list = this.byName.get(name);
        if (!list) {
            this.byName.set(name, [item]);
            return;
        }
        let at = list.length;
        while (at > 0 && (this.order.get(this.uriOf(list[at - 1])) ?? 0) > index) at--;
        list.splice(at, 0, item);
        this.shared.add(name);
    }

    private remove(item: T): void {
        const name = this.nameOf(item);
        const list = this.byName.get(name);
        if (!list) return;
        const at = list.indexOf(item);
        if (at < 0) return;
        if (list.length === 1) this.byName.delete(name);
        else list.splice(at, 1);
        if (list.length <= 1) this.shared.delete(name);
    }
}

/** A table of exported names as a scope (valid until the table's next update). */
export function tableScope(table: ModelNameTable<AstNodeDescription>): Scope {
    return {
        getElement: name => table.first(name),
        getElements: name => stream(table.all(name)),
        getAllElements: () => table.items()
    };
}
