import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';

const found = (text: string) =>
  analyze(`Headline\n\n${text}`)
    .annotations.filter((a) => a.kind !== 'figure')
    .map((a) => `${a.kind}:${a.text}`);

describe('legal terms: offences named in crime statistics', () => {
  it('finds fraud, homicide, arson, people smuggling, criminal damage, stalking and harassment by name', () => {
    assert.deepEqual(
      found('Recorded homicides fell, while fraud, arson and criminal damage rose; stalking and harassment cases and people smuggling gangs were targeted.'),
      [
        'legal-term:homicides',
        'legal-term:fraud',
        'legal-term:arson',
        'legal-term:criminal damage',
        'legal-term:stalking and harassment',
        'legal-term:people smuggling',
      ],
    );
  });

  it("does not take a legal term out of an organisation's name", () => {
    assert.deepEqual(found('The Serious Fraud Office said fraud had doubled.'), ['organisation:Serious Fraud Office', 'legal-term:fraud']);
  });
});
