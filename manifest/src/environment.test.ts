// Reading Agents Toolkit env files and filling `${{NAME}}` placeholders the way the toolkit does.
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, MissingVariablesError, parseEnvFile, placeholdersIn } from './environment.ts';

/** `${{NAME}}`, written so that no plain string literal holds a `${`. */
const ph = (name: string) => `\${{${name}}}`;

describe('env files and placeholders', () => {
  it('reads NAME=value lines, skips comments, unquotes, and treats a blank value as unset', () => {
    const text = '# comment\nA=1\nB="two words"\nC=\nD=x # trailing note\n  E = \'q\'\nnot a line\n';
    expect(parseEnvFile(text)).toEqual({ A: '1', B: 'two words', D: 'x', E: 'q' });
  });

  it('lists the placeholders a template uses, once each', () => {
    expect(placeholdersIn(`${ph('A')}/${ph('B')}/\${{ A }}`)).toEqual(['A', 'B']);
  });

  it('fills values escaped for a JSON string', () => {
    expect(fillPlaceholders(`{"n":"${ph('NAME')}"}`, { NAME: 'say "hi"' }, 't')).toBe('{"n":"say \\"hi\\""}');
  });

  it('names every missing variable, except optional ones', () => {
    const fill = () => fillPlaceholders(ph('A') + ph('B') + ph('C'), { B: 'b' }, 'the template', ['C']);
    expect(fill).toThrow(MissingVariablesError);
    expect(fill).toThrow('the template needs these environment variables, which are empty or unset: A');
  });
});
