/**
 * Node caps a process's heap at about 4 GB whatever the machine has (4,144 MB on a 24 GB machine),
 * and the cross-source record of a researcher's 100,000 documents needs more: the run analysed them
 * all and was then stopped by the heap guard. A corpus command therefore runs itself once more with a
 * heap limit of half the memory the machine (or its container) has, unless the user chose a limit
 * with `--max-old-space-size` (in NODE_OPTIONS or on node's command line): that choice stands.
 */
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as v8 from 'node:v8';
import { EXIT } from './exitCodes';

/** What the decision reads, so it can be tested without a machine of each size. */
export interface HeapSituation {
  /** The heap limit this process has, in MB. */
  readonly currentLimitMb: number;
  /** The memory this process may use: the machine's, or its container's if that is less, in MB. */
  readonly availableMb: number;
  readonly execArgv: readonly string[];
  readonly nodeOptions: string | undefined;
  /** Set in the process this module started: never start another. */
  readonly relaunched: boolean;
}

/** The share of the available memory the heap may grow to; worker threads and buffers need the rest. */
export const HEAP_SHARE = 0.5;
/** A relaunch costs a process start (about 40 ms); below this gain it is not worth it. */
const MIN_GAIN_MB = 1024;
/** Set in the relaunched process's environment. */
export const RELAUNCHED_ENV = 'CRIME_ANNOTATOR_HEAP_MB';

/** The heap limit in MB to relaunch with, or undefined to run as it is. */
export function heapLimitToSet(s: HeapSituation): number | undefined {
  if (s.relaunched) return undefined;
  const chosen = (x: string | undefined) => /--max[-_]old[-_]space[-_]size/.test(x ?? '');
  if (s.execArgv.some(chosen) || chosen(s.nodeOptions)) return undefined;
  const target = Math.floor((s.availableMb * HEAP_SHARE) / 256) * 256;
  return target - s.currentLimitMb >= MIN_GAIN_MB ? target : undefined;
}

export function currentHeapSituation(): HeapSituation {
  const machine = os.totalmem();
  // In a container the cgroup's limit is what counts (0 or a huge number when there is none).
  const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
  const available = constrained && constrained > 0 && constrained < machine ? constrained : machine;
  return {
    currentLimitMb: v8.getHeapStatistics().heap_size_limit / 1048576,
    availableMb: available / 1048576,
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS,
    relaunched: Boolean(process.env[RELAUNCHED_ENV]),
  };
}

/**
 * Runs this command again in a process with a larger heap, if `heapLimitToSet` says so, passing its
 * standard streams, exit code and any signal through. True when it did: the caller then does nothing
 * more, and this process exits as the other one does.
 */
export function relaunchWithLargerHeap(situation = currentHeapSituation()): boolean {
  const limitMb = heapLimitToSet(situation);
  if (limitMb === undefined) return false;
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${limitMb}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [RELAUNCHED_ENV]: String(limitMb) },
  });
  // A terminal's Ctrl-C reaches both processes; a signal sent to this one alone is passed on.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, forward);
  child.on('error', (e) => {
    process.stderr.write(`crime-annotator: could not start a process with a larger heap (${e.message})\n`);
    process.exit(EXIT.internal);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? EXIT.internal);
  });
  return true;
}
