/**
 * victim-anonymity: a named complainant or victim of a sexual offence, or of human trafficking, who
 * has lifelong anonymity (Sexual Offences (Amendment) Act 1992; trafficking under s.2 Modern
 * Slavery Act 2015 added to it). Not raised where they waived it or have died.
 */
import type { Person } from '../people';
import { CONSENT_RE, DEATH_RE, PROTECTED_TERM_IDS, PROTECTED_WORDS_RE } from '../people/vocabulary';
import type { RuleContext } from './context';
import { descriptionFix } from './fixes';
import type { ReportingFinding } from './types';

export function victimAnonymity(ctx: RuleContext): ReportingFinding[] {
  const offence = protectedOffence(ctx);
  if (!offence) return [];
  const rule = ctx.rule('victim-anonymity');
  const out: ReportingFinding[] = [];
  const victims = ctx.people.people.filter((p) => !ctx.isOfficer(p) && ctx.currentRoles(p).some((r) => r.role === 'victim'));
  for (const p of victims) {
    const named = ctx.namedMentions(p);
    if (named.length === 0 || waivedOrDied(ctx, p, victims.length)) continue;
    const message = `“${named[0].text}” is named as the victim or complainant in a story about ${offence}. Victims of sexual offences and of trafficking have lifelong anonymity (Sexual Offences (Amendment) Act 1992): publish nothing likely to identify them unless they have given written consent.`;
    for (const m of named) {
      out.push({
        rule: 'victim-anonymity',
        severity: rule.severity,
        start: m.start,
        end: m.end,
        text: m.text,
        message,
        statute: rule.statute,
        personId: p.id,
        fix: descriptionFix(ctx, p, m, { withPlace: false }),
      });
    }
  }
  return out;
}

/** The offence that gives the victim anonymity, as the text words it, or undefined. */
function protectedOffence(ctx: RuleContext): string | undefined {
  for (const a of ctx.annotations) if (a.kind === 'legal-term' && PROTECTED_TERM_IDS.has(a.termId)) return a.text;
  return PROTECTED_WORDS_RE.exec(ctx.text)?.[0];
}

function waivedOrDied(ctx: RuleContext, p: Person, victims: number): boolean {
  const sentences = [...new Set(p.mentions.map((m) => m.sentence))].map((si) => ctx.sentenceText(si));
  if (sentences.some((s) => CONSENT_RE.test(s) || DEATH_RE.test(s))) return true;
  return victims === 1 && CONSENT_RE.test(ctx.text);
}
