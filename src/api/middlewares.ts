import { defineMiddlewares } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import {
  StoreInbankApplication,
  StoreInbankBankVerification,
  StoreInbankSigning,
  StoreInbankSigningConfirm,
} from "./store/carts/[id]/inbank/validators"
import { validateBodyNamingFields } from "./validate-body"

const INCOME_PROOF_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"])

const incomeProofUpload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: 10 * 1024 * 1024, files: 5 },
  fileFilter: (_req, file, accept) => {
    if (INCOME_PROOF_TYPES.has(file.mimetype)) return accept(null, true)
    accept(new MedusaError(MedusaError.Types.INVALID_DATA, `files: ${file.originalname} is not a PDF, JPG or PNG`))
  },
})

export default defineMiddlewares({
  routes: [
    {
      // Inbank's callbacks: the raw form is needed to check the HMAC over the message as sent.
      method: ["POST"],
      matcher: "/hooks/inbank",
      bodyParser: { preserveRawBody: true, sizeLimit: "16kb" },
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/inbank/application",
      bodyParser: { sizeLimit: "64kb" },
      middlewares: [validateBodyNamingFields(StoreInbankApplication)],
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/inbank/signing",
      bodyParser: { sizeLimit: "4kb" },
      middlewares: [validateBodyNamingFields(StoreInbankSigning)],
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/inbank/signing/confirm",
      bodyParser: { sizeLimit: "4kb" },
      middlewares: [validateBodyNamingFields(StoreInbankSigningConfirm)],
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/inbank/bank-verification",
      bodyParser: { sizeLimit: "4kb" },
      middlewares: [validateBodyNamingFields(StoreInbankBankVerification)],
    },
    {
      method: ["POST"],
      matcher: "/store/carts/:id/inbank/income-proof",
      middlewares: [incomeProofUpload.array("files", 5)],
    },
  ],
})
