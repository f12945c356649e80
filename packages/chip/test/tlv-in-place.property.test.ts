import { isCancuocError } from '@cancuoc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTlv, type TlvNode, tlvChildren } from '../src/index.js';

// tlvChildren reads a parsed node's children in place (no view per level); the result must be the
// same as reading the node's value as a buffer of its own.
function shape(nodes: TlvNode[]): unknown {
  return nodes.map((n) => ({
    tag: n.tag,
    offset: n.offset,
    headerLength: n.headerLength,
    indefinite: n.indefinite,
    value: Array.from(n.value),
    raw: Array.from(n.raw),
  }));
}

function outcome(fn: () => TlvNode[]): unknown {
  try {
    return shape(fn());
  } catch (e) {
    if (!isCancuocError(e)) throw e;
    return { code: e.code, details: e.details };
  }
}

const tlv = (tag: number, value: Uint8Array) =>
  new Uint8Array([tag, ...(value.length < 0x80 ? [value.length] : [0x81, value.length]), ...value]);

describe('tlvChildren in place', () => {
  it('matches reading the value as its own buffer, for well-formed and broken children', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0x02, 0x04, 0x30, 0x31, 0xa0), fc.uint8Array({ maxLength: 20 })), {
          maxLength: 6,
        }),
        fc.uint8Array({ maxLength: 8 }),
        fc.boolean(),
        (children, junk, indefinite) => {
          const body = new Uint8Array([...children.flatMap(([t, v]) => [...tlv(t, v)]), ...junk]);
          const bytes = indefinite ? new Uint8Array([0x30, 0x80, ...body, 0, 0]) : tlv(0x30, body);
          let node: TlvNode;
          try {
            node = parseTlv(bytes);
          } catch (e) {
            expect(isCancuocError(e)).toBe(true);
            return;
          }
          expect(outcome(() => tlvChildren(node))).toEqual(outcome(() => tlvChildren(node.value)));
          expect(outcome(() => tlvChildren(node))).toEqual(outcome(() => tlvChildren(node.value.slice())));
        },
      ),
    );
  });

  it('reads grandchildren with offsets relative to their parent value', () => {
    const inner = tlv(
      0x30,
      new Uint8Array([...tlv(0x02, new Uint8Array([5])), ...tlv(0x04, new Uint8Array([1, 2]))]),
    );
    const root = parseTlv(tlv(0x31, new Uint8Array([...tlv(0x05, new Uint8Array()), ...inner])));
    const [, seq] = tlvChildren(root);
    expect(seq!.offset).toBe(2);
    const [int, oct] = tlvChildren(seq!);
    expect([int!.offset, oct!.offset]).toEqual([0, 3]);
    expect(Array.from(oct!.value)).toEqual([1, 2]);
  });
});
