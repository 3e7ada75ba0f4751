import { Command, CommanderError, Option } from 'commander';
import { CliError } from './cli-error.js';
import { colorsFor } from './colors.js';
import { resolveLocale } from './locale.js';
import { CLI_VERSION } from './version.js';

interface CommonOptions {
    lang?: string;
    color: boolean;
    quiet?: boolean;
    format: string;
}

/**
 * A command's code, loaded when the command runs: `cnms --version` and
 * `--help` never load the language, the report renderers or git. The polyfill
 * Langium needs on Node 20 comes first.
 */
async function load<T>(command: () => Promise<T>): Promise<T> {
    await import('@cnms/language/polyfills');
    return command();
}

/**
 * Runs `cnms` and returns its exit code: 0 success, 1 the model has errors,
 * 2 bad usage, unreadable input or an internal failure (one line; the stack
 * trace only with CNMS_DEBUG=1).
 */
export async function main(argv: readonly string[]): Promise<number> {
    // `cnms report … | head`: a reader that stops early is not an error
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
    });
    const write = (text: string) => process.stdout.write(text);
    let exitCode = 0;
    const program = new Command('cnms')
        .description('CNMS: a carbon-neutrality management system kept as code')
        .version(CLI_VERSION)
        .exitOverride()
        .configureOutput({ writeErr: text => process.stderr.write(text) })
        .showSuggestionAfterError();

    const common = (command: Command) =>
        command
            .addOption(new Option('--lang <lang>', 'language of messages: en or zh-CN (default: from the locale)'))
            .option('--no-color', 'no colours in the output')
            .option('--quiet', 'validate: print only errors; balance: no hint about diagnostics');

    common(
        program
            .command('validate')
            .description('parse, link and check models; print diagnostics with file:line:col, rule and clause')
            .argument('[paths...]', 'model folders or .cnms files', [])
            .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    ).action(async (paths: string[], options: CommonOptions) => {
        const { validate } = await load(() => import('./commands/validate.js'));
        exitCode = await validate(
            paths,
            {
                format: options.format,
                locale: resolveLocale(options.lang),
                colors: colorsFor(options.color),
                quiet: !!options.quiet
            },
            write
        );
    });

    common(
        program
            .command('balance')
            .description('the net balance of the reporting period: emissions − removals − offsets')
            .argument('[path]', 'a model folder, or a file or folder inside one')
            .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    ).action(async (path: string | undefined, options: CommonOptions) => {
        const { balance } = await load(() => import('./commands/balance.js'));
        exitCode = await balance(path, { format: options.format, locale: resolveLocale(options.lang), colors: colorsFor(options.color), quiet: !!options.quiet }, write);
    });

    common(
        program
            .command('report')
            .description('the carbon-neutrality report, with the figures of cnms balance')
            .argument('[path]', 'a model folder, or a file or folder inside one')
            .addOption(new Option('--format <format>', 'report format').choices(['md', 'html', 'json', 'csv', 'xlsx']).makeOptionMandatory())
            .option('-o, --output <file>', 'write to this file instead of standard output')
            .option('--timestamp', 'state the time of generation (otherwise two runs on one commit are byte-identical)')
    ).action(async (path: string | undefined, options: CommonOptions & { output?: string; timestamp?: boolean }) => {
        const { report } = await load(() => import('./commands/report.js'));
        exitCode = await report(path, { format: options.format, output: options.output, locale: resolveLocale(options.lang), timestamp: !!options.timestamp }, write);
    });

    common(
        program
            .command('cbam')
            .description("the EU CBAM installation operator's communication: the embedded emissions of each good (docs/cbam.md)")
            .argument('[path]', 'a model folder, or a file or folder inside one')
            .addOption(new Option('--format <format>', 'output format').choices(['xlsx', 'json']).default('xlsx'))
            .option('-o, --output <file>', 'write to this file (an xlsx always needs it)')
            .option('--installation <name>', 'the installation, when the model has several')
    ).action(async (path: string | undefined, options: CommonOptions & { output?: string; installation?: string }) => {
        const { cbam } = await load(() => import('./commands/cbam.js'));
        exitCode = await cbam(path, { format: options.format, output: options.output, installation: options.installation, locale: resolveLocale(options.lang) }, write);
    });

    common(
        program
            .command('diff')
            .description('what changed in the model between two git revisions (REV2 defaults to the working tree)')
            .argument('<rev>', 'the earlier revision')
            .argument('[rev2-or-path...]', 'the later revision and/or a model folder')
            .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
            .option('--fail-on-increase <amount>', 'exit 1 when the net rises by more than this (e.g. 500 tCO2e)')
    ).action(async (rev: string, rest: string[], options: CommonOptions & { failOnIncrease?: string }) => {
        if (rest.length > 2) throw new CliError('diff takes REV [REV2] [PATH]');
        const { diff } = await load(() => import('./commands/diff.js'));
        exitCode = await diff([rev, ...rest], { format: options.format, locale: resolveLocale(options.lang), colors: colorsFor(options.color), failOnIncrease: options.failOnIncrease }, write);
    });

    common(
        program
            .command('plan')
            .description('projected emissions year by year under the planned reductions, against each target')
            .argument('[path]', 'a model folder, or a file or folder inside one')
            .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    ).action(async (path: string | undefined, options: CommonOptions) => {
        const { plan } = await load(() => import('./commands/plan.js'));
        exitCode = await plan(path, { format: options.format, locale: resolveLocale(options.lang), colors: colorsFor(options.color) }, write);
    });

    common(
        program
            .command('factors')
            .description('the built-in emission factors, with their values and provenance')
            .option('--search <word>', 'only the factors whose name, title, source, region or gases contain this word')
            .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    ).action(async (options: CommonOptions & { search?: string }) => {
        const { factors } = await load(() => import('./commands/factors.js'));
        exitCode = await factors({ format: options.format, search: options.search, locale: resolveLocale(options.lang), colors: colorsFor(options.color) }, write);
    });

    common(
        program
            .command('lock')
            .description('record the built-in factors the model uses in its cnms.lock; with a lock, show which figures a changed library changes')
            .argument('[path]', 'a model folder, or a file or folder inside one')
            .option('--update', 'rewrite cnms.lock as the library stands')
    ).action(async (path: string | undefined, options: CommonOptions & { update?: boolean }) => {
        const { lock } = await load(() => import('./commands/lock.js'));
        exitCode = await lock(path, { update: !!options.update, locale: resolveLocale(options.lang), colors: colorsFor(options.color) }, write);
    });

    common(
        program
            .command('format')
            .description('rewrite files in the canonical layout (comments kept); --check only lists what would change')
            .argument('[paths...]', 'model folders or .cnms files', [])
            .option('--check', 'change nothing; exit 1 if any file is not formatted')
    ).action(async (paths: string[], options: CommonOptions & { check?: boolean }) => {
        const { format } = await load(() => import('./commands/format.js'));
        exitCode = await format(paths, { check: !!options.check, colors: colorsFor(options.color), quiet: !!options.quiet, locale: resolveLocale(options.lang) }, write);
    });

    common(
        program
            .command('init')
            .description('a new model with one element of every kind the standard requires, as placeholders')
            .argument('[dir]', 'the folder of the new model (default: here)')
            .addOption(
                new Option('--year <year>', 'the reporting year (default: last year)').argParser(value => {
                    if (!/^\d{4}$/.test(value)) throw new CliError(`--year takes a year such as 2024, not '${value}'`);
                    return Number(value);
                })
            )
    ).action(async (dir: string | undefined, options: CommonOptions & { year?: number }) => {
        const { init } = await load(() => import('./commands/init.js'));
        exitCode = init(dir, { colors: colorsFor(options.color), quiet: !!options.quiet, year: options.year, locale: resolveLocale(options.lang) }, write);
    });

    try {
        await program.parseAsync([...argv]);
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof CliError) {
            process.stderr.write(`cnms: ${error.message}\n`);
            return error.exitCode;
        }
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`cnms: internal error: ${message}\n`);
        if (process.env.CNMS_DEBUG === '1' && error instanceof Error && error.stack) {
            process.stderr.write(`${error.stack}\n`);
        } else {
            process.stderr.write('cnms: run again with CNMS_DEBUG=1 for the stack trace\n');
        }
        return 2;
    }
}
