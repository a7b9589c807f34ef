import { describe, expect, it } from 'vitest';
import { fieldConflict, shouldWrite } from './fieldConflict';

describe('a field edited here while someone else changes it', () => {
  it('is no conflict when nobody else changed it', () => {
    expect(fieldConflict('40', '40', '55')).toEqual({ kind: 'none' });
  });

  it('is no conflict when both made the same change', () => {
    expect(fieldConflict('40', '55', '55')).toEqual({ kind: 'none' });
  });

  it('shows their value when this person changed nothing', () => {
    expect(fieldConflict('40', '70', '40')).toEqual({ kind: 'changed', theirs: '70' });
  });

  it('offers both values when both changed it', () => {
    expect(fieldConflict('40', '70', '55')).toEqual({ kind: 'both', theirs: '70', mine: '55' });
  });

  it('never writes back the value the edit began with over their change', () => {
    expect(shouldWrite('40', '70', '40')).toBe(false);
    expect(shouldWrite('40', '70', '55')).toBe(true);
    expect(shouldWrite('40', '40', '40')).toBe(false);
  });
});
