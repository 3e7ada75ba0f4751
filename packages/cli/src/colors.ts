import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours only on a terminal, and never with --no-color or NO_COLOR. */
export function colorsFor(option: boolean, stream: NodeJS.WriteStream = process.stdout): Colors {
    const enabled = option && !!stream.isTTY && !('NO_COLOR' in process.env);
    return pc.createColors(enabled);
}
