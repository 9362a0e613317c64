/** Exit codes: 0 fine, 1 a conflict was found (crosscheck, for a newsroom's CI), 2 unusable input or arguments, 3 an internal error. */
export const EXIT = { ok: 0, conflict: 1, input: 2, internal: 3 } as const;
