/** An answer the way Inbank words its errors: `{"error": ["..."]}` (partner API reference, "Authentication"). */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
  ) {
    super(messages.join("; "))
  }
}

export const notFound = (what: string) => new SandboxError(404, [`${what} not found`])
export const unprocessable = (...messages: string[]) => new SandboxError(422, messages)
