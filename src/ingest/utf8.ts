/**
 * Offset of the first byte at which `bytes` stops being valid UTF-8, or -1
 * when all of it is valid. TextDecoder only says *that* input is invalid;
 * someone fixing a file needs to know *where*. The rules are those of the
 * WHATWG decoder: overlong forms, surrogates and code points above U+10FFFF
 * are invalid, and a broken or truncated sequence is reported at its lead byte.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const shape = sequenceShape(lead);
    if (shape === null) return i;
    for (let k = 1; k <= shape.continuations; k++) {
      const byte = bytes[i + k];
      const low = k === 1 ? shape.secondLow : 0x80;
      const high = k === 1 ? shape.secondHigh : 0xbf;
      if (byte === undefined || byte < low || byte > high) return i;
    }
    i += shape.continuations + 1;
  }
  return -1;
}

interface SequenceShape {
  continuations: number;
  /** The second byte's range is narrower for some leads: that is what rules out overlongs and surrogates. */
  secondLow: number;
  secondHigh: number;
}

function sequenceShape(lead: number): SequenceShape | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { continuations: 1, secondLow: 0x80, secondHigh: 0xbf };
  if (lead === 0xe0) return { continuations: 2, secondLow: 0xa0, secondHigh: 0xbf };
  if (lead === 0xed) return { continuations: 2, secondLow: 0x80, secondHigh: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { continuations: 2, secondLow: 0x80, secondHigh: 0xbf };
  if (lead === 0xf0) return { continuations: 3, secondLow: 0x90, secondHigh: 0xbf };
  if (lead === 0xf4) return { continuations: 3, secondLow: 0x80, secondHigh: 0x8f };
  if (lead >= 0xf1 && lead <= 0xf3) return { continuations: 3, secondLow: 0x80, secondHigh: 0xbf };
  return null;
}
