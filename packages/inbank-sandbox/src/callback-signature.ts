import { createHmac } from "node:crypto"

/**
 * The `hmac` field of a callback: "SHA512 HMAC, over the timestamp and message from the request,
 * concatenated with . delimiter. Your shop API key is used as HMAC secret" (partner API reference
 * 2024-07-19 and direct API guide 2025-02-25, "Callback authenticity validation"; their examples
 * are hex digests). `message` is the form field's value as the receiver reads it.
 *
 * @returns 128 lower-case hex characters.
 */
export function callbackHmac(apiKey: string, timestamp: string, message: string): string {
  return createHmac("sha512", apiKey).update(`${timestamp}.${message}`, "utf8").digest("hex")
}
