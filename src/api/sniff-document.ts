/** The documents Inbank takes as income proof, with what the plugin forwards them as. */
export const DOCUMENT_TYPES = {
  pdf: { contentType: "application/pdf", extension: "pdf" },
  jpeg: { contentType: "image/jpeg", extension: "jpg" },
  png: { contentType: "image/png", extension: "png" },
} as const

export type DocumentKind = keyof typeof DOCUMENT_TYPES

/** How many leading bytes `sniffDocument` needs. */
export const SNIFF_BYTES = 8

const SIGNATURES: [DocumentKind, number[]][] = [
  ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]], // "%PDF-" (ISO 32000-1, 7.5.2 File header)
  ["jpeg", [0xff, 0xd8, 0xff]], // SOI marker, then the first segment's marker
  ["png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]], // PNG signature (RFC 2083, 3.1)
]

/**
 * What a file is by its first bytes (at least SNIFF_BYTES of them), whatever its name or declared
 * type say; null for anything but a PDF, JPEG or PNG. Three fixed signatures: hand-written, as a
 * content-type library (file-type, ESM-only) would add a dependency for three comparisons.
 */
export function sniffDocument(head: Uint8Array): DocumentKind | null {
  const match = SIGNATURES.find(([, signature]) => signature.every((byte, i) => head[i] === byte))
  return match ? match[0] : null
}
