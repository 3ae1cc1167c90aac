import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import multer from "multer"
import { PluginHttpError } from "./http-error"
import { refuseUnread } from "./refuse-unread"
import { DOCUMENT_TYPES, sniffDocument, SNIFF_BYTES } from "./sniff-document"

const MAX_FILES = 5
const MAX_FILE_MB = 10
/** The files at their limit plus room for part headers and the few small fields. */
const MAX_BODY_BYTES = MAX_FILES * MAX_FILE_MB * 1024 * 1024 + 64 * 1024

/** A received income-proof document, on disk until the answer is sent. */
export interface IncomeProofFile {
  path: string
  /** Generated from its position and sniffed type (`dochod-1.pdf`), never the shopper's file name. */
  name: string
  /** The sniffed type: application/pdf, image/jpeg or image/png. */
  contentType: string
}

const received = new WeakMap<MedusaRequest, IncomeProofFile[]>()

let folder: string | undefined
/**
 * This process's private folder (mkdtemp: mode 0700, random suffix), made on the first upload,
 * named after the pid so a killed process's leftovers are recognisable, and removed on exit.
 * Multer names the files randomly.
 */
function uploadFolder(): string {
  if (!folder) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), `inbank-income-proof-${process.pid}-`))
    process.once("exit", () => fs.rmSync(made, { recursive: true, force: true }))
    folder = made
  }
  return folder
}

const upload = multer({
  storage: multer.diskStorage({ destination: (_req, _file, done) => done(null, uploadFolder()) }),
  limits: { fileSize: MAX_FILE_MB * 1024 * 1024, files: MAX_FILES, fields: 10, fieldSize: 1024, fieldNameSize: 100, parts: MAX_FILES + 10, headerPairs: 20 },
}).array("files", MAX_FILES)

const refusal = {
  tooLarge: new PluginHttpError(413, "file_too_large", `Każdy plik może mieć najwyżej ${MAX_FILE_MB} MB.`, { field: "files" }),
  bodyTooLarge: new PluginHttpError(413, "request_too_large", `Można przesłać najwyżej ${MAX_FILES} plików po ${MAX_FILE_MB} MB.`, { field: "files" }),
  tooMany: new PluginHttpError(413, "too_many_files", `Można przesłać najwyżej ${MAX_FILES} plików.`, { field: "files" }),
  wrongField: new PluginHttpError(400, "unexpected_field", 'Pliki prześlij w polu "files".', { field: "files" }),
  unreadable: new PluginHttpError(400, "invalid_upload", "Nie udało się odczytać przesłanych plików.", { field: "files" }),
  none: new PluginHttpError(400, "files_required", "Dołącz co najmniej jeden dokument: PDF, JPG lub PNG.", { field: "files" }),
  wrongType: new PluginHttpError(400, "unsupported_file_type", "Każdy plik musi być dokumentem PDF, JPG lub PNG.", { field: "files" }),
}

/**
 * The income-proof documents (multipart field `files`: 1–5 files of at most 10 MB) written to a
 * private temporary folder as they arrive, so memory does not grow with their size. Each file's
 * first bytes decide its type; the declared type and the file name are ignored. Refusals are
 * PluginHttpErrors naming `files` and no file. The files are deleted when the answer has been
 * sent or the client has gone, whatever happened in between. The route reads them with
 * `receivedIncomeProof`. A body whose declared length exceeds what the limits allow is refused
 * (413 `request_too_large`) unread; others are cut off by multer's limits as they arrive.
 */
export function incomeProofUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) return refuseUnread(res, next, refusal.bodyTooLarge)
  res.once("close", () => {
    for (const file of multerFiles(req)) if (file.path) fs.rm(file.path, { force: true }, () => {})
  })
  upload(req, res, (error: unknown) => {
    if (error) return refuse(res, next, error)
    sniffAll(multerFiles(req)).then(
      (files) => {
        received.set(req, files)
        next()
      },
      (sniffError) => refuse(res, next, sniffError)
    )
  })
}

/** The documents incomeProofUpload accepted for this request. */
export function receivedIncomeProof(req: MedusaRequest): IncomeProofFile[] {
  const files = received.get(req)
  if (!files) throw new Error("incomeProofUpload must run before the income-proof route")
  return files
}

function multerFiles(req: MedusaRequest): Express.Multer.File[] {
  const files = (req as unknown as { files?: unknown }).files
  return Array.isArray(files) ? files : []
}

async function sniffAll(files: Express.Multer.File[]): Promise<IncomeProofFile[]> {
  if (!files.length) throw refusal.none
  return Promise.all(
    files.map(async (file, i) => {
      const kind = sniffDocument(await readHead(file.path))
      if (!kind) throw refusal.wrongType
      const { contentType, extension } = DOCUMENT_TYPES[kind]
      return { path: file.path, name: `dochod-${i + 1}.${extension}`, contentType }
    })
  )
}

async function readHead(filePath: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(filePath, "r")
  try {
    const head = new Uint8Array(SNIFF_BYTES)
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Multer's errors would reach Medusa's handler as 500s carrying the shopper's file name. */
function refuse(res: MedusaResponse, next: MedusaNextFunction, error: unknown): void {
  if (error instanceof PluginHttpError) return error.send(res)
  if (error instanceof multer.MulterError) {
    const known = error.code === "LIMIT_FILE_SIZE" ? refusal.tooLarge
      : error.code === "LIMIT_FILE_COUNT" ? refusal.tooMany
      : error.code === "LIMIT_UNEXPECTED_FILE" ? refusal.wrongField
      : refusal.unreadable
    return known.send(res)
  }
  // System errors (a full disk) are the server's; anything else is busboy refusing a malformed form.
  const systemError = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string"
  if (systemError) return next(error)
  refusal.unreadable.send(res)
}
