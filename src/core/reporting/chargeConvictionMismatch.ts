/**
 * charge-conviction-mismatch: a person said to be jailed, convicted or sentenced in one place and,
 * in another, only charged or due to appear (typically a headline running ahead of the body). The
 * finding sits on the words that claim the conviction.
 */
import type { Person, RoleEvidence } from '../people';
import type { RuleContext } from './context';
import type { ReportingFinding } from './types';

export function chargeConvictionMismatch(ctx: RuleContext): ReportingFinding[] {
  const rule = ctx.rule('charge-conviction-mismatch');
  const out: ReportingFinding[] = [];
  // A headline's "jailed" with nobody named beside it is about the story's only defendant.
  const single = ctx.soleDefendant;
  const orphanConvictions = single ? ctx.people.unattachedCues.filter((c) => c.role === 'convicted' && !c.previous) : [];
  for (const p of ctx.defendants.filter((d) => d.name || d === single)) {
    const pending = ctx.pendingCues(p);
    if (pending.length === 0) continue;
    const convictions: RoleEvidence[] = [...ctx.currentRoles(p).filter((r) => r.role === 'convicted'), ...(p === single ? orphanConvictions : [])];
    for (const cue of convictions) {
      const c = withoutAuxiliary(ctx.text, cue);
      const text = ctx.text.slice(c.start, c.end);
      const where = ctx.people.headline.has(c.sentence) ? 'The headline says' : 'One place says';
      const pendingText = ctx.text.slice(pending[0].start, pending[0].end);
      out.push({
        rule: 'charge-conviction-mismatch',
        severity: rule.severity,
        start: c.start,
        end: c.end,
        text,
        message: `${where} ${who(p)} “${text}”, but elsewhere it says “${pendingText}”: a person who is only charged must not be reported as convicted. Check which stage the case has reached.`,
        statute: rule.statute,
        personId: p.id,
      });
    }
  }
  return out;
}

const AUXILIARY_RE = /^(?:(?:was|were|has|have|had|is|are|been|being)\s+)+(?:(?:later|also|since|subsequently|now|then|today|yesterday)\s+)?/i;

/** "was jailed" reported as "jailed": the claim is the verb, not its auxiliary. */
function withoutAuxiliary(text: string, cue: RoleEvidence): RoleEvidence {
  const lead = AUXILIARY_RE.exec(text.slice(cue.start, cue.end))?.[0].length ?? 0;
  return lead > 0 && cue.start + lead < cue.end ? { ...cue, start: cue.start + lead } : cue;
}

function who(p: Person): string {
  return p.name ? `“${p.name}” was` : 'the defendant was';
}
