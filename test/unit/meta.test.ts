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
    const text = '20 October 2023 00:01 Force shuts 12 lines in week of action Officers from the force led a regional week of action.\n\nOfficers from the force led a regional week of action in the south.';
    assert.deepEqual(metaOf(text), { title: 'Force shuts 12 lines in week of action', date: '2023-10-20' });
  });
  it('gives no title when the first line is a sentence, and falls back to the most-mentioned force', () => {
    const text = 'More than 90 people were arrested, Kent Police said.\nKent Police thanked the public.';
    const entities = [org(text, 'Kent Police', 'kent'), org(text, 'Kent Police', 'kent', 'police-force', 40)];
    assert.deepEqual(metaOf(text, entities), { publisher: 'kent', claimant: 'kent' });
  });
  it('returns nothing for empty or odd input', () => {
    assert.deepEqual(metaOf(''), {});
    assert.deepEqual(metaOf('\u0000\r\n\r\n'), {});
  });
});
