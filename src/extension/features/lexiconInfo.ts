/**
 * Lexicon details a hover shows that annotations do not carry (aliases, regions, definitions), read
 * from the built-in lexicon data. Entries a workspace lexicon adds are not here yet: their cards
 * show what the annotation itself carries.
 */
import { legalTermData, organisationData } from '../../core/lexicon';

type AliasSpec = string | { readonly text: string };

interface OrganisationInfo {
  readonly id: string;
  readonly canonical: string;
  readonly aliases: readonly AliasSpec[];
  readonly region?: string;
}

interface LegalTermInfo {
  readonly id: string;
  readonly canonical: string;
  readonly definition?: string;
  readonly statute?: string;
}

const organisations = new Map<string, OrganisationInfo>((organisationData.organisations as OrganisationInfo[]).map((o) => [o.id, o]));
const legalTerms = new Map<string, LegalTermInfo>((legalTermData.legalTerms as LegalTermInfo[]).map((t) => [t.id, t]));

export function organisationInfo(entityId: string): { readonly canonical: string; readonly aliases: readonly string[]; readonly region?: string } | undefined {
  const o = organisations.get(entityId);
  return o && { canonical: o.canonical, aliases: o.aliases.map((a) => (typeof a === 'string' ? a : a.text)), region: o.region };
}

export function legalTermInfo(termId: string): LegalTermInfo | undefined {
  return legalTerms.get(termId);
}

/** The name to show for an organisation id (a figure's claimant): canonical where known. */
export function organisationName(entityId: string): string {
  return organisations.get(entityId)?.canonical ?? entityId;
}
