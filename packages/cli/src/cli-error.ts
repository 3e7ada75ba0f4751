/** A failure the user can act on: bad usage or unreadable input. Exit code 2, one line, no stack trace. */
export class CliError extends Error {
    constructor(
        message: string,
        readonly exitCode = 2
    ) {
        super(message);
    }
}
