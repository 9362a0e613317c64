/**
 * active-proceedings: once a person is arrested or charged and until their case ends, wording that
 * asserts their guilt ("drug dealer Tom Reed", "Reed, who sold the drugs", "a known dealer") or
 * their previous convictions (Contempt of Court Act 1981, s.2 and Sch.1). A report of what a court
 * heard, or of what someone is accused of, asserts nothing and is not raised.
 */
import type { Person, PersonMention } from '../people';
import {
  ATTRIBUTED_RE,
  GUILT_NOUN_RE,
  GUILT_TRIGGERS,
  STRONG_GUILT_RE,
  GUILT_RELATIVE_RE,
  GUILT_VERB_AFTER_RE,
  HEDGE_RE,
  KNOWN_GUILT_RE,
} from '../people/vocabulary';
import type { Span } from '../types';
import { sentenceFinder } from '../people/mentions';
import { matchesIn } from '../people/wordIndex';
import { subjectAt, type RuleContext } from './context';
import type { ReportingFinding } from './types';

/** Age and address after a name, skipped to reach what is said of the person. */
const APPOSITION_SKIP_RE = /^(?:\s*,\s*(?:aged\s+)?\d{1,2}\s*(?=,))?(?:\s*,\s*(?:of|from)\s+[^,.;]{2,60}(?=,))*/;
const NOUN_BEFORE_RE = new RegExp(`(?:(?:the|a|an)\\s+)?(${GUILT_NOUN_RE.source})\\s*,?\\s*$`, 'i');
const NOUN_AFTER_RE = new RegExp(`^\\s*,\\s*(?:(?:a|an|the)\\s+)(${GUILT_NOUN_RE.source})`, 'i');
/** "The dealer was arrested": a guilt noun as the subject of the arrest or charge itself. */
const NOUN_SUBJECT_RE = new RegExp(
  `\\bthe\\s+(${GUILT_NOUN_RE.source})(?=\\s*(?:,\\s*(?:aged\\s+)?\\d{1,2}\\s*,)?\\s+(?:was|were|has\\s+been|have\\s+been|is|are)\\s+(?:later\\s+|since\\s+|also\\s+)?(?:arrested|charged|detained|held|remanded|bailed|due\\s+to\\s+appear))`,
  'gi',
);

export function activeProceedings(ctx: RuleContext): ReportingFinding[] {
  const active = ctx.defendants.filter((p) => inActiveProceedings(ctx, p));
  // "The burglar was arrested ... He has been released under investigation": a case is active though nobody in it is named or described.
  const unattached = ctx.people.unattachedCues;
  const anonymousCase =
    unattached.some((c) => c.role === 'suspect' || c.role === 'charged') &&
    !unattached.some((c) => c.role === 'convicted') &&
    !ctx.people.people.some((p) => ctx.currentRoles(p).some((r) => r.role === 'convicted'));
  if (active.length === 0 && !anonymousCase) return [];
  const rule = ctx.rule('active-proceedings');
  const found = new Map<string, ReportingFinding>();
  const add = (span: Span, p: Person | undefined, what: string) => {
    const text = ctx.text.slice(span.start, span.end);
    const who = p?.name ? `“${p.name}”` : 'a person';
    const message = `${what} ${who} is in active proceedings (arrested or charged, case not over): wording that asserts guilt or reports previous convictions risks contempt (strict liability rule, Contempt of Court Act 1981). Say what they are accused of instead.`;
    const finding: ReportingFinding = {
      rule: 'active-proceedings',
      severity: rule.severity,
      start: span.start,
      end: span.end,
      text,
      message,
      statute: rule.statute,
      ...(p ? { personId: p.id } : {}),
    };
    found.set(`${span.start}-${span.end}`, finding);
  };
  for (const p of active) {
    for (const m of p.mentions) {
      if (m.kind === 'pronoun') continue;
      guiltNounBeside(ctx, m, (span) => add(span, p, `“${ctx.text.slice(span.start, span.end)}” asserts guilt, and`));
      guiltClauseAfter(ctx, m, (span) => add(span, p, `“${ctx.text.slice(span.start, span.end)}” states as fact what`));
    }
  }
  const single = active.length === 1 ? active[0] : undefined;
  // Whole-text scans, each match placed in its sentence; what a court heard or a prosecutor said asserts nothing.
  const sentenceOf = sentenceFinder(ctx.sentences);
  const attributed = new Map<number, boolean>();
  const asserted = (at: number): number | undefined => {
    const si = sentenceOf(at);
    if (!attributed.has(si)) attributed.set(si, ATTRIBUTED_RE.test(ctx.sentenceText(si)));
    return attributed.get(si) ? undefined : si;
  };
  const search = (re: RegExp) => matchesIn(ctx.text, ctx.sentences, ctx.people.words, GUILT_TRIGGERS, re);
  for (const { index, groups: m } of search(KNOWN_GUILT_RE)) {
    const si = asserted(index);
    if (si !== undefined) add({ start: index, end: index + m[0].length }, subjectAt(active, si, index) ?? single, `“${m[0]}” asserts guilt, and`);
  }
  for (const { index, groups: m } of search(STRONG_GUILT_RE)) {
    const start = index + m[0].indexOf(m[1]);
    const si = asserted(start);
    if (si !== undefined) add({ start, end: start + m[1].length }, subjectAt(active, si, start) ?? single, `“${m[1]}” names a person by the crime, and`);
  }
  for (const { index, groups: m } of search(NOUN_SUBJECT_RE)) {
    const start = index + m[0].indexOf(m[1]);
    if (asserted(start) !== undefined) add({ start, end: start + m[1].length }, single, `“${m[1]}” asserts guilt, and`);
  }
  for (const span of ctx.people.previousConvictions) {
    const si = asserted(span.start);
    if (si === undefined) continue;
    const subject = subjectAt(ctx.people.people, si, span.start);
    const person = subject ? (active.includes(subject) ? subject : undefined) : single;
    if (person) add(span, person, `“${ctx.text.slice(span.start, span.end)}” reports previous convictions, and`);
  }
  return [...found.values()];
}

