import type { AstNodeDescription, Scope, Stream } from 'langium';
import { stream } from 'langium';

/** The names one document exports (of one reference type), as the index holds them. */
export interface DocumentNames {
    readonly uri: string;
    /** The index's array: a new one each time the document is indexed again. */
    readonly descriptions: readonly AstNodeDescription[];
}

/**
 * The names a model's references can resolve to (of one reference type), by
 * name, kept up to date from one build to the next: when a document is
 * indexed again only its own names are taken out and put back, instead of
 * filling a table with the whole model's names (10,000 sources, each edit).
 *
 * It answers as a scope built from scratch over the documents in index order
 * would: a name declared in several documents resolves to the first of them
 * (CN-NUM-003 reports the others).
 */
export class ModelNameTable {
    private documents: DocumentNames[] = [];
    private readonly byName = new Map<string, AstNodeDescription[]>();
    private readonly order = new Map<string, number>();

    /** Brings the table to the documents' current names (in index order). */
    update(current: readonly DocumentNames[]): void {
        const sameDocuments = current.length === this.documents.length && current.every((names, i) => names.uri === this.documents[i].uri);
        if (!sameDocuments) {
            this.byName.clear();
            this.order.clear();
            current.forEach((names, i) => this.order.set(names.uri, i));
            for (const names of current) for (const description of names.descriptions) this.append(description);
        } else {
            current.forEach((names, i) => {
                const before = this.documents[i].descriptions;
                if (names.descriptions === before) return;
                for (const description of before) this.remove(description);
                for (const description of names.descriptions) this.insert(description, i);
            });
        }
        this.documents = [...current];
    }

    /** The table as a scope (valid until the next update). */
    scope(): Scope {
        return {
            getElement: name => this.byName.get(name)?.[0],
            getElements: name => stream(this.byName.get(name) ?? []),
            getAllElements: (): Stream<AstNodeDescription> => stream(this.documents).flatMap(names => names.descriptions)
        };
    }

    private append(description: AstNodeDescription): void {
        const list = this.byName.get(description.name);
        if (list) list.push(description);
        else this.byName.set(description.name, [description]);
    }

    /** Puts a description of document `index` after those of the documents before it (its own come in order). */
    private insert(description: AstNodeDescription, index: number): void {
        const list = this.byName.get(description.name);
        if (!list) {
            this.byName.set(description.name, [description]);
            return;
        }
        let at = list.length;
        while (at > 0 && (this.order.get(list[at - 1].documentUri.toString()) ?? 0) > index) at--;
        list.splice(at, 0, description);
    }

    private remove(description: AstNodeDescription): void {
        const list = this.byName.get(description.name);
        if (!list) return;
        const at = list.indexOf(description);
        if (at < 0) return;
        if (list.length === 1) this.byName.delete(description.name);
        else list.splice(at, 1);
    }
}
