import { defineMiddlewares } from "@medusajs/framework/http"
import {
  StoreInbankApplication,
  StoreInbankBankVerification,
  StoreInbankSigning,
  StoreInbankSigningConfirm,
} from "./store/carts/[id]/inbank/validators"
import { incomeProofUpload } from "./income-proof-upload"
import { staffRequestGuard } from "./staff-request-guard"
import { storeCors } from "./store-cors"
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
      middlewares: [incomeProofUpload],
    },
    {
      // Staff actions: JSON only and from the admin's origin, so another page cannot use the staff's cookie.
      method: ["POST", "PUT", "PATCH", "DELETE"],
      matcher: "/admin/inbank/*",
      middlewares: [staffRequestGuard],
    },
  ],
})
