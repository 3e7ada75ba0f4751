import type { AstNode, AstNodeDescription, DocumentSegment, LangiumDocument, NameProvider, URI } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider } from 'langium';

/**
 * The descriptions of named declarations (the scopes, the index's exports),
 * whose segments are computed when first read. Langium's computes the whole
 * declaration's segment at once, for every declaration, though nothing reads
 * it; its range fills Langium's range cache in every syntax-tree node along
 * the declaration's first and last tokens (a pasted file of lets: 22 nodes a
 * let, 1.4 kB of the 16 kB a let kept, docs/limits.md).
 */
export class CnmsAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const path = this.astNodeLocator.getAstNodePath(node);
        const named = name ?? this.nameProvider.getName(node);
        if (!named) throw new Error(`Node at path ${path} has no name.`);
        return new LazyDescription(node, named, (document ?? AstUtils.getDocument(node)).uri, path, this.nameProvider);
    }
}

/** A declaration's description, its name's and its whole segment computed once, when read. */
class LazyDescription implements AstNodeDescription {
    readonly type: string;
    private nameSegmentRead?: DocumentSegment;
    private selectionSegmentRead?: DocumentSegment;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        readonly path: string,
        private readonly names: NameProvider
    ) {
        this.type = node.$type;
    }

    get nameSegment(): DocumentSegment | undefined {
        return (this.nameSegmentRead ??= CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode));
    }

    get selectionSegment(): DocumentSegment | undefined {
        return (this.selectionSegmentRead ??= CstUtils.toDocumentSegment(this.node.$cstNode));
    }
}
