import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = /^content-length$/i;
/** A header block that never ends is not a header: past this many bytes it is dropped as garbage. */
const MAX_HEADER_BYTES = 8 * 1024;

/**
 * The client's byte stream (stdin) passed on frame by frame, with every frame
 * whose header is malformed (no Content-Length, one that is not a whole
 * decimal number, a header line without `:`) dropped and the stream
 * resynchronised at the next `Content-Length:`. vscode-jsonrpc's reader stops
 * at such a frame and never reads another message: the server stays alive but
 * deaf. Each dropped frame is said on stderr (`report`).
 */
export class FramedInput extends Transform {
    private buffer: Buffer = Buffer.alloc(0);
    /** Bytes of the body of the current frame still to pass on. */
    private bodyLeft = 0;

    constructor(private readonly report: (message: string) => void) {
        super();
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
        this.pump();
        done();
    }

    private pump(): void {
        for (;;) {
            if (this.bodyLeft > 0) {
                const take = Math.min(this.bodyLeft, this.buffer.length);
                if (take === 0) return;
                this.push(this.buffer.subarray(0, take));
                this.buffer = this.buffer.subarray(take);
                this.bodyLeft -= take;
                continue;
            }
            if (this.buffer.length === 0) return;
            const end = this.buffer.indexOf(HEADER_END);
            if (end < 0) {
                if (this.buffer.length > MAX_HEADER_BYTES) this.dropFrame('a header longer than 8 KiB');
                return;
            }
            const header = this.buffer.subarray(0, end).toString('ascii');
            const length = contentLength(header);
            if (typeof length === 'string') {
                this.dropFrame(length);
                continue;
            }
            this.push(this.buffer.subarray(0, end + HEADER_END.length));
            this.buffer = this.buffer.subarray(end + HEADER_END.length);
            this.bodyLeft = length;
        }
    }

    /** Drops the malformed frame: everything up to the next `Content-Length:` after its start. */
    private dropFrame(reason: string): void {
        const next = nextHeaderStart(this.buffer, 1);
        this.report(`cnms language server: dropped a malformed message frame (${reason}); reading on from the next Content-Length header.`);
        this.buffer = next < 0 ? Buffer.alloc(0) : this.buffer.subarray(next);
        // (with no next header yet, what follows is read as a new header when it comes)
    }
}

/** The body length a header block announces, or why the block is malformed. */
function contentLength(header: string): number | string {
    let length: number | undefined;
    for (const line of header.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) return 'a header line without a name and a colon';
        if (!CONTENT_LENGTH.test(line.slice(0, colon).trim())) continue;
        const value = line.slice(colon + 1).trim();
        if (!/^[0-9]{1,10}$/.test(value) || Number(value) > 2 ** 31) return 'a Content-Length that is not a whole number of bytes';
        length = Number(value);
    }
    return length ?? 'no Content-Length';
}

/** Where the next `Content-Length:` (any case) starts at or after `from`, or -1. */
function nextHeaderStart(buffer: Buffer, from: number): number {
    const text = buffer.toString('latin1');
    const match = /content-length:/gi;
    match.lastIndex = from;
    return match.exec(text)?.index ?? -1;
}
