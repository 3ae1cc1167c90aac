import { sniffDocument } from "../sniff-document"

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((v) => (typeof v === "string" ? [...Buffer.from(v, "latin1")] : [v])))

describe("sniffDocument", () => {
  it.each([
    ["a PDF", bytes("%PDF-1.7\n%"), "pdf"],
    ["a JPEG (JFIF)", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JF"), "jpeg"],
    ["a JPEG (Exif)", bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0x10, "Ex"), "jpeg"],
    ["a PNG", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a), "png"],
  ])("recognises %s by its first bytes", (_name, head, kind) => {
    expect(sniffDocument(head)).toBe(kind)
  })

  it.each([
    ["text in a file named .pdf", bytes("Jan Kowalski 9001")],
    ["PDF text later in the file", bytes(" %PDF-1.7")],
    ["a PNG signature cut short", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a)],
    ["a PNG signature with a wrong byte", bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x00)],
    ["HTML", bytes("<!doctype html>")],
    ["a GIF", bytes("GIF89a", 0, 0)],
    ["a ZIP (docx)", bytes("PK", 3, 4, 0, 0, 0, 0)],
    ["an empty file", bytes()],
  ])("refuses %s", (_name, head) => {
    expect(sniffDocument(head)).toBeNull()
  })
})
