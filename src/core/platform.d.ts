/**
 * The few host globals the core uses, declared here because the core is compiled without Node or
 * DOM types (tsconfig.core.json): each exists, with this shape, in Node, in browser web workers and
 * in VS Code's web extension host. Adding one here is a decision that it exists in all three.
 */
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare const performance: { now(): number };
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
