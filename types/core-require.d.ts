/**
 * `require`, for the core compiled alone (tsconfig.core.json; the whole project has Node's own
 * declaration). Only for an optional module loaded on first use: src/core/extract/lemmas.ts loads
 * compromise's model so that analyses that never need it do not pay for it. The bundler resolves it
 * in Node, web workers and the web extension host alike; a host where it fails is handled there.
 */
declare function require(id: string): unknown;
