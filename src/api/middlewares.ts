import { defineMiddlewares } from "@medusajs/framework/http"
import {
  StoreInbankApplication,
  StoreInbankBankVerification,
  StoreInbankSigning,
  StoreInbankSigningConfirm,
} from "./store/carts/[id]/inbank/validators"
import { requireIncomeProofStep } from "./income-proof-gate"
import { incomeProofUpload } from "./income-proof-upload"
import { refuseGenericInbankSession } from "./refuse-generic-inbank-session"
import { refuseInbankCaptureMiddleware } from "./admin/refuse-inbank-capture"
import { adminOriginGuard, staffRequestGuard } from "./staff-request-guard"
import { storeCors } from "./store-cors"
import { uploadSlots } from "./upload-slots"
import { validateBodyNamingFields } from "./validate-body"

export default defineMiddlewares({
  routes: [
    {
      // Inbank's callbacks: the raw form is needed to check the HMAC over the message as sent.
      method: ["POST"],
      matcher: "/hooks/inbank",
      bodyParser: { preserveRawBody: true, sizeLimit: "16kb" },
    },
    {
      // Medusa's own session route would let a client choose an Inbank session's data (a copied application).
      method: ["POST"],
      matcher: "/store/payment-collections/:id/payment-sessions",
      middlewares: [refuseGenericInbankSession],
    },
    {
      // Offers for product pages: public, for any storefront origin the store allows.
      matcher: "/inbank-offers",
      middlewares: [storeCors()],
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
      // The state is checked and a slot taken before the body is read; multer alone reads it.
      bodyParser: false,
      middlewares: [requireIncomeProofStep, uploadSlots(), incomeProofUpload],
    },
    {
      // Medusa's own admin routes capture (approve) and cancel Inbank financing too: from the admin's origin only.
      method: ["POST", "PUT", "PATCH", "DELETE"],
      matcher: "/admin/*",
      middlewares: [adminOriginGuard],
    },
    {
      // Medusa's own capture: not of a cancelled order, not of a part (Inbank approves the whole contract).
      method: ["POST"],
      matcher: "/admin/payments/:id/capture",
      middlewares: [refuseInbankCaptureMiddleware],
    },
    {
      // Staff actions: JSON only and from the admin's origin, so another page cannot use the staff's cookie.
      method: ["POST", "PUT", "PATCH", "DELETE"],
      matcher: "/admin/inbank/*",
      middlewares: [staffRequestGuard],
    },
  ],
})
