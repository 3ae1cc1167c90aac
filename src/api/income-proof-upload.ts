import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { Readable, Writable } from "node:stream"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import multer from "multer"
import { INBANK_MODULE } from "../modules/inbank"
import type InbankModuleService from "../modules/inbank/service"
import { PluginHttpError } from "./http-error"
import { storeRefusal } from "./messages/refusal"
import { refuseUnread } from "./refuse-unread"
import { DocumentKind, DOCUMENT_TYPES, sniffDocument, SNIFF_BYTES } from "./sniff-document"

const MAX_FILES = 5
const MAX_FILE_MB = 10
/** The files at their limit plus room for part headers and the few small fields. */
const MAX_BODY_BYTES = MAX_FILES * MAX_FILE_MB * 1024 * 1024 + 64 * 1024
/** After a refusal, how long the answer may take to be flushed before the socket is destroyed anyway. */
const CLOSE_GRACE_MS = 1_000

/** A received income-proof document, on disk until the answer is sent. */
export interface IncomeProofFile {
  path: string
  /** Generated from its position and sniffed type (`dochod-1.pdf`), never the shopper's file name. */
  name: string
  /** The sniffed type: application/pdf, image/jpeg or image/png. */
  contentType: string
}

/** One upload in progress: what it has written, and how to stop it. */
interface Upload {
  /**
   * Every file this request has created, whole or partial, with its write stream's closing: the
   * file is deleted when the response closes, once the stream has closed (a stream stopped before
   * its file was opened would otherwise create it after the deletion).
   */
  files: Map<string, Promise<void>>
  /** Each file's type, sniffed from its first bytes as they arrived. */
  kinds: Map<string, DocumentKind>
  /** Stops the files still being written (closes them and settles multer's callback). */
  stops: Set<(error: unknown) => void>
  /** Answers with this refusal now and closes the connection; later calls do nothing. */
  cut: (error: unknown) => void
  /** Set once answered by `cut`, or once the body has been read whole. */
  ended: boolean
  /** Busboy has parsed the whole body. */
  bodyRead: boolean
}

const uploads = new WeakMap<MedusaRequest, Upload>()
const received = new WeakMap<MedusaRequest, IncomeProofFile[]>()

let folder: string | undefined
/**
 * This process's private folder (mkdtemp: mode 0700, random suffix), made on the first upload,
 * named after the pid so a killed process's leftovers are recognisable, and removed on exit.
 */
function uploadFolder(): string {
  if (!folder) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), `inbank-income-proof-${process.pid}-`))
    process.once("exit", () => fs.rmSync(made, { recursive: true, force: true }))
    folder = made
  }
  return folder
}

const files = { field: "files", params: { maxFiles: MAX_FILES, maxMb: MAX_FILE_MB } }
const refusal = {
  tooLarge: storeRefusal("file_too_large", files),
  bodyTooLarge: storeRefusal("request_too_large", files),
  tooMany: storeRefusal("too_many_files", files),
  wrongField: storeRefusal("unexpected_field", files),
  unreadable: storeRefusal("invalid_upload", files),
  none: storeRefusal("files_required", files),
  wrongType: storeRefusal("unsupported_file_type", files),
  timedOut: storeRefusal("upload_timeout", files),
}

/**
 * Writes each file to the private folder under a random name (mode 0600), noting its path before
 * the first byte so that a cut upload leaves nothing behind, and sniffs its type from its first
 * bytes as they pass: a file that is not a PDF, JPEG or PNG cuts the upload there.
 */
