/**
 * Which files make a corpus is the core's one definition (src/core/corpus/definition.ts), walked on
 * disk by nodeWorkspace.ts. What stays here is the CLI's own kind of failure.
 */

/** Unusable input (a missing file or folder, an unreadable one): reported in one line, exit code 2. */
export class InputError extends Error {}
