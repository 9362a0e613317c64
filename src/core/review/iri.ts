/**
 * How a mark names its document in the annotations file. The file travels with the documents in
 * version control, so it must not hold one machine's paths, and the W3C model wants `target.source`
 * to be an IRI: a bare relative path is neither (a JSON-LD reader resolves it against the
 * annotations file itself and gets the wrong document).
 *
 * The file therefore states a base for the folder that holds it (the workspace folder), as an
 * `arcp:` IRI (the Archive and Package URI scheme, which RO-Crate uses for the same purpose: an
 * absolute IRI for a file inside a package, whatever the package is unpacked on). The base carries a
 * UUID made once per file (`arcp://uuid,<uuid>/`); a document is the base plus its
 * workspace-relative path, percent-encoded segment by segment. The path after the base is all that
 * is ever read back, so renaming the workspace folder or cloning it elsewhere changes nothing.
 */

const arcpBase = /^arcp:\/\/[^/?#]*\//i;
const scheme = /^[a-z][a-z0-9+.-]*:/i;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stated base of a new annotations file, from a fresh UUID. */
export function workspaceBase(uuid: string): string {
  if (!uuidPattern.test(uuid)) throw new Error(`not a UUID: ${uuid}`);
  return `arcp://uuid,${uuid.toLowerCase()}/`;
}

/** Whether `base` is a base this format can state: an `arcp:` IRI ending at its root. */
export function isWorkspaceBase(base: unknown): base is string {
  return typeof base === 'string' && arcpBase.test(base) && base.match(arcpBase)![0] === base;
}

/** A workspace-relative, `/`-separated path as an IRI under `base`. */
export function documentIri(base: string, path: string): string {
  return base + path.split('/').map(encodeURIComponent).join('/');
}

/**
 * The workspace-relative path an IRI names, or undefined when it names something outside the
 * workspace. Read: an `arcp:` IRI (any package id, so marks merged in from another clone's file
 * still resolve), or a relative reference resolved against the base (a hand edit, JSON-LD style).
 */
export function pathOfIri(iri: string): string | undefined {
  let rest: string;
  const base = iri.match(arcpBase);
  if (base) rest = iri.slice(base[0].length);
  else if (scheme.test(iri) || iri.startsWith('//')) return undefined;
  else rest = iri.replace(/^\/+/, '');
  rest = rest.replace(/[?#].*$/s, '');
  const out: string[] = [];
  for (const raw of rest.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else if (segment.includes('/')) return undefined;
    else out.push(segment);
  }
  return out.length > 0 ? out.join('/') : undefined;
}
