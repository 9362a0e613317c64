import { participleOf, singularOf } from './lemmas';

/**
 * Reading what a figure counts from the words around it when the lexicon has no name for it: the noun
 * phrase the number quantifies ("138,045 sex offences", "ten businesses targeted by the gang"), the
 * verb that governs it ("stopped almost 100,000 vehicles" → "vehicles stopped"), or the subject of
 * the clause for a number with no noun of its own ("Knife-enabled homicides stood at 240"). The words
 * are kept as written (lower case), never forced into the nearest known measure.
 */

export interface OpenReading {
  /** The measure as written: the noun phrase and, where one governs it, the participle ("businesses targeted"). */
  readonly counts: string;
  /** The noun phrase alone, as written. */
  readonly words: string;
  /** The head noun's singular ("business"). */
  readonly head: string;
  /** The head is a word for people ("men", "teenagers", "victims"). */
  readonly person: boolean;
  /** Where the noun phrase starts in the text it was read from. */
  readonly offset: number;
  /** The participle that governs the phrase, if any ("targeted", "sent"). */
  readonly participle?: string;
  /** The head noun as written ("officers"). */
  readonly headWord?: string;
  /** An auxiliary follows the phrase ("charities had called for"): the phrase is the subject of a clause of its own. */
  readonly opensClause?: boolean;
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'your',
  'my',
  'each',
  'every',
  'all',
  'both',
  'some',
  'any',
  'no',
  'such',
  'whose',
]);
const PREPOSITIONS = new Set([
  'of',
  'in',
  'at',
  'on',
  'for',
  'to',
  'from',
  'by',
  'with',
  'during',
  'across',
  'since',
  'over',
  'under',
  'after',
  'before',
  'between',
  'into',
  'through',
  'within',
  'without',
  'against',
  'around',
  'about',
  'than',
  'as',
  'per',
  'via',
  'including',
  'like',
  'near',
  'among',
  'amongst',
  'throughout',
  'towards',
  'toward',
  'upon',
  'off',
  'out',
  'compared',
  'following',
  'despite',
  'due',
  'until',
  'till',
  'onto',
  'behind',
]);
const CONJUNCTIONS = new Set([
  'and',
  'or',
  'but',
  'while',
  'whilst',
  'because',
  'although',
  'though',
  'if',
  'when',
  'where',
  'whereas',
  'so',
  'yet',
  'nor',
  'respectively',
  'plus',
]);
const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  'get',
  'got',
]);
const PRONOUNS = new Set([
  'who',
  'which',
  'that',
  'whom',
  'it',
  'they',
  'them',
  'he',
  'him',
  'she',
  'we',
  'us',
  'you',
  'i',
  'there',
  'here',
  'themselves',
  'itself',
  'himself',
  'herself',
  'one',
  'ones',
  'what',
]);
/** Quantity words between a number and its noun that say nothing about what is counted ("57 more people"). */
const QUANTITY_WORDS = new Set([
  'more',
  'fewer',
  'less',
  'further',
  'additional',
  'extra',
  'another',
  'other',
  'separate',
  'different',
  'individual',
  'total',
  'combined',
  'recorded',
  'reported',
  'estimated',
  'suspected',
  'alleged',
]);
const CLOSED = new Set([...DETERMINERS, ...PREPOSITIONS, ...CONJUNCTIONS, ...AUXILIARIES, ...PRONOUNS]);

/** Plurals without an -s, and words for people. */
const IRREGULAR_PLURALS = new Set([
  'men',
  'women',
  'people',
  'children',
  'police',
  'staff',
  'personnel',
  'cattle',
  'feet',
  'teeth',
  'mice',
  'geese',
  'criteria',
  'termini',
]);
/**
 * Words that say only that people are counted: the measure is "people" unless a verb names what was done
 * to them. Words for a role ("burglars", "respondents", "shop workers") say what is counted and are kept.
 */
