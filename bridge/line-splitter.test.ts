import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

describe('LineSplitter', () => {
  describe('#push', () => {
    it('joins lines split across chunks and skips empty lines', () => {
      const splitter = new LineSplitter(100);
      expect(splitter.push(Buffer.from('{"a":'))).toEqual([]);
      expect(splitter.push(Buffer.from('1}\n\n{"b":2}\n{"c"'))).toEqual(['{"a":1}', '{"b":2}']);
      expect(splitter.push(Buffer.from(':3}\n'))).toEqual(['{"c":3}']);
    });

    it('keeps a UTF-8 character cut between chunks whole', () => {
      const splitter = new LineSplitter(100);
      const bytes = Buffer.from('"Café"\n');
      expect(splitter.push(bytes.subarray(0, 4))).toEqual([]);
      expect(splitter.push(bytes.subarray(4))).toEqual(['"Café"']);
    });

    it('drops an over-long line, reports it, and reads the next ones', () => {
      const oversize: number[] = [];
      const splitter = new LineSplitter(10, (bytes) => oversize.push(bytes));
      expect(splitter.push(Buffer.from('x'.repeat(8)))).toEqual([]);
      expect(splitter.push(Buffer.from('x'.repeat(8)))).toEqual([]);
      expect(splitter.push(Buffer.from('xxx\nok\n'))).toEqual(['ok']);
      expect(splitter.push(Buffer.from(`${'y'.repeat(20)}\nfine\n`))).toEqual(['fine']);
      expect(oversize).toEqual([16, 20]);
    });
  });
});
