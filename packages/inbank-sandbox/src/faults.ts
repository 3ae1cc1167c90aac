import { z } from "zod"

/**
 * Faults injected per endpoint (the client's endpoint names, e.g. "getContract", or "*").
 * `when: "after"` lets the request take effect before the fault hits the answer: the case of
 * a POST that created an application although the caller saw a timeout.
 */
export const faultSchema = z.object({
  endpoint: z.string().min(1),
  kind: z.enum(["error", "timeout", "reset", "malformed", "latency"]),
  status: z.number().int().min(400).max(599).default(503),
  latencyMs: z.number().int().min(0).default(0),
  when: z.enum(["before", "after"]).default("before"),
  /** How many requests it hits; absent = until cleared. */
  times: z.number().int().min(1).optional(),
})

export type Fault = z.output<typeof faultSchema>

export class FaultRegistry {
  private faults: Fault[] = []

  add(fault: Fault): void {
    this.faults.push(fault)
  }

  list(): Fault[] {
    return [...this.faults]
  }

  clear(): void {
    this.faults = []
  }

  /** The fault for this request, if any; counts one use. */
  take(endpoint: string): Fault | undefined {
    const fault = this.faults.find((f) => f.endpoint === endpoint || f.endpoint === "*")
    if (!fault) return undefined
    if (fault.times !== undefined) {
      fault.times -= 1
      if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault)
    }
    return fault
  }
}