const PERSON_NOUNS = new Set([
  'people',
  'persons',
  'individuals',
  'men',
  'women',
  'children',
  'adults',
  'teenagers',
  'youths',
  'boys',
  'girls',
  'males',
  'females',
  'suspects',
  'offenders',
  'members',
  'residents',
  'pupils',
  'students',
  'teens',
  'juveniles',
  'minors',
  'schoolboys',
  'schoolgirls',
  'youngsters',
  'others',
  'tenants',
  'brothers',
  'sisters',
  'runners',
  'dealers',
  'couriers',
]);
/** Words that can follow a number without being what it counts. */
/** "against 30 last year", "32 this month": a time phrase after a number is when, not what is counted. */
const TIME_WORDS = new Set([
  'year',
  'years',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'quarter',
  'quarters',
  'decade',
  'decades',
  'period',
  'night',
  'nights',
  'weekend',
  'weekends',
  'morning',
  'afternoon',
  'evening',
  'time',
]);
const TIME_OPENERS = new Set(['last', 'this', 'next', 'previous', 'same', 'past', 'coming', 'following', 'preceding', 'prior']);
const NOT_HEADS = new Set([
  'times',
  'relating',
  'related',
  'linked',
  'connected',
  'going',
  'being',
  'coming',
  'having',
  'getting',
  'making',
  'taking',
  'including',
  'involving',
  'following',
  'compared',
  'respectively',
  'apiece',
  'each',
]);

