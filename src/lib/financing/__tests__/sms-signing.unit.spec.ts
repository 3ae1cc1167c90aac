import { maskPhone, resendInSeconds, smsSigningView } from "../sms-signing"

const sentAt = new Date("2026-12-01T10:00:00Z")
const at = (seconds: number) => sentAt.getTime() + seconds * 1000
const record = (over: Partial<{ sms_sent_at: Date | null; sms_failed_attempts: number }> = {}) => ({
  phone_masked: "+48 *** *** 200",
  sms_sent_at: sentAt,
  sms_failed_attempts: 0,
  ...over,
})

describe("maskPhone: only the last three digits of the normalised mobile", () => {
  it.each([
    ["+48600100200", "+48 *** *** 200"],
    ["600100200", "+48 *** *** 200"],
    ["+48 12", null],
  ])("%s → %s", (mobile, masked) => expect(maskPhone(mobile)).toBe(masked))
})

describe("resendInSeconds: the cooldown after a code, lifted when the code is void", () => {
  it.each<[string, ReturnType<typeof record>, number, number]>([
    ["no code sent yet", record({ sms_sent_at: null }), 0, 0],
    ["just sent", record(), 0, 30],
    ["12.5 s later: 18 s left, rounded up", record(), 12.5, 18],
    ["30 s later", record(), 30, 0],
    ["two wrong tries: still cooling down", record({ sms_failed_attempts: 2 }), 5, 25],
    ["void after three wrong tries: at once", record({ sms_failed_attempts: 3 }), 5, 0],
  ])("%s", (_case, input, secondsLater, expected) =>
    expect(resendInSeconds(input, 30, at(secondsLater))).toBe(expected),
  )
})

describe("smsSigningView: tries left per code", () => {
  it("counts down to a void code", () => {
    expect(smsSigningView(record({ sms_failed_attempts: 1 }), 30, at(40))).toEqual({
      phone: "+48 *** *** 200",
      attempts_left: 2,
      code_void: false,
      resend_in_seconds: 0,
    })
    expect(smsSigningView(record({ sms_failed_attempts: 3 }), 30, at(1))).toMatchObject({
      attempts_left: 0,
      code_void: true,
      resend_in_seconds: 0,
    })
  })
})
