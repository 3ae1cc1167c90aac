import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import nock from "nock"
import { APP, BASE, makeClient, SHOP } from "./fixtures"

describe("InbankClient.uploadAttachments with a file on disk", () => {
  afterEach(() => nock.cleanAll())

  it("sends a file-backed Blob as one attachments[] part with its own type, under the given name", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inbank-attachments-test-"))
    const file = path.join(dir, "random-name")
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(256 * 1024, 7),
    ])
    fs.writeFileSync(file, png)
    let sent = Buffer.alloc(0)
    nock(BASE)
      .post(`/partner/v2/shops/${SHOP}/applications/${APP}/attachments`)
      .reply(200, function (_uri, body) {
        sent = Buffer.from(body as string, "hex")
        return {}
      })

    try {
      await makeClient().uploadAttachments(APP, {
        files: [{ filename: "dochod-1.png", content: await fs.openAsBlob(file, { type: "image/png" }) }],
      })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }

    const text = sent.toString("latin1")
    expect(text).toContain('name="attachments[]"; filename="dochod-1.png"\r\nContent-Type: image/png\r\n\r\n')
    expect(sent.includes(png)).toBe(true)
  })
})
