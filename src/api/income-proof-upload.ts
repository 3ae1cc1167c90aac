import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"

const INCOME_PROOF_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"])
const MAX_FILES = 5
const MAX_FILE_MB = 10

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_FILE_MB * 1024 * 1024, files: MAX_FILES, fields: 10, fieldSize: 1024 },
  fileFilter: (_req, file, accept) => {
    if (INCOME_PROOF_TYPES.has(file.mimetype)) return accept(null, true)
    accept(new MedusaError(MedusaError.Types.INVALID_DATA, `files: ${file.originalname} is not a PDF, JPG or PNG`))
  },
}).array("files", MAX_FILES)

/** Multer's limit errors would reach Medusa's error handler as 500s: answer them as 413 / 400 naming `files`. */
export function incomeProofUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload(req, res, (error: unknown) => {
    if (!(error instanceof multer.MulterError)) return next(error)
    const tooLarge = error.code === "LIMIT_FILE_SIZE" || error.code === "LIMIT_FILE_COUNT" || error.code === "LIMIT_FIELD_VALUE"
    const message =
      error.code === "LIMIT_FILE_SIZE" ? `files: each file may be at most ${MAX_FILE_MB} MB`
      : error.code === "LIMIT_FILE_COUNT" || error.code === "LIMIT_UNEXPECTED_FILE" ? `files: at most ${MAX_FILES} files, in the field "files"`
      : `files: ${error.message}`
    res.status(tooLarge ? 413 : 400).json({ type: "invalid_data", message })
  })
}
