/**
 * youth-anonymity: a named person under 18 who is a suspect or defendant. Automatic anonymity in the
 * youth court (s.49 Children and Young Persons Act 1933); in the adult courts a direction under s.45
 * Youth Justice and Criminal Evidence Act 1999 may apply.
 */
import type { Person } from '../people';
import { RESTRICTIONS_LIFTED_RE } from '../people/vocabulary';
import type { RuleContext } from './context';
import { descriptionFix } from './fixes';
import type { ReportingFinding } from './types';

const ACCUSED = new Set(['suspect', 'charged', 'convicted']);
const YOUTH_COURT_RE = /\byouth\s+court\b/i;
const ADULT_COURT_RE = /\b(?:crown\s+court|magistrates['’]?\s+court|high\s+court|court\s+of\s+appeal|old\s+bailey)\b/i;

type Court = 'youth' | 'adult' | 'none';

export function youthAnonymity(ctx: RuleContext): ReportingFinding[] {
  const rule = ctx.rule('youth-anonymity');
  const out: ReportingFinding[] = [];
  const minors = ctx.people.people.filter((p) => p.minor && !ctx.isOfficer(p) && ctx.currentRoles(p).some((r) => ACCUSED.has(r.role)));
  for (const p of minors) {
    const named = ctx.namedMentions(p);
    if (named.length === 0 || restrictionsLifted(ctx, p, minors.filter((x) => ctx.namedMentions(x).length > 0).length)) continue;
    const court = courtOf(ctx, p);
    const message = messageFor(p, court, named[0].text);
    for (const m of named) {
      out.push({
        rule: 'youth-anonymity',
        severity: court === 'youth' ? 'error' : 'warning',
        start: m.start,
        end: m.end,
        text: m.text,
        message,
        statute:
          court === 'youth'
            ? 'Children and Young Persons Act 1933, s.49'
            : court === 'adult'
              ? 'Youth Justice and Criminal Evidence Act 1999, s.45'
              : rule.statute,
        personId: p.id,
        fix: descriptionFix(ctx, p, m, { withPlace: true }),
      });
    }
  }
  return out;
}

/** "who can be named after reporting restrictions were lifted": said of this person, or of the only child in the story. */
function restrictionsLifted(ctx: RuleContext, p: Person, minors: number): boolean {
  const sentences = new Set(p.mentions.map((m) => m.sentence));
  for (const si of sentences) if (RESTRICTIONS_LIFTED_RE.test(ctx.sentenceText(si))) return true;
  return minors === 1 && RESTRICTIONS_LIFTED_RE.test(ctx.text);
}

function courtOf(ctx: RuleContext, p: Person): Court {
  const own = [...new Set(ctx.currentRoles(p).map((r) => r.sentence))].map((si) => ctx.sentenceText(si)).join(' ');
  for (const text of [own, ctx.text]) {
    if (YOUTH_COURT_RE.test(text)) return 'youth';
    if (ADULT_COURT_RE.test(text)) return 'adult';
  }
  return 'none';
}

function messageFor(p: Person, court: Court, name: string): string {
  const age = p.age !== undefined ? `is ${p.age}` : 'is under 18';
  const who = `“${name}” ${age} and is named as a suspect or defendant.`;
  if (court === 'youth')
    return `${who} Anonymity in the youth court is automatic (s.49 Children and Young Persons Act 1933): check that the court lifted it before naming them.`;
  if (court === 'adult')
    return `${who} In the adult courts a direction under s.45 Youth Justice and Criminal Evidence Act 1999 may forbid identifying them: check whether one was made.`;
  return `${who} If the case reaches the youth court anonymity is automatic (s.49 Children and Young Persons Act 1933), and an adult court may direct it (s.45 Youth Justice and Criminal Evidence Act 1999): check before naming them.`;
}
