import { Command, Option } from 'commander';
import { runCheck } from './commands/check';
import { runCrosscheck } from './commands/crosscheck';
import { EXIT } from './exitCodes';
import { InputError } from './files';

function main(argv: string[]): void {
  const program = new Command()
    .name('crime-annotator')
    .description('Annotates police press releases: figures, organisations and legal terms, cross-checked across sources.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : EXIT.input);
    });

  const format = (choices: string[]) => new Option('-f, --format <format>', 'output format').choices(choices).default('text');
  const lexicon = new Option('--lexicon <file>', 'a workspace lexicon file (JSON) that extends the built-in one');

  program
    .command('check')
    .description('annotate documents and print their figures, organisations and legal terms')
    .argument('<paths...>', 'files or folders (.crime, .txt, .md; *.reference.csv|json as reference tables)')
    .addOption(format(['text', 'json']))
    .addOption(lexicon)
    .action((paths: string[], opts: { format: 'text' | 'json'; lexicon?: string }) => {
      process.exitCode = guard(() => runCheck(paths, opts));
    });

  program
    .command('crosscheck')
    .description('report conflicts between sources and arithmetic checks that fail, with file:line locations; exit 1 on a conflict')
    .argument('<paths...>', 'files or folders (.crime, .txt, .md; *.reference.csv|json as reference tables)')
    .addOption(format(['text', 'json', 'csv']))
    .addOption(lexicon)
    .action((paths: string[], opts: { format: 'text' | 'json' | 'csv'; lexicon?: string }) => {
      process.exitCode = guard(() => runCrosscheck(paths, opts));
    });

  program.parse(argv);
}

function guard(run: () => number): number {
  try {
    return run();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`crime-annotator: ${e.message}\n`);
      return EXIT.input;
    }
    throw e;
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

main(process.argv);
