/**
 * Turns the bytes of an uploaded resource into text, honouring a byte order mark and the
 * `encoding` of the XML declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`), so models
 * saved in Latin-1 keep their accented names. Unknown encodings fall back to UTF-8.
 */
export function decodeResource(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (declared !== undefined) {
    try {
      return new TextDecoder(declared.toLowerCase()).decode(bytes);
    } catch {
      // An encoding TextDecoder does not know: read as UTF-8, the XML default.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