const storage: multer.StorageEngine = {
  _handleFile(req, file, done) {
    const upload = uploads.get(req as unknown as MedusaRequest)
    if (!upload || upload.ended) {
      file.stream.resume()
      return done(new Error("upload already ended"))
    }
    const filePath = path.join(uploadFolder(), crypto.randomBytes(16).toString("hex"))
    const out = fs.createWriteStream(filePath, { flags: "wx", mode: 0o600 })
    upload.files.set(filePath, new Promise((resolve) => out.once("close", () => resolve())))
    let settled = false
    let size = 0
    let head = Buffer.alloc(0)
    let sniffed = false
    const settle = (error?: unknown, info?: Partial<Express.Multer.File>) => {
      if (settled) return
      settled = true
      upload.stops.delete(stop)
      done(error, info)
    }
    const stop = (error: unknown) => {
      file.stream.unpipe(out)
      out.destroy()
      file.stream.resume()
      settle(error)
    }
    upload.stops.add(stop)
    const sniff = () => {
      sniffed = true
      const kind = sniffDocument(head)
      if (kind) upload.kinds.set(filePath, kind)
      else upload.cut(refusal.wrongType)
    }
    file.stream.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (sniffed) return
      head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES)]).subarray(0, SNIFF_BYTES)
      if (head.length >= SNIFF_BYTES) sniff()
    })
    file.stream.once("end", () => {
      if (!sniffed) sniff()
    })
    out.once("error", (error) => settle(error))
    out.once("finish", () => settle(undefined, { path: filePath, size }))
    file.stream.pipe(out)
  },
  _removeFile(_req, file, done) {
    fs.rm(file.path, { force: true }, () => done(null))
  },
}

/** Busboy as multer hands it to `streamHandler`: only the events looked at here. */
type Busboy = Writable & { on(event: string, listener: (...args: never[]) => void): Busboy }

/**
 * Feeds the body to busboy as multer would, and cuts the upload at the first limit busboy reports:
 * multer itself would read (and discard) the rest of the body before reporting it. Anything else
 * multer aborts on (a malformed form) is cut one turn later, once the specific listeners have run.
 */
function streamHandler(req: Readable, busboy: Busboy): void {
  const upload = uploads.get(req as unknown as MedusaRequest)!
  busboy.on("file", (field: string, stream: Readable, info: { filename?: string }) => {
    if (field !== "files" && info.filename) return upload.cut(refusal.wrongField)
    stream.once("limit", () => upload.cut(refusal.tooLarge))
  })
  busboy.on("field", (_name: string, _value: string, info: { nameTruncated: boolean; valueTruncated: boolean }) => {
    if (info.nameTruncated || info.valueTruncated) upload.cut(refusal.unreadable)
  })
  busboy.on("filesLimit", () => upload.cut(refusal.tooMany))
  busboy.on("partsLimit", () => upload.cut(refusal.unreadable))
  busboy.on("fieldsLimit", () => upload.cut(refusal.unreadable))
  busboy.on("error", () => upload.cut(refusal.unreadable))
  busboy.on("close", () => {
    upload.bodyRead = true
  })
  // Multer unpipes when it finishes or aborts; an abort before the body's end is a refusal.
  busboy.on("unpipe", () => setImmediate(() => !upload.bodyRead && upload.cut(refusal.unreadable)))
  req.pipe(busboy)
}

const receive = multer({
  storage,
  limits: {
    fileSize: MAX_FILE_MB * 1024 * 1024,
    files: MAX_FILES,
    fields: 10,
    fieldSize: 1024,
    fieldNameSize: 100,
    parts: MAX_FILES + 10,
    headerPairs: 20,
  },
  streamHandler,
} as multer.Options).array("files", MAX_FILES)

/**
 * The income-proof documents (multipart field `files`: 1–5 files of at most 10 MB) written to a
 * private temporary folder as they arrive, so memory does not grow with their size. Each file's
 * first bytes decide its type; the declared type and the file name are ignored. The route reads
 * the accepted files with `receivedIncomeProof`.
 *
 * Refusals are PluginHttpErrors naming `files` and no file. Those made while the body is still
 * arriving are answered at once with `Connection: close`, and the socket is closed (destroyed
 * after at most CLOSE_GRACE_MS if the answer cannot be flushed): the rest of the body is never
 * read, and the upload's slot (uploadSlots) is free as soon as the answer is out:
 * - a body declared over 5 × 10 MB + 64 KiB: 413 `request_too_large`, before any of it is read;
 * - a file past 10 MB: 413 `file_too_large`; a sixth file: 413 `too_many_files`;
 * - a file whose first bytes are not a PDF, JPEG or PNG: 400 `unsupported_file_type`;
 * - a file in a field other than `files`: 400 `unexpected_field`; a malformed form: 400 `invalid_upload`;
 * - a body not received whole within the `uploadTimeoutSeconds` plugin option (default 240 s)
 *   from this middleware's start: 400 `upload_timeout` (not 408, which some browsers resend on
 *   their own when it comes on a reused connection).
 * A body read whole without a file: 400 `files_required`. A write error (a full disk) goes to
 * Medusa's error handler. Every file is deleted when the response closes, whatever happened.
 */
