import type { z } from "@medusajs/framework/zod"
import type { PluginHttpError } from "../http-error"
import { isMessageCode, MessageCode } from "./catalogue"
import { fieldLabel } from "./field-labels"
import { MessageParams, oneOf } from "./params"
import { storeRefusal } from "./refusal"

type FormIssue = z.ZodError["issues"][number]

/**
 * A store form's refusal (400) from zod's issues: the first problem is the answer's `code`, `field`
 * and `message`, and `errors` lists one problem per field. A field's code is the one its validator
 * names in zod's `error` (`invalid_pesel`, `invalid_phone`...); otherwise `required` (missing or
 * empty), `too_long`, `invalid_choice`, `unknown_field` (named by the object holding it: the
 * unknown key is the client's text) or `invalid_value`. Messages never carry what was submitted.
 * @param body the request body as received, to tell a missing field from a wrong one.
 * @throws Error when `issues` is empty (there is nothing to refuse).
 */
export function formRefusal(issues: readonly FormIssue[], body: unknown): PluginHttpError {
  const byField = new Map<string, Problem>()
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "body"
    if (!byField.has(field)) byField.set(field, { code: codeOf(issue, body), field, params: paramsOf(issue, field) })
  }
  const problems = [...byField.values()]
  if (!problems.length) throw new Error("formRefusal needs at least one issue")
  const [{ code, ...first }] = problems
  return storeRefusal(code, { ...first, errors: problems.map(({ code, ...problem }) => storeRefusal(code, problem)) })
}

interface Problem {
  code: MessageCode
  field: string
  params: MessageParams
}

function codeOf(issue: FormIssue, body: unknown): MessageCode {
  if (issue.code === "unrecognized_keys") return "unknown_field"
  const empty = issue.code === "too_small" && issue.origin === "string"
  if (empty || valueAt(body, issue.path) === undefined) return "required"
  if (isMessageCode(issue.message)) return issue.message
  if (issue.code === "invalid_value") return "invalid_choice"
  if (issue.code === "too_big" && issue.origin === "string") return "too_long"
  return "invalid_value"
}

function paramsOf(issue: FormIssue, field: string): MessageParams {
  return {
    field: fieldLabel(field),
    ...(issue.code === "too_big" && { max: Number(issue.maximum) }),
    ...(issue.code === "invalid_value" && { options: oneOf(issue.values.map(String)) }),
  }
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    body,
  )
}
