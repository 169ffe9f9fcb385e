import { describe, expect, it } from 'vitest';
import { banksThatFit, MIN_CELL_PX } from './bank-fit';

describe('banksThatFit', () => {
  it('fits whole banks of cells no narrower than the floor, at least one', () => {
    const bank = 8 * MIN_CELL_PX + 7 * 10;
    expect(banksThatFit(bank - 1, 8, 10)).toBe(1);
    expect(banksThatFit(2 * bank + 20, 8, 10)).toBe(2);
    expect(banksThatFit(2 * bank + 19, 8, 10)).toBe(1);
    expect(banksThatFit(0, 8, 10)).toBe(1);
  });

  it('takes the panels a 13" tablet and an 11" one leave for the banks', () => {
    // the page's and the panel's padding and borders off the screen's width
    expect(banksThatFit(1366 - 42, 8, 10)).toBe(2);
    expect(banksThatFit(1194 - 42, 8, 10)).toBe(1);
    expect(banksThatFit(390 - 26, 8, 4)).toBe(1);
    expect(banksThatFit(1194 - 42, 4, 10)).toBe(3);
  });
});
