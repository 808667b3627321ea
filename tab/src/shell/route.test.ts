import { describe, expect, it } from 'vitest';
import { parseRoute, routeToSearch } from './route.ts';

describe('deep links open the right workspace in every host', () => {
  it('?meeting=<id> and ?series=<id> name the workspace', () => {
    expect(parseRoute('?meeting=abc')).toEqual({ screen: 'meeting', id: 'abc' });
    expect(parseRoute('?series=def')).toEqual({ screen: 'series', id: 'def' });
    expect(parseRoute('')).toEqual({ screen: 'list' });
    expect(parseRoute('?page=admin')).toEqual({ screen: 'admin' });
  });

  it("Teams' sub-entity id carries the same targets", () => {
    expect(parseRoute('', 'meeting:abc')).toEqual({ screen: 'meeting', id: 'abc' });
    expect(parseRoute('', 'series:def')).toEqual({ screen: 'series', id: 'def' });
    expect(parseRoute('', 'nonsense')).toEqual({ screen: 'list' });
  });

  it('navigation keeps the host parameter', () => {
    expect(routeToSearch({ screen: 'meeting', id: 'x' }, '?host=teams&meeting=y')).toBe(
      '?host=teams&meeting=x',
    );
    expect(routeToSearch({ screen: 'list' }, '?series=z')).toBe('');
  });
});
