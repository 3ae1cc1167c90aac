import Medusa from "@medusajs/js-sdk"

/** The admin's own session; requests go to the Medusa server that serves this admin. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  auth: { type: "session" },
})