export function incomeProofUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) return refuseUnread(res, next, refusal.bodyTooLarge)
  const { uploadTimeoutSeconds } = req.scope.resolve<InbankModuleService>(INBANK_MODULE).settings

  const upload: Upload = {
    files: new Map(),
    kinds: new Map(),
    stops: new Set(),
    ended: false,
    bodyRead: false,
    cut: (error) => {
      if (upload.ended) return
      upload.ended = true
      clearTimeout(deadline)
      for (const stop of [...upload.stops]) stop(error)
      req.unpipe()
      // The request stream may be destroyed once its body has been read: the socket tells whether the client is still
      // there.
      if (res.headersSent || res.writableEnded || !req.socket || req.socket.destroyed) return void req.socket?.destroy()
      res.setHeader("Connection", "close")
      res.once("finish", () => setTimeout(() => req.socket?.destroy(), CLOSE_GRACE_MS).unref())
      if (error instanceof PluginHttpError) error.send(res)
      else next(error)
    },
  }
  uploads.set(req, upload)
  const deadline = setTimeout(() => upload.cut(refusal.timedOut), uploadTimeoutSeconds * 1000)
  res.once("close", () => {
    clearTimeout(deadline)
    upload.ended = true
    for (const stop of [...upload.stops]) stop(new Error("response closed"))
    for (const [filePath, closed] of upload.files) void closed.then(() => fs.rm(filePath, { force: true }, () => {}))
  })

  receive(req, res, (error: unknown) => {
    if (upload.ended) return
    if (error) return upload.cut(known(error))
    upload.ended = true
    clearTimeout(deadline)
    const files = multerFiles(req)
    if (!files.length) return refusal.none.send(res)
    received.set(
      req,
      files.map((file, i) => {
        const { contentType, extension } = DOCUMENT_TYPES[upload.kinds.get(file.path)!]
        return { path: file.path, name: `dochod-${i + 1}.${extension}`, contentType }
      }),
    )
    next()
  })
}

/**
 * The documents incomeProofUpload accepted for this request, in the order sent.
 * @throws Error when incomeProofUpload has not accepted this request (a wiring mistake).
 */
export function receivedIncomeProof(req: MedusaRequest): IncomeProofFile[] {
  const files = received.get(req)
  if (!files) throw new Error("incomeProofUpload must run before the income-proof route")
  return files
}

function multerFiles(req: MedusaRequest): Express.Multer.File[] {
  const files = (req as unknown as { files?: unknown }).files
  if (!Array.isArray(files)) return []
  return (files as (Express.Multer.File | undefined)[]).filter((file): file is Express.Multer.File =>
    Boolean(file?.path),
  )
}

/**
 * Multer's errors would reach Medusa's handler as 500s carrying the shopper's file name. System
 * errors (a full disk) are the server's; anything else is busboy refusing a malformed form.
 */
function known(error: unknown): unknown {
  if (error instanceof PluginHttpError) return error
  if (error instanceof multer.MulterError) {
    return error.code === "LIMIT_FILE_SIZE"
      ? refusal.tooLarge
      : error.code === "LIMIT_FILE_COUNT"
        ? refusal.tooMany
        : error.code === "LIMIT_UNEXPECTED_FILE"
          ? refusal.wrongField
          : refusal.unreadable
  }
  const systemError = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string"
  return systemError ? error : refusal.unreadable
}