/** -ed words that describe rather than say what was done: "people aged 16", "those known to police". */
const NOT_PARTICIPLES = new Set([
  'aged',
  'called',
  'named',
  'known',
  'based',
  'included',
  'involved',
  'concerned',
  'related',
  'linked',
  'listed',
  'dated',
  'estimated',
  'thought',
  'believed',
  'said',
  'understood',
  'expected',
  'alleged',
  'suspected',
  'deemed',
  'considered',
  'needed',
  'wanted',
  'used',
  'compared',
  'recorded',
  'reported',
  'made',
]);
/** Singular nouns ending in -s. */
const SINGULAR_S = new Set([
  'news',
  'crisis',
  'analysis',
  'basis',
  'series',
  'species',
  'bus',
  'gas',
  'status',
  'census',
  'consensus',
  'process',
  'access',
  'business',
  'address',
  'witness',
  'success',
  'progress',
  'abuse',
  'premises',
  'means',
  'lens',
  'canvas',
  'bonus',
  'virus',
  'focus',
  'campus',
  'corpus',
  'apparatus',
]);
const MAX_NP_WORDS = 5;
const WORD_RE = /[\p{L}][\p{L}'’-]*/uy;

interface Word {
  readonly text: string;
  readonly key: string;
  readonly start: number;
}

/** The words of `text` up to the first punctuation or digit, with their offsets. */
function wordsOf(text: string, max = 12): Word[] {
  const out: Word[] = [];
  let at = 0;
  while (out.length < max && at < text.length) {
    const c = text[at];
    if (c === ' ' || c === '\t' || c === '\u00a0') {
      at++;
      continue;
    }
    WORD_RE.lastIndex = at;
    const m = WORD_RE.exec(text);
    if (!m) break;
    out.push({ text: m[0], key: m[0].toLowerCase().replace(/’/g, "'"), start: at });
    at += m[0].length;
  }
  return out;
}

export function isPlural(key: string): boolean {
  if (IRREGULAR_PLURALS.has(key)) return true;
  if (SINGULAR_S.has(key) || key.length < 3) return false;
  return /[^su']s$/.test(key) || /(?:sses|xes|ches|shes|ies)$/.test(key);
}

/** A past participle: "targeted", "stolen", "sent", "held". */
const IRREGULAR_PARTICIPLES = new Set([
  'sent',
  'held',
  'made',
  'found',
  'taken',
  'given',
  'stolen',
  'seen',
  'hit',
  'brought',
  'caught',
  'kept',
  'left',
  'lost',
  'paid',
  'put',
  'sold',
  'spent',
  'built',
  'shot',
  'bought',
  'won',
  'struck',
  'led',
  'known',
  'shown',
  'told',
  'written',
  'done',
  'run',
  'set',
  'cut',
  'hurt',
  'beaten',
  'bitten',
  'drawn',
  'driven',
  'eaten',
  'fallen',
  'flown',
  'forgotten',
  'frozen',
  'grown',
  'hidden',
  'ridden',
  'risen',
  'shaken',
  'spoken',
  'sworn',
  'thrown',
  'woken',
  'worn',
  'broken',
  'chosen',
  'laid',
  'meant',
  'heard',
]);
export function isParticiple(key: string): boolean {
  if (NOT_PARTICIPLES.has(key)) return false;
  return (/[a-z]{2}ed$/.test(key) && !/(?:need|seed|speed|bleed|breed|greed|creed|feed|weed|deed|steed)$/.test(key)) || IRREGULAR_PARTICIPLES.has(key);
}

function isOpenWord(w: Word): boolean {
  return !CLOSED.has(w.key) && !/^[\d]/.test(w.key);
}

/** Lower case, but acronyms and names kept ("UK nationals", "CSEW crime"). */
function asWritten(words: readonly Word[]): string {
  return words.map((w) => (/[A-Z].*[A-Z]/.test(w.text) ? w.text : w.key)).join(' ');
}

/** The participle right after a noun phrase, or in a passive later in the clause ("were sent", "have been prosecuted"). */
function participleAfter(words: readonly Word[], from: number): string | undefined {
  const next = words[from];
  if (!next) return undefined;
  // "ten businesses targeted by the gang", "vehicles seized.": a reduced relative, not the main verb of a new clause.
  if (isParticiple(next.key)) return !words[from + 1] || PREPOSITIONS.has(words[from + 1].key) || CONJUNCTIONS.has(words[from + 1].key) ? next.key : undefined;
  // "... were (all|later|then) sent to", "have been prosecuted", "being held"
  let k = from;
  let sawAux = false;
  while (
    k < words.length &&
    (AUXILIARIES.has(words[k].key) ||
      (sawAux && /ly$/.test(words[k].key)) ||
      (sawAux && ['all', 'also', 'since', 'now', 'later', 'then', 'both'].includes(words[k].key)))
  ) {
    sawAux = true;
    k++;
  }
  if (sawAux && words[k] && isParticiple(words[k].key)) return words[k].key;
  return undefined;
}

export interface NounPhraseOptions {
  /** A money or weight figure: "£26 million of dirty money", "£800,000 in lost sales". */
  readonly amount?: boolean;
}

/**
 * The noun phrase right after a figure: "sex offences" in "138,045 sex offences, up 23%", "businesses
 * targeted" in "ten businesses targeted by the gang", "wanted men" in "three of its ten wanted men",
 * "dirty money" in "£26 million of dirty money". Undefined when a verb or nothing follows the number.
 */
export function nounPhraseAfter(after: string, options: NounPhraseOptions = {}): OpenReading | undefined {
  const words = wordsOf(after);
  let i = 0;
  // Directly after the number, only a space: "sex offences" must start the clause, not follow a comma.
  if (!/^[ \t]*[\p{L}]/u.test(after)) {
    const m = /^[ \t]*(?:-[ \t]*)?/.exec(after);
    if (!m || !/^\p{L}/u.test(after.slice(m[0].length))) return undefined;
  }
  // "4,341 such searches", "57 more people".
  while (i < words.length && (DETERMINERS.has(words[i].key) || QUANTITY_WORDS.has(words[i].key)) && words[i + 1] && isOpenWord(words[i + 1])) i++;
  // "Three of the offenders", "two of the robbers", "£26 million of dirty money", "£100 worth of meat joints", "£103 million in confiscation orders".
  if (words[i]?.key === 'worth' && words[i + 1]?.key === 'of') i += 2;
  else if (words[i]?.key === 'of' || (options.amount && words[i]?.key === 'in')) {
    i++;
    while (i < words.length && DETERMINERS.has(words[i].key)) i++;
    // "of its ten wanted men": the number in between is the whole.
    const gap = after.slice(words[i - 1]?.start ?? 0, words[i]?.start ?? after.length);
    if (/\d/.test(gap) && !words[i]) return undefined;
  }
  const run: Word[] = [];
  for (let k = i; k < words.length && run.length < MAX_NP_WORDS; k++) {
    const w = words[k];
    if (!isOpenWord(w)) break;
    // Only spaces between the words of a noun phrase.
    if (run.length && /[^\s]/.test(after.slice(run[run.length - 1].start + run[run.length - 1].text.length, w.start))) break;
    run.push(w);
  }
  if (run.length === 0 || (QUANTITY_WORDS.has(run[0].key) && run.length === 1)) return undefined;
  let end = run.length;
  // The phrase ends at its first run of plurals ("knife crime offences", "police stations", "businesses");
  // after a singular head, at a participle ("crime spree filmed").
  let plural = run.findIndex((w) => isPlural(w.key));
  while (plural >= 0 && plural + 1 < run.length && isPlural(run[plural + 1].key) && !isParticiple(run[plural + 1].key)) plural++;
  if (plural >= 0) end = plural + 1;
  else {
    const verb = run.findIndex((w, k) => k > 0 && isParticiple(w.key));
    if (verb > 0) end = verb;
  }
  // A verb right after the number is no noun phrase: "73,891 led to an arrest".
  if (end === 1 && isParticiple(run[0].key) && !isPlural(run[0].key)) return undefined;
  const np = run.slice(0, end);
  const headWord = np[np.length - 1];
  // "four percentage points" is the size of a change in a share, not what is counted; "£449,000 going to" has no noun.
  if (/^percentage$/.test(np[0].key) || NOT_HEADS.has(headWord.key)) return undefined;
  if (TIME_OPENERS.has(np[0].key) && np.some((w) => TIME_WORDS.has(w.key))) return undefined;
  const participle = participleAfter(words, i + end);
  // "the £200m charities had called for": a noun that starts a clause of its own is its subject, not what the amount is.
  const next = words[i + end];
  const opensClause =
    next !== undefined && AUXILIARIES.has(next.key) && !participle && /^\s+$/.test(after.slice(headWord.start + headWord.text.length, next.start));
  const written = asWritten(np);
  return {
    counts: participle ? `${written} ${participle}` : written,
    words: written,
    head: singularOf(headWord.key),
    headWord: headWord.key,
    person: PERSON_NOUNS.has(headWord.key),
    offset: np[0].start,
    ...(participle ? { participle } : {}),
    ...(opensClause ? { opensClause } : {}),
  };
}

/** Verbs of a measure's level, between a subject and its number: "stood at", "was estimated at", "reached". */
const LEVEL_VERB_END_RE =
  /\b(?:(?:has|have|had|was|were|is|are|been|being|also|however|now|still|then|broadly|slightly|significantly|sharply|respectively|all|both|overall|in total)\s+)*(?:stood at|stands at|standing at|reached|reaching|totalled|totaled|totalling|totaling|numbered|amounted to|amounting to|came to|estimated at|valued at|put at|worth|at|rose to|risen to|rising to|fell to|fallen to|falling to|increased to|decreased to|dropped to|climbed to|went (?:up|down) to|gone (?:up|down) to|(?:gone|went|were|was|are|is|been)?\s*(?:up|down)(?: by)?|rose by|risen by|fell by|fallen by|increased by|decreased by|dropped by|grew by|reduced by|falling by|rising by|by|was|were|is|are|saw|see|sees|seen|recorded|there were|there was)\s*$/i;
const SUBJECT_OPENERS_RE =
  /^(?:(?:and|but|while|whilst|meanwhile|however|overall|also|in|across|for|of|with|the|this|that|these|those|its|their|his|her|a|an|some|all|both|number of|numbers of|total(?: number)? of|level of|levels of|amount of|value of|proportion of|share of|rate of|cost of|costs of)\s+)+/i;

/**
 * The subject of the clause before a figure that names nothing of its own: "Knife-enabled homicides"
 * in "Knife-enabled homicides stood at 240", "costs to the businesses" in "Costs to the businesses
 * were estimated at £200,000", "overall recorded crime" in "West Mercia overall recorded crime has
 * gone up by six per cent". Undefined for a pronoun ("This is up 5%") or when the clause has no verb
 * of level before the figure.
 */
export function subjectBefore(before: string, requireLevelVerb = true): OpenReading | undefined {
  const clause = before.replace(/\s+$/, '');
  // "a huge rise in both theft from a person, by 76 per cent": what the change is in.
  const changeIn =
    /\b(?:rise|rises|increase|increases|fall|falls|drop|drops|decrease|decreases|reduction|reductions|spike|jump|surge)\s+in\s+(?:both\s+|the\s+number\s+of\s+)?([^,;]+?)[\s,–—-]*(?:by\s*)?$/i.exec(
      clause,
    );
  if (changeIn) return subjectBefore(changeIn[1], false);
  const m = LEVEL_VERB_END_RE.exec(clause + ' ');
  if (requireLevelVerb && !m) return undefined;
  let subject = (m ? clause.slice(0, m.index) : clause).replace(/[\s,;:–—-]+$/, '');
  // The last comma-separated part is the clause ("..., while violent crime was also up by").
  const parts = subject.split(/,\s+|\s+[-–—]\s+/);
  subject = parts[parts.length - 1].trim();
  subject = subject.replace(SUBJECT_OPENERS_RE, '');
  const words = wordsOf(subject, 10);
  if (words.length === 0) return undefined;
  if (PRONOUNS.has(words[0].key) || DETERMINERS.has(words[0].key)) return undefined;
  // Leading names of places or forces ("West Mercia overall recorded crime"): the measure starts at the first lower-case word.
  let first = 0;
  const capitalised = (w: Word | undefined) => w !== undefined && /^[A-Z]/.test(w.text) && !/[A-Z].*[A-Z]/.test(w.text);
  if (capitalised(words[0]) && capitalised(words[1]))
    while (first < words.length - 1 && capitalised(words[first]) && words.slice(first + 1).some((w) => /^[a-z]/.test(w.text))) first++;
  const run: Word[] = [];
  for (let k = first; k < words.length && run.length < MAX_NP_WORDS + 2; k++) {
    const w = words[k];
    // "costs to the businesses": a preposition and its object belong to the subject; a verb ends it.
    if (AUXILIARIES.has(w.key) || CONJUNCTIONS.has(w.key) || PRONOUNS.has(w.key)) break;
    run.push(w);
  }
  while (run.length && CLOSED.has(run[run.length - 1].key)) run.pop();
  if (run.length === 0 || run.length > MAX_NP_WORDS + 1) return undefined;
  const headIndex = run.findIndex((w) => CLOSED.has(w.key));
  let head = run[(headIndex > 0 ? headIndex : run.length) - 1];
  // "assets recovered", "nationalities referred": a participle after the noun modifies it.
  if (isParticiple(head.key) && run.indexOf(head) > 0) head = run[run.indexOf(head) - 1];
  if (!isOpenWord(head) || isParticiple(head.key) || NOT_PARTICIPLES.has(head.key) || /ed$/.test(head.key)) return undefined;
  const written = asWritten(run);
  return { counts: written, words: written, head: singularOf(head.key), person: PERSON_NOUNS.has(head.key), offset: run[0].start };
}

const GOVERNING_VERB_RE =
  /(?:^|\s)([a-z]+(?:ed|ing|[^s]e|ct|nt|st|ow|ay|it))\s+(?:(?:(?:a total of|in total|a further|an estimated|some|almost|nearly|around|about|over|more than|less than|fewer than|up to|at least|just over|just under|roughly|approximately|only|just|all|the|another|an extra|an additional)\s+)*)$/i;
/** Words that look like verbs before a number but are not ones that govern what it counts. */
const NOT_GOVERNING = new Set([
  'aged',
  'need',
  'said',
  'used',
  'based',
  'compared',
  'including',
  'involving',
  'following',
  'during',
  'totalling',
  'totaling',
  'according',
  'rising',
  'falling',
  'being',
  'having',
  'nearly',
  'almost',
  'approximately',
  'estimated',
  'reached',
  'reaching',
  'numbered',
  'stood',
  'recorded',
  'reported',
  'increased',
  'decreased',
  'dropped',
  'rose',
  'fell',
  'climbed',
  'jumped',
  'doubled',
  'amounted',
  'made',
  'saw',
  'exceed',
  'exceeded',
  'than',
  'went',
  'gone',
  'the',
  'ahead',
  'between',
  'least',
  'most',
  'last',
  'past',
  'next',
  'first',
  'just',
  'at',
  'that',
  'what',
  'against',
  'whilst',
  'most',
  'almost',
  'about',
  'out',
  'it',
  'put',
  'lost',
  'cost',
  'costing',
  'worth',
  'valued',
]);

/**
 * The verb whose object the figure is, as a participle: "stopped almost 100,000 vehicles" → "stopped",
 * "prosecute more than 2,000 people" → "prosecuted", "sending £26 million" → "sent".
 */
export function governingVerb(before: string): string | undefined {
  const m = GOVERNING_VERB_RE.exec(before);
  if (!m) return undefined;
  const verb = m[1].toLowerCase();
  if (NOT_GOVERNING.has(verb) || verb.length < 4) return undefined;
  // A noun or adjective that happens to end like a verb ("the budget", "a recent") governs nothing; a participle or gerund does.
  if (
    !/(?:ed|ing)$/.test(verb) &&
    !/^(?:prosecute|target|seize|recover|arrest|charge|stop|search|visit|rescue|safeguard|detain|confiscate|steal|launder|send|smuggle|import|export|traffic|forge|defraud|burgle|rob|attack|assault|kill|injure|victimise|convict|sentence|jail|refer|support|contact|interview|identify|disrupt|close|dismantle|raid|administer|issue|make|carry|execute)$/.test(
      verb,
    )
  )
    return undefined;
  const participle = participleOf(verb);
  return isParticiple(participle) ? participle : undefined;
}
