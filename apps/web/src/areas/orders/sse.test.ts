import { describe, expect, it } from 'vitest';
import { parseSse } from './sse.ts';

describe('server-sent events', () => {
  it('yields each complete event and keeps the unfinished one for the next chunk', () => {
    const first = parseSse('data: {"a":1}\n\ndata: {"a"');
    expect(first).toEqual({ data: ['{"a":1}'], rest: 'data: {"a"' });
    const second = parseSse(`${first.rest}:2}\n\n`);
    expect(second).toEqual({ data: ['{"a":2}'], rest: '' });
  });

  it('joins multi-line data, ignores comments, ids and event names, and accepts CRLF', () => {
    const { data } = parseSse(
      ': keep-alive\r\n\r\nid: 7\r\nevent: order\r\ndata: line1\r\ndata: line2\r\n\r\n',
    );
    expect(data).toEqual(['line1\nline2']);
  });
});
