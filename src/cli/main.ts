import * as v8 from 'node:v8';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runCheck, type CheckOptions } from './commands/check';
import { runCrosscheck, type CrosscheckOptions } from './commands/crosscheck';
import { EXIT } from './exitCodes';
import { InputError } from './files';
import { relaunchWithLargerHeap } from './heapLimit';

function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('crime-annotator')
    .description('Annotates police press releases: figures, organisations and legal terms, cross-checked across sources.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : EXIT.input);
    });

  const format = (choices: string[]) =>
    new Option('-f, --format <format>', 'output format (ndjson: one JSON object a line, streamed)').choices(choices).default('text');
  const corpusOptions = (command: Command) =>
    command
      .addOption(
        new Option(
          '--lexicon <file>',
          "a lexicon file (JSON) that extends the built-in one, for every folder (default: each folder's .crime-annotator/lexicon.json)",
        ),
      )
      .addOption(new Option('--cache <dir>', 'keep per-document results in <dir>, keyed by content and engine, so a re-run analyses only changed documents'))
      .addOption(new Option('--threads <n>', 'worker threads that analyse documents (default: one per core)').argParser(positiveInteger))
      .addOption(new Option('--max-file-size <bytes>', 'refuse documents larger than this (default 5242880, as the editor)').argParser(positiveInteger));

  corpusOptions(
    program
      .command('check')
      .description('annotate documents and print their figures, organisations and legal terms')
      .argument('<paths...>', 'files or folders (.crime, .txt, .md; *.reference.csv|json as reference tables)')
      .addOption(format(['text', 'json', 'ndjson'])),
  ).action(async (paths: string[], opts: CheckOptions) => {
    process.exitCode = await guard(() => runCheck(paths, opts));
  });

  corpusOptions(
    program
      .command('crosscheck')
      .description('report conflicts between sources and arithmetic checks that fail, with file:line locations; exit 1 on a conflict')
      .argument('<paths...>', 'files or folders (.crime, .txt, .md; *.reference.csv|json as reference tables)')
      .addOption(format(['text', 'json', 'csv', 'ndjson'])),
  ).action(async (paths: string[], opts: CrosscheckOptions) => {
    process.exitCode = await guard(() => runCrosscheck(paths, opts));
  });

  return program.parseAsync(argv).then(() => undefined);
}

async function guard(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`crime-annotator: ${e.message}\n`);
      return EXIT.input;
    }
    throw e;
  }
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

// A reader that stops early (`crosscheck ... | head`) closes the pipe: the report is not wanted any more,
// so stop quietly, as a Unix tool does, rather than die on an unhandled EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
});

// A corpus command may need more heap than Node gives a process by default (see heapLimit.ts).
const corpusCommand = ['check', 'crosscheck'].includes(process.argv[2] ?? '');
if (!(corpusCommand && relaunchWithLargerHeap())) runMain();

function runMain(): void {
  // For `npm run bench`: the whole process's peak memory (worker threads included) and CPU time.
  if (process.env.CRIME_ANNOTATOR_REPORT_RESOURCES) {
    process.on('exit', () => {
      const r = process.resourceUsage();
      process.stderr.write(
        `crime-annotator resources: peak RSS ${Math.round(r.maxRSS / 1024)} MB, CPU ${((r.userCPUTime + r.systemCPUTime) / 1e6).toFixed(1)} s, ` +
          `heap limit ${Math.round(v8.getHeapStatistics().heap_size_limit / 1048576)} MB\n`,
      );
    });
  }

  main(process.argv).catch((e: unknown) => {
    process.stderr.write(`crime-annotator: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT.internal;
  });
}
