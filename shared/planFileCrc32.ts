// CRC-32 (IEEE 802.3, the one zlib, PNG and ZIP use), in pure TypeScript because shared/ may not
// import node:zlib. It guards plan files against accidental damage (a truncated download, a bad
// USB stick); it is not a defence against deliberate tampering, which the decoder's validation
// of the metadata and the Yjs state covers.

const POLYNOMIAL = 0xedb88320; // the reversed IEEE polynomial

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let value = byte;
    for (let bit = 0; bit < 8; bit += 1) {
      value = value & 1 ? (value >>> 1) ^ POLYNOMIAL : value >>> 1;
    }
    table[byte] = value >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = (TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
