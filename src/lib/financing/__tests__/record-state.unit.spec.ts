import type { FetchedState } from "inbank-partner-api"
import { InbankApplicationRecord, recordUpdateFrom } from "../record-state"

const record = {
  id: "inbapp_1",
  application_uuid: "11111111-1111-4111-8111-111111111111",
  previous_uuids: { uuids: [] },
  raw_amount: { value: "399" },
  period: 12,
  decision_status: "pending",
  application_signed: false,
  contract_uuid: null,
} as unknown as InbankApplicationRecord

const answer = (creditApplication: Record<string, unknown>): FetchedState =>
  ({
    application: {
      creditApplication: {
        decisionStatus: "positive",
        decisionMessages: [],
        changedConditions: false,
        ...creditApplication,
      },
    },
    contract: null,
  }) as FetchedState

describe("recordUpdateFrom: the record follows the application Inbank finances", () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      "same conditions: period kept, amount untouched",
      { uuid: record.application_uuid, amount: "399.00", period: 12 },
      { period: 12 },
    ],
    [
      "changed conditions: new UUID, the old one kept, the new period",
      {
        uuid: "22222222-2222-4222-8222-222222222222",
        amount: "399.00",
        period: 18,
        changedConditions: true,
        previousUuid: record.application_uuid,
      },
      {
        application_uuid: "22222222-2222-4222-8222-222222222222",
        previous_uuids: { uuids: [record.application_uuid] },
        period: 18,
      },
    ],
    [
      "changed conditions with another amount: the amount financed",
      { uuid: "33333333-3333-4333-8333-333333333333", amount: "350.00", period: 12 },
      { amount: "350.00" },
    ],
    ["an answer without period or amount: the record's own", { uuid: record.application_uuid }, { period: 12 }],
  ])("%s", (_case, creditApplication, expected) => {
    const update = recordUpdateFrom(record, answer(creditApplication))
    expect(update).toMatchObject(expected)
    // The amount column is written only when Inbank finances another amount.
    expect("amount" in update).toBe("amount" in expected)
  })
})