/** Arrested or charged in this case, and not convicted or sentenced in it. */
function inActiveProceedings(ctx: RuleContext, p: Person): boolean {
  const roles = ctx.currentRoles(p);
  return roles.some((r) => r.role === 'suspect' || r.role === 'charged') && !roles.some((r) => r.role === 'convicted');
}

/** "drug dealer Tom Reed", "Tom Reed, a known burglar,". */
function guiltNounBeside(ctx: RuleContext, m: PersonMention, report: (span: Span) => void): void {
  const before = ctx.text.slice(Math.max(0, m.start - 60), m.start);
  const b = NOUN_BEFORE_RE.exec(before);
  if (b && !HEDGE_RE.test(before.slice(Math.max(0, b.index - 20)))) {
    const start = m.start - before.length + b.index + b[0].indexOf(b[1]);
    report({ start, end: start + b[1].length });
  }
  const rest = ctx.text.slice(m.end, Math.min(ctx.text.length, m.end + 160));
  const skip = APPOSITION_SKIP_RE.exec(rest)?.[0].length ?? 0;
  const a = NOUN_AFTER_RE.exec(rest.slice(skip));
  if (a && !HEDGE_RE.test(a[0])) {
    const start = m.end + skip + a[0].indexOf(a[1]);
    report({ start, end: start + a[1].length });
  }
}

/** ", who sold the drugs" after the name, or "Reed sold the drugs" with the name as subject. */
function guiltClauseAfter(ctx: RuleContext, m: PersonMention, report: (span: Span) => void): void {
  const sentence = ctx.sentences[m.sentence];
  const sentenceText = ctx.text.slice(sentence.start, sentence.end);
  if (ATTRIBUTED_RE.test(sentenceText)) return;
  const rest = ctx.text.slice(m.end, sentence.end);
  const skip = APPOSITION_SKIP_RE.exec(rest)?.[0].length ?? 0;
  const tail = rest.slice(skip);
  const relative = GUILT_RELATIVE_RE.exec(tail);
  const verb = relative ? undefined : GUILT_VERB_AFTER_RE.exec(tail);
  const hit = relative ?? verb;
  if (!hit || HEDGE_RE.test(hit[0])) return;
  const lead = hit[0].length - hit[0].trimStart().replace(/^,\s*/, '').length;
  const start = m.end + skip + lead;
  const end = m.end + skip + hit[0].replace(/\s+$/, '').length;
  if (end > start) report({ start, end });
}
