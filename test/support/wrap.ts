/**
 * Wraps each line of a text longer than `width` the way an editor's rewrap does (greedily, at spaces),
 * for tests of hard-wrapped documents; a word longer than the width stays whole.
 */
export function wrapAt(text: string, width: number, eol = '\n'): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ').filter(Boolean)) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push(current);
      return out.join(eol);
    })
    .join(eol);
}
