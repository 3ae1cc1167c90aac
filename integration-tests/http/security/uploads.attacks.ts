import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { capturedLogs } from "../../fixtures/captured-logs"
import { eventually } from "../../fixtures/eventually"
import { streamUpload, UploadPart } from "../../fixtures/multipart-upload"
import { applicantForm } from "../../fixtures/shopper"
import { INBANK_MODULE } from "../../../src/modules/inbank"
import type { SecurityContext } from "./context"

const MB = 1024 * 1024
const PDF = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
/** File names as shoppers choose them: their name and PESEL. None may be echoed, logged or forwarded. */
const NAMES = ["Kowalski_Jan_90010112345.pdf", "wyciag 44061512345 Nowak.pdf", "pasek-Wisniewska-85121298765.png"]

/** Income-proof uploads: memory, content, file names, concurrency. */
export function uploadAttacks(ctx: SecurityContext) {
  const url = (cartId: string) => `${ctx.api.defaults.baseURL}/store/carts/${cartId}/inbank/income-proof`
  const headers = () => ({ "x-publishable-api-key": ctx.store().publishableKey })
  const upload = (cartId: string, parts: UploadPart[], options?: { holdAfterBytes?: number }) =>
    streamUpload(url(cartId), headers(), parts, options)
  const attachmentCalls = () => ctx.sandbox.bank.state.requests.filter((r) => r.endpoint === "uploadAttachments").length
  /** Files the route keeps while it works: Medusa runs in this process, in a folder named after its pid. */
  const tempFiles = () =>
    fs
      .readdirSync(os.tmpdir())
      .filter((name) => name.startsWith(`inbank-income-proof-${process.pid}-`))
      .flatMap((dir) => fs.readdirSync(path.join(os.tmpdir(), dir)))

  /**
   * A cart whose application waits for income proof (the sandbox's "Income" applicant); Medusa's runner restores the
   * database before each test.
   */
  const incomeProofCart = async () => {
    const shop = ctx.shop()
    const cartId = await shop.cart(ctx.store().variants.p399)
    const form = applicantForm("Income")
    ctx.remember(form)
    const applied = await shop.post(`/store/carts/${cartId}/inbank/application`, form)
    expect(applied.data.inbank.next_action.type).toBe("upload_income_proof")
    return { cartId, uuid: applied.data.inbank.application.uuid as string }
  }
  /** One after the other: carts made at once race to create the same guest customer. */
  const incomeProofCarts = async (count: number) => {
    const carts: Awaited<ReturnType<typeof incomeProofCart>>[] = []
    for (let i = 0; i < count; i += 1) carts.push(await incomeProofCart())
    return carts
  }
  /** The answer is written before the files are deleted (on the response's close). */
  const noTempFilesLeft = () => eventually(async () => tempFiles().length === 0, 5_000)
  const options = () =>
    ctx.getContainer().resolve(INBANK_MODULE).settings as { maxConcurrentUploads: number; uploadTimeoutSeconds: number }
  /** `promise`, or a clear failure after `ms` (instead of jest's timeout). */
  const within = <T>(ms: number, promise: Promise<T>, what: string) =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)),
    ])
  /** A slow-loris upload: the start of a PDF, then one byte at a time, with no Content-Length. */
  const trickling = (cartId: string, everyMs = 500) =>
    upload(cartId, [{ filename: NAMES[0], contentType: "application/pdf", size: 5 * MB, head: PDF }], {
      chunked: true,
      trickle: { afterBytes: 1024, everyMs },
    })
  const smallPdf = (): UploadPart[] => [{ filename: NAMES[1], contentType: "application/pdf", size: 2048, head: PDF }]

  it("refuses 20 concurrent 50 MB uploads to carts without an application before reading them: memory stays flat", async () => {
    const shop = ctx.shop()
    const withoutApplication = await shop.cart(ctx.store().variants.p399)
    const carts = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? withoutApplication : `cart_01UNKNOWN${String(i).padStart(12, "0")}`,
    )
    const fiveFiles = NAMES.concat(NAMES)
      .slice(0, 5)
      .map((filename) => ({ filename, contentType: "application/pdf", size: 10 * MB, head: PDF }))
    const before = { rss: process.memoryUsage().rss, calls: ctx.sandbox.bank.state.requests.length }

    const uploads = carts.map((cartId) => upload(cartId, fiveFiles))
    const answers = await Promise.all(uploads.map((u) => u.answer))

    const grewMb = (process.memoryUsage().rss - before.rss) / MB
    expect(answers.map((a) => a.status)).toEqual(carts.map(() => 404))
    expect(grewMb).toBeLessThan(50)
    expect(ctx.sandbox.bank.state.requests.length).toBe(before.calls)
    expect(answers[1].body).toMatchObject({ code: "application_not_found" })
    expect(answers[1].headers.connection).toBe("close")
  })

  it("refuses an upload when the application does not ask for income proof, before reading it", async () => {
    const shop = ctx.shop()
    const cartId = await shop.cart(ctx.store().variants.p399)
    const form = applicantForm()
    ctx.remember(form)
    expect((await shop.post(`/store/carts/${cartId}/inbank/application`, form)).data.inbank.next_action.type).not.toBe(
      "upload_income_proof",
    )
    const calls = attachmentCalls()

    const sent = upload(cartId, [{ filename: NAMES[0], contentType: "application/pdf", size: 10 * MB, head: PDF }])
    const answer = await sent.answer

    expect(answer.status).toBe(409)
    expect(answer.body).toMatchObject({ code: "income_proof_not_required", field: "files" })
    expect(sent.written()).toBeLessThan(10 * MB)
    expect(attachmentCalls()).toBe(calls)
  })

  it("sniffs the content: a text file named .pdf, or script declared as an image, is refused whatever its declared type", async () => {
    const { cartId } = await incomeProofCart()
    const calls = attachmentCalls()
    const text = Buffer.from("Jan Kowalski, PESEL 90010112345, dochód 7345,67 zł")
    const attempts = [
      [{ filename: NAMES[0], contentType: "application/pdf", size: text.length, head: text }],
      [
        { filename: NAMES[1], contentType: "application/pdf", size: 2048, head: PDF },
        { filename: NAMES[2], contentType: "image/png", size: 64, head: Buffer.from("<script>alert(1)</script>") },
      ],
    ]
    for (const parts of attempts) {
      const answer = await upload(cartId, parts).answer
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({ code: "unsupported_file_type", field: "files" })
      expect(answer.body.message).toMatch(/PDF, JPG lub PNG/)
      for (const name of NAMES) expect(answer.text).not.toContain(name)
    }
    expect(attachmentCalls()).toBe(calls)
    await noTempFilesLeft()
  })

  it("refuses a file over 10 MB, a sixth file, and a body declared over 5 × 10 MB (unread) on a cart that awaits income proof: 413, nothing forwarded", async () => {
    const { cartId } = await incomeProofCart()
    const calls = attachmentCalls()
    const tooLarge = await upload(cartId, [
      { filename: NAMES[0], contentType: "application/pdf", size: 10 * MB + 1, head: PDF },
    ]).answer
    const six = Array.from({ length: 6 }, () => ({
      filename: NAMES[1],
      contentType: "application/pdf",
      size: 1024,
      head: PDF,
    }))
    const tooMany = await upload(cartId, six).answer
    const huge = upload(cartId, [{ filename: NAMES[2], contentType: "application/pdf", size: 200 * MB, head: PDF }])
    const declaredTooLarge = await huge.answer

    expect([tooLarge.status, tooMany.status, declaredTooLarge.status]).toEqual([413, 413, 413])
    expect(tooLarge.body).toMatchObject({ code: "file_too_large", field: "files" })
    expect(tooMany.body).toMatchObject({ code: "too_many_files", field: "files" })
    expect(declaredTooLarge.body).toMatchObject({ code: "request_too_large", field: "files" })
    expect(declaredTooLarge.headers.connection).toBe("close")
    expect(huge.written()).toBeLessThan(20 * MB)
    for (const name of NAMES) expect(tooLarge.text + tooMany.text + declaredTooLarge.text).not.toContain(name)
    expect(attachmentCalls()).toBe(calls)
    await noTempFilesLeft()
  })

  it("caps uploads in progress per process: one more gets 503 with Retry-After; uploads that go away free their slot and files", async () => {
    const cap = options().maxConcurrentUploads
    // One upload at a time per cart: filling every slot takes as many carts awaiting income proof.
    const carts = await incomeProofCarts(cap + 1)
    const { cartId } = carts[0]
    const slow = carts.slice(0, cap).map((cart) =>
      upload(cart.cartId, [{ filename: NAMES[0], contentType: "application/pdf", size: 5 * MB, head: PDF }], {
        holdAfterBytes: MB,
      }),
    )
    await eventually(async () => tempFiles().length === cap)

    const refused = await upload(carts[cap].cartId, [
      { filename: NAMES[1], contentType: "application/pdf", size: 1024, head: PDF },
    ]).answer
    expect(refused.status).toBe(503)
    expect(refused.body).toMatchObject({ code: "too_many_uploads", retriable: true })
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)

    slow.forEach((u) => u.abort())
    expect(
      await Promise.all(
        slow.map((u) =>
          u.answer.then(
            (a) => a.status,
            () => "gone",
          ),
        ),
      ),
    ).toEqual(slow.map(() => "gone"))
    await noTempFilesLeft()
    const text = Buffer.from("not a document")
    // A slot is free again: this one gets as far as the content check.
    const next = await upload(cartId, [
      { filename: NAMES[0], contentType: "application/pdf", size: text.length, head: text },
    ]).answer
    expect(next.status).toBe(400)
  })

  it("lets one cart hold one upload slot: more uploads to it while one trickles are refused 409 unread, and another cart's upload goes through", async () => {
    const cap = options().maxConcurrentUploads
    const [attacker, shopper] = [await incomeProofCart(), await incomeProofCart()]
    const first = trickling(attacker.cartId)
    await eventually(async () => tempFiles().length === 1)

    // As many again as the process has slots: without the per-cart rule they would take them all.
    const more = Array.from({ length: cap }, () => trickling(attacker.cartId))
    const refused = await within(10_000, Promise.all(more.map((u) => u.answer)), "refusals")
    expect(refused.map((a) => a.status)).toEqual(more.map(() => 409))
    expect(refused[0].body).toMatchObject({ code: "upload_in_progress", field: "files" })
    expect(refused[0].body.message).toMatch(/już przesyłane/)
    expect(refused.map((a) => a.headers.connection)).toEqual(more.map(() => "close"))
    await within(5_000, Promise.all(more.map((u) => u.closed)), "refused connections closed")
    expect(tempFiles()).toHaveLength(1)

    const normal = await upload(shopper.cartId, smallPdf()).answer
    expect(normal.status).toBe(200)
    first.abort()
    expect(
      await first.answer.then(
        (a) => a.status,
        () => "gone",
      ),
    ).toBe("gone")
    await noTempFilesLeft()
  })

  it("cuts trickling uploads at uploadTimeoutSeconds: 400 upload_timeout, connection closed, files deleted, slots free again", async () => {
    const { maxConcurrentUploads: cap, uploadTimeoutSeconds: timeout } = options()
    const carts = await incomeProofCarts(cap + 1)
    const started = Date.now()
    const slow = carts.slice(0, cap).map((cart) => trickling(cart.cartId, 1_000))
    await eventually(async () => tempFiles().length === cap)
    // They hold every slot until the deadline.
    expect((await upload(carts[cap].cartId, smallPdf()).answer).status).toBe(503)

    const answers = await within((timeout + 10) * 1000, Promise.all(slow.map((u) => u.answer)), "deadline answers")
    const seconds = (Date.now() - started) / 1000
    expect(answers.map((a) => a.status)).toEqual(slow.map(() => 400))
    expect(answers[0].body).toMatchObject({ code: "upload_timeout", field: "files" })
    expect(answers[0].body.message).toMatch(/zbyt długo/)
    expect(answers.map((a) => a.headers.connection)).toEqual(slow.map(() => "close"))
    expect(seconds).toBeGreaterThanOrEqual(timeout - 0.5)
    expect(seconds).toBeLessThan(timeout + 5)
    await within(5_000, Promise.all(slow.map((u) => u.closed)), "cut connections closed")
    for (const u of slow) expect(u.written()).toBeLessThan(1024 + 2 * timeout)
    await noTempFilesLeft()

    // The slots, and the cut cart's own turn, are free at once.
    expect((await upload(carts[cap].cartId, smallPdf()).answer).status).toBe(200)
    expect((await upload(carts[0].cartId, smallPdf()).answer).status).toBe(200)
  })

  it("refuses mid-body at once and closes the connection: a file past 10 MB, a file that is no document; the rest is never read", async () => {
    const { cartId } = await incomeProofCart()
    const calls = attachmentCalls()
    // Chunked, 100 MB: no Content-Length for the declared-size check to refuse up front.
    const refusedMidBody = async (head: Buffer) => {
      const sent = upload(cartId, [{ filename: NAMES[0], contentType: "application/pdf", size: 100 * MB, head }], {
        chunked: true,
      })
      const answer = await within(30_000, sent.answer, "answer")
      await within(5_000, sent.closed, "connection closed")
      return { answer, written: sent.written() }
    }

    const large = await refusedMidBody(PDF)
    expect(large.answer.status).toBe(413)
    expect(large.answer.body).toMatchObject({ code: "file_too_large", field: "files" })
    expect(large.answer.headers.connection).toBe("close")
    // 10 MB read, plus what the sockets' buffers took in meanwhile.
    expect(large.written).toBeLessThan(30 * MB)

    const text = await refusedMidBody(Buffer.from("Jan Kowalski, PESEL 90010112345, dochód"))
    expect(text.answer.status).toBe(400)
    expect(text.answer.body).toMatchObject({ code: "unsupported_file_type", field: "files" })
    expect(text.answer.headers.connection).toBe("close")
    expect(text.written).toBeLessThan(20 * MB)
    for (const name of NAMES) expect(large.answer.text + text.answer.text).not.toContain(name)
    expect(attachmentCalls()).toBe(calls)
    await noTempFilesLeft()
    // The cart's turn and the slot are free again.
    expect((await upload(cartId, smallPdf()).answer).status).toBe(200)
  })

  it("forwards accepted files under generated names by their sniffed type: no shopper file name is echoed, logged or sent to Inbank", async () => {
    const { cartId, uuid } = await incomeProofCart()
    const answer = await upload(cartId, [
      { filename: NAMES[0], contentType: "application/pdf", size: 300 * 1024, head: PDF },
      // A PNG the browser declared as PDF: its content decides.
      { filename: NAMES[1], contentType: "application/pdf", size: 2048, head: PNG },
    ]).answer

    expect(answer.status).toBe(200)
    expect(answer.body.inbank.next_action.type).not.toBe("upload_income_proof")
    const forwarded = ctx.sandbox.bank.state.applications.get(uuid)!.attachments
    expect(forwarded.map((file) => [file.filename, file.size])).toEqual([
      ["dochod-1.pdf", 300 * 1024],
      ["dochod-2.png", 2048],
    ])
    const seen = JSON.stringify([...ctx.sandbox.bank.state.applications.values()]) + answer.text + capturedLogs()
    for (const name of NAMES) expect(seen).not.toContain(name)
    await noTempFilesLeft()
  })
}
