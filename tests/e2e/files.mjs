// Files the end-to-end tests upload. The sandbox reads every upload whole with
// a parser of its type (a PDF must open, an image must decode), so these are
// real files, not magic bytes followed by filler. Plain JavaScript, so that the
// benchmark (bench/bench.mjs) builds its PDF with the same code.

/** Bytes that make the smallest `pdfOfSize()`: its padding stream empty. */
export const MIN_PDF_BYTES = 430;

/**
 * A minimal PDF that readers open, of exactly `size` bytes: header, catalog,
 * page tree, one page whose content stream (comments, which draw nothing)
 * pads it to `size`, a cross-reference table with each object's offset,
 * trailer, `startxref` and `%%EOF`. Plain ASCII, so that it survives being
 * made into a `File` from a string.
 * @param {number} size
 * @returns {Buffer}
 */
export function pdfOfSize(size) {
  if (size < MIN_PDF_BYTES) throw new Error(`a PDF of ${size} bytes is too small`);
  const padding = size - MIN_PDF_BYTES;
  const parts = [Buffer.from('%PDF-1.7\n')];
  let length = parts[0].length;
  const push = (b) => {
    parts.push(b);
    length += b.length;
  };
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    // Zero-padded: the same width whatever the length.
    `<< /Length ${String(padding).padStart(10, '0')} >>`,
  ];
  const offsets = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${object}\n`));
    if (i === 3) {
      push(Buffer.from('stream\n'));
      const fill = Buffer.alloc(padding, 'x');
      for (let at = 0; at < padding; at += 64) fill[at] = 0x25; // '%'
      for (let at = 63; at < padding; at += 64) fill[at] = 0x0a; // '\n'
      push(fill);
      push(Buffer.from('\nendstream\n'));
    }
    push(Buffer.from('endobj\n'));
  });
  const xref = length;
  push(Buffer.from('xref\n0 5\n0000000000 65535 f \n'));
  for (const offset of offsets) push(Buffer.from(`${String(offset).padStart(10, '0')} 00000 n \n`));
  push(Buffer.from(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${String(xref).padStart(10, '0')}\n%%EOF\n`));
  const out = Buffer.concat(parts);
  if (out.length !== size) throw new Error(`built ${out.length} bytes, not ${size}`);
  return out;
}

/** A valid 1×1 grey PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55' +
    '0000000a49444154789c63f80f0001010100b138f6140000000049454e44ae426082',
  'hex',
);
