import * as assert from 'node:assert/strict';
import { readMeta } from '../../src/core/extract/meta';
import { LineIndex } from '../../src/core/text/lines';
import { org } from './figures.helpers';

const metaOf = (text: string, entities: ReturnType<typeof org>[] = []) => readMeta(text, { entities, lineIndex: new LineIndex(text) });

describe('readMeta', () => {
  it('takes the headline and a dateline at the top', () => {
    assert.deepEqual(metaOf('Essex Police close 40 lines in a week\n\n14 March 2024 09:30\n\nOfficers made 51 arrests.'), {
      title: 'Essex Police close 40 lines in a week',
      date: '2024-03-14',
    });
  });
  it('reads a "Follow" line as the publisher and skips it for the title', () => {
    const text = 'Follow Thames Valley Police\n\nThames Valley reveals drug line results\n\nNews • Mar 05, 2021 10:15 GMT\n\nBody.';
    assert.deepEqual(metaOf(text), { title: 'Thames Valley reveals drug line results', publisher: 'thames-valley-police', date: '2021-03-05' });
  });
  it('uses the lexicon id when the publisher is a known organisation', () => {
    const text = 'Results of the week\nPublished by Kent Police, 18 October 2023\n\nBody.';
    assert.equal(metaOf(text, [org(text, 'Kent Police', 'kent')]).publisher, 'kent');
  });
  it('maps a closing source line to the organisation the domain names', () => {
    const text = 'Crackdown brings charges\n\nThe Courier said so.\n\nsource: thecourier.co.uk';
    assert.equal(metaOf(text, [org(text, 'Courier', 'courier', 'media')]).publisher, 'courier');
    assert.equal(metaOf(text).publisher, 'thecourier');
  });
  it('cuts a headline run together with a lede that reappears below', () => {
    const text =
      '20 October 2023 00:01 Force shuts 12 lines in week of action Officers from the force led a regional week of action.\n\nOfficers from the force led a regional week of action in the south.';
    assert.deepEqual(metaOf(text), { title: 'Force shuts 12 lines in week of action', date: '2023-10-20' });
  });
  it('gives no title when the first line is a sentence, and falls back to the most-mentioned force', () => {
    const text = 'More than 90 people were arrested, Kent Police said.\nKent Police thanked the public.';
    const entities = [org(text, 'Kent Police', 'kent'), org(text, 'Kent Police', 'kent', 'police-force', 40)];
    assert.deepEqual(metaOf(text, entities), { publisher: 'kent', claimant: 'kent' });
  });
  it('reads the period the headline and lede report, with the year from the dateline', () => {
    const text =
      'Force shuts 14 lines in week of action\nPublished by Kent Police, 18 October 2023\n\nKent Police closed 14 lines in a week.\n\nThe activity, from 9 to 15 October, was part of a national week.';
    assert.deepEqual(metaOf(text, [org(text, 'Kent Police', 'kent'), org(text, 'Kent Police', 'kent', 'police-force', 60)]).period, {
      text: 'from 9 to 15 October',
      from: '2023-10-09',
      to: '2023-10-15',
    });
  });
  it('takes no single date or year in the lede as the period of the figures', () => {
    const text = 'Crackdown continues\nPublished by Kent Police, 18 October 2023\n\nThe unit, set up in 2018, made 40 arrests in its latest week of action.';
    assert.equal(metaOf(text).period, undefined);
  });
  it('reads who the lede reports for, which may differ from the publisher', () => {
    const text =
      "Results of the week\nPublished by the National Police Chiefs' Council, 19 October 2023\n\nForces made 900 arrests, the National County Lines Coordination Centre has confirmed.";
    const meta = metaOf(text, [
      org(text, "National Police Chiefs' Council", 'npcc', 'national-agency'),
      org(text, 'National County Lines Coordination Centre', 'nclcc', 'national-agency'),
    ]);
    assert.equal(meta.publisher, 'npcc');
    assert.equal(meta.claimant, 'nclcc');
  });
  it('remembers the programme the lede names', () => {
    const text =
      'More money for lines work\nPublished by the Home Office, 2 May 2024\n\nThe Home Office has renewed the Rural Lines Programme for another year of work.';
    assert.equal(metaOf(text).programme, 'rural-lines-programme');
  });
  it('reads an outlet from a "report by" credit, not its editor', () => {
    const text = 'Why the year matters\n\n  • Video report by Tyne News National Editor Jo Bloggs\n\nToday the watchdog said something.';
    assert.equal(metaOf(text, [org(text, 'Tyne News', 'tyne-news', 'media')]).publisher, 'tyne-news');
  });
  it('returns nothing for empty or odd input', () => {
    assert.deepEqual(metaOf(''), {});
    assert.deepEqual(metaOf('\u0000\r\n\r\n'), {});
  });
});
