// The names the glue and the main module share, shortened.
//
// wasm-bindgen ends each import and closure shim it names with a 16-digit hash
// (`__wbg_get_2080c49015e35254`): some 200 names, written in the glue and in
// the module's import and export sections, whose hashes brotli cannot
// compress (about 3 KB of the payment step's bytes). Each becomes its readable
// stem and a short number (`__wbg_get_4`), the same in both files. The parts
// name none of them (they link to the main module by the linker's names).

const HASHED = /\b([A-Za-z_][A-Za-z0-9_]*?_h?)([0-9a-f]{16})\b/g;

/** `glue` (text) and `wasm` (bytes) with every hashed name shortened alike. */
export function shortenNames(glue, wasm) {
  const renamed = new Map();
  let next = 0;
  const shortGlue = glue.replace(HASHED, (name, stem) => {
    if (!renamed.has(name)) renamed.set(name, `${stem}${(next++).toString(36)}`);
    return renamed.get(name);
  });
  return { glue: shortGlue, wasm: renameInModule(wasm, renamed), count: renamed.size };
}

/** The module with its import fields and export names renamed by `renamed`. */
function renameInModule(bytes, renamed) {
  const reader = new Reader(bytes);
  const out = [bytes.subarray(0, 8)];
  reader.at = 8;
  while (reader.at < bytes.length) {
    const start = reader.at;
    const id = reader.byte();
    const size = reader.u32();
    const end = reader.at + size;
    if (id === 2 || id === 7) {
      const body = id === 2 ? importSection(reader, renamed) : exportSection(reader, renamed);
      if (reader.at !== end) throw new Error(`section ${id} read to ${reader.at}, ends at ${end}`);
      out.push(Uint8Array.of(id), leb(body.length), body);
    } else {
      out.push(bytes.subarray(start, end));
    }
    reader.at = end;
  }
  return Buffer.concat(out);
}

function importSection(reader, renamed) {
  const count = reader.u32();
  const parts = [leb(count)];
  for (let i = 0; i < count; i++) {
    const module = reader.name();
    const field = reader.name();
    const from = reader.at;
    skipImportDescription(reader);
    parts.push(name(module), name(renamed.get(field) ?? field), reader.bytes.subarray(from, reader.at));
  }
  return Buffer.concat(parts);
}

function exportSection(reader, renamed) {
  const count = reader.u32();
  const parts = [leb(count)];
  for (let i = 0; i < count; i++) {
    const exported = reader.name();
    const from = reader.at;
    reader.byte();
    reader.u32();
    parts.push(name(renamed.get(exported) ?? exported), reader.bytes.subarray(from, reader.at));
  }
  return Buffer.concat(parts);
}

function skipImportDescription(reader) {
  const kind = reader.byte();
  if (kind === 0x00) reader.u32(); // function: its type
  else if (kind === 0x01) {
    reader.byte(); // table: its element type, then its limits
    skipLimits(reader);
  } else if (kind === 0x02) skipLimits(reader); // memory
  else if (kind === 0x03) reader.at += 2; // global: value type, mutability
  else if (kind === 0x04) {
    reader.byte(); // tag: attribute, then its type
    reader.u32();
  } else throw new Error(`unknown import kind ${kind}`);
}

function skipLimits(reader) {
  const flags = reader.byte();
  reader.u32();
  if (flags & 1) reader.u32();
}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }
  byte() {
    return this.bytes[this.at++];
  }
  u32() {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      value |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (b < 0x80) return Number(value);
    }
  }
  name() {
    const length = this.u32();
    const text = Buffer.from(this.bytes.subarray(this.at, this.at + length)).toString('utf8');
    this.at += length;
    return text;
  }
}

function leb(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value >>>= 7;
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return Uint8Array.from(out);
}

function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
}
